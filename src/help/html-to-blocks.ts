/**
 * The botocore model's documentation HTML → help blocks, by the rules the AWS CLI applies
 * (awscli/bcdoc: docstringparser.py turns the HTML into reStructuredText, style.py decides what
 * each tag becomes; docutils then renders it). Only the tags the CLI handles have an effect:
 * p, ul/ol/li, note/important/danger, code/b/i (inline), a (links show their text), and
 * examples/fullname (dropped); any other tag is ignored and its text flows on.
 *
 * The CLI's spacing quirks are kept because they are what its help shows: text data loses its
 * leading whitespace, every inline element (code, bold, italic, link) is followed by a space
 * ("see GetUser ." and "(\u0021 )"), and paragraphs inside a list item run together.
 */
import type { Block, InlineStyle, Span } from './blocks.js';

type Token =
  | { readonly type: 'start'; readonly tag: string; readonly attrs: ReadonlyMap<string, string> }
  | { readonly type: 'end'; readonly tag: string }
  | { readonly type: 'data'; readonly text: string };

/** Tags with a handler in the CLI's ReSTStyle (start_X / end_X); the rest are ignored. */
const HANDLED = new Set(['p', 'ul', 'ol', 'li', 'note', 'important', 'danger', 'code', 'b', 'i', 'a', 'examples', 'fullname', 'codeblock']);
const INLINE: Readonly<Record<string, InlineStyle>> = { code: 'code', b: 'bold', i: 'italic' };
const ADMONITIONS: Readonly<Record<string, string>> = { note: 'NOTE:', important: 'WARNING:', danger: 'DANGER:' };

export function htmlToBlocks(html: string): Block[] {
  const builder = new BlockBuilder();
  for (const token of handledTokens(tokenize(html))) builder.feed(token);
  return builder.finish();
}

/** The plain text of the first sentence of a doc string (a one-line summary). */
export function firstSentence(html: string): string {
  const first = htmlToBlocks(html).find((b) => b.kind === 'paragraph');
  if (!first || first.kind !== 'paragraph') return '';
  const words = first.spans.map((s) => s.text).join('').split(/\s+/).filter(Boolean).join(' ');
  const end = words.search(/\.(\s|$)/);
  return end < 0 ? words : words.slice(0, end + 1);
}

// ---------------------------------------------------------------------------------------------
// Tokens, as Python's html.parser reports them (tag names lower-cased, entities decoded).

const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/g;
const ATTR = /([^\s=>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;

export function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const m of html.matchAll(TAG)) {
    if (m.index > last) tokens.push({ type: 'data', text: decodeEntities(html.slice(last, m.index)) });
    last = m.index + m[0].length;
    if (m[0].startsWith('<!--')) continue;
    const tag = m[2].toLowerCase();
    if (m[1]) {
      tokens.push({ type: 'end', tag });
      continue;
    }
    const attrs = new Map<string, string>();
    for (const a of (m[3] ?? '').matchAll(ATTR)) {
      const raw = a[2] ?? '';
      attrs.set(a[1].toLowerCase(), decodeEntities(raw.replace(/^(["'])([\s\S]*)\1$/, '$2')));
    }
    tokens.push({ type: 'start', tag, attrs });
    if (m[4]) tokens.push({ type: 'end', tag });
  }
  if (last < html.length) tokens.push({ type: 'data', text: decodeEntities(html.slice(last)) });
  return tokens;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '\u2013', mdash: '\u2014',
  lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', hellip: '\u2026', copy: '\u00a9', reg: '\u00ae', trade: '\u2122',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name] ?? whole;
  });
}

/**
 * Drops tags the CLI has no handler for. Like its HTMLTree, an end tag closes the innermost
 * open element whatever its name, so the stream is re-labelled with the element it closes.
 */
function* handledTokens(tokens: readonly Token[]): Generator<Token> {
  const open: string[] = [];
  for (const token of tokens) {
    if (token.type === 'data') yield token;
    else if (!HANDLED.has(token.tag)) continue;
    else if (token.type === 'start') {
      open.push(token.tag);
      yield token;
    } else if (open.length > 0) {
      yield { type: 'end', tag: open.pop()! };
    }
  }
}

// ---------------------------------------------------------------------------------------------

interface Container {
  readonly kind: 'root' | 'admonition' | 'list' | 'item';
  readonly label?: string;
  readonly blocks: Block[];
  readonly items: Block[][];
}

interface OpenInline {
  readonly style: InlineStyle;
  /** Characters written when the element started: nothing written means an empty element. */
  readonly startLength: number;
  readonly href?: string;
  /** `<a>` without href: no markup, just a space on each side. */
  readonly bare?: boolean;
}

class BlockBuilder {
  private readonly stack: Container[] = [container('root')];
  private pending: Span[] = [];
  private readonly inline: OpenInline[] = [];
  private doParagraphs = true;
  private keepData = true;
  /** Inside `<li>`, leading whitespace is stripped up to the first text. */
  private stripLeading = false;
  private literalLines: string[] | undefined;

  feed(token: Token): void {
    if (token.type === 'data') return this.data(token.text);
    if (token.type === 'start') this.start(token.tag, token.attrs);
    else this.end(token.tag);
  }

  finish(): Block[] {
    this.breakParagraph();
    while (this.stack.length > 1) this.closeContainer();
    return this.stack[0].blocks;
  }

  private get top(): Container {
    return this.stack[this.stack.length - 1];
  }

  private start(tag: string, attrs: ReadonlyMap<string, string>): void {
    if (tag in INLINE) return this.openInline({ style: INLINE[tag], startLength: this.pendingLength() });
    switch (tag) {
      case 'p':
        if (this.doParagraphs) this.breakParagraph();
        return;
      case 'a': {
        const href = attrs.get('href');
        if (href === undefined) {
          this.write(' ', 'plain');
          this.inline.push({ style: 'plain', startLength: this.pendingLength(), bare: true });
        } else {
          this.openInline({ style: 'link', startLength: this.pendingLength(), href });
        }
        return;
      }
      case 'ul':
      case 'ol':
        this.breakParagraph();
        this.stack.push(container('list'));
        return;
      case 'li':
        this.breakParagraph();
        if (this.top.kind !== 'list') this.stack.push(container('list'));
        this.stack.push(container('item'));
        this.doParagraphs = false;
        this.stripLeading = true;
        return;
      case 'note':
      case 'important':
      case 'danger':
        this.breakParagraph();
        this.stack.push({ ...container('admonition'), label: ADMONITIONS[tag] });
        return;
      case 'examples':
      case 'fullname':
        this.keepData = false;
        return;
      case 'codeblock':
        this.breakParagraph();
        this.literalLines = [];
        return;
    }
  }

  private end(tag: string): void {
    if (tag in INLINE || tag === 'a') return this.closeInline();
    switch (tag) {
      case 'p':
        if (this.doParagraphs) this.breakParagraph();
        return;
      case 'li':
        this.doParagraphs = true;
        this.breakParagraph();
        if (this.top.kind === 'item') this.closeContainer();
        return;
      case 'ul':
      case 'ol':
        this.breakParagraph();
        while (this.top.kind === 'item') this.closeContainer();
        if (this.top.kind === 'list') this.closeContainer();
        return;
      case 'note':
      case 'important':
      case 'danger':
        this.breakParagraph();
        while (this.top.kind !== 'admonition' && this.stack.length > 1) this.closeContainer();
        if (this.top.kind === 'admonition') this.closeContainer();
        return;
      case 'examples':
      case 'fullname':
        this.keepData = true;
        return;
      case 'codeblock': {
        const lines = dedent((this.literalLines ?? []).join('').split('\n'));
        this.literalLines = undefined;
        if (lines.length > 0) this.top.blocks.push({ kind: 'literal', lines });
        return;
      }
    }
  }

  /** One text node, spaced as the CLI's DataNode writes it. */
  private data(raw: string): void {
    if (!this.keepData) return;
    if (this.literalLines) {
      this.literalLines.push(raw);
      return;
    }
    let text = raw;
    if (this.stripLeading) {
      text = text.trimStart();
      if (text === '') return;
      this.stripLeading = false;
    }
    if (text === '') return;
    if (/^\s+$/.test(text)) return this.write(' ', 'plain');
    const words = text.split(/\s+/).filter(Boolean).join(' ');
    this.write(/\s$/.test(text) ? words + ' ' : words, this.currentStyle());
  }

  private currentStyle(): InlineStyle {
    for (let i = this.inline.length - 1; i >= 0; i--) if (!this.inline[i].bare) return this.inline[i].style;
    return 'plain';
  }

  private openInline(open: OpenInline): void {
    this.inline.push(open);
  }

  /** Ends an inline element: trailing spaces trimmed, then one space after it (or nothing if empty). */
  private closeInline(): void {
    const open = this.inline.pop();
    if (!open) return;
    if (open.bare) return this.write(' ', 'plain');
    const last = this.pending[this.pending.length - 1];
    if (last && this.pendingLength() > open.startLength) {
      this.pending[this.pending.length - 1] = { ...last, text: last.text.replace(/ +$/, '') };
    }
    if (this.pendingLength() === open.startLength) {
      if (open.href === undefined) return;
      this.write(open.href, 'link');
    }
    this.write(' ', 'plain');
  }

  private pendingLength(): number {
    return this.pending.reduce((n, s) => n + s.text.length, 0);
  }

  private write(text: string, style: InlineStyle): void {
    const last = this.pending[this.pending.length - 1];
    if (last && last.style === style) this.pending[this.pending.length - 1] = { style, text: last.text + text };
    else this.pending.push({ text, style });
  }

  private breakParagraph(): void {
    const spans = trimSpans(this.pending.filter((s) => s.text !== ''));
    this.pending = [];
    if (spans.length === 0) return;
    let target = this.top;
    if (target.kind === 'list') {
      // Text between list items belongs to no item; the CLI's reST makes it part of the list.
      this.stack.push(container('item'));
      target = this.top;
    }
    target.blocks.push({ kind: 'paragraph', spans });
  }

  private closeContainer(): void {
    this.breakParagraph();
    const done = this.stack.pop()!;
    const parent = this.top;
    if (done.kind === 'item') {
      if (parent.kind === 'list') parent.items.push(done.blocks);
      else parent.blocks.push(...done.blocks);
    } else if (done.kind === 'list') {
      if (done.items.length > 0) parent.blocks.push({ kind: 'list', items: done.items });
    } else if (done.kind === 'admonition') {
      if (done.blocks.length > 0) parent.blocks.push({ kind: 'admonition', label: done.label!, blocks: done.blocks });
    }
  }
}

function container(kind: Container['kind']): Container {
  return { kind, blocks: [], items: [] };
}

/** Whitespace at either end of a paragraph is not shown. */
function trimSpans(spans: Span[]): Span[] {
  const out = [...spans];
  while (out.length > 0 && out[0].text.trim() === '') out.shift();
  while (out.length > 0 && out[out.length - 1].text.trim() === '') out.pop();
  if (out.length === 0) return out;
  out[0] = { ...out[0], text: out[0].text.trimStart() };
  out[out.length - 1] = { ...out[out.length - 1], text: out[out.length - 1].text.trimEnd() };
  return out;
}

function dedent(lines: string[]): string[] {
  while (lines.length > 0 && lines[0].trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  const indents = lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(common).trimEnd());
}
