/**
 * Data → sections: the walk of awscli/formatter.py's TableFormatter, which decides what becomes
 * a title, a header row, a row or a nested section. No widths here (see layout.ts).
 *
 * - A falsy value (None, False, 0, "", [], {}) produces nothing, not even its title.
 * - An object: its scalar keys (sorted) form one row, under a header row unless there is only
 *   one key (then the row is `key | value`); every non-scalar key (sorted) becomes a nested
 *   section one level deeper, titled by the key.
 * - A list whose *first* element is an object: a header row of the union of the scalar keys,
 *   one row per element (missing keys empty). When the elements have nested values, every
 *   element after the first opens a new section with the same title and header row, so its
 *   nested sections come right below its own row.
 * - Any other list: scalars are one-cell rows, lists of scalars rows of their own; an object
 *   lands here only after the first element, and Python's `all(...)` over it walks its keys,
 *   so it becomes a row of its key names; deeper lists are flattened into the same section.
 *
 * The odd corners (a non-object after an object, mixed shapes) fail as in Python, with the
 * message of the Python exception the CLI prints.
 */
import { pyStr } from '../../value/python-repr.js';
import { PyFloat, isList, isMap, isScalar, isTruthy, type Value, type ValueMap } from '../../value/value.js';
import { TableFormatError } from './errors.js';
import { Section } from './section.js';

/** The sections of the table, or none when the value is falsy (the CLI prints nothing). */
export function buildSections(title: string, value: Value): Section[] {
  const builder = new SectionBuilder();
  builder.build(title, value, 0);
  return builder.sections;
}

/** A header key: object keys are strings; a list standing in for an object yields indices. */
type Key = string | number;

class SectionBuilder {
  readonly sections: Section[] = [];
  private current: Section | undefined;

  private open(title: string | null, indent: number): void {
    this.current = new Section(title, indent);
    this.sections.push(this.current);
  }

  /** The section rows go to; a titled call always opens one first, so it exists. */
  private get section(): Section {
    return this.current!;
  }

  /** `title` null: continue the current section (lists nested in lists). */
  build(title: string | null, value: Value, indent: number): void {
    if (!isTruthy(value)) return;
    if (title !== null) this.open(title, indent);
    if (isList(value)) {
      if (isMap(value[0])) this.fromListOfObjects(value, indent, title);
      else this.fromList(value);
    } else if (isMap(value)) {
      this.fromObject(value, indent);
    }
    // A scalar leaves its title alone in its section.
  }

  private fromList(list: readonly Value[]): void {
    for (const item of list) {
      if (isScalar(item)) this.section.addRow([pyStr(item)]);
      else if (isMap(item)) this.section.addRow([...item.keys()]);
      else if ((item as Value[]).every(isScalar)) this.section.addRow((item as Value[]).map(pyStr));
      // Nested deeper: flattened into this section at indent 0 (as the CLI does).
      else this.build(null, item, 0);
    }
  }

  private fromObject(object: ValueMap, indent: number): void {
    const { scalars, nested } = splitKeys(object);
    if (scalars.length === 1) {
      this.section.addRow([scalars[0], pyStr(object.get(scalars[0])!)]);
    } else if (scalars.length > 1) {
      this.section.setHeaders(scalars);
      this.section.addRow(scalars.map((k) => pyStr(object.get(k)!)));
    }
    for (const key of nested) this.build(key, object.get(key)!, indent + 1);
  }

  private fromListOfObjects(list: readonly Value[], indent: number, title: string | null): void {
    const headerSet = new Set<Key>();
    const nestedSet = new Set<Key>();
    for (const item of list) {
      if (isMap(item)) {
        // Only the sets are needed here: sorted once below, not per element.
        for (const [key, value] of item) (isScalar(value) ? headerSet : nestedSet).add(key);
        continue;
      }
      const { scalars, nested } = splitKeysOfAnything(item);
      scalars.forEach((k) => headerSet.add(k));
      nested.forEach((k) => nestedSet.add(k));
    }
    const headers = sortKeys(headerSet);
    const nested = sortKeys(nestedSet);
    const headerText = headers.map(String);
    this.section.setHeaders(headerText);
    list.forEach((element, i) => {
      if (i > 0 && nested.length > 0) {
        this.open(title, indent);
        this.section.setHeaders(headerText);
      }
      // Python calls element.get(...): only a dict has it.
      if (!isMap(element)) {
        throw new TableFormatError(`'${pyTypeName(element)}' object has no attribute 'get'`);
      }
      this.section.addRow(
        headers.map((k) => (typeof k === 'string' && element.has(k) ? pyStr(element.get(k)!) : '')),
      );
      for (const key of nested) {
        if (typeof key === 'string' && element.has(key)) this.build(key, element.get(key)!, indent + 1);
      }
    });
  }
}

/** Scalar and non-scalar keys of an object, each sorted. */
function splitKeys(object: ValueMap): { scalars: string[]; nested: string[] } {
  const scalars: string[] = [];
  const nested: string[] = [];
  for (const [key, value] of object) (isScalar(value) ? scalars : nested).push(key);
  return { scalars: scalars.sort(compareCodePoints), nested: nested.sort(compareCodePoints) };
}

/**
 * The CLI splits the keys of every element of a list that starts with an object, whatever the
 * element is: it iterates it and indexes it with what it got. Only an object gets through
 * meaningfully; a list of integers indexes itself (its indices become "keys"), everything
 * else raises the TypeError/IndexError reproduced here.
 */
function splitKeysOfAnything(item: Value): { scalars: Key[]; nested: Key[] } {
  if (isMap(item)) return splitKeys(item);
  if (typeof item === 'string') {
    if (item === '') return { scalars: [], nested: [] };
    throw new TableFormatError("string indices must be integers, not 'str'");
  }
  if (!isList(item)) throw new TableFormatError(`'${pyTypeName(item)}' object is not iterable`);
  const scalars: number[] = [];
  const nested: number[] = [];
  for (const element of item) {
    if (typeof element !== 'number' && typeof element !== 'boolean') {
      throw new TableFormatError(`list indices must be integers or slices, not ${pyTypeName(element)}`);
    }
    const index = Number(element);
    if (index < -item.length || index >= item.length) throw new TableFormatError('list index out of range');
    (isScalar(item.at(index)!) ? scalars : nested).push(index);
  }
  const byNumber = (a: number, b: number) => a - b;
  return { scalars: scalars.sort(byNumber), nested: nested.sort(byNumber) };
}

/** Python's sorted() of a set of keys: code point order; str and int do not compare. */
function sortKeys(keys: Set<Key>): Key[] {
  const all = [...keys];
  const strings = all.filter((k): k is string => typeof k === 'string');
  const numbers = all.filter((k): k is number => typeof k === 'number');
  if (strings.length > 0 && numbers.length > 0) {
    // Which operand comes first depends on Python's (hash-seeded) set order; with small ints
    // in the low slots it is this one in practice.
    throw new TableFormatError("'<' not supported between instances of 'str' and 'int'");
  }
  return strings.length > 0 ? strings.sort(compareCodePoints) : numbers.sort((a, b) => a - b);
}

/**
 * Python compares str by code point; JavaScript's default sort by UTF-16 unit, which puts
 * astral characters (emoji) before U+E000–U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

function pyTypeName(v: Value): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number' || typeof v === 'bigint') return 'int';
  if (v instanceof PyFloat) return 'float';
  if (typeof v === 'string') return 'str';
  return isList(v) ? 'list' : 'dict';
}
