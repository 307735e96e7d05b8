/**
 * The data model every stage after the SDK call works on (shaping, --query, formatters).
 *
 * It mirrors the Python objects the AWS CLI formats, because its output depends on
 * distinctions JavaScript values lose:
 * - a Python `int` is a JS `number` that is always integral; a Python `float` is a `PyFloat`,
 *   so `2.0` stays apart from `2` (`avg`, JSON literals such as `1.5`);
 * - objects are `Map`s, so keys keep insertion order even when they look like integers
 *   (a plain object would move `"1"` before `"2"`), and no prototype key (`constructor`)
 *   can ever be found by a lookup.
 */
export type Value = null | boolean | number | bigint | PyFloat | string | Value[] | ValueMap;
// A Python int beyond 2^53 (IAM integers, policy document numbers) is a bigint, so it prints
// exactly; `--query` sees it as a JS number (src/query/jmespath/index.ts).
export type ValueMap = Map<string, Value>;

/** A Python float. Wrapped so that formatting can print Python's `repr` (`2.0`, `1e-05`). */
export class PyFloat {
  constructor(readonly value: number) {}
}

export const isMap = (v: Value | undefined): v is ValueMap => v instanceof Map;
export const isList = (v: Value | undefined): v is Value[] => Array.isArray(v);
export const isNumber = (v: Value | undefined): v is number | PyFloat =>
  typeof v === 'number' || v instanceof PyFloat;
/** A JSON scalar in Python's sense: None, bool, int, float or str. */
export const isScalar = (v: Value | undefined): v is null | boolean | number | bigint | PyFloat | string =>
  v === null || typeof v !== 'object' || v instanceof PyFloat;

/** The numeric value of an int or float. */
export const numberValue = (v: number | PyFloat): number => (typeof v === 'number' ? v : v.value);

/** Python truthiness: None, False, 0, 0.0, "", [] and {} are false. */
export function isTruthy(v: Value): boolean {
  if (v === null || v === false) return false;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'bigint') return v !== 0n;
  if (v instanceof PyFloat) return v.value !== 0;
  if (typeof v === 'string' || Array.isArray(v)) return v.length > 0;
  if (v instanceof Map) return v.size > 0;
  return true;
}

/** Builds a ValueMap from entries, keeping their order. */
export const mapOf = (entries: Iterable<readonly [string, Value]>): ValueMap =>
  new Map(entries as Iterable<[string, Value]>);
