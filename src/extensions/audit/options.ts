/**
 * `aws-iam audit <subcommand> [options]`, parsed with the same argparse emulation as every
 * command. The options are the subcommand's own: none shares a prefix with a global option, so
 * no abbreviation the AWS CLI accepts (`--pro`, `--deb`, `--out`) changes meaning.
 */
import { CliError } from '../../errors/cli-error.js';
import { ArgParseError, parseKnownArgs, type ArgSpec } from '../../cli/argparse.js';
import type { SourceChoice } from './audit.js';
import type { MfaRequirement } from './report.js';

export const SOURCES = ['auto', 'credential-report', 'api'] as const;
export const MFA_REQUIREMENTS = ['any', 'phishing-resistant'] as const;
export const DEFAULT_CONCURRENCY = 8;

export const MFA_ARGS: readonly ArgSpec[] = [
  { flag: '--source', dest: 'source', nargs: 'one', choices: SOURCES },
  { flag: '--fail-on-findings', dest: 'failOnFindings', nargs: 'zero', constant: true },
  { flag: '--max-concurrency', dest: 'maxConcurrency', nargs: 'one', type: 'int' },
  // `--re`/`--reg` stay `--region` (global options win prefix matches); `--req` is this one.
  { flag: '--require-mfa', dest: 'requireMfa', nargs: 'one', choices: MFA_REQUIREMENTS },
];

export interface MfaOptions {
  readonly source: SourceChoice;
  readonly failOnFindings: boolean;
  readonly maxConcurrency: number;
  readonly requireMfa: MfaRequirement;
}

export type AuditCommandLine = { kind: 'help'; subcommand?: string } | { kind: 'mfa'; options: MfaOptions };

const SUBCOMMANDS = ['mfa'];

export function parseAuditArgs(args: readonly string[]): AuditCommandLine {
  let parsed;
  try {
    parsed = parseKnownArgs(MFA_ARGS, args);
  } catch (error) {
    if (error instanceof ArgParseError) throw new CliError('usage', error.message);
    throw error;
  }
  const [subcommand, ...others] = parsed.positionals;
  if (subcommand === undefined) throw new CliError('usage', 'the following arguments are required: subcommand');
  if (subcommand === 'help') return { kind: 'help' };
  if (!SUBCOMMANDS.includes(subcommand)) {
    throw new CliError('usage', `argument subcommand: Found invalid choice '${subcommand}'\n\nValid choices are:\n  ${SUBCOMMANDS.join('\n  ')}`);
  }
  // Like an operation's parser: one optional positional (`help`); anything else is unknown.
  if (others[0] === 'help') return { kind: 'help', subcommand };
  const first = parsed.extras.findIndex((e) => e.positional);
  const unknown = parsed.extras.filter((_, i) => i !== first).map((e) => e.word);
  if (unknown.length > 0) throw new CliError('unknown-options', `Unknown options: ${unknown.join(', ')}`);
  const concurrency = parsed.values.get('maxConcurrency') as bigint | undefined;
  if (concurrency !== undefined && (concurrency < 1n || concurrency > 256n)) {
    throw new CliError('usage', `argument --max-concurrency: must be between 1 and 256, not ${concurrency}`);
  }
  return {
    kind: 'mfa',
    options: {
      source: (parsed.values.get('source') as SourceChoice | undefined) ?? 'auto',
      failOnFindings: parsed.values.get('failOnFindings') === true,
      maxConcurrency: concurrency === undefined ? DEFAULT_CONCURRENCY : Number(concurrency),
      requireMfa: (parsed.values.get('requireMfa') as MfaRequirement | undefined) ?? 'any',
    },
  };
}
