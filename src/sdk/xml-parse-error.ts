/**
 * The message botocore gives a response body that is not well-formed XML:
 * `Unable to parse response (<expat error>: line L, column C), invalid XML received. Further
 * retries may succeed:\n<Python bytes repr of the body>`. The expat error and its position are
 * found the way expat finds them for the bodies a broken server or proxy sends: an empty or
 * cut-off document, text or JSON instead of XML, a stray or mismatched tag, junk after the
 * document. Only runs once a body has already failed to parse.
 */
import { pyBytesRepr } from '../value/python-repr.js';
import {
  INVALID_XML_CHARACTER,
  declaredPrefixes,
  namespaceError,
  normalizeLineEnds,
  readAttributes,
  readReference,
} from '../response/xml.js';

export function unparsableResponseMessage(body: Buffer): string {
  return (
    `Unable to parse response (${expatError(decodeMarkingInvalid(body))}), invalid XML received. ` +
    `Further retries may succeed:\n${pyBytesRepr(body)}`
  );
}

/**
 * The body as text, its first invalid UTF-8 sequence (where expat stops with an invalid token)
 * replaced by a control character, which expatError reports at the same place.
 */
function decodeMarkingInvalid(body: Buffer): string {
  const bad = firstInvalidUtf8(body);
  if (bad < 0) return body.toString('utf8');
  return `${body.subarray(0, bad).toString('utf8')}\x00${body.subarray(bad + 1).toString('utf8')}`;
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    // Lead byte → sequence length and the range its first continuation byte must be in
    // (which excludes overlong forms, surrogates and code points above U+10FFFF).
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) n = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      n = 3;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 4;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    if (i + n > bytes.length) return i;
    if (bytes[i + 1] < lo || bytes[i + 1] > hi) return i;
    for (let k = 2; k < n; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += n;
  }
  return -1;
}

/** `<reason>: line L, column C` as Python's ElementTree reports expat's first error. */
export function expatError(input: string): string {
  const text = normalizeLineEnds(input);
  const at = (reason: string, offset: number) => `${reason}: ${position(text, offset)}`;
  const invalidToken = (offset: number) => at('not well-formed (invalid token)', offset);
  // U+FEFF (a second byte-order mark) is no name character.
  const nameStart = /[A-Za-z_:\u00c0-\ufefe\uff00-\uffff]/;
  // expat meets a character XML does not allow as soon as it reads it.
  const badCharacter = text.search(INVALID_XML_CHARACTER);
  const badBefore = (end: number, from: number) => badCharacter >= from && badCharacter < end;
  const stack: { name: string; declared?: Set<string> }[] = [];
  const bound = (prefix: string) => stack.some((o) => o.declared?.has(prefix));
  let rootClosed = false;
  let i = text.startsWith('\ufeff') ? 1 : 0;
  while (i < text.length) {
    const c = text[i];
    if (c !== '<') {
      const textEnd = text.indexOf('<', i);
      const end = textEnd < 0 ? text.length : textEnd;
      const chunk = text.slice(i, end);
      if (stack.length === 0 && !/^[ \t\n]*$/.test(chunk)) {
        const first = i + chunk.search(/[^ \t\n]/);
        if (badCharacter === first) return invalidToken(first);
        if (rootClosed) return at('junk after document element', first);
        return at(nameStart.test(text[first]) ? 'syntax error' : 'not well-formed (invalid token)', first);
      }
      if (stack.length > 0) {
        const problem = textError(text, i, end);
        if (badBefore(problem?.at ?? end, i)) return invalidToken(badCharacter);
        if (problem) return at(problem.reason, problem.at);
      } else if (badBefore(end, i)) return invalidToken(badCharacter);
      i = end;
      continue;
    }
    const declaration = /^<!([A-Za-z]*)/.exec(text.slice(i, i + 12));
    if (declaration && !text.startsWith('<!--', i) && !text.startsWith('<![CDATA[', i) && declaration[1] !== 'DOCTYPE') {
      // Before the root, HTML's lowercase `<!doctype html>` is expat's syntax error and other
      // names fail after the name; inside an element, right after `<!`.
      if (stack.length > 0) return at('not well-formed (invalid token)', i + 2);
      if (declaration[1].toLowerCase() === 'doctype') return at('syntax error', i);
      return at('not well-formed (invalid token)', i + 2 + declaration[1].length);
    }
    const close = markupEnd(text, i);
    if (badBefore(close < 0 ? text.length : close + 1, i)) return invalidToken(badCharacter);
    if (close < 0) return at('unclosed token', i);
    const markup = text.slice(i, close + 1);
    if (/^<[?!]/.test(markup)) {
      i = close + 1;
      continue;
    }
    if (rootClosed) return at('junk after document element', i);
    if (markup.startsWith('</')) {
      const name = /^<\/\s*([^\s>]*)/.exec(markup)![1];
      if (stack.pop()?.name !== name) return at('mismatched tag', i + 2);
      if (stack.length === 0) rootClosed = true;
    } else {
      const name = /^<([^\s/>]*)/.exec(markup)![1];
      if (!name || !nameStart.test(name[0])) return at('not well-formed (invalid token)', i + 1);
      const unquoted = /=\s*(?=[^\s"'])/.exec(markup);
      if (unquoted) return at('not well-formed (invalid token)', i + unquoted.index + unquoted[0].length);
      const lessThan = markup.indexOf('<', 1);
      if (lessThan > 0) return invalidToken(i + lessThan);
      const inner = markup.slice(1, markup.endsWith('/>') ? -2 : -1);
      const attributes = readAttributes(inner, name.length) ?? [];
      const reference = textError(text, i + 1 + name.length, close);
      if (reference) return at(reference.reason, reference.at);
      const declared = declaredPrefixes(attributes);
      const namespace = namespaceError(name, attributes, (p) => declared?.has(p) || bound(p));
      if (namespace) return at(namespace, i);
      if (!markup.endsWith('/>')) stack.push({ name, declared });
      else if (stack.length === 0) rootClosed = true;
    }
    i = close + 1;
  }
  return at('no element found', text.length);
}

/** The first reference expat refuses, or `]]>`, in text[from, end). */
function textError(text: string, from: number, end: number): { reason: string; at: number } | undefined {
  const cdataEnd = text.indexOf(']]>', from);
  const limit = cdataEnd >= 0 && cdataEnd + 2 < end ? cdataEnd + 2 : end;
  for (let amp = text.indexOf('&', from); amp >= 0 && amp < limit; ) {
    const ref = readReference(text, amp);
    if (!ref.ok) return ref;
    amp = text.indexOf('&', ref.end);
  }
  return limit < end ? { reason: 'not well-formed (invalid token)', at: limit } : undefined;
}

/** Where the markup starting at `start` ends (its `>`), skipping quoted attribute values; -1 if cut off. */
function markupEnd(text: string, start: number): number {
  if (text.startsWith('<!--', start)) {
    const end = text.indexOf('-->', start + 4);
    return end < 0 ? -1 : end + 2;
  }
  let quote: string | undefined;
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

/** expat's 1-based line and 0-based column, in characters. */
function position(text: string, offset: number): string {
  const before = [...text.slice(0, offset)];
  let line = 1;
  let column = 0;
  for (const c of before) {
    if (c === '\n') {
      line++;
      column = 0;
    } else column++;
  }
  return `line ${line}, column ${column}`;
}
