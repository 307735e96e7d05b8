// Unit checks of the YAML helpers' less obvious rules (the corpora cover them end to end).
import { expect, test } from 'vitest';
import { compareCodePoints, sortedKeys } from '../../src/output/yaml/code-point-order.js';
import { resolvesToNonString } from '../../src/output/yaml/resolve.js';
import { chooseStyle } from '../../src/output/yaml/scalar-style.js';
import { yamlFormat } from '../../src/output/yaml.js';
import { PyFloat } from '../../src/value/value.js';

const ctx = { operationName: 'ListUsers', width: 80, color: false };

test('keys sort by code point, astral characters after U+FFFF', () => {
  expect(sortedKeys(['😀', '\uffff', 'é', 'Z', 'a', '10', '2'])).toEqual(['10', '2', 'Z', 'a', 'é', '\uffff', '😀']);
  expect(compareCodePoints('a', 'ab')).toBeLessThan(0);
});

test('implicit types are looked up by first character, as ruamel indexes them', () => {
  expect(resolvesToNonString('_')).toBe(false); // the int pattern would match, but `_` is not indexed
  expect(resolvesToNonString('-_')).toBe(true);
  expect(resolvesToNonString('yes')).toBe(false); // YAML 1.2
  expect(resolvesToNonString('012')).toBe(true);
  expect(resolvesToNonString('1\n')).toBe(true); // Python's `$` before a final newline
  expect(resolvesToNonString('')).toBe(true);
});

test('scalar styles', () => {
  expect(chooseStyle('2012-10-17', true, false)).toBe('single');
  expect(chooseStyle('x\ty', true, false)).toBe('double');
  expect(chooseStyle('x😀y', true, false)).toBe('double'); // libyaml: astral is non-printable
  expect(chooseStyle("it's\nhere", true, false)).toBe('single');
  expect(chooseStyle('a \nb', true, false)).toBe('double');
  expect(chooseStyle('', true, true)).toBe('single');
  expect(chooseStyle('1e-05', false, false)).toBe('plain');
});

test('top-level scalars are JSON; {} is nothing', () => {
  expect(yamlFormat.format('Zoë', ctx)).toBe('"Zoë"\n');
  expect(yamlFormat.format(new PyFloat(2), ctx)).toBe('2.0\n');
  expect(yamlFormat.format(null, ctx)).toBe('null\n');
  expect(yamlFormat.format(new Map(), ctx)).toBe('');
  expect(yamlFormat.format([], ctx)).toBe('[]\n');
});
