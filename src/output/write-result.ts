/**
 * Routes pages to the chosen format the way the AWS CLI does (reference §2.10):
 * - merged formats (json, table, yaml): the result keys of all pages merged in paginator order,
 *   `NextToken` last, everything else dropped, then the query, then one write;
 * - text: each page reduced to its result keys, queried and written as it arrives, then the
 *   `{"NextToken": {"NextToken": …}}` pseudo-page;
 * - yaml-stream: each raw page, queried, written as it arrives; no NextToken.
 * - jsonl and csv (aws-iam's own): the items of each page as it arrives (items/write-items.ts).
 * Non-paginated responses are one document for every format.
 */
import type { Value, ValueMap } from '../value/value.js';
import type { Format, FormatContext, OutputFormat } from './format.js';
import { TextFormatError } from './text.js';
import { writeItemDocument, writeItemPages, type ItemOutput } from './items/write-items.js';

export interface Query {
  search(data: Value): Value;
}

export interface ResultWriter {
  write(text: string): void;
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
  const apply = (v: Value): Value => (query ? query.search(v) : v);
  const emit = (v: Value) => writeFormatted(format, apply(v), context, out);
  const { resultKeys, pages } = source;
  if (format.pages === 'merged') {
    const merged: ValueMap = new Map();
    let step = await pages.next();
    while (!step.done) {
      mergePage(merged, step.value, resultKeys);
      step = await pages.next();
    }
    if (step.value !== undefined) merged.set('NextToken', step.value);
    emit(merged);
    return;
  }
  let step = await pages.next();
  while (!step.done) {
    const page = step.value;
    if (formatName === 'yaml-stream') emit(page);
    else emit(new Map(resultKeys.map((k) => [k, page.get(k) ?? null] as [string, Value])));
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
  writeFormatted(format, query ? query.search(response) : response, context, out);
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

/** botocore's build_full_result: lists concatenate, the first non-null value of others stays. */
function mergePage(merged: ValueMap, page: ValueMap, resultKeys: readonly string[]): void {
  for (const key of resultKeys) {
    const value = page.get(key);
    if (value === undefined || value === null) continue;
    const existing = merged.get(key);
    if (existing === undefined) merged.set(key, Array.isArray(value) ? [...value] : value);
    else if (Array.isArray(existing) && Array.isArray(value)) existing.push(...value);
    else if (typeof existing === 'string' && typeof value === 'string') merged.set(key, existing + value);
  }
}
