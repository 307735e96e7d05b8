/**
 * What the word under the cursor can be, decided from the words before it with the same
 * tables the parser uses: the operation table (commands, options in argument-table order,
 * enums), GLOBAL_ARGS (global options and their choices) and aws-iam's own commands. The
 * words are read as the CLI reads them: global options win prefix matches anywhere on the
 * line, options that take a value consume the next word, options already given are not
 * offered again (as the AWS CLI's completer does).
 *
 * The result says where candidates come from; the sources that need files or the network
 * (profiles, live resource names) are called by complete-words.ts.
 */
import type { ArgSpec } from '../cli/argparse.js';
import { GLOBAL_ARGS } from '../cli/global-options.js';
import { operationArgs } from '../cli/operation-options.js';
import { findOperation, operations, type OperationSpec } from '../model/operations.js';
import { RESOURCE_OPTIONS, type NameSource } from './resource-options.js';

/** Where the candidates for the current word come from. */
export type CandidateSource =
  | { readonly kind: 'values'; readonly values: readonly string[] }
  | { readonly kind: 'profiles' }
  | { readonly kind: 'live'; readonly option: string; readonly sources: readonly NameSource[] };

/**
 * The global options typed on the line that decide where and how IAM is called (`--profile`,
 * `--region`, `--endpoint-url`, TLS and signing): live names are fetched with them, by dest.
 */
export interface LineSettings {
  profile?: string;
  region?: string;
  endpointUrl?: string;
  verifySsl?: boolean;
  signRequest?: boolean;
  caBundle?: string;
  readTimeout?: string;
  connectTimeout?: string;
}

const CONNECTION_DESTS: ReadonlySet<string> = new Set([
  'profile',
  'region',
  'endpointUrl',
  'verifySsl',
  'signRequest',
  'caBundle',
  'readTimeout',
  'connectTimeout',
]);

export interface Analysis {
  readonly source: CandidateSource;
  /** Candidates must start with this (the current word, after `prefix`). */
  readonly fragment: string;
  /** Put back in front of every candidate (`--user-name=` when completing `--user-name=al`). */
  readonly prefix: string;
  readonly settings: LineSettings;
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;

/** Commands aws-iam's own command table offers; names starting with `__` are hidden. */
export interface CommandTable {
  readonly extensions: readonly string[];
}

/** Value completions of aws-iam's own commands' first argument. */
const EXTENSION_ARGUMENTS: Readonly<Record<string, readonly string[]>> = {
  completion: SHELLS,
};

type Scope = 'global' | 'operation';
interface Resolved {
  readonly spec: ArgSpec;
  readonly scope: Scope;
}

const NEGATIVE_NUMBER = /^-\d+$|^-\d*\.\d+$/;
const isOptionWord = (word: string) => word.startsWith('-') && word !== '-' && !NEGATIVE_NUMBER.test(word);

/**
 * `words`: the words after the program name, before the cursor; `current`: the word being
 * completed (unquoted, possibly empty).
 */
export function analyzeWords(words: readonly string[], current: string, commands: CommandTable): Analysis {
  const settings: LineSettings = {};
  let command: string | undefined;
  let operation: OperationSpec | undefined;
  let opSpecs: ArgSpec[] = [];
  let commandArgs = 0;
  const used = new Set<string>();
  let pending: Resolved | undefined;
  let afterDoubleDash = false;

  const resolve = (name: string): Resolved | undefined => resolveFlag(name, opSpecs);
  const remember = (r: Resolved, value: unknown) => {
    if (r.scope === 'global' && CONNECTION_DESTS.has(r.spec.dest)) (settings as Record<string, unknown>)[r.spec.dest] = value;
  };

  for (const word of words) {
    if (!afterDoubleDash && word === '--') {
      afterDoubleDash = true;
      pending = undefined;
      continue;
    }
    if (!afterDoubleDash && isOptionWord(word)) {
      const eq = word.indexOf('=');
      const name = eq >= 0 && word.startsWith('--') ? word.slice(0, eq) : word;
      const found = resolve(name);
      pending = undefined;
      if (!found) continue;
      used.add(`${found.scope}:${found.spec.dest}`);
      if (eq >= 0 && name !== word) remember(found, word.slice(eq + 1));
      else if (found.spec.nargs === 'zero') remember(found, found.spec.constant);
      else pending = found;
      continue;
    }
    if (pending) {
      remember(pending, word);
      if (pending.spec.nargs !== 'any') pending = undefined;
      continue;
    }
    if (command === undefined) {
      command = word;
      operation = findOperation(word);
      opSpecs = operation ? operationArgs(operation) : [];
    } else {
      commandArgs++;
    }
  }

  const values = (list: readonly string[], prefix = ''): Analysis => ({
    source: { kind: 'values', values: list },
    fragment: current.slice(prefix.length),
    prefix,
    settings,
  });
  const valuesOf = (r: Resolved, prefix = ''): Analysis => {
    const source = valueSource(r, operation);
    return { source, fragment: current.slice(prefix.length), prefix, settings };
  };

  if (!afterDoubleDash) {
    // `--opt=frag`: a value for that option.
    if (current.startsWith('--') && current.includes('=')) {
      const typed = current.slice(0, current.indexOf('=') + 1);
      const found = resolve(typed.slice(0, -1));
      if (found && found.spec.nargs !== 'zero') return valuesOf(found, typed);
      return values([]);
    }
    // After an option that takes a value: its values ('one' even if the word looks like an
    // option; an optional or list value gives way to options when the word starts with '-').
    const optionLike = current.startsWith('-') && !NEGATIVE_NUMBER.test(current);
    if (pending && (pending.spec.nargs === 'one' || !optionLike)) return valuesOf(pending);
    if (optionLike) {
      const offered = [
        ...(operation ? opSpecs.map((spec) => ({ spec, scope: 'operation' as Scope })) : []),
        ...GLOBAL_ARGS.map((spec) => ({ spec, scope: 'global' as Scope })),
      ];
      return values(offered.filter((r) => !used.has(`${r.scope}:${r.spec.dest}`)).map((r) => r.spec.flag));
    }
  }
  if (command === undefined) {
    const own = commands.extensions.filter((name) => !name.startsWith('__'));
    return values([...operations.map((op) => op.cli), ...own]);
  }
  if (!operation && commandArgs === 0 && Object.hasOwn(EXTENSION_ARGUMENTS, command)) {
    return values(EXTENSION_ARGUMENTS[command]);
  }
  return values([]);
}

/**
 * An option typed in full or abbreviated, as the parser resolves it: exact names first, then
 * unique prefixes of global options (they win anywhere on the line), then of the operation's.
 */
export function resolveFlag(name: string, opSpecs: readonly ArgSpec[]): Resolved | undefined {
  const exactGlobal = GLOBAL_ARGS.find((s) => s.flag === name);
  if (exactGlobal) return { spec: exactGlobal, scope: 'global' };
  const exactOp = opSpecs.find((s) => s.flag === name);
  if (exactOp) return { spec: exactOp, scope: 'operation' };
  if (!name.startsWith('--')) return undefined;
  const globals = GLOBAL_ARGS.filter((s) => s.flag.startsWith(name));
  if (globals.length === 1) return { spec: globals[0], scope: 'global' };
  if (globals.length > 1) return undefined;
  const ops = opSpecs.filter((s) => s.flag.startsWith(name));
  return ops.length === 1 ? { spec: ops[0], scope: 'operation' } : undefined;
}

/** The values an option takes: its choices, its model enum, profile names, or live names. */
function valueSource(r: Resolved, operation: OperationSpec | undefined): CandidateSource {
  if (r.spec.choices) return { kind: 'values', values: r.spec.choices };
  if (r.scope === 'global') {
    return r.spec.dest === 'profile' ? { kind: 'profiles' } : { kind: 'values', values: [] };
  }
  const member = operation?.input.find((m) => m.option !== undefined && `--${m.option}` === r.spec.flag);
  if (member?.enum) return { kind: 'values', values: member.enum };
  const sources = RESOURCE_OPTIONS[r.spec.flag];
  if (sources) return { kind: 'live', option: r.spec.flag, sources };
  return { kind: 'values', values: [] };
}
