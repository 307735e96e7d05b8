/**
 * AWS_CLI_OUTPUT_ENCODING (AWS CLI 2.24+): stdout is re-encoded with that Python codec; a name
 * Python does not know is refused before anything runs, and a character the codec cannot
 * encode fails the write with Python's UnicodeEncodeError text (exit 255).
 */
import { codecNamed } from '../value/python-codecs.js';

type Encoder = (text: string) => Buffer;

/** Python's `\xNN` / `\uNNNN` / `\UNNNNNNNN` spelling of a character in an encode error. */
function escape(cp: number): string {
  if (cp < 0x100) return `\\x${cp.toString(16).padStart(2, '0')}`;
  if (cp < 0x10000) return `\\u${cp.toString(16).padStart(4, '0')}`;
  return `\\U${cp.toString(16).padStart(8, '0')}`;
}

function limitedEncoder(codec: string, limit: number): Encoder {
  return (text) => {
    const cps = [...text].map((c) => c.codePointAt(0)!);
    const first = cps.findIndex((cp) => cp >= limit);
    if (first >= 0) {
      let end = first;
      while (end < cps.length && cps[end]! >= limit) end++;
      const what = end - first === 1 ? `character '${escape(cps[first]!)}' in position ${first}` : `characters in position ${first}-${end - 1}`;
      throw new Error(`'${codec}' codec can't encode ${what}: ordinal not in range(${limit})`);
    }
    return Buffer.from(text, 'latin1');
  };
}

const swap16 = (b: Buffer) => b.swap16();

/**
 * The encoder for AWS_CLI_OUTPUT_ENCODING's value: undefined for UTF-8 (the default writer),
 * an Error carrying the CLI's message for an unknown codec.
 */
export function outputEncoder(name: string | undefined): Encoder | undefined | Error {
  if (name === undefined) return undefined;
  switch (codecNamed(name)) {
    case 'utf-8':
      return undefined;
    case 'ascii':
      return limitedEncoder('ascii', 0x80);
    case 'latin-1':
      return limitedEncoder('latin-1', 0x100);
    // A text stream that is not at its start writes no BOM: little-endian, as the CLI's pipe shows.
    case 'utf-16':
    case 'utf-16-le':
      return (text) => Buffer.from(text, 'utf16le');
    case 'utf-16-be':
      return (text) => swap16(Buffer.from(text, 'utf16le'));
  }
  return new Error(`Unknown codec \`${name}\` specified for AWS_CLI_OUTPUT_ENCODING.`);
}
