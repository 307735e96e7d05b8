// The table corpus: inputs and the exact stdout (or error) of AWS CLI v2.36.7 at several
// terminal widths, with and without colour, captured by tools/capture-table-fixtures.py
// (real list operations, queries over them, and `--query` literals of every shape).
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { TableFormatError, tableExitText, tableFormat } from '../../src/output/table.js';
import { parseJson } from '../../src/value/json.js';

interface Case {
  name: string;
  title: string;
  width: number;
  color: boolean;
  /** stdout was a terminal (the widths other than 80). */
  tty: boolean;
  input: string;
  expected: string;
  error?: string;
}

const cases = JSON.parse(
  readFileSync(new URL('../fixtures/table/cases.json', import.meta.url), 'utf8'),
) as Case[];

test('corpus is not empty', () => expect(cases.length).toBeGreaterThan(300));

test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  const ctx = { operationName: c.title, width: c.width, color: c.color };
  const run = () => tableFormat.format(parseJson(c.input), ctx);
  const atExit = tableExitText(c.color, c.tty);
  if (c.error === undefined) {
    expect(run() + atExit).toBe(c.expected);
    return;
  }
  // The table is built before anything is drawn: an error means no table at all.
  expect(c.expected).toBe(atExit);
  let thrown: unknown;
  try {
    run();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(TableFormatError);
  expect((thrown as Error).message).toBe(c.error);
});
