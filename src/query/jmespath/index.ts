/**
 * JMESPath for `--query`, matching Python jmespath 1.0.1 (what the AWS CLI runs): results,
 * key order, int/float distinction and the exact text of every error.
 */
import type { Value } from '../../value/value.js';
import { evaluate } from './interpreter.js';
import { parse } from './parser.js';
import { ExpressionResultError } from './errors.js';
import { toValue } from './runtime.js';

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
      return toValue(evaluate(ast, data), () => {
        throw new ExpressionResultError();
      });
    },
  };
}
