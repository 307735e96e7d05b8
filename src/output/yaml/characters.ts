/**
 * Character classes of the emitter the CLI really uses. ruamel.yaml's `YAML(typ='safe')` picks
 * the C emitter of ruamel.yaml.clib (libyaml), not ruamel's pure-Python one, and the two disagree
 * (libyaml treats astral characters such as emoji as non-printable and escapes them). Everything
 * works on code points; libyaml's column counts one per character too.
 */

/** libyaml's IS_PRINTABLE: LF, ASCII printables, U+00A0–U+D7FF, U+E000–U+FFFD except the BOM. */
export function isPrintable(cp: number): boolean {
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

/** Line breaks: CR, LF, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR. */
export const isBreak = (cp: number | undefined): boolean =>
  cp === 0x0d || cp === 0x0a || cp === 0x85 || cp === 0x2028 || cp === 0x2029;

/** Blank, break, or the end of the text (libyaml reads the terminating NUL there). */
export const isBlankOrEnd = (cp: number | undefined): boolean =>
  cp === undefined || cp === 0 || cp === 0x20 || cp === 0x09 || isBreak(cp);

/** The string as an array of code points (astral characters count as one). */
export const codePoints = (s: string): number[] => Array.from(s, (ch) => ch.codePointAt(0)!);
