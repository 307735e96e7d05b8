// csv: RFC 4180 quoting, the header's columns, cells, and a round trip through the audit's CSV reader.
import { describe, expect, test } from 'vitest';
import { csvCell, csvField, csvFormat, csvRecord } from '../../src/output/csv.js';
import { parseCsv } from '../../src/extensions/audit/csv.js';
import { parseJson } from '../../src/value/json.js';
import type { Value } from '../../src/value/value.js';

/** Writes pages (JSON lists of items) through one writer; returns the text with CRLF shown as `|`, and the warnings. */
function csv(pages: string[], columns?: string[]): { text: string; warnings: string[] } {
  const warnings: string[] = [];
  const writer = csvFormat.open({ columns, warn: (m) => warnings.push(m) });
  let text = '';
  for (const p of pages) text += writer.write(parseJson(p) as Value[]);
  text += writer.end();
  return { text: text.replace(/\r\n/g, '|'), warnings };
}

describe('fields', () => {
  test.each([
    ['plain', 'alice', 'alice'],
    ['a comma', 'a,b', '"a,b"'],
    ['a quote is doubled', 'say "hi"', '"say ""hi"""'],
    ['a line break stays inside the quotes', 'a\nb', '"a\nb"'],
    ['a carriage return', 'a\rb', '"a\rb"'],
    ['spaces are data, not quoted', ' a ', ' a '],
    ['empty', '', ''],
  ])('%s', (_name, text, expected) => expect(csvField(text)).toBe(expected));

  test('records end with CRLF; a lone empty field is ""', () => {
    expect(csvRecord(['a', '', 'b'])).toBe('a,,b\r\n');
    expect(csvRecord([''])).toBe('""\r\n');
  });
});

describe('cells', () => {
  test.each([
    ['null', 'null', ''],
    ['a string as it is', '"2024-01-01T00:00:00+00:00"', '2024-01-01T00:00:00+00:00'],
    ['booleans', 'true', 'true'],
    ['an int', '3600', '3600'],
    ['a float keeps Python\'s spelling', '2.0', '2.0'],
    ['an object is compact JSON', '{"Version": "2012-10-17", "Statement": []}', '{"Version":"2012-10-17","Statement":[]}'],
    ['a list is compact JSON', '[{"Key": "team", "Value": "ops"}]', '[{"Key":"team","Value":"ops"}]'],
  ])('%s', (_name, json, expected) => expect(csvCell(parseJson(json))).toBe(expected));
});

describe('header and rows', () => {
  test.each([
    ['known columns: model order, missing members empty', ['[{"UserName": "a", "Path": "/"}]'], ['Path', 'UserName', 'PasswordLastUsed'], 'Path,UserName,PasswordLastUsed|/,a,|'],
    ['known columns: the header even without items', [], ['Path', 'UserName'], 'Path,UserName|'],
    ['known columns: written once over many pages', ['[{"Path": "/"}]', '[]', '[{"Path": "/x/"}]'], ['Path'], 'Path|/|/x/|'],
    ['a scalar list under a known column', ['["p1", "p2"]'], ['PolicyNames'], 'PolicyNames|p1|p2|'],
    ['a multiselect hash names the columns, in its key order', ['[{"Name": "a", "Created": "t1"}, {"Name": "b", "Created": "t2"}]'], undefined, 'Name,Created|a,t1|b,t2|'],
    ['without known columns: the first page\'s keys in order first seen', ['[{"a": 1}, {"b": 2, "a": 3}]'], undefined, 'a,b|1,|3,2|'],
    ['later pages fit the header; missing keys are empty', ['[{"a": 1, "b": 2}]', '[{"b": 4}]'], undefined, 'a,b|1,2|,4|'],
    ['a list item is a row of its elements, no header', ['[["a", "t1"], ["b", null]]'], undefined, 'a,t1|b,|'],
    ['scalar items are rows of one cell, no header', ['["alice", "", "bob"]'], undefined, 'alice|""|bob|'],
    ['nested values in one cell', ['[{"u": "a", "t": [{"Key": "k"}]}]'], undefined, 'u,t|a,"[{""Key"":""k""}]"|'],
    ['no items, unknown columns: nothing', ['[]'], undefined, ''],
  ])('%s', (_name, pages, columns, expected) => {
    const { text, warnings } = csv(pages, columns);
    expect(text).toBe(expected);
    expect(warnings).toEqual([]);
  });

  test('a key first seen after the header is left out, with one warning per key', () => {
    const { text, warnings } = csv(['[{"a": 1}]', '[{"a": 2, "b": 3}, {"a": 4, "b": 5}]']);
    expect(text).toBe('a|1|2|4|');
    expect(warnings).toEqual([
      'warning: csv: the key "b" first appears after the header was written; its values are left out (a --query multiselect hash, such as {Name: UserName}, names the columns)',
    ]);
  });
});

test('what is written reads back field for field (the audit\'s RFC 4180 reader)', () => {
  const hostile = ['a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf', '', ' x ', 'Zoë', '""'];
  const items = [new Map(hostile.map((v, i) => [`c${i}`, v]))];
  const writer = csvFormat.open({ warn: () => {} });
  const text = writer.write(items) + writer.end();
  expect(parseCsv(text)).toEqual([hostile.map((_, i) => `c${i}`), hostile]);
});
