/**
 * The merged json document held as text (write-result's path without --query) must be byte for
 * byte what the same pages give when merged as values and formatted whole; and with --query the
 * values path is kept. Each case: pages (a list of result-key maps), the resultKeys, NextToken.
 */
import { describe, expect, it } from 'vitest';
import { jsonFormat } from '../../src/output/json.js';
import type { OutputFormat } from '../../src/output/format.js';
import { writePaginated, type Query } from '../../src/output/write-result.js';
import { parseJson } from '../../src/value/json.js';
import type { Value, ValueMap } from '../../src/value/value.js';

const CONTEXT = { operationName: 'ListUsers', width: 80, color: false };

async function* pagesOf(pages: ValueMap[], nextToken?: string): AsyncGenerator<ValueMap, string | undefined> {
  for (const page of pages) yield page;
  return nextToken;
}

/** What the writer wrote, and how many pieces. */
async function written(format: OutputFormat, pages: ValueMap[], resultKeys: string[], nextToken?: string, query?: Query) {
  const out: string[] = [];
  let drains = 0;
  await writePaginated({ resultKeys, pages: pagesOf(pages, nextToken) }, format, 'json', query, CONTEXT, {
    write: (text) => void out.push(text),
    ready: async () => void drains++,
  });
  return { text: out.join(''), writes: out.length, drains };
}

/** The same format without its text path: the document merged as values, formatted whole. */
const asValues: OutputFormat = { pages: 'merged', format: jsonFormat.format };

const page = (json: string) => parseJson(json) as ValueMap;
const user = (i: number, extra = '') => `{"UserName": "u${i}", "Path": "/", "N": ${i}, "F": ${i}.0${extra}}`;

describe('merged json as text = merged json as values', () => {
  it.each<[string, string[], string[], string?]>([
    ['one page', [`{"Users": [${user(1)}, ${user(2)}]}`], ['Users']],
    ['three pages', [`{"Users": [${user(1)}]}`, `{"Users": [${user(2)}, ${user(3)}]}`, `{"Users": [${user(4)}]}`], ['Users']],
    ['with a NextToken', [`{"Users": [${user(1)}]}`], ['Users'], 'eyJNYXJrZXIiOiAiMSJ9'],
    ['every page empty', [`{"Users": []}`, `{"Users": []}`], ['Users']],
    ['empty pages between', [`{"Users": []}`, `{"Users": [${user(1)}]}`, `{"Users": []}`, `{"Users": [${user(2)}]}`], ['Users']],
    ['no pages at all', [], ['Users']],
    ['nothing but a NextToken', [`{"Users": []}`], ['Users'], 'tok'],
    ['a key missing on the first page', [`{}`, `{"Users": [${user(1)}]}`], ['Users']],
    ['null then a list', [`{"Users": null}`, `{"Users": [${user(1)}]}`], ['Users']],
    ['two result keys, in resultKeys order', [`{"B": [1], "A": ["x"]}`, `{"A": ["y"], "B": [2, 3]}`], ['A', 'B']],
    ['a scalar result key keeps its first value, strings concatenate', [`{"L": [1], "S": "ab", "N": 1}`, `{"L": [2], "S": "cd", "N": 2}`], ['L', 'S', 'N']],
    ['a list then a scalar is ignored', [`{"L": [1]}`, `{"L": "x"}`, `{"L": [2]}`], ['L']],
    ['nested objects, lists and empties', [`{"Users": [{"Tags": [{"Key": "k", "Value": "v"}], "E": {}, "L": [], "Z": null, "T": true}]}`], ['Users']],
    ['non-ASCII, escapes and control characters', [`{"Users": [{"Name": "café \\"q\\" \\\\ \\n \\u0001 \\u2028 😀"}]}`], ['Users']],
    ['integer-looking keys keep their order', [`{"Users": [{"2": 1, "1": 2, "constructor": 3}]}`], ['Users']],
    ['numbers as Python spells them', [`{"Users": [{"a": 1e300, "b": 1.5e-7, "c": -0.0, "d": 12345678901234}]}`], ['Users']],
  ])('%s', async (_, pagesJson, resultKeys, nextToken) => {
    const make = () => pagesJson.map(page);
    const text = await written(jsonFormat, make(), resultKeys, nextToken);
    const values = await written(asValues, make(), resultKeys, nextToken);
    expect(text.text).toBe(values.text);
  });

  it('writes a long listing in pieces, waiting for each to be taken', async () => {
    const pages = Array.from({ length: 5 }, (_, p) => page(`{"Users": [${user(p * 2)}, ${user(p * 2 + 1)}]}`));
    const result = await written(jsonFormat, pages, ['Users']);
    expect(result.writes).toBeGreaterThan(5);
    expect(result.drains).toBe(result.writes);
  });

  it('with --query the values are kept (the query needs them) and the document is one write', async () => {
    const query: Query = { search: (v: Value) => ((v as ValueMap).get('Users') as Value[]).length };
    const pages = [page(`{"Users": [${user(1)}]}`), page(`{"Users": [${user(2)}]}`)];
    const result = await written(jsonFormat, pages, ['Users'], undefined, query);
    expect(result).toMatchObject({ text: '2\n', writes: 1 });
  });
});
