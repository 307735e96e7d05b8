// Differential test against Python jmespath 1.0.1: expected outputs come from
// tools/jmespath-oracle.py. Results are compared as json.dumps text (key order, 2.0 vs 2),
// errors by their exact str(exception) and the phase that raised them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JmesPathError, compile } from '../../src/query/jmespath/index.js';
import { dumpJson, parseJson } from '../../src/value/json.js';
import type { Value } from '../../src/value/value.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/jmespath');
const docs = parseJson(readFileSync(join(FIXTURES, 'differential-docs.json'), 'utf8')) as Map<string, Value>;

interface Case {
  doc: string;
  expression: string;
  result?: string;
  error?: string;
  errorPhase?: 'compile' | 'runtime';
}
const cases = JSON.parse(readFileSync(join(FIXTURES, 'differential.json'), 'utf8')) as Case[];

type Outcome = { result: string } | { error: string; errorPhase: 'compile' | 'runtime' };

function run(c: Case): Outcome {
  let query;
  try {
    query = compile(c.expression);
  } catch (e) {
    if (!(e instanceof JmesPathError)) throw e;
    return { error: e.message, errorPhase: 'compile' };
  }
  try {
    return { result: dumpJson(query.search(docs.get(c.doc)!)) };
  } catch (e) {
    if (!(e instanceof JmesPathError)) throw e;
    return { error: e.message, errorPhase: 'runtime' };
  }
}

describe('jmespath vs Python jmespath 1.0.1', () => {
  it('has enough cases', () => expect(cases.length).toBeGreaterThanOrEqual(800));
  it.each(cases.map((c, i) => ({ ...c, i })))('#$i $doc: $expression', (c) => {
    const expected: Outcome =
      c.result !== undefined ? { result: c.result } : { error: c.error!, errorPhase: c.errorPhase! };
    expect(run(c)).toEqual(expected);
  });
});
