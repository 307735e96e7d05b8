/**
 * A small XML reader for AWS Query responses: elements, text, character references and CDATA.
 * The CLI prints values exactly as the wire has them (timestamps, blobs), so aws-iam parses
 * the response body itself instead of taking the SDK's converted values.
 *
 * It refuses what the CLI's parser (expat, through ElementTree) refuses, so that nothing
 * expat would reject is ever printed: characters XML does not allow (C0 controls other than
 * tab/LF/CR, U+FFFE, U+FFFF), references to such characters, undefined entities, malformed
 * references, `]]>` in text, `<` in attribute values and namespace prefixes never declared.
 * Line ends are normalised (CRLF and lone CR become LF) as XML requires; a CR written as
 * `&#13;` stays. Invalid UTF-8 is refused before the text gets here (iam-client.ts). Which
 * error expat names, and where, is worked out by xml-parse-error.ts only once parsing failed.
 */

export interface XmlElement {
  readonly name: string;
  readonly children: XmlElement[];
  text: string;
}

export class XmlSyntaxError extends Error {}

/** Characters XML 1.0 does not allow anywhere in a document (after UTF-8 decoding). */
export const INVALID_XML_CHARACTER = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;

/** XML's line-end handling: CRLF and lone CR become LF before anything else is read. */
export const normalizeLineEnds = (text: string): string => (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** A reference decoded (its text and the index after its `;`), or expat's error and where it is. */
export type Reference =
  | { readonly ok: true; readonly text: string; readonly end: number }
  | { readonly ok: false; readonly reason: string; readonly at: number };

/** Whether a character reference names a character XML allows. */
const allowedCodePoint = (cp: number): boolean =>
  cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);

const NAME_START = /[A-Za-z_:\u00c0-\uffff]/;
const NAME_CHAR = /[A-Za-z0-9_:.\-\u00b7\u00c0-\uffff]/;

/** Reads the reference that starts with the `&` at `amp`, as expat reads it. */
export function readReference(text: string, amp: number): Reference {
  const invalid = (at: number): Reference => ({ ok: false, reason: 'not well-formed (invalid token)', at });
  let i = amp + 1;
  if (text[i] === '#') {
    i++;
    const hex = text[i] === 'x';
    if (hex) i++;
    const digits = hex ? /[0-9a-fA-F]/ : /[0-9]/;
    const start = i;
    while (i < text.length && digits.test(text[i])) i++;
    if (i === start || text[i] !== ';') return invalid(i);
    const cp = Number.parseInt(text.slice(start, i), hex ? 16 : 10);
    if (!allowedCodePoint(cp)) return { ok: false, reason: 'reference to invalid character number', at: amp };
    return { ok: true, text: String.fromCodePoint(cp), end: i + 1 };
  }
  if (!NAME_START.test(text[i] ?? '')) return invalid(i);
  while (i < text.length && NAME_CHAR.test(text[i])) i++;
  if (text[i] !== ';') return invalid(i);
  const named = ENTITIES[text.slice(amp + 1, i)];
  if (named === undefined) return { ok: false, reason: 'undefined entity', at: amp };
  return { ok: true, text: named, end: i + 1 };
}

/** Text or an attribute value with its references decoded; throws on any reference expat refuses. */
function decodeReferences(s: string): string {
  if (!s.includes('&')) return s;
  let out = '';
  let from = 0;
  for (let amp = s.indexOf('&'); amp >= 0; amp = s.indexOf('&', from)) {
    const ref = readReference(s, amp);
    if (!ref.ok) throw new XmlSyntaxError(ref.reason);
    out += s.slice(from, amp) + ref.text;
    from = ref.end;
  }
  return out + s.slice(from);
}

/** An element's attributes as written (`name`, raw value), or undefined for a malformed tag. */
const ATTRIBUTE = /\s+([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
export function readAttributes(inner: string, from: number): [string, string][] | undefined {
  const out: [string, string][] = [];
  let i = from;
  for (;;) {
    ATTRIBUTE.lastIndex = i;
    const m = ATTRIBUTE.exec(inner);
    if (!m) break;
    out.push([m[1], m[2] ?? m[3]]);
    i = ATTRIBUTE.lastIndex;
  }
  return /^\s*$/.test(inner.slice(i)) ? out : undefined;
}

/** Prefixes an element declares (`xmlns:p="…"`), or undefined when it declares none. */
export function declaredPrefixes(attributes: readonly [string, string][]): Set<string> | undefined {
  let declared: Set<string> | undefined;
  for (const [name] of attributes) {
    if (name.startsWith('xmlns:')) (declared ??= new Set()).add(name.slice(6));
  }
  return declared;
}

/** The namespace error expat gives a start tag, or undefined when every prefix is bound. */
export function namespaceError(
  name: string,
  attributes: readonly [string, string][],
  bound: (prefix: string) => boolean,
): string | undefined {
  for (const [attribute, value] of attributes) {
    if (attribute.startsWith('xmlns:') && value === '') return 'must not undeclare prefix';
  }
  const prefixOf = (qname: string) => (qname.includes(':') ? qname.slice(0, qname.indexOf(':')) : undefined);
  for (const qname of [name, ...attributes.map(([a]) => a).filter((a) => a !== 'xmlns' && !a.startsWith('xmlns:'))]) {
    const prefix = prefixOf(qname);
    if (prefix !== undefined && prefix !== 'xml' && !bound(prefix)) return 'unbound prefix';
  }
  return undefined;
}

const QUESTION_MARK = 0x3f;
const EXCLAMATION_MARK = 0x21;
const SLASH = 0x2f;
/** The inside of a start tag that has a name and nothing else (`Arn`, `member/`). */
const BARE_TAG = /^[^\s"'/>]+\/?$/;
const NO_ATTRIBUTES: readonly [string, string][] = [];

interface Open {
  readonly element: XmlElement;
  /** The qualified name as written, which the end tag must repeat. */
  readonly qname: string;
  readonly declared?: Set<string>;
}

/** Parses a document and returns its root element; element names lose their namespace prefix. */
export function parseXml(input: string): XmlElement {
  const text = normalizeLineEnds(input);
  if (INVALID_XML_CHARACTER.test(text)) throw new XmlSyntaxError('not well-formed (invalid token)');
  const stack: Open[] = [];
  const bound = (prefix: string) => stack.some((o) => o.declared?.has(prefix));
  let root: XmlElement | undefined;
  let pos = text.startsWith('\ufeff') ? 1 : 0;
  const len = text.length;
  while (pos < len) {
    const lt = text.indexOf('<', pos);
    const chunk = text.slice(pos, lt < 0 ? len : lt);
    if (chunk.length > 0) {
      if (stack.length > 0) {
        if (chunk.includes(']]>')) throw new XmlSyntaxError('not well-formed (invalid token)');
        stack[stack.length - 1].element.text += decodeReferences(chunk);
      } else if (!/^[ \t\n]*$/.test(chunk)) throw new XmlSyntaxError('syntax error');
    }
    if (lt < 0) break;
    // What follows `<` decides the kind of markup; start and end tags, by far the most, first.
    const next = text.charCodeAt(lt + 1);
    if (next !== QUESTION_MARK && next !== EXCLAMATION_MARK) {
      if (next === SLASH) {
        const end = text.indexOf('>', lt);
        if (end < 0) throw new XmlSyntaxError('unclosed token');
        const open = stack.pop();
        if (!open || open.qname !== text.slice(lt + 2, end).trimEnd()) throw new XmlSyntaxError('mismatched tag');
        pos = end + 1;
        continue;
      }
      pos = readStartTag(lt);
    } else if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt);
      if (end < 0) throw new XmlSyntaxError('unclosed token');
      pos = end + 2;
    } else if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt);
      if (end < 0) throw new XmlSyntaxError('unclosed token');
      pos = end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt);
      if (end < 0 || stack.length === 0) throw new XmlSyntaxError('unclosed token');
      stack[stack.length - 1].element.text += text.slice(lt + 9, end);
      pos = end + 3;
    } else {
      // Any other `<!` declaration (a DOCTYPE): skipped.
      const end = text.indexOf('>', lt);
      if (end < 0) throw new XmlSyntaxError('unclosed token');
      pos = end + 1;
    }
  }
  if (!root) throw new XmlSyntaxError('no element found');
  if (stack.length > 0) throw new XmlSyntaxError('no element found');
  return root;

  /** Reads the start tag at `lt` (opening its element) and returns the index after it. */
  function readStartTag(lt: number): number {
    // A tag without attributes (nearly every tag of a response) is its name up to the `>`.
    const gt = text.indexOf('>', lt + 1);
    const bare = gt < 0 ? '' : text.slice(lt + 1, gt);
    if (BARE_TAG.test(bare)) {
      const selfClosing = bare.charCodeAt(bare.length - 1) === SLASH;
      if (!NAME_START.test(bare[0])) throw new XmlSyntaxError('not well-formed (invalid token)');
      openElement(selfClosing ? bare.slice(0, -1) : bare, NO_ATTRIBUTES, selfClosing);
      return gt + 1;
    }
    const end = findTagEnd(text, lt);
    if (end < 0) throw new XmlSyntaxError('unclosed token');
    const selfClosing = text[end - 1] === '/';
    const inner = text.slice(lt + 1, selfClosing ? end - 1 : end);
    const nameMatch = /^[^\s/>]+/.exec(inner);
    if (!nameMatch || !NAME_START.test(inner[0])) throw new XmlSyntaxError('not well-formed (invalid token)');
    const qname = nameMatch[0];
    const attributes = inner.length === qname.length ? NO_ATTRIBUTES : readAttributes(inner, qname.length);
    if (!attributes || attributes.some(([, v]) => v.includes('<'))) throw new XmlSyntaxError('not well-formed (invalid token)');
    for (const [, value] of attributes) decodeReferences(value);
    openElement(qname, attributes, selfClosing);
    return end + 1;
  }

  function openElement(qname: string, attributes: readonly [string, string][], selfClosing: boolean): void {
    const declared = declaredPrefixes(attributes);
    const open: Open = { element: { name: localName(qname), children: [], text: '' }, qname, declared };
    // Only a prefix or an attribute can break a namespace rule (most of a response has neither).
    if (attributes.length > 0 || qname.includes(':')) {
      const problem = namespaceError(qname, attributes, (p) => declared?.has(p) || bound(p));
      if (problem) throw new XmlSyntaxError(problem);
    }
    if (stack.length > 0) stack[stack.length - 1].element.children.push(open.element);
    else if (root) throw new XmlSyntaxError('junk after document element');
    else root = open.element;
    if (!selfClosing) stack.push(open);
  }
}

/** End of a start tag, skipping `>` inside quoted attribute values. */
function findTagEnd(text: string, from: number): number {
  let quote = '';
  for (let i = from + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

const localName = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/** The first child with this name. */
export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  // A loop, not find(): this runs for every member of every item of a listing.
  for (const child of element.children) if (child.name === name) return child;
  return undefined;
}
