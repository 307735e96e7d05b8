/**
 * Help blocks → lines, laid out as the AWS CLI's man pages are (groff's man macros): section
 * titles at the margin, text indented 7 columns, option bodies and notes 3 more, bullets as
 * `o ` with a hanging indent, one blank line between blocks, lines filled to 78 columns.
 * Lines are left-aligned and words are never hyphenated: plain text meant to be read and
 * searched, where groff would stretch spaces and split words.
 */
import type { Block, InlineStyle, Section, Span } from './blocks.js';

export interface LayoutOptions {
  /** Total line length, indentation included. */
  readonly width: number;
  /** Styles inline text (bold, underline) for a terminal; plain text leaves it as is. */
  readonly style: (text: string, style: InlineStyle | 'heading') => string;
}

export const SECTION_INDENT = 7;
export const NESTED_INDENT = 3;
const BULLET = 'o ';

export const plainStyle: LayoutOptions['style'] = (text) => text;

/** Bold for headings, options and code; underline for emphasis and links (less -R shows both). */
export const terminalStyle: LayoutOptions['style'] = (text, style) => {
  switch (style) {
    case 'heading':
    case 'code':
    case 'bold':
      return `\x1b[1m${text}\x1b[0m`;
    case 'italic':
    case 'link':
      return `\x1b[4m${text}\x1b[0m`;
    default:
      return text;
  }
};

export function layoutPage(sections: readonly Section[], options: LayoutOptions): string {
  const out: string[] = [];
  for (const section of sections) {
    out.push(options.style(section.title, 'heading'));
    out.push(...layoutBlocks(section.blocks, SECTION_INDENT, options));
    out.push('');
  }
  return out.map((line) => line.trimEnd()).join('\n') + '\n';
}

/** Lines of blocks at an indentation, a blank line between blocks (none after the last). */
export function layoutBlocks(blocks: readonly Block[], indent: number, options: LayoutOptions): string[] {
  const out: string[] = [];
  blocks.forEach((block, i) => {
    if (i > 0) out.push('');
    out.push(...layoutBlock(block, indent, options));
  });
  return out;
}

function layoutBlock(block: Block, indent: number, options: LayoutOptions): string[] {
  switch (block.kind) {
    case 'paragraph':
      return fill(block.spans, indent, indent, options);
    case 'literal':
      return block.lines.map((line) => (line === '' ? '' : ' '.repeat(indent + NESTED_INDENT) + line));
    case 'admonition':
      return [' '.repeat(indent) + options.style(block.label, 'bold'), ...layoutBlocks(block.blocks, indent + NESTED_INDENT, options)];
    case 'entry':
      return [...fill(block.head, indent, indent, options), ...layoutBlocks(block.blocks, indent + NESTED_INDENT, options)];
    case 'list': {
      const out: string[] = [];
      block.items.forEach((item, i) => {
        if (i > 0) out.push('');
        out.push(...layoutItem(item, indent, options));
      });
      return out;
    }
  }
}

/** A bullet item: `o ` then its first paragraph, everything else hanging under the text. */
function layoutItem(item: readonly Block[], indent: number, options: LayoutOptions): string[] {
  const inner = indent + BULLET.length;
  const [first, ...rest] = item;
  if (!first) return [' '.repeat(indent) + BULLET.trimEnd()];
  let lines: string[];
  if (first.kind === 'paragraph') {
    lines = fill(first.spans, inner, inner, options);
  } else {
    lines = layoutBlock(first, inner, options);
  }
  lines[0] = ' '.repeat(indent) + BULLET + lines[0].slice(inner);
  for (const block of rest) lines.push('', ...layoutBlock(block, inner, options));
  return lines;
}

/** One styled word: the pieces of text between two break opportunities. */
type Word = { text: string; style: InlineStyle }[];

/** Fills words into lines: a word goes on the next line when it would pass the width. */
export function fill(spans: readonly Span[], firstIndent: number, indent: number, options: LayoutOptions): string[] {
  const words = splitWords(spans);
  const lines: string[] = [];
  let line = '';
  let length = 0;
  let lineIndent = firstIndent;
  for (const word of words) {
    const wordLength = [...word.map((p) => p.text).join('')].length;
    const rendered = word.map((p) => options.style(p.text, p.style)).join('');
    if (length > 0 && lineIndent + length + 1 + wordLength > options.width) {
      lines.push(' '.repeat(lineIndent) + line);
      line = '';
      length = 0;
      lineIndent = indent;
    }
    line += (length > 0 ? ' ' : '') + rendered;
    length += (length > 0 ? 1 : 0) + wordLength;
  }
  if (length > 0 || lines.length === 0) lines.push(' '.repeat(lineIndent) + line);
  return lines;
}

function splitWords(spans: readonly Span[]): Word[] {
  const words: Word[] = [];
  let current: Word = [];
  for (const span of spans) {
    const parts = span.text.split(/(\s+)/);
    for (const part of parts) {
      if (part === '') continue;
      if (/^\s+$/.test(part)) {
        if (current.length > 0) words.push(current);
        current = [];
      } else {
        current.push({ text: part, style: span.style });
      }
    }
  }
  if (current.length > 0) words.push(current);
  return words;
}
