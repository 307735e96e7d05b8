// The YAML corpus: inputs and the exact stdout of AWS CLI v2.36.7.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { yamlStreamFormat } from '../../src/output/yaml-stream.js';
import { yamlFormat } from '../../src/output/yaml.js';
import { parseJson } from '../../src/value/json.js';

interface Case {
  name: string;
  format: 'yaml' | 'yaml-stream';
  input: string;
  expected: string;
}

// cases.json: the `aws` program itself; random-cases.json: seeded random values through the
// CLI's own formatter objects (tools/capture-random-output-cases.py).
const cases = ['cases.json', 'random-cases.json'].flatMap(
  (file) => JSON.parse(readFileSync(new URL(`../fixtures/yaml/${file}`, import.meta.url), 'utf8')) as Case[],
);
const ctx = { operationName: 'ListUsers', width: 80, color: false };

describe.each(['yaml', 'yaml-stream'] as const)('%s fixtures', (format) => {
  const formatter = format === 'yaml' ? yamlFormat : yamlStreamFormat;
  const mine = cases.filter((c) => c.format === format);
  test('corpus is not empty', () => expect(mine.length).toBeGreaterThan(100));
  test.each(mine.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(formatter.format(parseJson(c.input), ctx)).toBe(c.expected);
  });
});
