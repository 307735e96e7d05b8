/**
 * The built-in functions, their signatures and Python jmespath's argument checking (arity, then
 * types; element types of arrays are reported with Python type names such as "str").
 */
import { dumpJson } from '../../value/json.js';
import { PyFloat, type Value } from '../../value/value.js';
import type { Node } from './ast.js';
import {
  ArityError,
  JmesPathTypeError,
  PythonRuntimeError,
  UnknownFunctionError,
} from './errors.js';
import { parsePyNumber } from './pynumber.js';
import { pyBest, pySorted } from './pysort.js';
import {
  EXPREF_STR,
  ExprRef,
  type RMap,
  type RValue,
  isNum,
  jmesTypeName,
  num,
  pyEquals,
  pyOrder,
  pyStrR,
  pyTypeName,
} from './runtime.js';
import { codePointLength, pyContains, pyMatchesAt } from './text.js';

type Evaluate = (node: Node, value: RValue) => RValue;
/** Allowed types of one argument: JMESPath names, `array-<type>` for typed arrays; [] = any. */
type ArgSpec = readonly string[];
interface FunctionDef {
  readonly args: readonly ArgSpec[];
  /** The last argument may repeat (only the declared ones are type-checked, as in Python). */
  readonly variadic?: boolean;
  readonly call: (args: RValue[], evaluate: Evaluate) => RValue;
}

const NUM = ['number'];
const STR = ['string'];
const ANY: ArgSpec = [];

const asList = (v: RValue): RValue[] => v as RValue[];
const asStr = (v: RValue): string => v as string;
const asRef = (v: RValue): ExprRef => v as ExprRef;

/** Python `<` between two values already checked to be numbers or strings. */
const lt = (a: RValue, b: RValue): boolean => pyOrder('lt', a as string, b as string);

const FUNCTIONS: Record<string, FunctionDef> = {
  abs: {
    args: [NUM],
    call: ([x]) =>
      typeof x === 'number' ? Math.abs(x) : typeof x === 'bigint' ? (x < 0n ? -x : x) : new PyFloat(Math.abs(num(x as PyFloat))),
  },
  avg: {
    args: [['array-number']],
    call: ([list]) => {
      const items = asList(list);
      if (items.length === 0) return null;
      return new PyFloat(num(pySum(items)) / items.length);
    },
  },
  ceil: { args: [NUM], call: ([x]) => toInt(x as number | PyFloat, Math.ceil) },
  floor: { args: [NUM], call: ([x]) => toInt(x as number | PyFloat, Math.floor) },
  contains: {
    args: [['array', 'string'], ANY],
    call: ([subject, search]) => {
      if (Array.isArray(subject)) return subject.some((x) => x === search || pyEquals(x, search));
      if (typeof search !== 'string') {
        throw new PythonRuntimeError(
          'TypeError',
          `'in <string>' requires string as left operand, not ${pyTypeName(search)}`,
        );
      }
      return pyContains(asStr(subject), search);
    },
  },
  ends_with: {
    args: [STR, STR],
    call: ([s, suffix]) => pyMatchesAt(asStr(s), asStr(suffix), asStr(s).length - asStr(suffix).length),
  },
  starts_with: { args: [STR, STR], call: ([s, prefix]) => pyMatchesAt(asStr(s), asStr(prefix), 0) },
  join: {
    args: [STR, ['array-string']],
    call: ([sep, list]) => asList(list).join(asStr(sep)),
  },
  keys: { args: [['object']], call: ([obj]) => [...(obj as RMap).keys()] },
  values: { args: [['object']], call: ([obj]) => [...(obj as RMap).values()] },
  length: {
    args: [['string', 'array', 'object']],
    call: ([x]) =>
      typeof x === 'string' ? codePointLength(x) : Array.isArray(x) ? x.length : (x as RMap).size,
  },
  map: {
    args: [['expref'], ['array']],
    call: ([ref, list], evaluate) => asList(list).map((item) => evaluate(asRef(ref).node, item)),
  },
  max: {
    args: [['array-number', 'array-string']],
    call: ([list]) => pyBest(asList(list), (item, best) => lt(best, item)) ?? null,
  },
  min: {
    args: [['array-number', 'array-string']],
    call: ([list]) => pyBest(asList(list), (item, best) => lt(item, best)) ?? null,
  },
  max_by: { args: [['array'], ['expref']], call: (args, ev) => bestBy('max_by', args, ev) },
  min_by: { args: [['array'], ['expref']], call: (args, ev) => bestBy('min_by', args, ev) },
  merge: { args: [['object']], variadic: true, call: (args) => merge(args) },
  not_null: { args: [ANY], variadic: true, call: (args) => args.find((x) => x !== null) ?? null },
  reverse: {
    args: [['array', 'string']],
    call: ([x]) => (typeof x === 'string' ? [...x].reverse().join('') : [...asList(x)].reverse()),
  },
  sort: { args: [['array-string', 'array-number']], call: ([list]) => pySorted(asList(list), lt) },
  sort_by: { args: [['array'], ['expref']], call: (args, ev) => sortBy(args, ev) },
  sum: { args: [['array-number']], call: ([list]) => pySum(asList(list)) },
  to_array: { args: [ANY], call: ([x]) => (Array.isArray(x) ? x : [x]) },
  to_number: { args: [ANY], call: ([x]) => toNumber(x) },
  to_string: {
    args: [ANY],
    call: ([x]) =>
      typeof x === 'string'
        ? x
        : dumpJson(exprefsAsText(x), { itemSeparator: ',', keySeparator: ':', ensureAscii: true }),
  },
  type: { args: [ANY], call: ([x]) => (x instanceof ExprRef ? null : jmesTypeName(x)) },
};

/** Evaluates a call whose arguments are already evaluated (Python evaluates them first too). */
export function callFunction(name: string, args: RValue[], evaluate: Evaluate): RValue {
  const def = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (!def) throw new UnknownFunctionError(name);
  const declared = def.args.length;
  if (def.variadic ? args.length < declared : args.length !== declared) {
    throw new ArityError(declared, args.length, name, def.variadic ?? false);
  }
  def.args.forEach((spec, i) => {
    if (spec.length > 0) checkType(name, args[i], spec);
  });
  return def.call(args, evaluate);
}

/** Checks one argument against its allowed types, then array element types. */
function checkType(fn: string, arg: RValue, spec: ArgSpec): void {
  const bases = spec.map((t) => t.split('-', 1)[0]);
  const elementTypes = spec.filter((t) => t.includes('-')).map((t) => t.slice(t.indexOf('-') + 1));
  if (!bases.includes(jmesTypeName(arg))) {
    throw new JmesPathTypeError(fn, pyStrR(arg), jmesTypeName(arg), spec);
  }
  const items = Array.isArray(arg) ? arg : [];
  let allowed: string | undefined;
  if (elementTypes.length === 1) {
    allowed = elementTypes[0];
  } else if (elementTypes.length > 1 && items.length > 0) {
    // The first element decides which of the typed arrays this is.
    allowed = elementTypes.find((t) => t === jmesTypeName(items[0]));
    if (allowed === undefined) throw new JmesPathTypeError(fn, pyStrR(items[0]), pyTypeName(items[0]), spec);
  }
  if (allowed === undefined) return;
  for (const item of items) {
    // Booleans are not numbers here (Python checks type names, and bool is its own).
    if (jmesTypeName(item) !== allowed) {
      throw new JmesPathTypeError(fn, pyStrR(item), pyTypeName(item), spec);
    }
  }
}

/** Python's `sum`: ints stay ints until the first float; left-to-right float addition. */
function pySum(items: RValue[]): number | bigint | PyFloat {
  // Ints beyond 2^53 add exactly, as Python's do.
  if (items.some((i) => typeof i === 'bigint') && items.every((i) => typeof i === 'number' || typeof i === 'bigint')) {
    const exact = items.reduce<bigint>((acc, i) => acc + BigInt(i as number | bigint), 0n);
    return exact >= BigInt(Number.MIN_SAFE_INTEGER) && exact <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(exact) : exact;
  }
  let total = 0;
  let isFloat = false;
  for (const item of items) {
    total += num(item as number | PyFloat);
    if (item instanceof PyFloat) isFloat = true;
  }
  return isFloat ? new PyFloat(total) : total;
}

/** `math.ceil` / `math.floor`: always an int in Python 3, failing on inf and NaN. */
function toInt(x: number | bigint | PyFloat, round: (n: number) => number): number | bigint {
  if (typeof x === 'number' || typeof x === 'bigint') return x;
  if (Number.isNaN(x.value)) throw new PythonRuntimeError('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(x.value)) {
    throw new PythonRuntimeError('OverflowError', 'cannot convert float infinity to integer');
  }
  return round(x.value) + 0;
}

function toNumber(x: RValue): RValue {
  if (x === null || typeof x === 'boolean' || Array.isArray(x) || x instanceof Map) return null;
  if (isNum(x)) return x;
  if (x instanceof ExprRef) {
    throw new PythonRuntimeError(
      'TypeError',
      "int() argument must be a string, a bytes-like object or a real number, not '_Expression'",
    );
  }
  return parsePyNumber(x) ?? null;
}

/** `to_string` passes unknown objects through `str()` (json.dumps `default=str`). */
function exprefsAsText(x: RValue): Value {
  if (x instanceof ExprRef) return EXPREF_STR;
  if (Array.isArray(x)) return x.map(exprefsAsText);
  if (x instanceof Map) return new Map([...x].map(([k, v]) => [k, exprefsAsText(v)]));
  return x;
}

/** A key function that only accepts the given JMESPath types. */
function keyOf(fn: string, ref: ExprRef, evaluate: Evaluate, allowed: string[]) {
  return (item: RValue): RValue => {
    const key = evaluate(ref.node, item);
    if (!allowed.includes(jmesTypeName(key))) {
      throw new JmesPathTypeError(fn, pyStrR(key), jmesTypeName(key), allowed);
    }
    return key;
  };
}

function sortBy([list, ref]: RValue[], evaluate: Evaluate): RValue {
  const items = asList(list);
  if (items.length === 0) return items;
  // The first element's key fixes the key type for all the others.
  const firstType = jmesTypeName(evaluate(asRef(ref).node, items[0]));
  if (firstType !== 'number' && firstType !== 'string') {
    throw new JmesPathTypeError('sort_by', pyStrR(items[0]), firstType, ['string', 'number']);
  }
  const key = keyOf('sort_by', asRef(ref), evaluate, [firstType]);
  const keyed = items.map((item) => ({ item, key: key(item) }));
  return pySorted(keyed, (a, b) => lt(a.key, b.key)).map((k) => k.item);
}

/** `max(array, key=...)` / `min(...)`: keys computed and compared one element at a time. */
function bestBy(fn: 'max_by' | 'min_by', [list, ref]: RValue[], evaluate: Evaluate): RValue {
  const key = keyOf(fn, asRef(ref), evaluate, ['number', 'string']);
  const op = fn === 'max_by' ? 'gt' : 'lt';
  let best: { item: RValue; key: RValue } | undefined;
  for (const item of asList(list)) {
    const k = key(item);
    if (!best || pyOrder(op, k as string, best.key as string)) best = { item, key: k };
  }
  return best ? best.item : null;
}

/** `merged = {}; merged.update(arg)` for each argument, with `dict.update`'s errors. */
function merge(args: RValue[]): RMap {
  const out: RMap = new Map();
  for (const arg of args) {
    if (arg instanceof Map) {
      for (const [k, v] of arg) out.set(k, v);
      continue;
    }
    if (typeof arg === 'string' || Array.isArray(arg)) {
      const elements: RValue[] = typeof arg === 'string' ? [...arg] : arg;
      elements.forEach((el, i) => {
        const pair: RValue[] | undefined =
          typeof el === 'string' ? [...el] : Array.isArray(el) ? el : el instanceof Map ? [...el.keys()] : undefined;
        if (!pair) {
          throw new PythonRuntimeError(
            'TypeError',
            `cannot convert dictionary update sequence element #${i} to a sequence`,
          );
        }
        if (pair.length !== 2) {
          throw new PythonRuntimeError(
            'ValueError',
            `dictionary update sequence element #${i} has length ${pair.length}; 2 is required`,
          );
        }
        const [k, v] = pair;
        if (Array.isArray(k) || k instanceof Map) {
          throw new PythonRuntimeError('TypeError', `unhashable type: '${pyTypeName(k)}'`);
        }
        // Non-string keys (ints, None...) cannot live in a Value map; keep their JSON spelling.
        out.set(typeof k === 'string' ? k : dumpJson(exprefsAsText(k)), v);
      });
      continue;
    }
    throw new PythonRuntimeError('TypeError', `'${pyTypeName(arg)}' object is not iterable`);
  }
  return out;
}
