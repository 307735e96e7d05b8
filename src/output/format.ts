/**
 * The interfaces every output format implements. Each format lives in its own module
 * (json.ts, text.ts, table.ts, yaml.ts, yaml-stream.ts, jsonl.ts, csv.ts); `formats.ts` maps
 * `--output` names to them. Which pages a format sees is the caller's job
 * (output/write-result.ts), following the AWS CLI:
 * - 'merged' formats (json, table, yaml) get one document: the pages merged, then queried;
 * - 'per-page' formats (text, yaml-stream) get each page (queried) as it arrives, so they
 *   can stream; text also gets the NEXTTOKEN pseudo-page at the end;
 * - 'items' formats (jsonl, csv: aws-iam's own) get the items of each page as it arrives
 *   (output/items/page-items.ts), through a writer that lives for the whole listing.
 */
import type { Value } from '../value/value.js';

export interface FormatContext {
  /** The API operation name (`ListUsers`): the table's title. */
  readonly operationName: string;
  /** Columns available for the table: the terminal's width, or 80 when stdout is not a TTY. */
  readonly width: number;
  /** Whether table output is coloured (`--color`, resolved against the TTY). */
  readonly color: boolean;
  /**
   * Whether the stream written to resets colour after every write call (colorama's autoreset,
   * which the CLI sets up on stdout and stderr with its table styler). Defaults to `color`:
   * true for coloured table output, false for a coloured table error on the CLI's own stderr.
   */
  readonly resetAfterEachWrite?: boolean;
}

/** A format of the AWS CLI: the text for one document or page. */
export interface OutputFormat {
  readonly pages: 'merged' | 'per-page';
  /** The CLI's `off` formatter never looks at the result, so `--query` is not evaluated for it. */
  readonly ignoresResult?: boolean;
  /** The text to write for one document or page; '' writes nothing. */
  format(value: Value, context: FormatContext): string;
  /**
   * For a merged format that can hold the merged lists as text (json): then, when there is no
   * --query, each page's items are encoded as the page arrives and only their text is kept (a
   * fraction of the values' memory), and the document is written from it.
   */
  readonly mergeAsText?: TextMerge;
}

/**
 * A merged list held as the UTF-8 of its items, one part per page that had any. Buffers, not
 * strings: they live outside V8's heap, which would otherwise grow by half again as much as
 * it holds before collecting (measured, 200,000 users on Node 20: 150 MB peak against 157–166 MB with strings).
 */
export class EncodedList {
  readonly parts: Buffer[] = [];
}

export interface TextMerge {
  /** The text of a page's items as they stand in the document's list (non-empty list). */
  items(items: Value[]): string;
  /**
   * The document's text, in the pieces to write, for the merged keys in order; lists are
   * EncodedLists. It equals `format()` of the same document held as values.
   */
  document(merged: ReadonlyMap<string, Value | EncodedList>): Iterable<string>;
}

export interface ItemWriterOptions {
  /**
   * Column names known before any item arrives (csv's header): the item shape's members in
   * model order, for results without --query. Without them the first items name the columns.
   */
  readonly columns?: readonly string[];
  /** Writes one warning line on stderr (csv: a key that came after its header was written). */
  readonly warn: (message: string) => void;
}

/** Turns items into text, keeping what one listing needs between pages (csv's header). */
export interface ItemWriter {
  /** The text for these items, in order; '' for none. */
  write(items: readonly Value[]): string;
  /** The text once the listing is complete ('' for none): csv's header when no item came. */
  end(): string;
}

/** A format of aws-iam's own that writes one item at a time: one writer per listing. */
export interface ItemFormat {
  readonly pages: 'items';
  open(options: ItemWriterOptions): ItemWriter;
}

/** Any `--output` format (formats.ts). */
export type Format = OutputFormat | ItemFormat;
