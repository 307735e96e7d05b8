/**
 * The document model help pages are built from: blocks (paragraphs, lists, notes, literal
 * text, labelled entries) holding styled inline text. API docs (HTML) and aws-iam's own texts
 * both become blocks; layout.ts turns blocks into lines, plain or styled for a terminal.
 */

/** How a piece of inline text is shown on a terminal (bold or underlined, as man pages do). */
export type InlineStyle = 'plain' | 'code' | 'bold' | 'italic' | 'link';

export interface Span {
  readonly text: string;
  readonly style: InlineStyle;
}

export type Block =
  | { readonly kind: 'paragraph'; readonly spans: readonly Span[] }
  /** A bulleted list; each item is a sequence of blocks. */
  | { readonly kind: 'list'; readonly items: readonly (readonly Block[])[] }
  /** `NOTE:` / `WARNING:` / `DANGER:` with its body indented below. */
  | { readonly kind: 'admonition'; readonly label: string; readonly blocks: readonly Block[] }
  /** Lines shown as they are (commands, syntax), indented, never wrapped. */
  | { readonly kind: 'literal'; readonly lines: readonly string[] }
  /** A heading line (an option and its type) with its body indented below, as man pages list options. */
  | { readonly kind: 'entry'; readonly head: readonly Span[]; readonly blocks: readonly Block[] };

export interface Section {
  readonly title: string;
  readonly blocks: readonly Block[];
}

export const plain = (text: string): Span => ({ text, style: 'plain' });
export const code = (text: string): Span => ({ text, style: 'code' });
export const bold = (text: string): Span => ({ text, style: 'bold' });

export const paragraph = (...spans: Span[]): Block => ({ kind: 'paragraph', spans });
export const bulletList = (items: readonly (readonly Block[])[]): Block => ({ kind: 'list', items });
export const literal = (...lines: string[]): Block => ({ kind: 'literal', lines });
export const entry = (head: readonly Span[], blocks: readonly Block[]): Block => ({ kind: 'entry', head, blocks });

/**
 * A paragraph from a template where `backquoted` words are code: `text('Use `--no-paginate`.')`.
 * Keeps aws-iam's own help texts readable in the source.
 */
export function text(template: string): Block {
  return { kind: 'paragraph', spans: spansOf(template) };
}

export function spansOf(template: string): Span[] {
  return template
    .split('`')
    .map((part, i) => (i % 2 === 1 ? code(part) : plain(part)))
    .filter((s) => s.text !== '');
}
