/**
 * How Python spells numbers and scalars, since every AWS CLI output format goes through
 * Python's `repr(float)` or `str()`.
 */
import { PyFloat, type Value } from './value.js';
import { DIGIT_ZEROS_JSON, NON_PRINTABLE_JSON, UPPER_JSON } from './python-unicode.generated.js';

/**
 * Python's `repr(float)`: the shortest round-tripping digits (the same digits JavaScript
 * picks), written in exponent form when the decimal exponent is < -4 or >= 16, with at least
 * two exponent digits, and `.0` on integral values.
 */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const [mantissa, exp] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const decpt = Number(exp) + 1; // position of the decimal point relative to the digits
  if (decpt <= -4 || decpt > 16) {
    const e = decpt - 1;
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const expDigits = String(Math.abs(e)).padStart(2, '0');
    return `${sign}${digits[0]}${frac}e${e < 0 ? '-' : '+'}${expDigits}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

/** A Python int as text (JS numbers above 2**53 are already approximate; keep them integral). */
export function pyIntRepr(n: number | bigint): string {
  if (typeof n === 'bigint') return n.toString();
  if (Number.isSafeInteger(n)) return String(n);
  return BigInt(n).toString();
}

/** Python `json.dumps` spelling of a number (floats: `Infinity`, `NaN` instead of inf/nan). */
export function jsonNumber(v: number | bigint | PyFloat): string {
  if (typeof v === 'number' || typeof v === 'bigint') return pyIntRepr(v);
  const x = v.value;
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return pyFloatRepr(x);
}

/** Python `str()` of a scalar, as the text and table formats print cells. */
export function pyStr(v: Value): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number' || typeof v === 'bigint') return pyIntRepr(v);
  if (v instanceof PyFloat) return pyFloatRepr(v.value);
  if (typeof v === 'string') return v;
  return pyRepr(v);
}

/** Python `repr()` of any value (lists and dicts as Python prints them). */
export function pyRepr(v: Value): string {
  if (typeof v === 'string') return pyStringRepr(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (v instanceof Map) {
    return `{${[...v].map(([k, x]) => `${pyStringRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
  }
  return pyStr(v);
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const SINGLE_QUOTED_ESCAPES = /['\\]/g;
const BACKSLASH = /\\/g;

/** Python `repr(str)`: single quotes unless the text has a `'` and no `"`. */
export function pyStringRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  // Printable ASCII (markers, names, ARNs: nearly every string) needs only its quote and
  // backslashes escaped; the loop below decides character by character.
  if (PRINTABLE_ASCII.test(s)) return quote + s.replace(quote === "'" ? SINGLE_QUOTED_ESCAPES : BACKSLASH, '\\$&') + quote;
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (!isPrintable(cp)) out += escapeNonPrintable(cp);
    else out += ch;
  }
  return out + quote;
}

// The generated tables are JSON text, parsed on first use (only non-ASCII text needs them).
let nonPrintable: readonly (readonly [number, number])[] | undefined;

/** Python 3.11's str.isprintable() for one code point (generated table: Unicode 14). */
export function isPrintable(cp: number): boolean {
  nonPrintable ??= JSON.parse(NON_PRINTABLE_JSON) as readonly (readonly [number, number])[];
  let lo = 0;
  let hi = nonPrintable.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end] = nonPrintable[mid];
    if (cp < start) hi = mid - 1;
    else if (cp > end) lo = mid + 1;
    else return false;
  }
  return true;
}

let upperTable: Map<number, string> | undefined;

/** Python 3.11's str.upper() (JavaScript's toUpperCase follows a newer Unicode). */
export function pyUpper(s: string): string {
  // ASCII-only text (nearly every key) takes the fast path: both agree there.
  if (/^[\x00-\x7f]*$/.test(s)) return s.toUpperCase();
  upperTable ??= new Map(JSON.parse(UPPER_JSON) as readonly (readonly [number, string])[]);
  let out = '';
  for (const ch of s) out += upperTable.get(ch.codePointAt(0)!) ?? ch;
  return out;
}

let digitValues: Map<number, number> | undefined;

/**
 * Python's `int(text)` (base 10): surrounding whitespace, a sign, `_` between digits, and any
 * Unicode decimal digit; beyond 2^53 the exact value as a bigint. Undefined when int() raises.
 */
export function pyInt(text: string): number | bigint | undefined {
  const t = text.replace(PY_WHITESPACE_EDGES, '');
  if (digitValues === undefined) {
    digitValues = new Map();
    for (const zero of JSON.parse(DIGIT_ZEROS_JSON) as readonly number[]) for (let i = 0; i < 10; i++) digitValues.set(zero + i, i);
  }
  let ascii = '';
  for (const ch of t) {
    const value = digitValues.get(ch.codePointAt(0)!);
    ascii += value === undefined ? ch : String(value);
  }
  if (!/^[+-]?\d+(?:_\d+)*$/.test(ascii)) return undefined;
  const big = BigInt(ascii.replace(/_/g, ''));
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

/** What Python's str.strip() removes (str.isspace characters). */
const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const PY_WHITESPACE_EDGES = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'g');

function escapeNonPrintable(cp: number): string {
  if (cp <= 0xff) return `\\x${cp.toString(16).padStart(2, '0')}`;
  if (cp <= 0xffff) return `\\u${cp.toString(16).padStart(4, '0')}`;
  return `\\U${cp.toString(16).padStart(8, '0')}`;
}

/** Python `repr(bytes)`: b'...' with \\n, \\t, \\r, \\\\, \\' and \\xNN escapes. */
export function pyBytesRepr(bytes: Uint8Array): string {
  const hasSingle = bytes.includes(0x27);
  const quote = hasSingle && !bytes.includes(0x22) ? '"' : "'";
  let out = `b${quote}`;
  for (const b of bytes) {
    if (b === 0x5c) out += '\\\\';
    else if (b === quote.charCodeAt(0)) out += `\\${quote}`;
    else if (b === 0x0a) out += '\\n';
    else if (b === 0x0d) out += '\\r';
    else if (b === 0x09) out += '\\t';
    else if (b < 0x20 || b >= 0x7f) out += `\\x${b.toString(16).padStart(2, '0')}`;
    else out += String.fromCharCode(b);
  }
  return out + quote;
}
