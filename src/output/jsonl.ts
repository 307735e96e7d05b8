/**
 * `--output jsonl` (aws-iam's own): JSON Lines. Every item is one line of compact JSON (no
 * spaces after `,` and `:`), characters as `--output json` writes them (UTF-8, not escaped),
 * numbers and key order as the json format has them. Nothing is kept between pages.
 */
import { dumpJson } from '../value/json.js';
import type { Value } from '../value/value.js';
import type { ItemFormat } from './format.js';

/** One value as compact JSON; also csv's spelling of a nested value in a cell. */
export const compactJson = (value: Value): string =>
  dumpJson(value, { itemSeparator: ',', keySeparator: ':', ensureAscii: false });

export const jsonlFormat: ItemFormat = {
  pages: 'items',
  open: () => ({
    write: (items) => items.map((item) => compactJson(item) + '\n').join(''),
    end: () => '',
  }),
};
