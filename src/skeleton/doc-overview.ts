/**
 * The one-line summary the CLI puts in YAML skeleton comments (awscli's
 * `get_shape_doc_overview`): the documentation's text without its XML tags (when it parses as
 * XML; otherwise the raw text, tags and all), cut at the first `.` or `:` with one `.` added,
 * and line breaks turned into spaces.
 */

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text nodes of `<doc>${html}</doc>` joined, or undefined when it is not well-formed XML. */
export function xmlText(html: string): string | undefined {
  const open: string[] = [];
  const text: string[] = [];
  const token = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|&([^;&<\s]*);|&|([^<&]+)/gy;
  let match: RegExpExecArray | null;
  while ((match = token.exec(html)) !== null) {
    const [whole, closing, name, , selfClosing, entity, plain] = match;
    if (plain !== undefined) text.push(plain);
    else if (entity !== undefined) {
      const decoded = decodeEntity(entity);
      if (decoded === undefined) return undefined;
      text.push(decoded);
    } else if (name === undefined) return undefined; // a stray `<` or `&`
    else if (closing) {
      if (selfClosing || open.pop() !== name) return undefined;
    } else if (!selfClosing) open.push(name);
    if (whole.length === 0) break;
  }
  return open.length === 0 ? text.join('') : undefined;
}

function decodeEntity(entity: string): string | undefined {
  if (entity in XML_ENTITIES) return XML_ENTITIES[entity];
  const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(entity);
  if (!numeric) return undefined;
  const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]);
  return code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

export function docOverview(html: string): string {
  const text = xmlText(html) ?? html;
  let sentence = text.split(/[.:]+/, 1)[0];
  if (sentence) sentence += '.';
  return sentence.replace(/[\n\u2028]/g, ' ');
}
