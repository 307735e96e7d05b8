/** `--output json`: Python's `json.dump(indent=4, ensure_ascii=False)` plus a newline. */
import { dumpJson } from '../value/json.js';
import { isMap, type Value } from '../value/value.js';
import type { OutputFormat } from './format.js';

export const jsonFormat: OutputFormat = {
  pages: 'merged',
  // The CLI prints nothing for an exactly empty object (operations without an output body).
  format: (value: Value) =>
    isMap(value) && value.size === 0 ? '' : dumpJson(value, { indent: 4, ensureAscii: false }) + '\n',
};
