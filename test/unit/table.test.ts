// Unit tests of the table formatter's pieces; the byte-exact behaviour is covered by the
// captured corpus in table-fixtures.test.ts.
import { describe, expect, test } from 'vitest';
import { TableFormatError, tableFormat } from '../../src/output/table.js';
import { compareCodePoints } from '../../src/output/table/build-sections.js';
import { displayWidth } from '../../src/output/table/display-width.js';
import { roundHalfEven, scaleColumns } from '../../src/output/table/layout.js';
import { parseJson } from '../../src/value/json.js';

const ctx = { operationName: 'ListGroups', width: 80, color: false };

describe('displayWidth (East Asian Width W/F/A = 2, Unicode 14)', () => {
  test.each([
    ['abc', 3],
    ['café', 5], // é is Ambiguous
    ['Zoë', 3], // ë is Neutral
    ['日本語', 6],
    ['x😀y', 4],
    ['a\u0301', 3], // combining acute is Ambiguous too
    ['', 0],
  ])('%j → %i', (text, width) => expect(displayWidth(text)).toBe(width));
});

describe('column scaling', () => {
  test('Python round: half to even', () => {
    expect([0.5, 1.5, 2.5, 3.5, 2.4999, 2.5001].map(roundHalfEven)).toEqual([0, 2, 2, 4, 2, 3]);
  });
  test('unscaled (5, 7) into 18 is [8, 10] (half-up would give [7, 11])', () => {
    expect(scaleColumns([1, 3], 18)).toEqual([8, 10]);
  });
  test('always sums to the width', () => {
    for (let w = 10; w < 60; w++) {
      expect(scaleColumns([1, 2, 3, 5, 8], w + 19).reduce((a, b) => a + b)).toBe(w + 19);
    }
  });
});

test('code point order puts U+FFFF before emoji', () => {
  expect(['😀', '\uffff', 'a'].sort(compareCodePoints)).toEqual(['a', '\uffff', '😀']);
});

test('falsy documents print nothing', () => {
  for (const json of ['null', '0', '""', 'false', '[]', '{}']) {
    expect(tableFormat.format(parseJson(json), ctx)).toBe('');
  }
});

test('row length mismatch is Python\'s ValueError text', () => {
  expect(() => tableFormat.format(parseJson('[1, [1, 2]]'), ctx)).toThrow(TableFormatError);
  expect(() => tableFormat.format(parseJson('[1, [1, 2]]'), ctx)).toThrow(
    'Row should have 1 elements, instead it has 2',
  );
});

test('ambiguous-width row comes out one column short (as in the CLI)', () => {
  expect(tableFormat.format(parseJson('[["café", "x"], ["cafe", "y"]]'), ctx)).toBe(
    [
      '----------------',
      '|  ListGroups  |',
      '+--------+-----+',
      '|  café |  x  |',
      '|  cafe  |  y  |',
      '+--------+-----+',
      '',
    ].join('\n'),
  );
});

test('colour: styled cells and bars, a reset after every write', () => {
  const out = tableFormat.format(parseJson('{"Groups": ["g1"]}'), { ...ctx, color: true });
  const R = '\x1b[0m';
  const bar = `\x1b[2m\x1b[33m|${R}`;
  expect(out.split('\n')[0]).toBe('-'.repeat(12));
  expect(out).toContain(`${R}${bar}${R}|  \x1b[1m\x1b[34mg1${R}    |${R}${bar}${R}\n${R}`);
  expect(out.endsWith(`\n${R}`)).toBe(true);
});
