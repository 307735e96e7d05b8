/**
 * Turns an expression into tokens. The whole expression is tokenized before parsing starts, so
 * (as in Python jmespath) a lexical error anywhere wins over a grammar error earlier on.
 */
import { JsonSyntaxError, parseJson } from '../../value/json.js';
import { PyFloat, type Value } from '../../value/value.js';
import { EmptyExpressionError, LexerError } from './errors.js';
import { decodeQuotedIdentifier, pyLstrip } from './text.js';

export type TokenType =
  | 'dot' | 'star' | 'rbracket' | 'comma' | 'colon' | 'current' | 'lparen' | 'rparen'
  | 'lbrace' | 'rbrace' | 'lbracket' | 'flatten' | 'filter' | 'unquoted_identifier'
  | 'quoted_identifier' | 'literal' | 'number' | 'pipe' | 'or' | 'and' | 'expref'
  | 'lt' | 'lte' | 'gt' | 'gte' | 'eq' | 'ne' | 'not' | 'eof';

export interface Token {
  readonly type: TokenType;
  /** Where the token starts, in code points (Python's columns; a non-BMP character is one). */
  readonly start: number;
  /** The token as error messages print it (`%s` of Python's token value). */
  readonly text: string;
  /** Identifier name, literal value or integer; null for punctuation. */
  readonly value: Value;
}

const SIMPLE: Record<string, TokenType> = {
  '.': 'dot', '*': 'star', ']': 'rbracket', ',': 'comma', ':': 'colon', '@': 'current',
  '(': 'lparen', ')': 'rparen', '{': 'lbrace', '}': 'rbrace',
};
/** Two-character operators and what their first character means alone. */
const PAIRS: Record<string, [string, TokenType, TokenType]> = {
  '|': ['|', 'or', 'pipe'],
  '&': ['&', 'and', 'expref'],
  '<': ['=', 'lte', 'lt'],
  '>': ['=', 'gte', 'gt'],
  '!': ['=', 'ne', 'not'],
};

const isIdentStart = (c: string): boolean => /^[A-Za-z_]$/.test(c);
const isIdentChar = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z0-9_]$/.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * Tokenizes `expression`. It is walked as an array of code points so that positions in messages
 * count characters the way Python does (a non-BMP character is one column).
 */
export function tokenize(expression: string): Token[] {
  if (expression === '') throw new EmptyExpressionError();
  const chars = [...expression];
  const tokens: Token[] = [];
  const push = (type: TokenType, start: number, text: string, value: Value = null): void => {
    tokens.push({ type, start, text, value });
  };
  const fail = (position: number, reason: string): never => {
    throw new LexerError(position, reason, expression);
  };

  // Reads up to an unescaped `delimiter`; a backslash keeps itself and the next character.
  const readDelimited = (start: number, delimiter: string): [string, number] => {
    let out = '';
    let i = start + 1;
    while (chars[i] !== delimiter) {
      if (chars[i] === '\\') out += chars[i++];
      if (i >= chars.length) fail(start, `Unclosed ${delimiter} delimiter`);
      out += chars[i++];
    }
    return [out, i + 1];
  };

  let i = 0;
  while (i < chars.length) {
    const c = chars[i];
    const start = i;
    if (c in SIMPLE) {
      push(SIMPLE[c], start, c);
      i++;
    } else if (isIdentStart(c)) {
      while (isIdentChar(chars[++i]));
      const name = chars.slice(start, i).join('');
      push('unquoted_identifier', start, name, name);
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '[') {
      const next = chars[i + 1];
      if (next === ']') push('flatten', start, '[]');
      else if (next === '?') push('filter', start, '[?');
      else push('lbracket', start, '[');
      i += next === ']' || next === '?' ? 2 : 1;
    } else if (c === "'") {
      const [raw, end] = readDelimited(start, "'");
      // Raw strings only unescape \' ; any other backslash stays as written.
      const text = raw.replaceAll("\\'", "'");
      push('literal', start, text, text);
      i = end;
    } else if (c === '`') {
      const [raw, end] = readDelimited(start, '`');
      const lexeme = raw.replaceAll('\\`', '`');
      const value = literalValue(lexeme);
      if (value === undefined) fail(start, `Bad token ${lexeme}`);
      push('literal', start, '', value as Value);
      i = end;
    } else if (isDigit(c) || c === '-') {
      while (isDigit(chars[++i]));
      const digits = chars.slice(start, i).join('');
      if (digits === '-') fail(start, "Unknown token '-'");
      push('number', start, BigInt(digits).toString(), Number(digits) + 0); // + 0 drops -0
    } else if (c === '"') {
      const [raw, end] = readDelimited(start, '"');
      const decoded = decodeQuotedIdentifier(raw);
      if (decoded.error !== undefined) fail(start, decoded.error);
      push('quoted_identifier', start, decoded.value!, decoded.value!);
      i = end;
    } else if (c in PAIRS) {
      const [second, pairType, singleType] = PAIRS[c];
      if (chars[i + 1] === second) push(pairType, start, c + second), (i += 2);
      else push(singleType, start, c), i++;
    } else if (c === '=') {
      if (chars[i + 1] !== '=') fail(start, "Unknown token '='");
      push('eq', start, '==');
      i += 2;
    } else {
      fail(start, `Unknown token ${c}`);
    }
  }
  push('eof', chars.length, '');
  return tokens;
}

/**
 * A backtick literal: JSON if it parses, else (the deprecated JEP-12 form) the text as a JSON
 * string after dropping leading whitespace; undefined when neither parses.
 */
function literalValue(lexeme: string): Value | undefined {
  try {
    return shareNaN(parseJson(lexeme));
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
  }
  try {
    return parseJson(`"${pyLstrip(lexeme)}"`);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    return undefined;
  }
}

/**
 * Python's json module returns one shared NaN object for every `NaN` it parses, and container
 * comparisons check identity first, so `[NaN] == [NaN]` is true for literals. Sharing one
 * instance here lets the interpreter's identity checks see the same thing.
 */
const JSON_NAN = new PyFloat(NaN);
function shareNaN(v: Value): Value {
  if (v instanceof PyFloat) return Number.isNaN(v.value) ? JSON_NAN : v;
  if (Array.isArray(v)) return v.map(shareNaN);
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, shareNaN(x)]));
  return v;
}
