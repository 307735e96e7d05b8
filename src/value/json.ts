/**
 * JSON text <-> Value with Python's `json` module semantics: `1` is an int and `1.0` a float,
 * objects keep key order (a repeated key keeps its first position and its last value), and the
 * writer spells numbers and escapes strings as `json.dumps` does.
 */
import { jsonNumber } from './python-repr.js';
import { PyFloat, type Value } from './value.js';

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

/** Parses JSON text like Python's `json.loads` (also accepts NaN, Infinity, -Infinity). */
export function parseJson(text: string): Value {
  const p = new JsonParser(text);
  p.skipWhitespace();
  let value: Value;
  try {
    value = p.value();
  } catch (error) {
    // Nesting deeper than the stack: Python's json stops with a RecursionError, not a syntax error.
    if (!(error instanceof RangeError)) throw error;
    const kind = text[p.pos] === '{' ? 'object' : 'array';
    throw new Error(`maximum recursion depth exceeded while decoding a JSON ${kind} from a unicode string`);
  }
  p.skipWhitespace();
  if (p.pos < text.length) p.fail('Extra data');
  return value;
}

class JsonParser {
  pos = 0;
  constructor(private readonly text: string) {}

  fail(what: string): never {
    throw new JsonSyntaxError(`${what}: line 1 column ${this.pos + 1} (char ${this.pos})`, this.pos);
  }

  skipWhitespace(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      this.pos++;
    }
  }

  value(): Value {
    const t = this.text;
    const c = t[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (t.startsWith('null', this.pos)) return (this.pos += 4), null;
    if (t.startsWith('true', this.pos)) return (this.pos += 4), true;
    if (t.startsWith('false', this.pos)) return (this.pos += 5), false;
    if (t.startsWith('NaN', this.pos)) return (this.pos += 3), new PyFloat(NaN);
    if (t.startsWith('Infinity', this.pos)) return (this.pos += 8), new PyFloat(Infinity);
    if (t.startsWith('-Infinity', this.pos)) return (this.pos += 9), new PyFloat(-Infinity);
    const m = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(t.slice(this.pos, this.pos + 400));
    if (m) {
      this.pos += m[0].length;
      if (m[1] || m[2]) return new PyFloat(Number(m[0]));
      // Python's ints are exact: beyond 2^53 a bigint.
      const n = Number(m[0]);
      return Number.isSafeInteger(n) ? n : BigInt(m[0]);
    }
    return this.fail('Expecting value');
  }

  object(): Value {
    const out = new Map<string, Value>();
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === '}') return this.pos++, out;
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') {
        this.fail('Expecting property name enclosed in double quotes');
      }
      const key = this.string();
      this.skipWhitespace();
      if (this.text[this.pos] !== ':') this.fail("Expecting ':' delimiter");
      this.pos++;
      this.skipWhitespace();
      out.set(key, this.value());
      this.skipWhitespace();
      const c = this.text[this.pos++];
      if (c === '}') return out;
      if (c !== ',') this.pos--, this.fail("Expecting ',' delimiter");
    }
  }

  array(): Value {
    const out: Value[] = [];
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === ']') return this.pos++, out;
    for (;;) {
      this.skipWhitespace();
      out.push(this.value());
      this.skipWhitespace();
      const c = this.text[this.pos++];
      if (c === ']') return out;
      if (c !== ',') this.pos--, this.fail("Expecting ',' delimiter");
    }
  }

  string(): string {
    const t = this.text;
    const start = this.pos;
    this.pos++;
    let out = '';
    for (;;) {
      if (this.pos >= t.length) {
        this.pos = start;
        this.fail('Unterminated string starting at');
      }
      const c = t[this.pos];
      if (c === '"') return this.pos++, out;
      if (c === '\\') {
        const e = t[this.pos + 1];
        const simple: Record<string, string> = {
          '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t',
        };
        if (e !== undefined && e in simple) {
          out += simple[e];
          this.pos += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(this.pos + 2, this.pos + 6))) {
          out += String.fromCharCode(parseInt(t.slice(this.pos + 2, this.pos + 6), 16));
          this.pos += 6;
        } else {
          this.fail('Invalid \\escape');
        }
        continue;
      }
      if (c.charCodeAt(0) < 0x20) this.fail('Invalid control character at');
      out += c;
      this.pos++;
    }
  }
}

export interface JsonWriteOptions {
  /** Spaces per level; undefined writes everything on one line. */
  indent?: number;
  /** Item and key separators; Python's defaults are ', ' and ': ' (',' with an indent). */
  itemSeparator?: string;
  keySeparator?: string;
  /** Escape non-ASCII as \uXXXX (Python's default ensure_ascii=True). */
  ensureAscii?: boolean;
}

/** Writes a Value as Python's `json.dumps` would with the same options. */
export function dumpJson(value: Value, options: JsonWriteOptions = {}): string {
  return dumpJsonAt(value, 0, options);
}

/**
 * As `dumpJson`, for a value that stands `level` levels deep in an indented document: its
 * inner lines are indented as they would be there (the merged json output writes its list
 * items this way, page by page).
 */
export function dumpJsonAt(value: Value, level: number, options: JsonWriteOptions = {}): string {
  const indent = options.indent;
  const itemSep = options.itemSeparator ?? (indent === undefined ? ', ' : ',');
  const keySep = options.keySeparator ?? ': ';
  const ensureAscii = options.ensureAscii ?? true;
  const parts: string[] = [];
  const write = (v: Value, level: number): void => {
    if (v === null) parts.push('null');
    else if (v === true) parts.push('true');
    else if (v === false) parts.push('false');
    else if (typeof v === 'string') parts.push(jsonString(v, ensureAscii));
    else if (typeof v === 'number' || typeof v === 'bigint' || v instanceof PyFloat) parts.push(jsonNumber(v));
    else if (Array.isArray(v)) {
      if (v.length === 0) return void parts.push('[]');
      const [open, sep, close] = framing(level);
      parts.push('[', open);
      for (let i = 0; i < v.length; i++) {
        if (i > 0) parts.push(sep);
        write(v[i], level + 1);
      }
      parts.push(close, ']');
    } else {
      if (v.size === 0) return void parts.push('{}');
      const [open, sep, close] = framing(level);
      parts.push('{', open);
      let first = true;
      for (const [k, item] of v) {
        if (!first) parts.push(sep);
        first = false;
        parts.push(jsonString(k, ensureAscii), keySep);
        write(item, level + 1);
      }
      parts.push(close, '}');
    }
  };
  // Each depth's framing is built once (a listing has thousands of objects at the same depths).
  const framings: [string, string, string][] = [];
  const framing = (level: number): [string, string, string] => {
    let f = framings[level];
    if (f) return f;
    if (indent === undefined) f = ['', itemSep, ''];
    else {
      const inner = '\n' + ' '.repeat(indent * (level + 1));
      f = [inner, itemSep + inner, '\n' + ' '.repeat(indent * level)];
    }
    return (framings[level] = f);
  };
  write(value, level);
  return parts.join('');
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f',
};

const ESCAPED_ASCII = /["\\\x00-\x1f\u007f-\uffff]/;
const ESCAPED_ASCII_ALL = new RegExp(ESCAPED_ASCII.source, 'g');
const ESCAPED = /["\\\x00-\x1f]/;
const ESCAPED_ALL = new RegExp(ESCAPED.source, 'g');

/** A JSON string literal as Python writes it. */
export function jsonString(s: string, ensureAscii: boolean): string {
  // Most strings (names, ARNs, dates) need no escape at all: only a test, no replace.
  if (!(ensureAscii ? ESCAPED_ASCII : ESCAPED).test(s)) return '"' + s + '"';
  return (
    '"' +
    s.replace(ensureAscii ? ESCAPED_ASCII_ALL : ESCAPED_ALL, (ch) => {
      const short = SHORT_ESCAPES[ch];
      if (short) return short;
      const code = ch.charCodeAt(0);
      return `\\u${code.toString(16).padStart(4, '0')}`;
    }) +
    '"'
  );
}
