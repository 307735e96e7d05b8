/**
 * Where a command's result goes: stdout, or — when stdout is a terminal and a pager is
 * configured (`AWS_PAGER`, `cli_pager`, `PAGER`, else `less`; none with `--no-cli-pager`) —
 * the pager's stdin, as the AWS CLI does. The pager starts at the first write (no output, no
 * pager) and the command ends when the pager does. Errors still go to stderr directly.
 *
 * Every writer gets backpressure and write failures from here: `ready()` after a page waits
 * while the reader (terminal, file, pipe, pager) is behind, so a listing fetches no more than
 * it consumes; a failed write (disk full, EIO) becomes the CLI's `[Errno N] …` error (exit
 * 255) in every output format; a pager that is gone ends the listing at once (OutputClosed).
 */
import type { Io } from '../cli/io.js';
import { shlexSplit } from '../cli/shlex.js';
import { CliError } from '../errors/cli-error.js';
import { pythonOsError } from '../errors/os-error.js';

export interface OutputStream {
  /** Whether writes go to a pager (which is not a colorama-wrapped stream: no per-write resets). */
  readonly viaPager: boolean;
  write(text: string): void;
  /** Waits while the reader is more than a small buffer behind; throws if output failed. */
  ready(): Promise<void>;
  /** Ends the output: flushes it (or closes the pager's input and waits for it to exit). */
  finish(): Promise<void>;
}

/** A started pager: its stdin, and its end (rejects with the CLI's error if it cannot start). */
export interface PagerProcess {
  write(text: string): void;
  /** Waits while the pager is behind; rejects once it is gone. */
  ready?(): Promise<void>;
  end(): Promise<void>;
}

/** The reader is gone (the user quit the pager): nothing more is fetched, and that is no error. */
export class OutputClosed extends Error {}

/** A failed write to stdout, as the CLI reports it. */
const writeFailure = (error: unknown) => new CliError('general', pythonOsError(error));

export function openOutputStream(io: Io, pager: string | undefined): OutputStream {
  const argv = pager ? shlexSplit(pager) : [];
  if (!io.stdoutIsTTY || argv.length === 0 || !io.startPager) {
    return {
      viaPager: false,
      write: (text) => io.stdout.write(text),
      ready: async () => io.stdout.ready?.().catch((error) => Promise.reject(writeFailure(error))),
      finish: async () => io.stdout.flush?.().catch((error) => Promise.reject(writeFailure(error))),
    };
  }
  const startPager = io.startPager;
  let process: PagerProcess | undefined;
  return {
    viaPager: true,
    write(text) {
      // `less` reads FRX from LESS unless the user set LESS: quit if one screen, raw colours, no init.
      process ??= startPager(argv, { ...io.env, LESS: io.env.LESS ?? 'FRX' });
      process.write(text);
    },
    // A pager that could not start is reported by finish(), with the CLI's error.
    ready: async () => process?.ready?.().catch((error) => Promise.reject(error instanceof CliError ? error : new OutputClosed('the pager has exited'))),
    finish: async () => process?.end(),
  };
}
