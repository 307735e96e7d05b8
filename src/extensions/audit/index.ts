/**
 * What callers outside `audit` use (the `across` command runs the audit once per account):
 *
 *   const iam = createIamReader(session.send, session.settings.timestampFormat);
 *   const learned = await learnOrganizationContext(callerIam, managementAccountId);   // once
 *   const report = await auditAccount(auditDeps(iam, { note, progress }), {
 *     source: 'auto', requireMfa: 'any', accountId: member.Id,
 *     organization: 'context' in learned ? learned.context : undefined,
 *   });
 *   report.Findings   // each carries AccountId; reportValue(report) for the formatters
 */
import type { Progress } from '../../progress/progress.js';
import { NO_PROGRESS } from '../../progress/progress.js';
import type { AuditDeps } from './audit.js';
import type { IamReader } from './iam-reader.js';
import { DEFAULT_CONCURRENCY } from './options.js';

export { auditAccount, type AuditDeps, type AuditOptions, type SourceChoice } from './audit.js';
export { createIamReader, type IamReader } from './iam-reader.js';
export { learnOrganizationContext, type OrganizationContext } from './organization.js';
export { reportValue, type Finding, type MfaReport, type MfaRequirement } from './report.js';
export { EXIT_FINDINGS } from './exit-codes.js';

/** How long to wait for IAM to generate the credential report. */
export const REPORT_TIMEOUT_MS = 120_000;

/** The audit's dependencies with the real clock and timers. */
export function auditDeps(
  iam: IamReader,
  options: { note: (message: string) => void; progress?: Progress; concurrency?: number; now?: () => number },
): AuditDeps {
  return {
    iam,
    progress: options.progress ?? NO_PROGRESS,
    note: options.note,
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
    wait: { sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), now: options.now ?? Date.now, timeoutMs: REPORT_TIMEOUT_MS },
  };
}
