/**
 * The command line that re-runs only the failed accounts: the user's own line, word for word,
 * with `--profiles` / `--accounts` naming just those accounts, quoted for a POSIX shell.
 */
import { GLOBAL_ARGS } from '../../cli/global-options.js';
import { ACROSS_ARGS, optionWordCount } from './options.js';

export const PROGRAM = 'aws-iam';

export type FailedSet = { readonly kind: 'profiles'; readonly names: readonly string[] } | { readonly kind: 'organization'; readonly ids: readonly string[] };

/** `argv` is the whole line after the program name; `across` is its first positional word. */
export function rerunCommand(argv: readonly string[], failed: FailedSet): string {
  const skipGlobals = (i: number) => {
    while (i < argv.length && argv[i].startsWith('-')) i += Math.max(1, optionWordCount(GLOBAL_ARGS, argv[i], argv[i + 1]));
    return i;
  };
  const across = skipGlobals(0);
  const dropped = new Set<number>();
  let i = across + 1;
  while (i < argv.length && argv[i].startsWith('-')) {
    const own = optionWordCount(ACROSS_ARGS, argv[i], argv[i + 1]);
    const n = Math.max(1, own || optionWordCount(GLOBAL_ARGS, argv[i], argv[i + 1]));
    const flag = ACROSS_ARGS.find((s) => s.flag.startsWith(argv[i].split('=')[0]))?.flag;
    if (own > 0 && (flag === '--profiles' || flag === '--accounts')) for (let k = i; k < i + n; k++) dropped.add(k);
    i += n;
  }
  const chosen = failed.kind === 'profiles' ? ['--profiles', failed.names.join(',')] : ['--accounts', failed.ids.join(',')];
  const words = [...argv.slice(0, across + 1), ...chosen, ...argv.slice(across + 1).filter((_, k) => !dropped.has(k + across + 1))];
  return [PROGRAM, ...words].map(shellQuote).join(' ');
}

/** A word as a POSIX shell reads it back: bare when safe, else in single quotes. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
