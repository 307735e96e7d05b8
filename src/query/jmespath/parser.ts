/**
 * A Pratt (top-down operator precedence) parser for JMESPath.
 *
 * The grammar is the specification's, but the accepted language and every error (kind, token
 * and column) are Python jmespath 1.0.1's, because the CLI prints them. Python's parser is more
 * lenient than the spec in places that this one must keep:
 * - function arguments and multi-select-hash pairs need no comma between them (`f(a b)`);
 * - a trailing comma closes an argument list (`f(a,)`);
 * - `[a:b c]` in a slice lets the later number win;
 * - `(name)(args)` is a function call, since only the left node's kind is checked;
 * - `a[0][1:]` appends the slice to the index chain instead of projecting.
 */
import type { Comparator, Node } from './ast.js';
import { IncompleteExpressionError, ParseError, tokenText } from './errors.js';
import { type Token, type TokenType, tokenize } from './lexer.js';

/** How strongly a token binds to the expression on its left; 0 ends any expression. */
const BINDING_POWER: Record<TokenType, number> = {
  eof: 0, unquoted_identifier: 0, quoted_identifier: 0, literal: 0, rbracket: 0, rparen: 0,
  comma: 0, rbrace: 0, number: 0, current: 0, expref: 0, colon: 0,
  pipe: 1, or: 2, and: 3,
  eq: 5, gt: 5, lt: 5, gte: 5, lte: 5, ne: 5,
  flatten: 9,
  // Tokens below 10 end a projection's right-hand side.
  star: 20, filter: 21, dot: 40, not: 45, lbrace: 50, lbracket: 55, lparen: 60,
};
const PROJECTION_STOP = 10;

const IDENTITY: Node = { kind: 'identity' };
const COMPARATORS: ReadonlySet<TokenType> = new Set(['eq', 'ne', 'lt', 'lte', 'gt', 'gte']);

export function parse(expression: string): Node {
  return new Parser(expression, tokenize(expression)).parseAll();
}

class Parser {
  private index = 0;

  constructor(
    private readonly expression: string,
    private readonly tokens: Token[],
  ) {}

  parseAll(): Node {
    const node = this.expression_(0);
    const t = this.peek();
    if (t.type !== 'eof') this.fail(t, `Unexpected token: ${this.display(t)}`);
    return node;
  }

  // --- token access -------------------------------------------------------------------------

  private peek(offset = 0): Token {
    return this.tokens[this.index + offset];
  }

  private advance(): Token {
    return this.tokens[this.index++];
  }

  private display(t: Token): string {
    return tokenText(t);
  }

  private fail(t: Token, reason: string): never {
    throw new ParseError(t.start, reason, t, this.expression);
  }

  /** Consumes a token of one of `types`; at the end of input the expression is "incomplete". */
  private expect(types: TokenType | TokenType[]): Token {
    const t = this.peek();
    const allowed = Array.isArray(types) ? types : [types];
    if (allowed.includes(t.type)) return this.advance();
    if (t.type === 'eof') throw new IncompleteExpressionError(this.expression);
    const wanted = Array.isArray(types) ? `[${types.map((x) => `'${x}'`).join(', ')}]` : types;
    return this.fail(t, `Expecting: ${wanted}, got: ${t.type}`);
  }

  // --- the Pratt loop -----------------------------------------------------------------------

  private expression_(rbp: number): Node {
    let left = this.prefix(this.advance());
    while (rbp < BINDING_POWER[this.peek().type]) {
      left = this.infix(this.peek(), left);
    }
    return left;
  }

  /** A token at the start of an expression ("nud"). */
  private prefix(t: Token): Node {
    switch (t.type) {
      case 'literal':
        return { kind: 'literal', value: t.value };
      case 'unquoted_identifier':
        return { kind: 'field', name: t.value as string };
      case 'quoted_identifier':
        if (this.peek().type === 'lparen') {
          // Python reports this one at column 0, whatever the real position.
          throw new ParseError(0, 'Quoted identifier not allowed for function names.', this.peek(), this.expression);
        }
        return { kind: 'field', name: t.value as string };
      case 'current':
        return { kind: 'current' };
      case 'star': {
        // A bare `*` directly before `]` projects identity (that `]` is left for the caller).
        const right = this.peek().type === 'rbracket' ? IDENTITY : this.projectionRhs(BINDING_POWER.star);
        return { kind: 'valueProjection', left: IDENTITY, right };
      }
      case 'filter':
        return this.filter(IDENTITY);
      case 'lbrace':
        return this.multiSelectHash();
      case 'lparen': {
        const inner = this.expression_(0);
        this.expect('rparen');
        return inner;
      }
      case 'flatten':
        return {
          kind: 'projection',
          left: { kind: 'flatten', child: IDENTITY },
          right: this.projectionRhs(BINDING_POWER.flatten),
        };
      case 'not':
        return { kind: 'not', child: this.expression_(BINDING_POWER.not) };
      case 'expref':
        return { kind: 'expref', child: this.expression_(BINDING_POWER.expref) };
      case 'lbracket': {
        const next = this.peek().type;
        if (next === 'number' || next === 'colon') {
          return this.projectIfSlice(IDENTITY, this.indexOrSlice());
        }
        if (next === 'star' && this.peek(1).type === 'rbracket') {
          this.index += 2;
          return { kind: 'projection', left: IDENTITY, right: this.projectionRhs(BINDING_POWER.star) };
        }
        return this.multiSelectList();
      }
      case 'eof':
        throw new IncompleteExpressionError(this.expression);
      default:
        return this.fail(t, 'invalid token');
    }
  }

  /** A token after a complete expression ("led"); it is still the current token. */
  private infix(t: Token, left: Node): Node {
    if (COMPARATORS.has(t.type)) {
      this.advance();
      const right = this.expression_(BINDING_POWER[t.type]);
      return { kind: 'compare', op: t.type as Comparator, left, right };
    }
    switch (t.type) {
      case 'dot': {
        this.advance();
        if (this.peek().type === 'star') {
          this.advance();
          return { kind: 'valueProjection', left, right: this.projectionRhs(BINDING_POWER.dot) };
        }
        const right = this.dotRhs(BINDING_POWER.dot);
        const steps = left.kind === 'subexpression' ? [...left.steps, right] : [left, right];
        return { kind: 'subexpression', steps };
      }
      case 'pipe':
      case 'or':
      case 'and': {
        this.advance();
        const right = this.expression_(BINDING_POWER[t.type]);
        return { kind: t.type, left, right };
      }
      case 'lparen':
        this.advance();
        return this.functionCall(left);
      case 'filter':
        this.advance();
        return this.filter(left);
      case 'flatten':
        this.advance();
        return {
          kind: 'projection',
          left: { kind: 'flatten', child: left },
          right: this.projectionRhs(BINDING_POWER.flatten),
        };
      case 'lbracket': {
        this.advance();
        const next = this.peek().type;
        if (next === 'number' || next === 'colon') {
          const step = this.indexOrSlice();
          if (left.kind === 'indexChain') return { kind: 'indexChain', steps: [...left.steps, step] };
          return this.projectIfSlice(left, step);
        }
        this.expect('star');
        this.expect('rbracket');
        return { kind: 'projection', left, right: this.projectionRhs(BINDING_POWER.star) };
      }
      default:
        // star, not and lbrace bind but cannot follow an expression.
        return this.fail(t, 'invalid token');
    }
  }

  // --- constructs ---------------------------------------------------------------------------

  private functionCall(callee: Node): Node {
    if (callee.kind !== 'field') {
      // Python names the token before `(` as the bad function name.
      const nameToken = this.tokens[this.index - 2];
      this.fail(nameToken, `Invalid function name '${this.display(nameToken)}'`);
    }
    const args: Node[] = [];
    while (this.peek().type !== 'rparen') {
      args.push(this.expression_(0));
      if (this.peek().type === 'comma') this.advance();
    }
    this.advance();
    return { kind: 'function', name: callee.name, args };
  }

  private filter(left: Node): Node {
    const condition = this.expression_(0);
    this.expect('rbracket');
    const right = this.peek().type === 'flatten' ? IDENTITY : this.projectionRhs(BINDING_POWER.filter);
    return { kind: 'filterProjection', left, right, condition };
  }

  /** After `[` when a number or colon follows: `[n]` or a slice. */
  private indexOrSlice(): Node {
    if (this.peek().type === 'colon' || this.peek(1).type === 'colon') return this.slice();
    const n = this.advance().value as number;
    this.expect('rbracket');
    return { kind: 'index', index: n };
  }

  private slice(): Node {
    const parts: (number | null)[] = [null, null, null];
    let part = 0;
    for (let t = this.peek(); t.type !== 'rbracket'; t = this.peek()) {
      if (t.type === 'colon') {
        if (++part === 3) this.fail(t, 'syntax error');
      } else if (t.type === 'number') {
        parts[part] = t.value as number;
      } else {
        this.fail(t, 'syntax error');
      }
      this.advance();
    }
    this.advance();
    return { kind: 'slice', start: parts[0], stop: parts[1], step: parts[2] };
  }

  private projectIfSlice(left: Node, step: Node): Node {
    const chain: Node = { kind: 'indexChain', steps: [left, step] };
    if (step.kind !== 'slice') return chain;
    return { kind: 'projection', left: chain, right: this.projectionRhs(BINDING_POWER.star) };
  }

  private multiSelectList(): Node {
    const items: Node[] = [];
    for (;;) {
      items.push(this.expression_(0));
      if (this.peek().type === 'rbracket') break;
      this.expect('comma');
    }
    this.advance();
    return { kind: 'multiSelectList', items };
  }

  private multiSelectHash(): Node {
    const pairs: [string, Node][] = [];
    for (;;) {
      const key = this.expect(['quoted_identifier', 'unquoted_identifier']);
      this.expect('colon');
      pairs.push([key.value as string, this.expression_(0)]);
      const next = this.peek().type;
      if (next === 'comma') {
        this.advance();
      } else if (next === 'rbrace') {
        this.advance();
        return { kind: 'multiSelectHash', pairs };
      }
      // Anything else: Python simply reads the next key.
    }
  }

  /** What follows a projection (`[*]`, `.*`, `[]`, `[?...]`, a slice). */
  private projectionRhs(rbp: number): Node {
    const t = this.peek();
    if (BINDING_POWER[t.type] < PROJECTION_STOP) return IDENTITY;
    if (t.type === 'lbracket' || t.type === 'filter') return this.expression_(rbp);
    if (t.type === 'dot') {
      this.advance();
      return this.dotRhs(rbp);
    }
    return this.fail(t, 'syntax error');
  }

  /** What may follow a `.`: an identifier, `*`, a multi-select list or hash. */
  private dotRhs(rbp: number): Node {
    const t = this.peek();
    switch (t.type) {
      case 'quoted_identifier':
      case 'unquoted_identifier':
      case 'star':
        return this.expression_(rbp);
      case 'lbracket':
        this.advance();
        return this.multiSelectList();
      case 'lbrace':
        this.advance();
        return this.multiSelectHash();
      default:
        return this.fail(
          t,
          "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], " +
            `got: ${t.type}`,
        );
    }
  }
}
