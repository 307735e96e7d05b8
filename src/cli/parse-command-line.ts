/**
 * The command line in the AWS CLI's two stages: global options over the whole line (they win
 * prefix matches even after the operation), then the operation's own options over what is left.
 * `aws-iam <operation>` is `aws iam <operation>`, so the first word is the operation.
 */
import { allCommandNames, findOperation, type OperationSpec } from '../model/operations.js';
import { CliError } from '../errors/cli-error.js';
import { ArgParseError, checkRequired, parseKnownArgs, type ArgSpec } from './argparse.js';
import { FIRST_PASS_USAGE } from '../errors/write-error.js';
import { GLOBAL_ARGS, toGlobalOptions, type GlobalOptions } from './global-options.js';
import { CLI_DEST, operationArgs } from './operation-options.js';
import { closeMatches } from './close-matches.js';
import { checkTopLevelArgs } from './top-level-args.js';
import type { Query } from '../query/compile-query.js';
import { isExtensionCommand } from '../extensions/registry.js';

export type CommandLine =
  | { kind: 'version'; globals: GlobalOptions }
  | { kind: 'help'; globals: GlobalOptions; operation?: OperationSpec }
  | { kind: 'operation'; globals: GlobalOptions; operation: OperationSpec; values: Map<string, unknown>; query?: Query }
  /** A command of aws-iam's own (extensions/): its name and the words after it, globals removed. */
  | {
      kind: 'extension';
      globals: GlobalOptions;
      name: string;
      args: readonly string[];
      /** The whole command line, for commands that print one to re-run (`across`). */
      argv: readonly string[];
    };

const usageError = (error: unknown): never => {
  if (error instanceof ArgParseError) throw new CliError('usage', error.message);
  throw error;
};

/** Parses only the global options (for error formatting before anything else is known). */
export function parseGlobalsLeniently(argv: readonly string[]): GlobalOptions | undefined {
  try {
    return toGlobalOptions(parseKnownArgs(GLOBAL_ARGS, argv).values);
  } catch {
    return undefined;
  }
}

/**
 * The CLI's first pass over the whole line, before anything else: only `--profile` and
 * `--debug` (so `--p`, `--pro`… are `--profile` here), to set up logging and the session.
 * Its errors (`--profile` without a value, `--debug=x`) come first, with its own usage line.
 */
const FIRST_PASS_ARGS: readonly ArgSpec[] = [
  { flag: '--profile', dest: 'profile', nargs: 'one' },
  { flag: '--debug', dest: 'debug', nargs: 'zero', constant: true },
];

export function parseCommandLine(argv: readonly string[]): CommandLine {
  try {
    parseKnownArgs(FIRST_PASS_ARGS, argv);
  } catch (error) {
    if (error instanceof ArgParseError) throw new CliError('usage', error.message, undefined, FIRST_PASS_USAGE);
    throw error;
  }
  let stage1;
  try {
    stage1 = parseKnownArgs(GLOBAL_ARGS, argv);
  } catch (error) {
    return usageError(error);
  }
  const globals = toGlobalOptions(stage1.values);
  if (globals.version) return { kind: 'version', globals };
  // `--help` anywhere shows help (the AWS CLI rejects it as an unknown option).
  const wantsHelp = stage1.extras.some((e) => !e.positional && e.word === '--help');
  const first = stage1.extras.findIndex((e) => e.positional);
  if (first < 0 && wantsHelp) return { kind: 'help', globals };
  if (first < 0) throw new CliError('usage', 'the following arguments are required: operation');
  const name = stage1.extras[first].word;
  const rest = stage1.extras.filter((_, i) => i !== first).map((e) => e.word);
  const { query } = checkTopLevelArgs(globals);
  if (name === 'help') return { kind: 'help', globals };
  if (isExtensionCommand(name)) return { kind: 'extension', globals, name, args: rest, argv };
  return parseOperationLine(name, rest, globals, query, wantsHelp);
}

/**
 * The second stage: an operation's name and the words left after the global options. Exported
 * for commands that run an operation themselves (`across`), so its flags are checked exactly
 * as a plain call checks them.
 */
export function parseOperationLine(
  name: string,
  rest: readonly string[],
  globals: GlobalOptions,
  query: Query | undefined,
  wantsHelp = rest.includes('--help'),
): CommandLine {
  const operation = findOperation(name);
  if (!operation) throw new CliError('usage', invalidChoice(name));
  if (wantsHelp) return { kind: 'help', globals, operation };

  const specs = operationArgs(operation);
  let stage2;
  try {
    stage2 = parseKnownArgs(specs, rest);
  } catch (error) {
    return usageError(error);
  }
  const positionals = stage2.extras.filter((e) => e.positional);
  if (positionals[0]?.word === 'help') return { kind: 'help', globals, operation };
  const skeleton = stage2.values.get(CLI_DEST.skeleton);
  const relaxRequired =
    stage2.values.has(CLI_DEST.cliInputJson) || stage2.values.has(CLI_DEST.cliInputYaml) || skeleton === 'input' || skeleton === 'yaml-input';
  if (!relaxRequired) {
    try {
      checkRequired(specs, stage2);
    } catch (error) {
      usageError(error);
    }
  }
  // The operation parser has one optional positional (`help`): the first extra word fills it
  // and is reported last; every other leftover is reported in order.
  const unknown = stage2.extras.filter((e) => e !== positionals[0]).map((e) => e.word);
  if (positionals[0]) unknown.push(positionals[0].word);
  if (unknown.length > 0) throw new CliError('unknown-options', `Unknown options: ${unknown.join(', ')}`);
  return { kind: 'operation', globals, operation, values: stage2.values, query };
}

function invalidChoice(name: string): string {
  const matches = closeMatches(name, [...allCommandNames, 'help']);
  const lines = [`argument operation: Found invalid choice '${name}'\n`];
  if (matches.length > 0) lines.push('Maybe you meant:\n', ...matches.map((m) => `  * ${m}`));
  return lines.join('\n');
}
