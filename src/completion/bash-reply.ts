/**
 * Bash splits the line into COMP_WORDS at the characters of COMP_WORDBREAKS (`:` and `=` among
 * them) and replaces only the last piece with a candidate. An ARN like
 * `arn:aws:iam::aws:policy/Adm` is therefore the piece `policy/Adm` to bash, so each candidate
 * loses the text bash keeps (the usual `__ltrim_colon_completions`, done here once for all).
 */
import { tokenizeLine } from './tokenize.js';

/** `currentRaw`: the whole current word as typed; `bashWord`: COMP_WORDS[COMP_CWORD]. */
export function bashReplies(candidates: readonly string[], currentRaw: string, bashWord: string): string[] {
  if (bashWord === currentRaw || !currentRaw.endsWith(bashWord)) return [...candidates];
  const kept = tokenizeLine(currentRaw.slice(0, currentRaw.length - bashWord.length)).current;
  return candidates.filter((c) => c.startsWith(kept)).map((c) => c.slice(kept.length));
}
