/**
 * Evaluates a syntax tree against data with Python jmespath 1.0.1's results, including where it
 * departs from the specification (0 is true, `!0` is false, `[1] == [true]` is true, ordering a
 * number against a string raises).
 */
import { PyFloat } from '../../value/value.js';
import type { Node } from './ast.js';
import { PythonRuntimeError } from './errors.js';
import { callFunction } from './functions.js';
import { ExprRef, type RMap, type RValue, isFalse, isNum, jmesEquals, pyOrder } from './runtime.js';

export function evaluate(node: Node, value: RValue): RValue {
  switch (node.kind) {
    case 'identity':
    case 'current':
      return value;
    case 'field':
      return value instanceof Map ? (value.get(node.name) ?? null) : null;
    case 'literal':
      return node.value as RValue;
    case 'subexpression':
    case 'indexChain':
      return node.steps.reduce<RValue>((acc, step) => evaluate(step, acc), value);
    case 'pipe':
      return evaluate(node.right, evaluate(node.left, value));
    case 'index': {
      if (!Array.isArray(value)) return null;
      const i = node.index < 0 ? node.index + value.length : node.index;
      return i >= 0 && i < value.length ? value[i] : null;
    }
    case 'slice':
      return Array.isArray(value) ? pySlice(value, node.start, node.stop, node.step) : null;
    case 'projection': {
      const base = evaluate(node.left, value);
      return Array.isArray(base) ? project(base, node.right) : null;
    }
    case 'valueProjection': {
      const base = evaluate(node.left, value);
      return base instanceof Map ? project([...base.values()], node.right) : null;
    }
    case 'filterProjection': {
      const base = evaluate(node.left, value);
      if (!Array.isArray(base)) return null;
      // Condition and right-hand side alternate per element, which decides which error wins.
      const out: RValue[] = [];
      for (const item of base) {
        if (isFalse(evaluate(node.condition, item))) continue;
        const r = evaluate(node.right, item);
        if (r !== null) out.push(r);
      }
      return out;
    }
    case 'flatten': {
      const base = evaluate(node.child, value);
      if (!Array.isArray(base)) return null;
      return base.flatMap((item) => (Array.isArray(item) ? item : [item]));
    }
    case 'or': {
      const left = evaluate(node.left, value);
      return isFalse(left) ? evaluate(node.right, value) : left;
    }
    case 'and': {
      const left = evaluate(node.left, value);
      return isFalse(left) ? left : evaluate(node.right, value);
    }
    case 'not':
      // Python special-cases numbers: `!0` is false like every other `!number`.
      return isFalse(evaluate(node.child, value));
    case 'compare': {
      const left = evaluate(node.left, value);
      const right = evaluate(node.right, value);
      if (node.op === 'eq') return jmesEquals(left, right);
      if (node.op === 'ne') return !jmesEquals(left, right);
      const orderable = (v: RValue): v is number | PyFloat | string => isNum(v) || typeof v === 'string';
      if (!orderable(left) || !orderable(right)) return null;
      return pyOrder(node.op, left, right);
    }
    case 'multiSelectList':
      return value === null ? null : node.items.map((item) => evaluate(item, value));
    case 'multiSelectHash': {
      if (value === null) return null;
      const out: RMap = new Map();
      for (const [key, item] of node.pairs) out.set(key, evaluate(item, value));
      return out;
    }
    case 'function':
      return callFunction(
        node.name,
        node.args.map((arg) => evaluate(arg, value)),
        evaluate,
      );
    case 'expref':
      return new ExprRef(node.child);
  }
}

/** Applies `right` to each element, dropping null results (a projection never yields null). */
function project(items: RValue[], right: Node): RValue[] {
  const out: RValue[] = [];
  for (const item of items) {
    const r = evaluate(right, item);
    if (r !== null) out.push(r);
  }
  return out;
}

/** Python's `list[start:stop:step]`, bounds clamped as `slice.indices` does. */
function pySlice(list: RValue[], start: number | null, stop: number | null, step: number | null): RValue[] {
  const n = list.length;
  const by = step ?? 1;
  if (by === 0) throw new PythonRuntimeError('ValueError', 'slice step cannot be zero');
  const clamp = (i: number | null, dflt: number): number => {
    if (i === null) return dflt;
    if (i < 0) return Math.max(i + n, by < 0 ? -1 : 0);
    return Math.min(i, by < 0 ? n - 1 : n);
  };
  const from = clamp(start, by < 0 ? n - 1 : 0);
  const to = clamp(stop, by < 0 ? -1 : n);
  const out: RValue[] = [];
  if (by > 0) for (let i = from; i < to; i += by) out.push(list[i]);
  else for (let i = from; i > to; i += by) out.push(list[i]);
  return out;
}
