// The official JMESPath compliance suite (plus jmespath.py's legacy literal cases), every case.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/query/jmespath/index.js';
import { parseJson } from '../../src/value/json.js';
import { PyFloat, type Value } from '../../src/value/value.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/jmespath');

interface Case {
  readonly expression: string;
  readonly result?: Value;
  readonly error?: string;
  readonly bench?: string;
}

function load(file: string): { given: Value; cases: Case[] }[] {
  const suites = parseJson(readFileSync(file, 'utf8')) as Map<string, Value>[];
  return suites.map((suite) => ({
    given: suite.get('given')!,
    cases: (suite.get('cases') as Map<string, Value>[]).map((c) => ({
      expression: c.get('expression') as string,
      result: c.get('result'),
      error: c.get('error') as string | undefined,
      bench: c.get('bench') as string | undefined,
    })),
  }));
}

/** Deep equality that keeps int and float apart but, like the suite, ignores object key order. */
function same(a: Value, b: Value): boolean {
  if (a instanceof PyFloat || b instanceof PyFloat) {
    return a instanceof PyFloat && b instanceof PyFloat && Object.is(a.value, b.value);
  }
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a instanceof Map) {
    return b instanceof Map && a.size === b.size && [...a].every(([k, v]) => b.has(k) && same(v, b.get(k)!));
  }
  return a === b;
}

const files = [
  ...readdirSync(join(FIXTURES, 'compliance')).map((f) => join(FIXTURES, 'compliance', f)),
  join(FIXTURES, 'legacy/literal.json'),
];

for (const file of files) {
  describe(file.slice(FIXTURES.length + 1), () => {
    const cases = load(file).flatMap(({ given, cases }) => cases.map((c) => ({ given, ...c })));
    it.each(cases)('$expression', ({ given, expression, result, error }) => {
      if (error === 'syntax') {
        expect(() => compile(expression)).toThrow();
        return;
      }
      const query = compile(expression);
      if (error !== undefined) {
        expect(() => query.search(given)).toThrow();
        return;
      }
      const actual = query.search(given);
      // Benchmarks only need to run; the others must give the expected result exactly.
      if (result !== undefined) expect(same(actual, result), JSON.stringify(actual)).toBe(true);
    });
  });
}
