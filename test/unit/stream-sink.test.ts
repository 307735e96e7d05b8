/**
 * The sink under stdout and the pager: backpressure (ready), flush, and the first write failure
 * turned into the CLI's error line, with a scripted writable whose callbacks the test releases.
 */
import { describe, expect, it } from 'vitest';
import { streamSink } from '../../src/output/stream-sink.js';
import { openOutputStream, OutputClosed } from '../../src/output/output-stream.js';
import type { Io } from '../../src/cli/io.js';

/** A writable that holds each write until `release()`; `fail(code)` fails the next release. */
function heldWritable() {
  const held: { text: string; done: (error?: Error | null) => void }[] = [];
  const listeners: ((error: Error) => void)[] = [];
  return {
    held,
    stream: {
      write(text: string, done: (error?: Error | null) => void) {
        held.push({ text, done });
        return false;
      },
      on(_event: 'error', listener: (error: Error) => void) {
        listeners.push(listener);
      },
    },
    release(error?: Error) {
      const next = held.shift()!;
      next.done(error);
      if (error) listeners.forEach((l) => l(error));
    },
  };
}
const errno = (code: string) => Object.assign(new Error(code), { code });
const state = async (promise: Promise<unknown>) => {
  const result = await Promise.race([promise.then(() => 'resolved', (e: Error) => `rejected ${e.message}`), new Promise((r) => setTimeout(() => r('pending'), 10))]);
  return result;
};

describe('streamSink', () => {
  it('ready() waits while more than the buffer is unwritten, flush() until nothing is', async () => {
    const w = heldWritable();
    const sink = streamSink(w.stream, 10);
    sink.write('12345');
    expect(await state(sink.ready())).toBe('resolved');
    sink.write('678901');
    const ready = sink.ready();
    const flushed = sink.flush();
    expect(await state(ready)).toBe('pending');
    w.release();
    expect(await state(ready)).toBe('resolved');
    expect(await state(flushed)).toBe('pending');
    w.release();
    expect(await state(flushed)).toBe('resolved');
  });

  it('reports the first failure to every waiter and drops later writes', async () => {
    const w = heldWritable();
    const sink = streamSink(w.stream, 0);
    sink.write('a');
    const ready = sink.ready();
    w.release(errno('ENOSPC'));
    expect(await state(ready)).toBe('rejected ENOSPC');
    sink.write('b');
    expect(w.held).toEqual([]);
    expect(await state(sink.flush())).toBe('rejected ENOSPC');
  });

  it('abort() (a pager that exited) fails waiters at once', async () => {
    const w = heldWritable();
    const sink = streamSink(w.stream, 0);
    sink.write('a');
    const ready = sink.ready();
    sink.abort(new Error('the pager exited'));
    expect(await state(ready)).toBe('rejected the pager exited');
  });
});

describe('openOutputStream turns failures into what the CLI prints', () => {
  it.each([
    ['ENOSPC', '[Errno 28] No space left on device'],
    ['EIO', '[Errno 5] Input/output error'],
    ['EDQUOT', '[Errno 122] Disk quota exceeded'],
  ])('stdout %s → %s (exit 255)', async (code, message) => {
    const w = heldWritable();
    const io = { stdout: streamSink(w.stream), stdoutIsTTY: false, env: {} } as unknown as Io;
    const out = openOutputStream(io, undefined);
    out.write('x');
    w.release(errno(code));
    await expect(out.finish()).rejects.toMatchObject({ message, exitCode: 255 });
  });

  it('a pager that is gone is OutputClosed (the listing stops, no error)', async () => {
    const io = {
      stdout: { write() {} },
      stdoutIsTTY: true,
      env: {},
      startPager: () => ({ write() {}, ready: () => Promise.reject(new Error('the pager exited')), end: async () => {} }),
    } as unknown as Io;
    const out = openOutputStream(io, 'less');
    out.write('x');
    await expect(out.ready()).rejects.toBeInstanceOf(OutputClosed);
  });
});
