/**
 * Drawing: sections → text, with the AWS CLI's exact spacing and, when colour is on, its exact
 * escape sequences.
 *
 * Colour bytes depend on how the CLI *writes*, not only on what: colorama (autoreset) appends
 * a reset `ESC[0m` after every write call to stdout, and each nested line is four calls (left
 * bars, text, right bars, newline) — even when there are no bars (an empty write still gets its
 * reset). So the output is modelled as the list of write calls, and the resets are added per
 * call. Through a pager the CLI writes elsewhere and these resets do not appear; this module
 * produces the direct-to-stdout bytes.
 */
import { displayWidth } from './display-width.js';
import { scaleColumns } from './layout.js';
import type { Section } from './section.js';

const RESET = '\x1b[0m';
/** colorama Style.BRIGHT + Fore.BLUE: data cells. */
const ROW_STYLE = '\x1b[1m\x1b[34m';
/** colorama Style.DIM + Fore.YELLOW: each indent bar. */
const BAR_STYLE = '\x1b[2m\x1b[33m';

/** `s` repeated; like Python's `s * n`, a negative count gives ''. */
const repeat = (s: string, n: number): string => (n > 0 ? s.repeat(n) : '');

class Output {
  private readonly parts: string[] = [];
  constructor(private readonly resetAfterEachWrite: boolean) {}

  write(text: string): void {
    this.parts.push(text);
    if (this.resetAfterEachWrite) this.parts.push(RESET);
  }

  /** A line of a section: the indent bars on both sides of it, as four writes. */
  writeLine(bars: string, line: string): void {
    this.write(bars);
    this.write(line);
    this.write(bars);
    this.write('\n');
  }

  text(): string {
    return this.parts.join('');
  }
}

export function renderTable(sections: readonly Section[], width: number, color: boolean, resetAfterEachWrite = color): string {
  const out = new Output(resetAfterEachWrite);
  out.write(`${'-'.repeat(width)}\n`);
  for (const section of sections) renderSection(out, section, width - 2 * section.indent, color);
  return out.text();
}

function renderSection(out: Output, section: Section, width: number, color: boolean): void {
  const bars = repeat(color ? `${BAR_STYLE}|${RESET}` : '|', section.indent);
  const line = (text: string) => out.writeLine(bars, text);
  // An empty title ("" key) or none (nested list) draws no title line.
  if (section.title) {
    line(centre(section.title, width, '|'));
    if (section.headers.length === 0 && section.rows.length === 0) line(`+${repeat('-', width - 2)}+`);
  }
  const widths = scaleColumns(section.maxWidths, width);
  if (section.headers.length > 0) {
    line(separator(widths));
    line(cells(widths, section.headers, (w, h, i) => centre(h, w, i === 0 ? '|' : '')));
  }
  if (section.rows.length > 0 && widths.length > 0) {
    line(separator(widths));
    for (const row of section.rows) {
      line(cells(widths, row, (w, cell, i) => alignLeft(cell, w, i === 0 ? '|' : '', color)));
    }
    line(separator(widths));
  }
}

/** `+----+------+`: the first column owns both of its `+`, the others their right one. */
function separator(widths: readonly number[]): string {
  return widths.map((w, i) => (i === 0 ? `+${repeat('-', w - 2)}+` : `${repeat('-', w - 1)}+`)).join('');
}

/**
 * Text centred in `length` columns ending in `|`: w//2 − len//2 − 1 spaces before it (the left
 * edge is part of that budget's column count), the rest after, so odd slack goes right.
 */
function centre(text: string, length: number, leftEdge: string): string {
  const textWidth = displayWidth(text);
  const before = Math.floor(length / 2) - Math.floor(textWidth / 2) - 1;
  const after = length - 1 - (leftEdge.length + before + textWidth);
  return `${leftEdge}${repeat(' ', before)}${text}${repeat(' ', after)}|`;
}

/** A data cell: two spaces, the text, padding, `|`; no leading spaces if they do not fit. */
function alignLeft(text: string, length: number, leftEdge: string, color: boolean): string {
  const textWidth = displayWidth(text);
  const padding = length - (textWidth + 2 + leftEdge.length + 1) >= 0 ? 2 : 0;
  const styled = color ? `${ROW_STYLE}${text}${RESET}` : text;
  const after = length - (leftEdge.length + padding + textWidth) - 1;
  return `${leftEdge}${repeat(' ', padding)}${styled}${repeat(' ', after)}|`;
}

/** The cells of a line, each drawn in its column's width (as far as both lists go, as zip() does). */
function cells(widths: readonly number[], texts: readonly string[], draw: (width: number, text: string, i: number) => string): string {
  let line = '';
  const n = Math.min(widths.length, texts.length);
  for (let i = 0; i < n; i++) line += draw(widths[i], texts[i], i);
  return line;
}
