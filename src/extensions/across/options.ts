/**
 * `aws-iam across [across options] <command> [its options]`: the options of `across` are the
 * words before the command it runs; everything from the command on is that command's, parsed
 * exactly as a plain call parses it. So `--role-name` before the command is the role to assume,
 * and after `list-attached-role-policies` it is that operation's. No option of `across` is a
 * global option, so no abbreviation the AWS CLI accepts (`--pro`, `--out`) changes meaning.
 */
import { CliError } from '../../errors/cli-error.js';
import { ArgParseError, parseKnownArgs, type ArgSpec } from '../../cli/argparse.js';

export const DEFAULT_ROLE_NAME = 'OrganizationAccountAccessRole';
export const DEFAULT_CONCURRENCY = 8;
export const MAX_CONCURRENCY = 64;

export const ACROSS_ARGS: readonly ArgSpec[] = [
  { flag: '--profiles', dest: 'profiles', nargs: 'one' },
  { flag: '--organization', dest: 'organization', nargs: 'zero', constant: true },
  { flag: '--role-name', dest: 'roleName', nargs: 'one' },
  { flag: '--accounts', dest: 'accounts', nargs: 'one' },
  { flag: '--max-concurrency', dest: 'maxConcurrency', nargs: 'one', type: 'int' },
];

export type AccountSource =
  | { readonly kind: 'profiles'; readonly patterns: readonly string[] }
  | { readonly kind: 'organization'; readonly roleName: string; readonly accounts?: readonly string[] };

export interface AcrossOptions {
  readonly source: AccountSource;
  readonly maxConcurrency: number;
}

export type AcrossLine =
  | { readonly kind: 'help' }
  /** The options, the command's name and the words after it. */
  | { readonly kind: 'run'; readonly options: AcrossOptions; readonly command: string; readonly rest: readonly string[] };

const usage = (message: string): CliError => new CliError('usage', message);

/**
 * How many words an option of `specs` takes at `word` (exact, `--flag=value` or a unique
 * prefix, as argparse matches them): 0 if it is not one of them. Only for lines already
 * parsed, so ambiguity is not reported here.
 */
export function optionWordCount(specs: readonly ArgSpec[], word: string, next: string | undefined): number {
  if (!word.startsWith('--')) return 0;
  const name = word.includes('=') ? word.slice(0, word.indexOf('=')) : word;
  const exact = specs.find((s) => s.flag === name);
  const matches = exact ? [exact] : specs.filter((s) => s.flag.startsWith(name));
  if (matches.length !== 1) return matches.length > 1 ? 1 : 0;
  const takesValue = matches[0].nargs === 'one' && !word.includes('=');
  return takesValue && next !== undefined && !next.startsWith('-') ? 2 : 1;
}

/** Where the command starts: the first word that is neither an across option nor its value. */
export function commandIndex(args: readonly string[]): number {
  let i = 0;
  while (i < args.length && args[i].startsWith('-')) {
    const n = optionWordCount(ACROSS_ARGS, args[i], args[i + 1]);
    // An option that is not across's: reported by parseKnownArgs below as unknown.
    i += Math.max(n, 1);
  }
  return i;
}

export function parseAcrossArgs(args: readonly string[]): AcrossLine {
  const at = commandIndex(args);
  const own = args.slice(0, at);
  let parsed;
  try {
    parsed = parseKnownArgs(ACROSS_ARGS, own);
  } catch (error) {
    if (error instanceof ArgParseError) throw usage(error.message);
    throw error;
  }
  const unknown = parsed.extras.map((e) => e.word);
  if (unknown.length > 0) throw new CliError('unknown-options', `Unknown options: ${unknown.join(', ')}`);
  const command = args[at];
  if (command === 'help') return { kind: 'help' };
  const v = parsed.values;
  const profiles = v.get('profiles') as string | undefined;
  const organization = v.get('organization') === true;
  if (profiles !== undefined && organization) throw usage('argument --organization: not allowed with argument --profiles');
  if (profiles === undefined && !organization) throw usage('one of the arguments --profiles --organization is required');
  if (command === undefined) throw usage('the following arguments are required: command');
  const concurrency = v.get('maxConcurrency') as bigint | undefined;
  if (concurrency !== undefined && (concurrency < 1n || concurrency > BigInt(MAX_CONCURRENCY))) {
    throw usage(`argument --max-concurrency: must be between 1 and ${MAX_CONCURRENCY}, not ${concurrency}`);
  }
  const maxConcurrency = concurrency === undefined ? DEFAULT_CONCURRENCY : Number(concurrency);
  const rest = args.slice(at + 1);
  if (profiles !== undefined) {
    for (const flag of ['roleName', 'accounts'] as const) {
      if (v.has(flag)) throw usage(`argument --${flag === 'roleName' ? 'role-name' : 'accounts'}: only allowed with argument --organization`);
    }
    const patterns = splitList(profiles);
    if (patterns.length === 0) throw usage('argument --profiles: expected one or more profile names');
    return { kind: 'run', options: { source: { kind: 'profiles', patterns }, maxConcurrency }, command, rest };
  }
  const accountsText = v.get('accounts') as string | undefined;
  const accounts = accountsText === undefined ? undefined : splitList(accountsText);
  if (accounts !== undefined) {
    const bad = accounts.find((id) => !/^\d{12}$/.test(id));
    if (bad !== undefined || accounts.length === 0) {
      throw usage(`argument --accounts: expected 12-digit account ids separated by commas, not '${bad ?? accountsText}'`);
    }
  }
  const roleName = (v.get('roleName') as string | undefined) ?? DEFAULT_ROLE_NAME;
  return { kind: 'run', options: { source: { kind: 'organization', roleName, accounts }, maxConcurrency }, command, rest };
}

/** `a,b, c` → [a, b, c]; empty entries are dropped, duplicates kept once. */
function splitList(text: string): string[] {
  return [...new Set(text.split(',').map((s) => s.trim()).filter((s) => s !== ''))];
}
