/**
 * Python 3.11's text rules (Unicode 14) as aws-iam applies them: int() on IAM integers,
 * str.upper() on text-format keys, repr() in messages. Every expectation was printed by the
 * reference CLI's Python for the same input (several differ from JavaScript's newer Unicode).
 */
import { describe, expect, it } from 'vitest';
import { pyInt, pyStringRepr, pyUpper } from '../../src/value/python-repr.js';
import { dumpJson, parseJson } from '../../src/value/json.js';
import { compile } from '../../src/query/jmespath/index.js';

describe('pyInt (int(text))', () => {
  it.each([
    ["0", 0],
    ["42", 42],
    [" 5 ", 5],
    ["+5", 5],
    ["-7", -7],
    ["007", 7],
    ["1_000", 1000],
    ["\u0661\u0662", 12],
    ["\uff11\uff12", 12],
    ["9007199254740993", 9007199254740993n],
    ["-18446744073709551617", -18446744073709551617n],
    ["1.5", undefined],
    ["x", undefined],
    ["", undefined],
    ["1__0", undefined],
    ["_1", undefined],
    ["\u00b2", undefined],
    ["\u2167", undefined],
    ["\t3\n", 3],
    ["\u30003", 3],
    ["\ufeff3", undefined],
  ] as [string, number | bigint | undefined][])('%j', (text, expected) => {
    expect(pyInt(text)).toBe(expected);
  });
});

describe('pyUpper (str.upper)', () => {
  it.each([
    ["abc", "ABC"],
    ["stra\u00dfe", "STRASSE"],
    ["\u0149", "\u02bcN"],
    ["\ufb01", "FI"],
    ["\u01c5", "\u01c4"],
    ["\u0131", "I"],
    ["i", "I"],
    ["\u03c2", "\u03a3"],
    ["\uab70", "\u13a0"],
    ["\ud83a\udd22", "\ud83a\udd00"],
    ["\u0345", "\u0399"],
    ["\u1f80", "\u1f08\u0399"],
    ["\u01f0", "J\u030c"],
    ["\u00e9", "\u00c9"],
    ["\u10d0", "\u1c90"],
    ["\u1c80", "\u0412"],
    ["\ud81b\ude60", "\ud81b\ude40"],
  ])('%j', (text, expected) => {
    expect(pyUpper(text)).toBe(expected);
  });
});

describe('pyStringRepr (repr(str))', () => {
  it.each([
    ["plain", "'plain'"],
    ["a'b", "\"a'b\""],
    ["a\"b", "'a\"b'"],
    ["a'b\"c", "'a\\'b\"c'"],
    ["\u0085\u200b\ufeff\u00ad", "'\\x85\\u200b\\ufeff\\xad'"],
    ["\ud83e\udee0", "'\ud83e\udee0'"],
    ["\u0378", "'\\u0378'"],
    ["\udb40\udc01", "'\\U000e0001'"],
    ["\ue000", "'\\ue000'"],
    ["\u2028", "'\\u2028'"],
    ["tab\there", "'tab\\there'"],
    ["\u0600", "'\\u0600'"],
    ["\ud83d\ude00", "'\ud83d\ude00'"],
    ["\u1734", "'\u1734'"],
    ["\ud81b\udfe4", "'\ud81b\udfe4'"],
    ["\ud807\udf00", "'\\U00011f00'"],
    // Printable ASCII takes a shortcut: quotes and backslashes, as Python escapes them.
    ["", "''"],
    ["back\\slash", "'back\\\\slash'"],
    ["q'\\", "\"q'\\\\\""],
    ["both ' and \" \\", "'both \\' and \" \\\\'"],
    [" ~", "' ~'"],
    ["\x7f", "'\\x7f'"],
  ])('%j', (text, expected) => {
    expect(pyStringRepr(text)).toBe(expected);
  });
});

describe('integers beyond 2^53 stay exact through JSON', () => {
  it.each([
    ['{"a": 9007199254740993}', '{"a": 9007199254740993}'],
    ['[-123456789012345678901234567890, 1.0, 2]', '[-123456789012345678901234567890, 1.0, 2]'],
    ['{"n": 9007199254740991}', '{"n": 9007199254740991}'],
  ])('%s', (text, expected) => {
    expect(dumpJson(parseJson(text))).toBe(expected);
  });
});

describe('integers beyond 2^53 stay exact through --query', () => {
  const data = parseJson('{"a": [{"n": 9007199254740993}, {"n": -18446744073709551617}, {"n": 1}]}');
  it.each([
    ['a[].n', '[9007199254740993, -18446744073709551617, 1]'],
    ['a[0]', '{"n": 9007199254740993}'],
    ['abs(a[1].n)', '18446744073709551617'],
    ['sum(a[].n)', '-18437736874454810623'],
    ['ceil(a[0].n)', '9007199254740993'],
    ["type(a[0].n)", '"number"'],
    ['a[?n == `9007199254740993`].n', '[9007199254740993]'],
  ])('%s', (expression, expected) => {
    expect(dumpJson(compile(expression).search(data))).toBe(expected);
  });
});
