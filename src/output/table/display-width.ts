/**
 * How many terminal columns the AWS CLI *thinks* a text takes: 2 for every character whose
 * East Asian Width class is W, F or A, else 1 (awscli/table.py `get_text_length`).
 *
 * Counting Ambiguous characters (é, ß, °, combining accents...) as 2 is wrong for most
 * terminals, which is why those rows come out a column short; we reproduce it on purpose.
 */
import { WIDE_OR_AMBIGUOUS } from './east-asian-width.js';

/** The first code point that can be W, F or A; everything below is one column. */
const FIRST_WIDE = WIDE_OR_AMBIGUOUS[0];
const NARROW = new RegExp(`^[\\u0000-\\u${(FIRST_WIDE - 1).toString(16).padStart(4, '0')}]*$`);

/** Whether a code point is W, F or A: binary search over the generated inclusive ranges. */
export function isWideOrAmbiguous(cp: number): boolean {
  if (cp < FIRST_WIDE) return false;
  let lo = 0;
  let hi = WIDE_OR_AMBIGUOUS.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < WIDE_OR_AMBIGUOUS[2 * mid]) hi = mid - 1;
    else if (cp > WIDE_OR_AMBIGUOUS[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Python iterates a str by code point, so does `for…of` (a lone surrogate counts as one). */
export function displayWidth(text: string): number {
  // Text below the first wide code point (ASCII: nearly every cell) is one column a character.
  if (NARROW.test(text)) return text.length;
  let width = 0;
  for (const ch of text) width += isWideOrAmbiguous(ch.codePointAt(0)!) ? 2 : 1;
  return width;
}
