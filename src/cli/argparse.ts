/**
 * The subset of Python's argparse that shows through the AWS CLI's command line: prefix
 * abbreviations, `--opt=value`, last-wins repeats, values that look like options being refused,
 * negative numbers accepted as values, unknown options and extra words collected in order
 * (`parse_known_args`), and argparse's own error texts. The AWS CLI parses in two stages
 * (global options over the whole line, then the operation's options over what is left); each
 * stage is one call of `parseKnownArgs` with its own option table.
 */
import { pyStringRepr } from '../value/python-repr.js';
import { closeMatches } from './close-matches.js';

export type Nargs = 'one' | 'zero' | 'any' | 'optional';

export interface ArgSpec {
  /** Option string with dashes (`--user-name`). */
  readonly flag: string;
  /** Where the value goes in the result. Boolean twins share a dest. */
  readonly dest: string;
  readonly nargs: Nargs;
  /** Value stored by a 'zero' option, or by an 'optional' option given without a value. */
  readonly constant?: unknown;
  readonly type?: 'int';
  readonly choices?: readonly string[];
  readonly required?: boolean;
}

export class ArgParseError extends Error {}

export interface ParsedArgs {
  readonly values: Map<string, unknown>;
  /** Words that were not options (in order), for the caller's positionals. */
  readonly positionals: string[];
  /** Unknown options, in order of appearance, interleaved with positionals the caller rejects. */
  readonly extras: { word: string; positional: boolean }[];
  /** Flags actually given, by dest, in order (for "required" and conflict checks). */
  readonly seen: Set<string>;
}

const NEGATIVE_NUMBER = /^-\d+$|^-\d*\.\d+$/;

/** Python `int()` of a command-line string: surrounding whitespace, sign and `_` separators. */
export function parsePythonInt(text: string): bigint | undefined {
  const s = text.trim();
  if (!/^[+-]?\d+(_\d+)*$/.test(s)) return undefined;
  return BigInt(s.replace(/_/g, ''));
}

export function parseKnownArgs(specs: readonly ArgSpec[], argv: readonly string[]): ParsedArgs {
  const byFlag = new Map(specs.map((s) => [s.flag, s]));
  const values = new Map<string, unknown>();
  const positionals: string[] = [];
  const extras: { word: string; positional: boolean }[] = [];
  const seen = new Set<string>();

  /** Classifies one word as argparse does: [spec or null if unknown, explicit value] or 'A'. */
  const classify = (word: string): 'A' | '--' | [ArgSpec | null, string | undefined] => {
    if (word === '--') return '--';
    if (!word.startsWith('-') || word === '-') return 'A';
    const exact = byFlag.get(word);
    if (exact) return [exact, undefined];
    let name = word;
    let explicit: string | undefined;
    const eq = word.indexOf('=');
    if (eq >= 0) {
      name = word.slice(0, eq);
      explicit = word.slice(eq + 1);
      const spec = byFlag.get(name);
      if (spec) return [spec, explicit];
    }
    if (word.startsWith('--')) {
      const matches = specs.filter((s) => s.flag.startsWith(name));
      if (matches.length > 1) {
        throw new ArgParseError(
          `ambiguous option: ${name} could match ${matches.map((s) => s.flag).join(', ')}`,
        );
      }
      if (matches.length === 1) return [matches[0], explicit];
    }
    if (NEGATIVE_NUMBER.test(word)) return 'A';
    if (word.includes(' ')) return 'A';
    return [null, undefined];
  };

  const kinds = argv.map(classify);
  const convert = (spec: ArgSpec, raw: string): unknown => {
    if (spec.type === 'int') {
      const n = parsePythonInt(raw);
      if (n === undefined) throw new ArgParseError(`argument ${spec.flag}: invalid int value: ${pyStringRepr(raw)}`);
      return n;
    }
    if (spec.choices && !spec.choices.includes(raw)) {
      // awscli's _check_value: close matches (cutoff 0.8) follow the message.
      const matches = closeMatches(raw, spec.choices);
      const lines = [`argument ${spec.flag}: Found invalid choice '${raw}'\n`];
      if (matches.length > 0) lines.push('Maybe you meant:\n', ...matches.map((m) => `  * ${m}`));
      throw new ArgParseError(lines.join('\n'));
    }
    return raw;
  };

  let afterDoubleDash = false;
  for (let i = 0; i < argv.length; i++) {
    const kind = kinds[i];
    if (afterDoubleDash || kind === 'A') {
      positionals.push(argv[i]);
      extras.push({ word: argv[i], positional: true });
      continue;
    }
    if (kind === '--') {
      afterDoubleDash = true;
      continue;
    }
    const [spec, explicit] = kind;
    if (!spec) {
      extras.push({ word: argv[i], positional: false });
      continue;
    }
    seen.add(spec.dest);
    const following: string[] = [];
    for (let j = i + 1; j < argv.length && kinds[j] === 'A'; j++) following.push(argv[j]);
    switch (spec.nargs) {
      case 'zero':
        if (explicit !== undefined) {
          throw new ArgParseError(`argument ${spec.flag}: ignored explicit argument ${pyStringRepr(explicit)}`);
        }
        values.set(spec.dest, spec.constant);
        break;
      case 'one':
        if (explicit !== undefined) values.set(spec.dest, convert(spec, explicit));
        else if (following.length === 0) throw new ArgParseError(`argument ${spec.flag}: expected one argument`);
        else values.set(spec.dest, convert(spec, following[0])), i++;
        break;
      case 'optional':
        if (explicit !== undefined) values.set(spec.dest, convert(spec, explicit));
        else if (following.length === 0) values.set(spec.dest, spec.constant);
        else values.set(spec.dest, convert(spec, following[0])), i++;
        break;
      case 'any':
        if (explicit !== undefined) values.set(spec.dest, [convert(spec, explicit)]);
        else values.set(spec.dest, following.map((w) => convert(spec, w))), (i += following.length);
        break;
    }
  }
  return { values, positionals, extras, seen };
}

/** argparse's check of required options, in table order. */
export function checkRequired(specs: readonly ArgSpec[], parsed: ParsedArgs, positionalNames: string[] = []): void {
  const missing = specs.filter((s) => s.required && !parsed.seen.has(s.dest)).map((s) => s.flag);
  missing.push(...positionalNames);
  if (missing.length > 0) {
    throw new ArgParseError(`the following arguments are required: ${missing.join(', ')}`);
  }
}
