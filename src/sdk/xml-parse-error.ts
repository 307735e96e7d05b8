/**
 * The message botocore gives a response body that is not well-formed XML:
 * `Unable to parse response (<expat error>: line L, column C), invalid XML received. Further
 * retries may succeed:\n<Python bytes repr of the body>`. The expat error and its position are
 * found the way expat finds them for the bodies a broken server or proxy sends: an empty or
 * cut-off document, text or JSON instead of XML, a stray or mismatched tag, junk after the
 * document. Only runs once a body has already failed to parse.
 */
import { pyBytesRepr } from '../value/python-repr.js';

export function unparsableResponseMessage(body: Buffer): string {
  return (
    `Unable to parse response (${expatError(body.toString('utf8'))}), invalid XML received. ` +
    `Further retries may succeed:\n${pyBytesRepr(body)}`
  );
}

/** `<reason>: line L, column C` as Python's ElementTree reports expat's first error. */
export function expatError(text: string): string {
  const at = (reason: string, offset: number) => `${reason}: ${position(text, offset)}`;
  const nameStart = /[A-Za-z_:\u00c0-\uffff]/;
  const stack: string[] = [];
  let rootClosed = false;
  let i = text.startsWith('\ufeff') ? 1 : 0;
  while (i < text.length) {
    const c = text[i];
    if (c !== '<') {
      const textEnd = text.indexOf('<', i);
      const chunk = text.slice(i, textEnd < 0 ? text.length : textEnd);
      if (stack.length === 0 && chunk.trim() !== '') {
        const first = i + chunk.search(/\S/);
        if (rootClosed) return at('junk after document element', first);
        return at(nameStart.test(text[first]) ? 'syntax error' : 'not well-formed (invalid token)', first);
      }
      i = textEnd < 0 ? text.length : textEnd;
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
    if (close < 0) return at('unclosed token', i);
    const markup = text.slice(i, close + 1);
    if (/^<[?!]/.test(markup)) {
      i = close + 1;
      continue;
    }
    if (rootClosed) return at('junk after document element', i);
    if (markup.startsWith('</')) {
      const name = /^<\/\s*([^\s>]*)/.exec(markup)![1];
      if (stack.pop() !== name) return at('mismatched tag', i + 2);
      if (stack.length === 0) rootClosed = true;
    } else {
      const name = /^<([^\s/>]*)/.exec(markup)![1];
      if (!name || !nameStart.test(name[0])) return at('not well-formed (invalid token)', i + 1);
      const unquoted = /=\s*(?=[^\s"'])/.exec(markup);
      if (unquoted) return at('not well-formed (invalid token)', i + unquoted.index + unquoted[0].length);
      if (!markup.endsWith('/>')) stack.push(name);
      else if (stack.length === 0) rootClosed = true;
    }
    i = close + 1;
  }
  return at('no element found', text.length);
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
