/**
 * The values the interpreter passes around and the Python semantics it applies to them:
 * equality, ordering, truthiness, type names and `str()` for error messages.
 */
import { pyStr } from '../../value/python-repr.js';
import { PyFloat, type Value } from '../../value/value.js';
import type { Node } from './ast.js';
import { PythonRuntimeError } from './errors.js';
import { compareCodePoints, pyStringRepr } from './text.js';

/**
 * `&expr` evaluated: a first-class value in Python jmespath (it can sit in lists, be compared,
 * be passed to any function). Compared by identity, as Python objects without `__eq__` are.
 */
export class ExprRef {
  constructor(readonly node: Node) {}
}

/** A Value that may also hold expression references. */
export type RValue = null | boolean | number | bigint | PyFloat | string | RValue[] | RMap | ExprRef;
export type RMap = Map<string, RValue>;

/** How Python prints an `_Expression` (its address varies in Python; this one is fixed). */
export const EXPREF_STR = '<jmespath.visitor._Expression object at 0x7f0000000000>';

/**
 * int or float, not bool (Python's bool is an int, jmespath excludes it). An int beyond 2^53
 * is a bigint: passed through exactly, computed with as the nearest double (a known gap).
 */
export const isNum = (v: RValue): v is number | bigint | PyFloat => typeof v === 'number' || typeof v === 'bigint' || v instanceof PyFloat;
export const num = (v: number | bigint | PyFloat): number => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : v.value);
export const isMapR = (v: RValue): v is RMap => v instanceof Map;

/** Python's `type(v).__name__`, which jmespath prints in array element type errors. */
export function pyTypeName(v: RValue): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number' || typeof v === 'bigint') return 'int';
  if (v instanceof PyFloat) return 'float';
  if (typeof v === 'string') return 'str';
  if (Array.isArray(v)) return 'list';
  if (v instanceof Map) return 'dict';
  return '_Expression';
}

/** The JMESPath type name (`type()` function and most type errors). */
export function jmesTypeName(v: RValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (isNum(v)) return 'number';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Map) return 'object';
  return 'expref';
}

/** Python `str(v)`, used where jmespath formats values into messages with `%s`. */
export function pyStrR(v: RValue): string {
  if (v instanceof ExprRef) return EXPREF_STR;
  if (Array.isArray(v) || v instanceof Map) return pyReprR(v);
  return pyStr(v);
}

function pyReprR(v: RValue): string {
  if (typeof v === 'string') return pyStringRepr(v);
  if (Array.isArray(v)) return `[${v.map(pyReprR).join(', ')}]`;
  if (v instanceof Map) return `{${[...v].map(([k, x]) => `${pyStringRepr(k)}: ${pyReprR(x)}`).join(', ')}}`;
  return pyStrR(v);
}

/** jmespath's notion of false: null, false, '', [] and {} (0 is true). */
export function isFalse(v: RValue): boolean {
  if (v === null || v === false || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (v instanceof Map) return v.size === 0;
  return false;
}

/** A number as Python compares it (bools are 0/1). */
const numeric = (v: RValue): number | undefined =>
  typeof v === 'boolean' ? Number(v) : isNum(v) ? num(v) : undefined;

/** Python `a == b` (True == 1 == 1.0, dicts ignore order, containers compare by identity first). */
export function pyEquals(a: RValue, b: RValue): boolean {
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined || y !== undefined) return x === y;
  if (a === null || b === null || typeof a === 'string' || typeof b === 'string') return a === b;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => item === b[i] || pyEquals(item, b[i]));
  }
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, item] of a) {
      if (!b.has(k)) return false;
      const other = b.get(k)!;
      if (item !== other && !pyEquals(item, other)) return false;
    }
    return true;
  }
  return a === b;
}

/**
 * jmespath's `==`: Python equality, except that 0 and 1 never equal a boolean at the top level
 * (inside containers Python's `[1] == [true]` still holds).
 */
export function jmesEquals(a: RValue, b: RValue): boolean {
  const special = (n: RValue, other: RValue): boolean =>
    isNum(n) && (num(n) === 0 || num(n) === 1) && typeof other === 'boolean';
  if (special(a, b) || special(b, a)) return false;
  return pyEquals(a, b);
}

const OP_SYMBOL = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;
export type OrderOp = keyof typeof OP_SYMBOL;

/**
 * Python's `a <op> b` for ints, floats and strings (the only types jmespath lets through).
 * A number against a string raises Python's TypeError.
 */
export function pyOrder(op: OrderOp, a: number | PyFloat | string, b: number | PyFloat | string): boolean {
  let c: number;
  if (typeof a === 'string' && typeof b === 'string') c = compareCodePoints(a, b);
  else if (typeof a !== 'string' && typeof b !== 'string') {
    const x = num(a);
    const y = num(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return false;
    c = x < y ? -1 : x > y ? 1 : 0;
  } else {
    throw new PythonRuntimeError(
      'TypeError',
      `'${OP_SYMBOL[op]}' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`,
    );
  }
  switch (op) {
    case 'lt': return c < 0;
    case 'lte': return c <= 0;
    case 'gt': return c > 0;
    case 'gte': return c >= 0;
  }
}

/** Converts an interpreter result to a Value; an expression reference cannot be output. */
export function toValue(v: RValue, onExpref: () => never): Value {
  if (v instanceof ExprRef) onExpref();
  if (Array.isArray(v)) v.forEach((x) => toValue(x, onExpref));
  else if (v instanceof Map) for (const x of v.values()) toValue(x, onExpref);
  return v as Value;
}
