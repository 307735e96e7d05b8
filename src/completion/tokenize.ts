/**
 * Splits the command line up to the cursor into words the way a POSIX shell would (blanks
 * separate words; single quotes, double quotes and backslashes quote), because each shell's
 * script hands over the raw line and the binary decides what the words are. The last word is
 * the one being completed: empty when the line ends in an unquoted blank, and possibly inside
 * an unclosed quote.
 */

export interface TokenizedLine {
  /** Finished words, unquoted (the program name first). */
  readonly words: readonly string[];
  /** The word under the cursor, unquoted (what candidates must start with). */
  readonly current: string;
  /** The same word as typed, quotes included (bash replaces only part of it, see bash-reply.ts). */
  readonly currentRaw: string;
}

export function tokenizeLine(line: string): TokenizedLine {
  const words: string[] = [];
  let word = '';
  let raw = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote === "'") {
      raw += c;
      if (c === "'") quote = undefined;
      else word += c;
      continue;
    }
    if (quote === '"') {
      raw += c;
      if (c === '"') quote = undefined;
      else if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) word += line[++i], (raw += line[i]);
      else word += c;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n') {
      if (inWord) words.push(word);
      word = '';
      raw = '';
      inWord = false;
      continue;
    }
    inWord = true;
    raw += c;
    if (c === "'" || c === '"') quote = c;
    else if (c === '\\' && i + 1 < line.length) word += line[++i], (raw += line[i]);
    else if (c !== '\\') word += c;
  }
  return { words, current: word, currentRaw: raw };
}

/** POSIX shell split of a whole string (profile section names, as botocore's shlex.split). */
export function shellSplit(text: string): string[] {
  const { words, current } = tokenizeLine(text);
  return current === '' ? [...words] : [...words, current];
}
