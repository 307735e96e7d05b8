/**
 * Candidates as each shell must receive them. bash inserts COMPREPLY entries into the line as
 * they are, so a name like `$(id>/tmp/x)` would run when the line runs: characters bash gives a
 * meaning to are escaped with a backslash (as `printf %q` does). zsh's `compadd` and fish quote
 * what they insert themselves, so they get the names as they are.
 */
import type { Shell } from './scripts.js';

/**
 * Characters that mean nothing to bash inside a word (`:` and `=` are handled by bash-reply.ts);
 * letters beyond ASCII (`Zoë`) are plain too.
 */
const PLAIN = /[^\p{L}\p{M}\p{N}_+=,.@/:%^-]/gu;

export function quoteForShell(candidate: string, shell: Shell | string): string {
  return shell === 'bash' ? candidate.replace(PLAIN, (c) => `\\${c}`) : candidate;
}
