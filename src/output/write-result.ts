/**
 * Routes pages to the chosen format the way the AWS CLI does (reference §2.10):
 * - merged formats (json, table, yaml): the result keys of all pages merged in paginator order,
 *   `NextToken` last, everything else dropped, then the query, then one write;
 * - text: each page reduced to its result keys, queried and written as it arrives, then the
 *   `{"NextToken": {"NextToken": …}}` pseudo-page;
 * - yaml-stream: each raw page, queried, written as it arrives; no NextToken.
 * Non-paginated responses are one document for every format.
 */
import type { Value, ValueMap } from '../value/value.js';
import type { FormatContext, OutputFormat } from './format.js';
import { TextFormatError } from './text.js';

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
  format: OutputFormat,
  formatName: string,
  query: Query | undefined,
  context: FormatContext,
  out: ResultWriter,
): Promise<void> {
  const apply = (v: Value): Value => (query && !format.ignoresResult ? query.search(v) : v);
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

export function writeSingle(response: ValueMap, format: OutputFormat, query: Query | undefined, context: FormatContext, out: ResultWriter): void {
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
