/**
 * Writes a listing or a single response in an item format (jsonl, csv): each page's items as
 * the page arrives, through one writer for the whole listing, so memory holds one page at a
 * time. Every write is whole lines (or whole CSV records), so output cut short by an error
 * stays valid line by line. What would continue the listing goes to stderr, never among the
 * items: `To list the next items, add: --starting-token <NextToken>` for a listing that
 * --max-items cut short, `… add: --marker <Marker>` for a single call with more to come.
 */
import type { Value, ValueMap } from '../../value/value.js';
import type { ItemFormat, ItemWriter } from '../format.js';
import type { Query, ResultWriter } from '../write-result.js';
import type { ItemLists } from './item-lists.js';
import { documentItems, pageItems } from './page-items.js';

/** What the item formats need besides the pages: where the items are, and stderr. */
export interface ItemOutput {
  readonly lists: ItemLists;
  /** stderr: the line that continues a cut-short listing, and csv's warnings. */
  readonly notices: ResultWriter;
}

export const nextItemsHint = (option: '--starting-token' | '--marker', token: string): string =>
  `To list the next items, add: ${option} ${token}\n`;

/** The format's writer; --query reshapes items, so only unqueried results use the known columns. */
export function openItemWriter(format: ItemFormat, output: ItemOutput, query: Query | undefined): ItemWriter {
  return format.open({
    columns: query ? undefined : output.lists.columns,
    warn: (message) => output.notices.write(message + '\n'),
  });
}

export async function writeItemPages(
  pages: AsyncGenerator<ValueMap, string | undefined>,
  format: ItemFormat,
  query: Query | undefined,
  output: ItemOutput,
  out: ResultWriter,
): Promise<void> {
  const writer = openItemWriter(format, output, query);
  const emit = (text: string) => text && out.write(text);
  let step = await pages.next();
  while (!step.done) {
    emit(writer.write(pageItems(step.value, output.lists, query)));
    // Backpressure and output failures (output-stream.ts): fetch no further than the reader reads.
    await out.ready?.();
    step = await pages.next();
  }
  emit(writer.end());
  if (step.value !== undefined) output.notices.write(nextItemsHint('--starting-token', step.value));
}

export function writeItemDocument(document: ValueMap, format: ItemFormat, query: Query | undefined, output: ItemOutput, out: ResultWriter): void {
  const writer = openItemWriter(format, output, query);
  const text = writer.write(documentItems(document, output.lists, query)) + writer.end();
  if (text) out.write(text);
  const marker: Value | undefined = document.get('Marker');
  const truncated = document.get('IsTruncated') ?? document.get('isTruncated');
  if (truncated === true && typeof marker === 'string') output.notices.write(nextItemsHint('--marker', marker));
}
