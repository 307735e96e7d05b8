/** `--output json`: Python's `json.dump(indent=4, ensure_ascii=False)` plus a newline. */
import { dumpJson, dumpJsonAt, jsonString } from '../value/json.js';
import { isMap, type Value } from '../value/value.js';
import { EncodedList, type OutputFormat, type TextMerge } from './format.js';

const OPTIONS = { indent: 4, ensureAscii: false };
// A merged document is an object whose lists sit one level down: their items at level 2.
const ITEM_SEPARATOR = ',\n        ';

/** The merged listing as text: byte for byte what dumpJson writes for the same merged object. */
const mergeAsText: TextMerge = {
  items: (items) => items.map((item) => dumpJsonAt(item, 2, OPTIONS)).join(ITEM_SEPARATOR),
  *document(merged) {
    if (merged.size === 0) return;
    let first = true;
    for (const [key, value] of merged) {
      yield `${first ? '{' : ','}\n    ${jsonString(key, false)}: `;
      first = false;
      if (!(value instanceof EncodedList)) yield dumpJsonAt(value, 1, OPTIONS);
      else if (value.parts.length === 0) yield '[]';
      else {
        yield '[\n        ';
        for (let i = 0; i < value.parts.length; i++) yield (i === 0 ? '' : ITEM_SEPARATOR) + value.parts[i].toString();
        yield '\n    ]';
      }
    }
    yield '\n}\n';
  },
};

export const jsonFormat: OutputFormat = {
  pages: 'merged',
  // The CLI prints nothing for an exactly empty object (operations without an output body).
  format: (value: Value) => (isMap(value) && value.size === 0 ? '' : dumpJson(value, OPTIONS) + '\n'),
  mergeAsText,
};
