/** AWS_CLI_OUTPUT_ENCODING: Python codec names, the bytes written, Python's encode errors. */
import { describe, expect, it } from 'vitest';
import { outputEncoder } from '../../src/cli/output-encoding.js';

describe('outputEncoder', () => {
  it.each([
    ['latin-1', 'Zoë', [0x5a, 0x6f, 0xeb]],
    ['ISO-8859-1', 'ë', [0xeb]],
    ['utf-16', 'Zë', [0x5a, 0, 0xeb, 0]],
    ['utf-16-be', 'Zë', [0, 0x5a, 0, 0xeb]],
    ['ascii', 'plain', [0x70, 0x6c, 0x61, 0x69, 0x6e]],
  ])('%s encodes %j', (name, text, bytes) => {
    const encode = outputEncoder(name);
    expect(typeof encode).toBe('function');
    expect([...(encode as (t: string) => Buffer)(text)]).toEqual(bytes);
  });
  it.each([[undefined], ['utf-8'], ['UTF8'], ['utf_8']])('%s: the default writer', (name) => expect(outputEncoder(name)).toBeUndefined());
  it.each([
    ['ascii', '"Zoë"\n', "'ascii' codec can't encode character '\\xeb' in position 3: ordinal not in range(128)"],
    ['ascii', 'ëë!', "'ascii' codec can't encode characters in position 0-1: ordinal not in range(128)"],
    ['latin-1', '€', "'latin-1' codec can't encode character '\\u20ac' in position 0: ordinal not in range(256)"],
    ['ascii', 'a😀', "'ascii' codec can't encode character '\\U0001f600' in position 1: ordinal not in range(128)"],
  ])('%s refuses %j', (name, text, message) => {
    expect(() => (outputEncoder(name) as (t: string) => Buffer)(text)).toThrow(message);
  });
  it('an unknown codec is refused with the CLI message', () => {
    expect((outputEncoder('bogus') as Error).message).toBe('Unknown codec `bogus` specified for AWS_CLI_OUTPUT_ENCODING.');
  });
});
