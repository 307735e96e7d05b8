// The text corpus: inputs and the exact stdout (and error) of AWS CLI v2.36.7.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { TextFormatError, textFormat } from '../../src/output/text.js';
import { parseJson } from '../../src/value/json.js';

interface Case {
  name: string;
  input: string;
  expected: string;
  error?: string;
}

// cases.json: the `aws` program itself; random-cases.json: seeded random values through the
// CLI's own formatter objects (tools/capture-random-output-cases.py).
const cases = ['cases.json', 'random-cases.json'].flatMap(
  (file) => JSON.parse(readFileSync(new URL(`../fixtures/text/${file}`, import.meta.url), 'utf8')) as Case[],
);
const ctx = { operationName: 'ListUsers', width: 80, color: false };

test('corpus is not empty', () => expect(cases.length).toBeGreaterThan(100));

test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  const run = () => textFormat.format(parseJson(c.input), ctx);
  if (c.error === undefined) {
    expect(run()).toBe(c.expected);
    return;
  }
  // The CLI prints the lines before the crash, then the Python error (exit 255).
  let thrown: unknown;
  try {
    run();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(TextFormatError);
  expect((thrown as TextFormatError).message).toBe(c.error);
  expect((thrown as TextFormatError).output).toBe(c.expected);
});
