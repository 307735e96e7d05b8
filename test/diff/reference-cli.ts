/**
 * Finds the reference AWS CLI (v2 2.36.7) for the differential suite: $AWS_IAM_REFERENCE_CLI,
 * then the install location of ../shared/reference-cli/install, then an `aws` on PATH that
 * reports version 2.36.7. A user's clone may have none: the suite then says so and skips.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const REFERENCE_VERSION = '2.36.7';

export function findReferenceCli(env = process.env): { path?: string; reason: string } {
  const candidates = [env.AWS_IAM_REFERENCE_CLI, '/opt/awscli-v2.36.7/aws', 'aws'].filter(Boolean) as string[];
  for (const candidate of candidates) {
    if (candidate.includes('/') && !existsSync(candidate)) continue;
    try {
      const version = execFileSync(candidate, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      if (version.startsWith(`aws-cli/${REFERENCE_VERSION} `)) return { path: candidate, reason: version.trim() };
    } catch {
      // not runnable: try the next one
    }
  }
  return {
    reason:
      `no AWS CLI ${REFERENCE_VERSION} found (set AWS_IAM_REFERENCE_CLI, or run ../shared/reference-cli/install, ` +
      `or put aws ${REFERENCE_VERSION} on PATH)`,
  };
}
