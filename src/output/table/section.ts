/**
 * One section of a table: a title line, an optional header row and data rows, drawn at an
 * indent level (the number of `|` on each side).
 *
 * It keeps the same bookkeeping as awscli/table.py's Section because odd inputs depend on it:
 * the column count is fixed by the first header *or* row, but a header row added later may
 * replace the headers without that check (a list of lists of objects does this), and the
 * running column widths are only ever extended by the first row, so a longer one later fails
 * with Python's IndexError.
 */
import { displayWidth } from './display-width.js';
import { TableFormatError } from './errors.js';

export class Section {
  headers: readonly string[] = [];
  readonly rows: (readonly string[])[] = [];
  /** Widest display width seen per column, over the header and every row. */
  maxWidths: number[] = [];
  private columnCount: number | null = null;

  /** `title` null: a section opened by a nested list, which draws no title line. */
  constructor(
    readonly title: string | null,
    readonly indent: number,
  ) {}

  setHeaders(headers: readonly string[]): void {
    this.widen(headers);
    this.columnCount ??= headers.length;
    this.headers = headers;
  }

  addRow(cells: readonly string[]): void {
    this.columnCount ??= cells.length;
    if (cells.length !== this.columnCount) {
      throw new TableFormatError(
        `Row should have ${this.columnCount} elements, instead it has ${cells.length}`,
      );
    }
    this.rows.push(cells);
    this.widen(cells);
  }

  private widen(cells: readonly string[]): void {
    if (this.maxWidths.length === 0) {
      this.maxWidths = cells.map(displayWidth);
      return;
    }
    cells.forEach((cell, i) => {
      if (i >= this.maxWidths.length) throw new TableFormatError('list index out of range');
      this.maxWidths[i] = Math.max(this.maxWidths[i], displayWidth(cell));
    });
  }
}
