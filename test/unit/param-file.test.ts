/**
 * file:// and fileb:// reading on big or broken input: the CLI's messages (the differential
 * corpus 10-hostile-fs compares them with the reference), and one line instead of a V8 fatal
 * error for a file too large for any IAM parameter.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_PARAM_FILE_BYTES, paramValue, resolveParamFile } from '../../src/params/param-file.js';
import { PyObject } from '../../src/params/py-object.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, bytes: Buffer | string) => {
  dir ??= mkdtempSync(join(tmpdir(), 'aws-iam-paramfile-'));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

describe('paramValue', () => {
  it.each([
    ['UTF-8 text, verbatim', Buffer.from('Zoë\n'), 'Zoë\n'],
    ['a byte-order mark is kept (Python\'s utf-8 codec)', Buffer.from('\ufeff/p/'), '\ufeff/p/'],
  ])('file:// %s', (_name, bytes, expected) => {
    dir = mkdtempSync(join(tmpdir(), 'aws-iam-paramfile-'));
    expect(paramValue('path-prefix', `file://${file('f', bytes)}`)).toBe(expected);
  });

  it('file:// that is not UTF-8: the CLI\'s message', () => {
    dir = mkdtempSync(join(tmpdir(), 'aws-iam-paramfile-'));
    const path = file('f', Buffer.from([0x61, 0xff]));
    expect(() => paramValue('path-prefix', `file://${path}`)).toThrow(
      `Error parsing parameter '--path-prefix': Unable to load paramfile (${path}), text contents could not be decoded.  ` +
        'If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.',
    );
  });

  it('fileb:// is bytes, named as Python names them', () => {
    dir = mkdtempSync(join(tmpdir(), 'aws-iam-paramfile-'));
    const value = paramValue('user-name', `fileb://${file('f', Buffer.from([0x61, 0x27, 0xff, 0x0a]))}`);
    expect(value).toBeInstanceOf(PyObject);
    expect([(value as PyObject).pyType, (value as PyObject).text]).toEqual(['bytes', "b\"a'\\xff\\n\""]);
  });

  it('a file larger than any IAM parameter is one line (a sparse file: nothing is written to disk)', () => {
    dir = mkdtempSync(join(tmpdir(), 'aws-iam-paramfile-'));
    const path = file('big', '');
    truncateSync(path, MAX_PARAM_FILE_BYTES + 1);
    expect(() => paramValue('path-prefix', `file://${path}`)).toThrow(`Unable to load paramfile file://${path}: the file is larger than 64 MiB`);
    expect(() => resolveParamFile('cli-input-json', `file://${path}`)).toThrow('the file is larger than 64 MiB');
  });
});
