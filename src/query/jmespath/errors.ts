/**
 * Error classes whose `message` is exactly Python jmespath 1.0.1's `str(exception)`, because the
 * CLI prints that text verbatim (`Bad value for --query …: <message>` or just `<message>`).
 */
import { pyStr } from '../../value/python-repr.js';
import type { Token } from './lexer.js';

export class JmesPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** `Invalid JMESPath expression: cannot be empty.` */
export class EmptyExpressionError extends JmesPathError {
  constructor() {
    super('Invalid JMESPath expression: cannot be empty.');
  }
}

/**
 * A token the lexer cannot read. Python prints the raw expression (unquoted) and puts the caret
 * under the offending character itself, unlike parse errors.
 */
export class LexerError extends JmesPathError {
  constructor(
    readonly position: number,
    readonly reason: string,
    readonly expression: string,
  ) {
    super(`Bad jmespath expression: ${reason}:\n${expression}\n${' '.repeat(position)}^`);
  }
}

/** A grammar error at a token; the expression is quoted, so the caret is shifted by one. */
export class ParseError extends JmesPathError {
  constructor(
    readonly position: number,
    readonly reason: string,
    token: Token,
    readonly expression: string,
  ) {
    super(
      `${reason}: Parse error at column ${position}, token "${tokenText(token)}" ` +
        `(${token.type.toUpperCase()}), for expression:\n"${expression}"\n` +
        `${' '.repeat(position + 1)}^`,
    );
  }
}

/** The expression ended where more was required; Python always points past its end. */
export class IncompleteExpressionError extends JmesPathError {
  constructor(readonly expression: string) {
    super(
      `Invalid jmespath expression: Incomplete expression:\n"${expression}"\n` +
        `${' '.repeat([...expression].length + 1)}^`,
    );
  }
}

/** Python formats a token's value with `%s`: literals appear as Python objects (`{'a': 1}`). */
export function tokenText(token: Token): string {
  if (token.type === 'literal') return pyStr(token.value);
  return token.text;
}

export class UnknownFunctionError extends JmesPathError {
  constructor(name: string) {
    super(`Unknown function: ${name}()`);
  }
}

export class ArityError extends JmesPathError {
  constructor(expected: number, actual: number, name: string, variadic: boolean) {
    const noun = expected === 1 ? 'argument' : 'arguments';
    super(
      `Expected ${variadic ? 'at least ' : ''}${expected} ${noun} for function ${name}(), ` +
        `received ${actual}`,
    );
  }
}

/** `In function f(), invalid type for value: <str(value)>, expected one of: [...], received: "t"`. */
export class JmesPathTypeError extends JmesPathError {
  constructor(fn: string, valueText: string, actualType: string, expected: readonly string[]) {
    super(
      `In function ${fn}(), invalid type for value: ${valueText}, expected one of: ` +
        `[${expected.map((t) => `'${t}'`).join(', ')}], received: "${actualType}"`,
    );
  }
}

/**
 * An exception Python itself raises while evaluating (TypeError, ValueError, OverflowError);
 * the CLI prints its `str()`, which is the message.
 */
export class PythonRuntimeError extends JmesPathError {
  constructor(
    readonly pythonType: 'TypeError' | 'ValueError' | 'OverflowError',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The result holds an expression reference (`&foo`). jmespath returns it happily, but the CLI's
 * JSON output then fails: its `default=` hook hands the object back unchanged, so `json.dump`
 * reports `Circular reference detected`.
 */
export class ExpressionResultError extends JmesPathError {
  constructor() {
    super('Circular reference detected');
  }
}
