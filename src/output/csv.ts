/**
 * `--output csv` (aws-iam's own): RFC 4180 CSV for spreadsheets and CSV tools.
 *
 * - Records end with CRLF (RFC 4180, what spreadsheets and Python's csv module write); a field
 *   is quoted when it holds a comma, a double quote (doubled), CR or LF; line breaks inside a
 *   field are kept as they are, inside the quotes. No byte order mark.
 * - One header row, then one row per item. The columns are the ones the caller knows before any
 *   item (an operation's item members in model order, without --query) or else the keys of the
 *   first page's objects, in the order they first appear (a --query multiselect hash: its key
 *   order). A key first seen after the header was written is left out, with one warning on
 *   stderr per key; a missing key is an empty cell.
 * - Cells: strings as they are, null as an empty cell, booleans `true`/`false`, numbers and
 *   nested objects and lists as jsonl writes them (compact JSON).
 * - Items that are not objects have no column names: a list is a row of its elements, a scalar
 *   a row of one cell; when the first item is not an object, no header is written.
 */
import { jsonNumber } from '../value/python-repr.js';
import { isList, isMap, type Value } from '../value/value.js';
import type { ItemFormat, ItemWriter, ItemWriterOptions } from './format.js';
import { compactJson } from './jsonl.js';

const RECORD_END = '\r\n';
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, quoted when RFC 4180 requires it. */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record. A lone empty field is written `""`, so the record is not an empty line. */
export function csvRecord(fields: readonly string[]): string {
  if (fields.length === 1 && fields[0] === '') return '""' + RECORD_END;
  return fields.map(csvField).join(',') + RECORD_END;
}

/** A value's text in one cell. */
export function csvCell(value: Value | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (isList(value) || isMap(value)) return compactJson(value);
  return jsonNumber(value);
}

export const csvFormat: ItemFormat = { pages: 'items', open: openCsvWriter };

function openCsvWriter(options: ItemWriterOptions): ItemWriter {
  /** The columns, once known; `null` once the first item showed there are none (not an object). */
  let header: readonly string[] | null | undefined = options.columns;
  let headerWritten = false;
  let known = new Set(header ?? []);
  const warned = new Set<string>();

  const decideHeader = (items: readonly Value[]) => {
    if (!isMap(items[0])) return null;
    const keys = new Set<string>();
    for (const item of items) if (isMap(item)) for (const key of item.keys()) keys.add(key);
    known = keys;
    return [...keys];
  };
  const headerText = (): string => {
    if (!header || headerWritten) return '';
    headerWritten = true;
    return csvRecord(header);
  };
  const row = (item: Value): string => {
    if (header && isMap(item)) {
      for (const key of item.keys()) {
        if (known.has(key) || warned.has(key)) continue;
        warned.add(key);
        options.warn(
          `warning: csv: the key "${key}" first appears after the header was written; its values are left out ` +
            '(a --query multiselect hash, such as {Name: UserName}, names the columns)',
        );
      }
      return csvRecord(header.map((column) => csvCell(item.get(column))));
    }
    if (isList(item)) return csvRecord(item.map(csvCell));
    return csvRecord([csvCell(item)]);
  };

  return {
    write(items) {
      if (items.length === 0) return '';
      if (header === undefined) header = decideHeader(items);
      let text = headerText();
      for (const item of items) text += row(item);
      return text;
    },
    end: headerText,
  };
}
