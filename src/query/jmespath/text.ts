/** String helpers that follow Python's `str` semantics (code points, `isspace`, `json` scanner). */

/** Python's `str.isspace()` characters. */
const PY_SPACE = /^[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
const PY_SPACE_END = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/;

/** `s.lstrip()`. */
export const pyLstrip = (s: string): string => s.replace(PY_SPACE, '');
/** `s.strip()`. */
export const pyStrip = (s: string): string => pyLstrip(s).replace(PY_SPACE_END, '');

/** Number of code points (`len(s)` in Python; JS `.length` counts UTF-16 units). */
export const codePointLength = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/**
 * Python orders strings by code point; JS `<` compares UTF-16 units, which puts U+10000 and up
 * before U+E000..U+FFFF. Returns <0, 0 or >0.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Only a surrogate against a non-surrogate in U+E000..U+FFFF disagrees with unit order.
    if (x >= 0xd800 && x <= 0xdfff && y >= 0xe000) return 1;
    if (y >= 0xd800 && y <= 0xdfff && x >= 0xe000) return -1;
    return x - y;
  }
  return a.length - b.length;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t',
};

/**
 * Decodes the inside of a quoted identifier as Python's `json.loads('"' + raw + '"')` does, and
 * on failure gives the part of its message before the first colon (what jmespath reports).
 */
export function decodeQuotedIdentifier(raw: string): { value?: string; error?: string } {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c.charCodeAt(0) < 0x20) return { error: 'Invalid control character at' };
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = raw[++i];
    if (e in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[e];
    } else if (e === 'u') {
      const hex = raw.slice(i + 1, i + 5);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return { error: 'Invalid \\uXXXX escape' };
      // Code units are appended one by one; an escaped surrogate pair joins up as in Python.
      out += String.fromCharCode(parseInt(hex, 16));
      i += 4;
    } else {
      return { error: 'Invalid \\escape' };
    }
  }
  return { value: out };
}

/**
 * Python's `str.isprintable()` is false for categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs other
 * than the space. (Node's Unicode tables are newer than Python 3.11's 14.0, so characters
 * assigned since then count as printable here but not in Python.)
 */
const NON_PRINTABLE = /^[\p{C}\p{Z}]$/u;

/** Python `repr(str)`, as error messages embed strings nested in lists and dicts. */
export function pyStringRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === ' ' || !NON_PRINTABLE.test(ch)) out += ch;
    else if (cp <= 0xff) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp <= 0xffff) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return out + quote;
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
/** True when index `i` of `s` falls between the two halves of a surrogate pair. */
const splitsPair = (s: string, i: number): boolean =>
  i > 0 && i < s.length && isHigh(s.charCodeAt(i - 1)) && isLow(s.charCodeAt(i));

/**
 * Whether `sub` occurs in `s` at `at` (or anywhere, if omitted) on code point boundaries, as
 * Python's `in`, `startswith` and `endswith` see it: a lone surrogate never matches half a pair.
 */
export function pyContains(s: string, sub: string): boolean {
  for (let i = s.indexOf(sub); i !== -1; i = s.indexOf(sub, i + 1)) {
    if (pyMatchesAt(s, sub, i)) return true;
  }
  return false;
}

export const pyMatchesAt = (s: string, sub: string, at: number): boolean =>
  at >= 0 && s.startsWith(sub, at) && (sub === '' || (!splitsPair(s, at) && !splitsPair(s, at + sub.length)));
