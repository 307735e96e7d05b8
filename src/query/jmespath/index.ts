/**
 * JMESPath for `--query`, matching Python jmespath 1.0.1 (what the AWS CLI runs): results,
 * key order, int/float distinction and the exact text of every error.
 */
import type { Value } from '../../value/value.js';
import { evaluate } from './interpreter.js';
import { parse } from './parser.js';
import { ExpressionResultError } from './errors.js';
import { toValue, type RMap, type RValue } from './runtime.js';

export {
  ArityError,
  EmptyExpressionError,
  ExpressionResultError,
  IncompleteExpressionError,
  JmesPathError,
  JmesPathTypeError,
  LexerError,
  ParseError,
  PythonRuntimeError,
  UnknownFunctionError,
} from './errors.js';

/**
 * The engine works on JS numbers: integers beyond 2^53 enter a query as the nearest number
 * (known gap: Python keeps them exact). Data without any (nearly always) is passed as it is.
 */
function withoutBigInts(v: Value): RValue {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) {
    const items = v.map(withoutBigInts);
    return items.every((x, i) => x === v[i]) ? (v as RValue[]) : items;
  }
  if (v instanceof Map) {
    let changed = false;
    const out = new Map<string, RValue>();
    for (const [k, x] of v) {
      const y = withoutBigInts(x);
      if (y !== x) changed = true;
      out.set(k, y);
    }
    return changed ? out : (v as RMap);
  }
  return v;
}

export interface CompiledQuery {
  readonly expression: string;
  search(data: Value): Value;
}

/** Parses `expression`; every syntax error surfaces here, as in Python. */
export function compile(expression: string): CompiledQuery {
  const ast = parse(expression);
  return {
    expression,
    search(data: Value): Value {
      return toValue(evaluate(ast, withoutBigInts(data)), () => {
        throw new ExpressionResultError();
      });
    },
  };
}
