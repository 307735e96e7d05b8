/**
 * `--cli-input-json` / `--cli-input-yaml`: documents loaded as the CLI loads them (Python's
 * json, ruamel.yaml's YAML 1.2 safe loader), the CLI's errors, and the merge under the flags.
 * YAML expectations are what ruamel.yaml 0.17.21 (the CLI's) returns, written as Python's
 * `type: repr`.
 */
import { describe, expect, it } from 'vitest';
import { findOperation } from '../../src/model/operations.js';
import { loadCliInput, mergeCliInput } from '../../src/params/cli-input.js';
import { loadYaml } from '../../src/params/yaml-input.js';
import { pyText, pyTypeName, PyObject } from '../../src/params/py-object.js';
import { validateRequest } from '../../src/params/validate.js';
import { paginatorConfig, withPaginationConfig, type PaginatorFlags } from '../../src/params/pagination-config.js';
import { dumpJson } from '../../src/value/json.js';
import { CliError } from '../../src/errors/cli-error.js';
import { pyRepr } from '../../src/value/python-repr.js';
import type { Value, ValueMap } from '../../src/value/value.js';

/** `type: repr` of a loaded document, PyObjects included. */
const show = (v: Value): string => `${pyTypeName(v)}: ${v instanceof PyObject || Array.isArray(v) || v instanceof Map ? pyText(v) : pyRepr(v)}`;

const yaml = async (text: string): Promise<string> => {
  try {
    return show(await loadYaml(text));
  } catch (e) {
    return `error ${(e as Error).constructor.name}`;
  }
};

describe('loadYaml (ruamel.yaml safe, YAML 1.2)', () => {
  it.each([
    ['PathPrefix: /eng/', "dict: {'PathPrefix': '/eng/'}"],
    ['MaxItems: 012', "dict: {'MaxItems': 12}"],
    ['MaxItems: 0o12', "dict: {'MaxItems': 10}"],
    ['MaxItems: 0x1F', "dict: {'MaxItems': 31}"],
    ['MaxItems: 0b101', "dict: {'MaxItems': 5}"],
    ['MaxItems: 1_000', "dict: {'MaxItems': 1000}"],
    ['MaxItems: 1__0', "dict: {'MaxItems': 10}"],
    ['MaxItems: 1_', "dict: {'MaxItems': 1}"],
    ['MaxItems: _1', "dict: {'MaxItems': '_1'}"],
    ['MaxItems: 0x', "dict: {'MaxItems': '0x'}"],
    ['MaxItems: +5', "dict: {'MaxItems': 5}"],
    ['MaxItems: 1.5', "dict: {'MaxItems': 1.5}"],
    ['MaxItems: 1e3', "dict: {'MaxItems': 1000.0}"],
    ['MaxItems: 0.', "dict: {'MaxItems': 0.0}"],
    ['MaxItems: .5', "dict: {'MaxItems': 0.5}"],
    ['MaxItems: 685_230.15', "dict: {'MaxItems': 685230.15}"],
    ['MaxItems: -.INF', "dict: {'MaxItems': -inf}"],
    ['MaxItems: .nan', "dict: {'MaxItems': nan}"],
    ['MaxItems: 1:20', "dict: {'MaxItems': '1:20'}"],
    ['A: yes', "dict: {'A': 'yes'}"],
    ['A: on', "dict: {'A': 'on'}"],
    ['A: True', "dict: {'A': True}"],
    ['A: tRue', "dict: {'A': 'tRue'}"],
    ['A: ~', "dict: {'A': None}"],
    ['A: NULL', "dict: {'A': None}"],
    ['A:', "dict: {'A': None}"],
    ['A: 2024-01-02', "dict: {'A': datetime.date(2024, 1, 2)}"],
    ['A: 2002-1-2', "dict: {'A': '2002-1-2'}"],
    ['A: 2024-01-02T03:04:05Z', "dict: {'A': datetime.datetime(2024, 1, 2, 3, 4, 5)}"],
    ['A: 2024-01-02 03:04:05.5+01:00', "dict: {'A': datetime.datetime(2024, 1, 2, 2, 4, 5, 500000)}"],
    ['A: 2002-01-02t10:00:00', "dict: {'A': datetime.datetime(2002, 1, 2, 10, 0)}"],
    ['A: !!binary aGVsbG8=', "dict: {'A': b'hello'}"],
    ['A: !!str 5', "dict: {'A': '5'}"],
    ["A: !!int '5'", "dict: {'A': 5}"],
    ['A: !!float 5', "dict: {'A': 5.0}"],
    ['A: !!bool yes', "dict: {'A': True}"],
    ["A: !!null ''", "dict: {'A': None}"],
    ['A: !!timestamp 2001-12-14', "dict: {'A': datetime.date(2001, 12, 14)}"],
    ['A: &x 5\nB: *x', "dict: {'A': 5, 'B': 5}"],
    ['<<: {B: 1}\nC: 2', "dict: {'B': 1, 'C': 2}"],
    ['A: "\\x41\\e"', "dict: {'A': 'A\\x1b'}"],
    ["A: 'a\n  b'", "dict: {'A': 'a b'}"],
    ['A: |\n  line1\n  line2\n', "dict: {'A': 'line1\\nline2\\n'}"],
    ['A: >\n  folded\n  text\n', "dict: {'A': 'folded text\\n'}"],
    ['\ufeffA: 1', "dict: {'A': 1}"],
    ['%YAML 1.1\n---\nA: yes', "dict: {'A': True}"],
    ['%YAML 1.1\n---\nA: 010', "dict: {'A': 8}"],
    ['%YAML 1.1\n---\nA: 1:20', "dict: {'A': 80}"],
    ['A: 1\n...\n', "dict: {'A': 1}"],
    ['', 'NoneType: None'],
    ['# just a comment', 'NoneType: None'],
    ['[1, 2]', 'list: [1, 2]'],
    ['hello', "str: 'hello'"],
    ['5', 'int: 5'],
    ['2024-01-02', 'datetime.date: 2024-01-02'],
    ['A: !foo bar', 'error YamlInputError'],
    ['A: =', 'error YamlInputError'],
    ['A: <<', 'error YamlInputError'],
    ['A: 1\nA: 2', 'error YamlInputError'],
    ['{A: 1, A: 2}', 'error YamlInputError'],
    ['---\nA: 1\n---\nB: 2', 'error YamlInputError'],
    ['A: 1\n...\nB: 2', 'error YamlInputError'],
    ['...', 'error YamlInputError'],
    ['%YAML 1.1', 'error YamlInputError'],
    ['A: [unclosed', 'error YamlInputError'],
    ['A: "unterminated', 'error YamlInputError'],
    ['\tA: 1', 'error YamlInputError'],
    ['A: @foo', 'error YamlInputError'],
    ['A: - x', 'error YamlInputError'],
    ['A: x: y', 'error YamlInputError'],
  ])('%j → %s', async (text, expected) => expect(await yaml(text)).toBe(expected));
});

describe('loadCliInput: the CLI errors', () => {
  const load = async (format: 'json' | 'yaml', text: string) => {
    try {
      return show(await loadCliInput(format, text));
    } catch (e) {
      return `${(e as CliError).errorClass}: ${(e as Error).message}`;
    }
  };
  it.each([
    ['json', '{"PathPrefix": "/eng/"}', "dict: {'PathPrefix': '/eng/'}"],
    ['json', 'not json', "param-validation: Error parsing parameter 'cli-input-json': Invalid JSON received."],
    ['json', '', "param-validation: Error parsing parameter 'cli-input-json': Invalid JSON received."],
    ['json', '[1]', "param-validation: Error parsing parameter '--cli-input-json': Invalid type: expecting map, received <class 'list'>"],
    ['json', '1.5', "param-validation: Error parsing parameter '--cli-input-json': Invalid type: expecting map, received <class 'float'>"],
    ['json', 'null', "param-validation: Error parsing parameter '--cli-input-json': Invalid type: expecting map, received <class 'NoneType'>"],
    ['yaml', 'PathPrefix: /eng/', "dict: {'PathPrefix': '/eng/'}"],
    ['yaml', 'a: [', "param-validation: Error parsing parameter 'cli-input-yaml': Invalid YAML received."],
    ['yaml', '', "param-validation: Error parsing parameter '--cli-input-yaml': Invalid type: expecting map, received <class 'NoneType'>"],
    ['yaml', '2024-01-02', "param-validation: Error parsing parameter '--cli-input-yaml': Invalid type: expecting map, received <class 'datetime.date'>"],
    ['yaml', '- a', "param-validation: Error parsing parameter '--cli-input-yaml': Invalid type: expecting map, received <class 'list'>"],
    ['yaml', 'file:///nonexistent/in.yaml', "param-validation: Error parsing parameter '--cli-input-yaml': Unable to load paramfile file:///nonexistent/in.yaml: [Errno 2] No such file or directory: '/nonexistent/in.yaml'"],
  ] as const)('%s %j', async (format, text, expected) => expect(await load(format, text)).toBe(expected));
});

describe('merged and validated as botocore does', () => {
  const users = findOperation('list-users')!;
  const check = async (flags: Record<string, Value>, yamlText: string) => {
    const request: ValueMap = new Map(Object.entries(flags));
    try {
      mergeCliInput(request, await loadCliInput('yaml', yamlText));
      validateRequest(users, request);
      return pyText(request);
    } catch (e) {
      return `${(e as CliError).errorClass}: ${(e as Error).message}`;
    }
  };
  it.each([
    [{}, 'PathPrefix: /eng/', "{'PathPrefix': '/eng/'}"],
    [{ PathPrefix: '/' }, 'PathPrefix: /eng/\nMaxItems: 2', "{'PathPrefix': '/', 'MaxItems': 2}"],
    [{}, 'MaxItems: true', "{'MaxItems': True}"],
    [{}, 'MaxItems: false', 'param-validation: Parameter validation failed:\nInvalid value for parameter MaxItems, value: False, valid min value: 1'],
    [{}, "MaxItems: '2'", "param-validation: Parameter validation failed:\nInvalid type for parameter MaxItems, value: 2, type: <class 'str'>, valid types: <class 'int'>"],
    [{}, 'PathPrefix: 2024-01-02 03:04:05.25', "param-validation: Parameter validation failed:\nInvalid type for parameter PathPrefix, value: 2024-01-02 03:04:05.250000, type: <class 'datetime.datetime'>, valid types: <class 'str'>"],
    [{}, 'PathPrefix: [/a/, 2024-01-02]', "param-validation: Parameter validation failed:\nInvalid type for parameter PathPrefix, value: ['/a/', datetime.date(2024, 1, 2)], type: <class 'list'>, valid types: <class 'str'>"],
    [{}, 'PathPrefix: 5\nBogus: 1', "param-validation: Parameter validation failed:\nUnknown parameter in input: \"Bogus\", must be one of: PathPrefix, Marker, MaxItems\nInvalid type for parameter PathPrefix, value: 5, type: <class 'int'>, valid types: <class 'str'>"],
    [{}, '{Bogus: 1, 7: x}', 'general: keywords must be strings'],
  ])('flags %j + %j', async (flags, text, expected) => expect(await check(flags, text)).toBe(expected));
});

describe('PaginationConfig from the paginator flags and from --cli-input-*', () => {
  const mfa = findOperation('list-mfa-devices')!;
  it.each([
    // request (flags first, then input), flag dests given → parameters with the flags' PaginationConfig
    [{ UserName: 'a', Bogus: 1 }, ['UserName'], '{"UserName": "a", "PaginationConfig": {}, "Bogus": 1}'],
    [{ MaxItems: 1 }, [], '{"PaginationConfig": {}, "MaxItems": 1}'],
  ])('withPaginationConfig(%j)', (request, flagged, expected) => {
    const values = new Map<string, unknown>(flagged.map((k) => [k, 'x']));
    expect(dumpJson(withPaginationConfig(mfa, new Map(Object.entries(request)) as ValueMap, values))).toBe(expected);
  });

  const config = (input: Value, flags: PaginatorFlags = {}) => {
    const request: ValueMap = new Map([['PaginationConfig', input]]);
    try {
      const result = paginatorConfig(request, flags);
      return { ...result, left: [...request.keys()] };
    } catch (e) {
      return `${(e as CliError).errorClass}: ${(e as Error).message}`;
    }
  };
  it.each([
    [new Map<string, Value>([['MaxItems', 1], ['PageSize', 2], ['StartingToken', 't']]), {}, { maxItems: 1n, pageSize: 2n, startingToken: 't', left: [] }],
    [new Map<string, Value>([['MaxItems', 1]]), { maxItems: 5n }, { maxItems: 5n, left: [] }],
    [new Map<string, Value>(), {}, { maxItems: undefined, pageSize: undefined, startingToken: undefined, left: [] }],
    [5, {}, "general: 'int' object has no attribute 'get'"],
    [[1], {}, "general: 'list' object has no attribute 'get'"],
  ])('paginatorConfig case %#', (input, flags, expected) => expect(config(input, flags)).toEqual(expected));
});

describe('explicit tags on text that is not a number: the ValueError the CLI does not catch', () => {
  it.each([
    ['A: !!int abc', "general: invalid literal for int() with base 10: 'abc'"],
    ['A: !!int 0x1G', "general: invalid literal for int() with base 16: '1G'"],
    ['A: !!float abc', "general: could not convert string to float: 'abc'"],
    ['A: ! 5', "dict: {'A': 5}"],
  ])('%j → %s', async (text, expected) => {
    try {
      expect(show(await loadYaml(text))).toBe(expected);
    } catch (e) {
      expect(`${(e as CliError).errorClass}: ${(e as Error).message}`).toBe(expected);
    }
  });
});
