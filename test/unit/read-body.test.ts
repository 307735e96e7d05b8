/**
 * readAll (src/sdk/iam-client.ts): a response body as urllib3 would have it, or the connection
 * error botocore retries. Each row is a body stream as Node's HTTP client leaves one: ended or
 * failed, complete or not, on a socket that closed cleanly (FIN) or failed (RST).
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readAll } from '../../src/sdk/iam-client.js';

interface Row {
  name: string;
  /** How the stream ends after 'half': quietly, or destroyed with this error. */
  ending: 'end' | 'error' | 'timeout';
  complete: boolean;
  socket: 'fin' | 'rst';
  chunked?: boolean;
  expected: string | { code: string } | { name: string };
}

const ROWS: Row[] = [
  { name: 'a whole body', ending: 'end', complete: true, socket: 'fin', expected: 'half' },
  { name: 'ended quietly, incomplete, the socket reset', ending: 'end', complete: false, socket: 'rst', expected: { code: 'ECONNRESET' } },
  { name: 'ended quietly, incomplete, the socket closed cleanly', ending: 'end', complete: false, socket: 'fin', expected: 'half' },
  { name: 'failed, the socket reset', ending: 'error', complete: false, socket: 'rst', expected: { code: 'ECONNRESET' } },
  { name: 'failed, the socket closed cleanly: handed over as far as it came', ending: 'error', complete: false, socket: 'fin', expected: 'half' },
  { name: 'failed, chunked, the socket closed cleanly', ending: 'error', complete: false, socket: 'fin', chunked: true, expected: { code: 'ECONNRESET' } },
  { name: 'a read timeout stays one', ending: 'timeout', complete: false, socket: 'fin', expected: { name: 'TimeoutError' } },
];

function body(row: Row): PassThrough {
  const stream = Object.assign(new PassThrough(), {
    socket: { errored: row.socket === 'rst' ? new Error('read ECONNRESET') : null, readableEnded: row.socket === 'fin' },
    headers: row.chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': '100' },
    complete: row.complete,
  });
  stream.write('half');
  setImmediate(() => {
    if (row.ending === 'end') stream.end();
    else if (row.ending === 'timeout') stream.destroy(Object.assign(new Error('timed out'), { name: 'TimeoutError' }));
    else stream.destroy(new Error('aborted'));
  });
  return stream;
}

describe('readAll', () => {
  it.each(ROWS)('$name', async (row) => {
    const read = readAll(body(row));
    if (typeof row.expected === 'string') await expect(read.then(String)).resolves.toBe(row.expected);
    else await expect(read).rejects.toMatchObject(row.expected);
  });
});
