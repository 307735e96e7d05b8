/**
 * A Node writable (stdout, a pager's stdin) seen as the output needs it: writes that never
 * throw, a `ready()` that waits while more than a small buffer is still unwritten
 * (backpressure: a listing fetches no further than its reader consumes), a `flush()` that waits
 * for everything, and the first write failure (disk full, EIO, reader gone) reported by both.
 */

/** Bytes that may wait unwritten before a listing stops fetching: a few pages at most. */
export const BUFFER_BYTES = 64 * 1024;

export interface Sink {
  /** Text, or bytes already encoded (AWS_CLI_OUTPUT_ENCODING). */
  write(text: string | Uint8Array): void;
  /** Resolves once at most BUFFER_BYTES wait to be written; rejects with the first failure. */
  ready(): Promise<void>;
  /** Resolves once everything is written; rejects with the first failure. */
  flush(): Promise<void>;
  /** The reader is gone for a reason the stream does not know yet (a pager that exited). */
  abort(error: Error): void;
}

interface Writable {
  write(chunk: string | Uint8Array, callback: (error?: Error | null) => void): boolean;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export function streamSink(stream: Writable, bufferBytes = BUFFER_BYTES): Sink {
  let pending = 0;
  let failure: Error | undefined;
  let waiters: { limit: number; resolve: () => void; reject: (error: Error) => void }[] = [];
  const settle = () => {
    const still: typeof waiters = [];
    for (const waiter of waiters) {
      if (failure) waiter.reject(failure);
      else if (pending <= waiter.limit) waiter.resolve();
      else still.push(waiter);
    }
    waiters = still;
  };
  const fail = (error: Error) => {
    failure ??= error;
    settle();
  };
  stream.on('error', fail);
  const waitFor = (limit: number) =>
    new Promise<void>((resolve, reject) => {
      waiters.push({ limit, resolve, reject });
      settle();
    });
  return {
    write(text) {
      if (failure || text.length === 0) return;
      const bytes = typeof text === 'string' ? Buffer.byteLength(text) : text.byteLength;
      pending += bytes;
      try {
        stream.write(text, (error) => {
          pending -= bytes;
          if (error) fail(error);
          else settle();
        });
      } catch (error) {
        fail(error as Error);
      }
    },
    ready: () => waitFor(bufferBytes),
    flush: () => waitFor(0),
    abort: fail,
  };
}

/**
 * Standing in for a stdout that was closed when aws-iam started (`>&-`): each write fails as a
 * write to a closed descriptor does, so the output is reported as failed (255), not lost silently.
 */
export function closedDescriptor(): Writable {
  const error = Object.assign(new Error('EBADF: bad file descriptor, write'), { code: 'EBADF', errno: -9, syscall: 'write' });
  return {
    write: (_chunk, callback) => {
      process.nextTick(callback, error);
      return false;
    },
    on: () => undefined,
  };
}
