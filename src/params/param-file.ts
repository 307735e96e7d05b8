/**
 * `file://` and `fileb://` values: the AWS CLI replaces such a value with the file's contents
 * (text verbatim, trailing newline included). `http(s)://` values are sent as they are in v2.
 * - `file://` text is decoded with AWS_CLI_FILE_ENCODING's codec (UTF-8 when unset); bytes the
 *   codec refuses give the CLI's "text contents could not be decoded" (a UTF-8 byte-order mark
 *   is kept, as Python's utf-8 codec keeps it), a codec Python does not know its LookupError;
 * - `fileb://` gives bytes: on a string parameter, validation names them as Python does
 *   (`value: b'…', type: <class 'bytes'>`);
 * - a file larger than MAX_PARAM_FILE_BYTES is refused in one line. No IAM List parameter or
 *   input document comes near it; the CLI reads any size (1.5 GB of memory for 300 MB, then
 *   IAM refuses the request), where a Node process would end in a V8 fatal error.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { CliError } from '../errors/cli-error.js';
import { pythonOsError } from '../errors/os-error.js';
import { pyBytesRepr } from '../value/python-repr.js';
import type { Value } from '../value/value.js';
import { PyObject } from './py-object.js';
import { codecNamed, type Codec } from '../value/python-codecs.js';

export const MAX_PARAM_FILE_BYTES = 64 * 1024 * 1024;

/** Python's strict decoding of `bytes` with `codec`; throws on bytes the codec refuses. */
function decodeWith(codec: Codec, bytes: Uint8Array): string {
  switch (codec) {
    case 'utf-8':
    case 'utf-8-sig':
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: codec === 'utf-8' }).decode(bytes);
    case 'ascii':
      if (bytes.some((b) => b >= 0x80)) throw new RangeError('ordinal not in range(128)');
      return Buffer.from(bytes).toString('latin1');
    case 'latin-1':
      return Buffer.from(bytes).toString('latin1');
    case 'utf-16': {
      // A byte-order mark decides, and is dropped; without one, this machine's order (little-endian).
      const bigEndian = bytes[0] === 0xfe && bytes[1] === 0xff;
      return new TextDecoder(bigEndian ? 'utf-16be' : 'utf-16le', { fatal: true }).decode(bytes);
    }
    case 'utf-16-le':
    case 'utf-16-be':
      return new TextDecoder(codec === 'utf-16-le' ? 'utf-16le' : 'utf-16be', { fatal: true, ignoreBOM: true }).decode(bytes);
  }
}

/** The value with a `file://` file's text in place (`fileb://` as latin-1 text: --cli-input-*). */
export function resolveParamFile(option: string, value: string, cwd: string = process.cwd()): string {
  const file = loadParamFile(option, value, cwd);
  if (!file) return value;
  return file.prefix === 'file://' ? decodeText(option, file.path, file.bytes) : Buffer.from(file.bytes).toString('latin1');
}

/** A parameter's value: a `file://` file's text, a `fileb://` file's bytes, or the value itself. */
export function paramValue(option: string, value: string, cwd: string = process.cwd()): Value {
  const file = loadParamFile(option, value, cwd);
  if (!file) return value;
  return file.prefix === 'file://' ? decodeText(option, file.path, file.bytes) : new PyObject('bytes', pyBytesRepr(file.bytes));
}

function decodeText(option: string, path: string, bytes: Uint8Array, encoding = process.env.AWS_CLI_FILE_ENCODING): string {
  const codec = encoding === undefined ? 'utf-8' : codecNamed(encoding);
  if (codec === undefined) throw new CliError('general', `unknown encoding: ${encoding}`);
  try {
    return decodeWith(codec, bytes);
  } catch {
    throw new CliError(
      'param-validation',
      `Error parsing parameter '--${option}': Unable to load paramfile (${path}), text contents could not be decoded.  ` +
        'If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.',
    );
  }
}

function loadParamFile(option: string, value: string, cwd: string) {
  const prefix = value.startsWith('file://') ? 'file://' : value.startsWith('fileb://') ? 'fileb://' : undefined;
  if (!prefix) return undefined;
  const rawPath = value.slice(prefix.length);
  const path = rawPath.startsWith('~') ? (process.env.HOME ?? '') + rawPath.slice(1) : rawPath;
  const fail = (reason: string) => new CliError('param-validation', `Error parsing parameter '--${option}': Unable to load paramfile ${value}: ${reason}`);
  let bytes: Uint8Array;
  try {
    bytes = readAtMost(path.startsWith('/') ? path : `${cwd}/${path}`, MAX_PARAM_FILE_BYTES);
  } catch (error) {
    if (error instanceof TooLarge) throw fail(`the file is larger than ${MAX_PARAM_FILE_BYTES / 1024 / 1024} MiB`);
    const code = (error as NodeJS.ErrnoException).code;
    throw fail(code === 'ENOENT' ? `[Errno 2] No such file or directory: '${path}'` : code ? `${pythonOsError(error)}: '${path}'` : (error as Error).message);
  }
  return { prefix, path, bytes };
}

class TooLarge extends Error {}

/** The file's bytes, read in chunks (it may be a pipe: file:///dev/stdin), refusing more than `limit`. */
function readAtMost(path: string, limit: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(1024 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > limit) throw new TooLarge();
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}
