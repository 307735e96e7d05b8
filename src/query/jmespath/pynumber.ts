/** Python's `int(str)` / `float(str)` parsing, as `to_number` relies on them. */
import { PyFloat } from '../../value/value.js';
import { pyStrip } from './text.js';

/** Python accepts any Unicode decimal digit; digits come in runs of ten starting at zero. */
function asciiDigits(s: string): string {
  return s.replace(/\p{Nd}/gu, (d) => {
    const cp = d.codePointAt(0)!;
    if (cp <= 0x39) return d;
    let start = cp;
    while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
    return String((cp - start) % 10);
  });
}

const DIGITS = '\\d(?:_?\\d)*';
const INT_RE = new RegExp(`^[+-]?${DIGITS}$`);
const FLOAT_RE = new RegExp(`^[+-]?(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?$`);
const SPECIAL_RE = /^([+-]?)(inf|infinity|nan)$/i;
/** CPython 3.11 refuses to convert longer decimal strings to int (ValueError). */
const MAX_INT_DIGITS = 4300;

/** `int(s)` then `float(s)`; undefined where both raise ValueError. */
export function parsePyNumber(text: string): number | PyFloat | undefined {
  const s = asciiDigits(pyStrip(text));
  if (INT_RE.test(s)) {
    const digits = s.replace(/[+_-]/g, '');
    if (digits.length <= MAX_INT_DIGITS) return Number(s.replaceAll('_', '')) + 0;
  }
  const special = SPECIAL_RE.exec(s);
  if (special) {
    if (special[2].toLowerCase() === 'nan') return new PyFloat(NaN);
    return new PyFloat(special[1] === '-' ? -Infinity : Infinity);
  }
  if (FLOAT_RE.test(s)) return new PyFloat(Number(s.replaceAll('_', '')));
  return undefined;
}
