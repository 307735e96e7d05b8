/**
 * A small XML reader for AWS Query responses: elements, text, character references and CDATA.
 * The CLI prints values exactly as the wire has them (timestamps, blobs), so aws-iam parses
 * the response body itself instead of taking the SDK's converted values.
 */

export interface XmlElement {
  readonly name: string;
  readonly children: XmlElement[];
  text: string;
}

export class XmlSyntaxError extends Error {}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return String.fromCodePoint(cp);
    }
    const named = ENTITIES[ref];
    if (named === undefined) throw new XmlSyntaxError(`undefined entity &${ref};`);
    return named;
  });
}

/** Parses a document and returns its root element; element names lose their namespace prefix. */
export function parseXml(text: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let pos = 0;
  const len = text.length;
  while (pos < len) {
    const lt = text.indexOf('<', pos);
    const chunk = text.slice(pos, lt < 0 ? len : lt);
    if (chunk.length > 0) {
      if (stack.length > 0) stack[stack.length - 1].text += decodeEntities(chunk);
      else if (chunk.trim() !== '') throw new XmlSyntaxError('syntax error');
    }
    if (lt < 0) break;
    if (text.startsWith('<?', lt)) {
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
      stack[stack.length - 1].text += text.slice(lt + 9, end);
      pos = end + 3;
    } else if (text.startsWith('<!', lt)) {
      const end = text.indexOf('>', lt);
      if (end < 0) throw new XmlSyntaxError('unclosed token');
      pos = end + 1;
    } else if (text[lt + 1] === '/') {
      const end = text.indexOf('>', lt);
      if (end < 0) throw new XmlSyntaxError('unclosed token');
      const name = localName(text.slice(lt + 2, end).trim());
      const open = stack.pop();
      if (!open || open.name !== name) throw new XmlSyntaxError('mismatched tag');
      pos = end + 1;
    } else {
      const end = findTagEnd(text, lt);
      if (end < 0) throw new XmlSyntaxError('unclosed token');
      const selfClosing = text[end - 1] === '/';
      const inner = text.slice(lt + 1, selfClosing ? end - 1 : end);
      const nameMatch = /^[^\s/>]+/.exec(inner);
      if (!nameMatch) throw new XmlSyntaxError('not well-formed (invalid token)');
      const element: XmlElement = { name: localName(nameMatch[0]), children: [], text: '' };
      if (stack.length > 0) stack[stack.length - 1].children.push(element);
      else if (root) throw new XmlSyntaxError('junk after document element');
      else root = element;
      if (!selfClosing) stack.push(element);
      pos = end + 1;
    }
  }
  if (!root) throw new XmlSyntaxError('no element found');
  if (stack.length > 0) throw new XmlSyntaxError('no element found');
  return root;
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
export const childNamed = (element: XmlElement, name: string): XmlElement | undefined =>
  element.children.find((c) => c.name === name);
