/**
 * `--output text`: the AWS CLI's tab-separated format, for one document (the caller passes
 * each page, reduced to its result keys and queried, then the NEXTTOKEN pseudo-page).
 *
 * - A scalar is its Python `str()` on a line (`True`, `None`, `2.0`; strings raw, tabs and
 *   newlines included).
 * - An object writes one line of its scalar values, keys sorted by code point, led by the
 *   upper-cased name of the key it sits under (if any); then each nested object or list,
 *   sorted by key, with that key as its name.
 * - A list of objects shares one column set, the sorted union of keys holding a scalar in any
 *   element; an element missing a column gets an empty field, and a column that holds an object
 *   or list in this element prints as Python's `repr` of it.
 * - A list of scalars is one tab-joined line without a name, or one `NAME\tvalue` line per
 *   item with one; nested lists follow its scalars.
 */
import { pyStr, pyUpper } from '../value/python-repr.js';
import { isList, isMap, PyFloat, type Value, type ValueMap } from '../value/value.js';
import type { OutputFormat } from './format.js';
import { compareCodePoints, sortedKeys } from './yaml/code-point-order.js';

/**
 * The CLI crashes on a list mixing objects with other values, after printing what came before
 * (stdout keeps those lines; stderr gets the Python error, exit 255). `message` is Python's
 * text, e.g. `'int' object has no attribute 'items'`; `output` is what was printed before.
 */
export class TextFormatError extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
    this.name = 'TextFormatError';
  }
}

export const textFormat: OutputFormat = {
  pages: 'per-page',
  format(value: Value): string {
    const out: string[] = [];
    try {
      writeValue(value, undefined, undefined, out);
    } catch (e) {
      if (e instanceof NotAnObject) throw new TextFormatError(e.message, out.join(''));
      throw e;
    }
    return out.join('');
  },
};

class NotAnObject extends Error {}

const isScalarValue = (v: Value): boolean => !isList(v) && !isMap(v);

/** Identifiers are upper-cased with full Unicode case mapping (`ß` → `SS`), like Python's. */
// Python's str.upper() on Unicode 14 (keys of policy documents are data, any script).
// Listings repeat a few identifiers on every line: each is upper-cased once.
const labels = new Map<string, string>();
const label = (identifier: string): string => {
  let upper = labels.get(identifier);
  if (upper === undefined) labels.set(identifier, (upper = pyUpper(identifier)));
  return upper;
};

/** The columns a list of objects shares, and the same keys as a set. */
interface Columns {
  readonly keys: readonly string[];
  readonly set: ReadonlySet<string>;
}

function writeValue(v: Value, identifier: string | undefined, columns: Columns | undefined, out: string[]): void {
  if (isMap(v)) writeObject(v, identifier, columns, out);
  else if (isList(v)) writeList(v, identifier, out);
  else out.push(pyStr(v) + '\n');
}

function writeList(items: Value[], identifier: string | undefined, out: string[]): void {
  if (items.length === 0) return;
  if (items.some(isMap)) {
    const columns = scalarKeyUnion(items);
    for (const item of items) writeValue(item, identifier, columns, out);
  } else if (items.some(isList)) {
    const scalars = items.filter(isScalarValue);
    if (scalars.length > 0) writeScalarList(scalars, identifier, out);
    for (const item of items) if (!isScalarValue(item)) writeValue(item, identifier, undefined, out);
  } else {
    writeScalarList(items, identifier, out);
  }
}

function writeScalarList(items: Value[], identifier: string | undefined, out: string[]): void {
  if (identifier === undefined) out.push(items.map(pyStr).join('\t') + '\n');
  else for (const item of items) out.push(`${label(identifier)}\t${pyStr(item)}\n`);
}

/** Keys holding a scalar in any element; a non-object element is Python's AttributeError. */
function scalarKeyUnion(items: Value[]): Columns {
  const keys = new Set<string>();
  for (const item of items) {
    if (!isMap(item)) throw new NotAnObject(`'${pythonTypeName(item)}' object has no attribute 'items'`);
    for (const [k, v] of item) if (isScalarValue(v)) keys.add(k);
  }
  return { keys: sortedKeys(keys), set: keys };
}

function writeObject(obj: ValueMap, identifier: string | undefined, columns: Columns | undefined, out: string[]): void {
  const fields: string[] = [];
  const children: string[] = [];
  if (columns === undefined) {
    for (const k of sortedKeys(obj.keys())) {
      const v = obj.get(k)!;
      if (isScalarValue(v)) fields.push(pyStr(v));
      else children.push(k);
    }
  } else {
    for (const k of columns.keys) {
      const v = obj.get(k);
      fields.push(v === undefined ? '' : pyStr(v));
    }
    // A key outside the columns holds an object or a list in every element.
    for (const k of obj.keys()) if (!columns.set.has(k)) children.push(k);
    if (children.length > 1) children.sort(compareCodePoints);
  }
  if (fields.length > 0) {
    if (identifier !== undefined) fields.unshift(label(identifier));
    out.push(fields.join('\t') + '\n');
  }
  for (const k of children) writeValue(obj.get(k)!, k, undefined, out);
}

function pythonTypeName(v: Value): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number' || typeof v === 'bigint') return 'int';
  if (v instanceof PyFloat) return 'float';
  if (typeof v === 'string') return 'str';
  return 'list';
}
