// Unit checks of the text format's less obvious rules (the corpora cover them end to end).
import { expect, test } from 'vitest';
import { TextFormatError, textFormat } from '../../src/output/text.js';
import { parseJson } from '../../src/value/json.js';

const ctx = { operationName: 'ListUsers', width: 80, color: false };
const fmt = (json: string) => textFormat.format(parseJson(json), ctx);

test('the NEXTTOKEN pseudo-page', () => {
  expect(fmt('{"NextToken": {"NextToken": "abc=="}}')).toBe('NEXTTOKEN\tabc==\n');
});

test('identifiers are upper-cased with full Unicode mapping', () => {
  expect(fmt('{"straße": ["x"], "zoë": {"a": 1}}')).toBe('STRASSE\tx\nZOË\t1\n');
});

test('a list of objects shares the sorted union of scalar columns', () => {
  expect(fmt('[{"a": 1, "b": "x"}, {"a": 2, "c": true}]')).toBe('1\tx\t\n2\t\tTrue\n');
});

test('a list mixing objects and other values fails after printing what came before', () => {
  let thrown: unknown;
  try {
    fmt('{"a": 1, "b": [{"x": 1}, "s"], "c": 3}');
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(TextFormatError);
  expect((thrown as TextFormatError).message).toBe("'str' object has no attribute 'items'");
  expect((thrown as TextFormatError).output).toBe('1\t3\n');
});

test('nothing prints for empty containers; None for null', () => {
  expect(fmt('{}')).toBe('');
  expect(fmt('[]')).toBe('');
  expect(fmt('null')).toBe('None\n');
});
