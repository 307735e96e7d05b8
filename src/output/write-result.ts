/**
 * Routes pages to the chosen format the way the AWS CLI does (reference §2.10):
 * - merged formats (json, table, yaml): the result keys of all pages merged in paginator order,
 *   `NextToken` last, everything else dropped, then the query, then the document, written only
 *   once every page is in; without a query json keeps the merged lists as text, not values
 *   (a 200,000-item listing then peaks at a fifth of the memory);
 * - text: each page reduced to its result keys, queried and written as it arrives, then the
 *   `{"NextToken": {"NextToken": …}}` pseudo-page;
 * - yaml-stream: each raw page, queried, written as it arrives; no NextToken.
 * - jsonl and csv (aws-iam's own): the items of each page as it arrives (items/write-items.ts).
 * Non-paginated responses are one document for every format.
 */
import type { Value, ValueMap } from '../value/value.js';
import { EncodedList, type Format, type FormatContext, type OutputFormat, type TextMerge } from './format.js';
import { TextFormatError } from './text.js';
import { writeItemDocument, writeItemPages, type ItemOutput } from './items/write-items.js';

export interface Query {
  search(data: Value): Value;
}

export interface ResultWriter {
  write(text: string): void;
  /**
   * Waits while the reader is behind (output-stream.ts): awaited after each streamed page, so
   * no more pages are fetched than the reader consumes, and a failed output stops the listing.
   */
  ready?(): Promise<void>;
}

export interface Pages {
  readonly resultKeys: readonly string[];
  readonly pages: AsyncGenerator<ValueMap, string | undefined>;
}

export async function writePaginated(
  source: Pages,
  format: Format,
  formatName: string,
  query: Query | undefined,
  context: FormatContext,
  out: ResultWriter,
  items?: ItemOutput,
): Promise<void> {
  if (format.pages === 'items') return writeItemPages(source.pages, format, query, itemOutput(items), out);
  const apply = (v: Value): Value => (query && !format.ignoresResult ? query.search(v) : v);
  const emit = (v: Value) => writeFormatted(format, apply(v), context, out);
  const { resultKeys, pages } = source;
  if (format.pages === 'merged') {
    const asText = query ? undefined : format.mergeAsText;
    const lists = asText ? textLists(asText) : VALUE_LISTS;
    const merged = new Map<string, Value | EncodedList>();
    let step = await pages.next();
    while (!step.done) {
      mergePage(merged, step.value, resultKeys, lists);
      step = await pages.next();
    }
    if (step.value !== undefined) merged.set('NextToken', step.value);
    if (!asText) return emit(merged as ValueMap);
    // Piece by piece, each taken before the next: a slow reader must not make us queue it all.
    for (const text of asText.document(merged)) {
      out.write(text);
      await out.ready?.();
    }
    return;
  }
  let step = await pages.next();
  while (!step.done) {
    const page = step.value;
    if (formatName === 'yaml-stream') emit(page);
    else emit(new Map(resultKeys.map((k) => [k, page.get(k) ?? null] as [string, Value])));
    await out.ready?.();
    step = await pages.next();
  }
  if (step.value !== undefined && formatName !== 'yaml-stream') {
    emit(new Map([['NextToken', new Map([['NextToken', step.value]])]]));
  }
}

export function writeSingle(
  response: ValueMap,
  format: Format,
  query: Query | undefined,
  context: FormatContext,
  out: ResultWriter,
  items?: ItemOutput,
): void {
  if (format.pages === 'items') return writeItemDocument(response, format, query, itemOutput(items), out);
  writeFormatted(format, query && !format.ignoresResult ? query.search(response) : response, context, out);
}

/** Writes one formatted document; a text-format failure keeps the lines the CLI had printed. */
function writeFormatted(format: OutputFormat, value: Value, context: FormatContext, out: ResultWriter): void {
  let text: string;
  try {
    text = format.format(value, context);
  } catch (error) {
    if (error instanceof TextFormatError && error.output) out.write(error.output);
    throw error;
  }
  if (text) out.write(text);
}

/** Item formats need to know where a response's items are: a caller that writes one must say. */
function itemOutput(items: ItemOutput | undefined): ItemOutput {
  if (!items) throw new Error('an item format (jsonl, csv) needs the item lists of the result');
  return items;
}

/** How merged lists are held: as values, or as the text of their items. */
type MergedList = Value[] | EncodedList;
interface ListHolder {
  start(items: Value[]): MergedList;
  isList(existing: Value | EncodedList): existing is MergedList;
  append(list: MergedList, items: Value[]): void;
}

const VALUE_LISTS: ListHolder = {
  start: (items) => [...items],
  isList: (existing) => Array.isArray(existing),
  append: (list, items) => void (list as Value[]).push(...items),
};

/**
 * The UTF-8 of a text in a buffer of exactly its size. (Node 24's `Buffer.from(text)` keeps a
 * backing store sized for the worst case, 2.6× as large here: 200,000 users peaked at 270 MB.)
 */
function utf8(text: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
}

function textLists(merge: TextMerge): ListHolder {
  const append = (list: MergedList, items: Value[]) => void (items.length > 0 && (list as EncodedList).parts.push(utf8(merge.items(items))));
  return {
    start(items) {
      const list = new EncodedList();
      append(list, items);
      return list;
    },
    isList: (existing) => existing instanceof EncodedList,
    append,
  };
}

/** botocore's build_full_result: lists concatenate, the first non-null value of others stays. */
function mergePage(merged: Map<string, Value | EncodedList>, page: ValueMap, resultKeys: readonly string[], lists: ListHolder): void {
  for (const key of resultKeys) {
    const value = page.get(key);
    if (value === undefined || value === null) continue;
    const existing = merged.get(key);
    if (existing === undefined) merged.set(key, Array.isArray(value) ? lists.start(value) : value);
    else if (lists.isList(existing) && Array.isArray(value)) lists.append(existing, value);
    else if (typeof existing === 'string' && typeof value === 'string') merged.set(key, existing + value);
  }
}
