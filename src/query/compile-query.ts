/**
 * `--query` as the CLI runs it: compiled while the arguments are handled, before any request
 * (a syntax error is a parameter error, exit 252), evaluated when the output is formatted (an
 * error then is a general error, exit 255).
 */
import { CliError } from '../errors/cli-error.js';
import type { Value } from '../value/value.js';
import { compile, JmesPathError, type CompiledQuery } from './jmespath/index.js';

export interface Query {
  search(data: Value): Value;
}

export function compileQuery(expression: string): Query {
  let compiled: CompiledQuery;
  try {
    compiled = compile(expression);
  } catch (error) {
    if (error instanceof JmesPathError) {
      throw new CliError('param-validation', `Bad value for --query ${expression}: ${error.message}`);
    }
    // Deep nesting (`[[[[…`) overflows the parser's stack as it overflows Python's (RecursionError).
    if (error instanceof RangeError) {
      throw new CliError('param-validation', `Bad value for --query ${expression}: maximum recursion depth exceeded`);
    }
    throw error;
  }
  return {
    search(data: Value): Value {
      try {
        return compiled.search(data);
      } catch (error) {
        throw new CliError('general', (error as Error).message);
      }
    },
  };
}
