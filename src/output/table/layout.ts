/**
 * Widths: how wide the table is, when its single-row sections turn vertical, and how each
 * section's columns are stretched to the table width (awscli/table.py MultiTable/Section).
 */
import { displayWidth } from './display-width.js';
import { Section } from './section.js';

/** Every cell gets two spaces of padding on each side of its widest text. */
export const CELL_PADDING = 4;

/**
 * The width a section needs: its columns plus the two outer borders, or its title plus the
 * borders if that is wider, plus one `|` per indent level on each side. A section opened
 * without a title still reserves the width of Python's `str(None)`.
 */
export function sectionWidth(section: Section): number {
  const outer = 2 + 2 * section.indent;
  const columns = section.maxWidths.reduce((sum, w) => sum + w + CELL_PADDING, 0);
  return Math.max(displayWidth(section.title ?? 'None') + outer, columns + outer);
}

export function tableWidth(sections: readonly Section[]): number {
  return Math.max(...sections.map(sectionWidth));
}

/**
 * When the table is wider than the terminal, every section with a header and exactly one row
 * becomes a two-column `header | value` list, and the width is measured again. Sections with
 * several rows stay as they are, so the result may still be too wide.
 */
export function fitToTerminal(sections: readonly Section[], terminalWidth: number): Section[] {
  if (tableWidth(sections) <= terminalWidth) return [...sections];
  return sections.map((section) => {
    if (section.rows.length !== 1 || section.headers.length === 0) return section;
    const vertical = new Section(section.title, section.indent);
    const [row] = section.rows;
    // zip(): as many pairs as the shorter of headers and row.
    const n = Math.min(section.headers.length, row.length);
    for (let i = 0; i < n; i++) vertical.addRow([section.headers[i], row[i]]);
    return vertical;
  });
}

/**
 * Column widths of a section stretched to exactly `width`: each (widest text + padding) is
 * scaled by width/total and rounded half to even (Python's round), then the rounding error is
 * paid back one column at a time: taken from the left when too wide, given from the right when
 * too narrow. Half-up rounding would differ: (5, 7) into 18 is [8, 10], not [7, 11].
 */
export function scaleColumns(maxWidths: readonly number[], width: number): number[] {
  if (maxWidths.length === 0) return [];
  const unscaled = maxWidths.map((w) => w + CELL_PADDING);
  const factor = width / unscaled.reduce((a, b) => a + b, 0);
  const scaled = unscaled.map((w) => roundHalfEven(factor * w));
  let offBy = scaled.reduce((a, b) => a + b, 0) - width;
  while (offBy !== 0) {
    const order = scaled.map((_, i) => i);
    if (offBy < 0) order.reverse();
    for (const i of order) {
      scaled[i] += offBy > 0 ? -1 : 1;
      offBy += offBy > 0 ? -1 : 1;
      if (offBy === 0) break;
    }
  }
  return scaled;
}

/** Python 3's round() of a float to an integer: exact halves go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const fraction = x - floor; // exact for doubles of table sizes
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
