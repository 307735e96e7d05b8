/**
 * Where a command's result goes: stdout, or — when stdout is a terminal and a pager is
 * configured (`AWS_PAGER`, `cli_pager`, `PAGER`, else `less`; none with `--no-cli-pager`) —
 * the pager's stdin, as the AWS CLI does. The pager starts at the first write (no output, no
 * pager) and the command ends when the pager does. Errors still go to stderr directly.
 */
import type { Io } from '../cli/io.js';
import { shlexSplit } from '../cli/shlex.js';

export interface OutputStream {
  /** Whether writes go to a pager (which is not a colorama-wrapped stream: no per-write resets). */
  readonly viaPager: boolean;
  write(text: string): void;
  /** Resolves once stdout has taken what was written (long documents are written in pieces). */
  drained?(): Promise<void>;
  /** Ends the output: closes the pager's input and waits for it to exit. */
  finish(): Promise<void>;
}

/** A started pager: its stdin, and its end (rejects with the CLI's error if it cannot start). */
export interface PagerProcess {
  write(text: string): void;
  end(): Promise<void>;
}

export function openOutputStream(io: Io, pager: string | undefined): OutputStream {
  const argv = pager ? shlexSplit(pager) : [];
  if (!io.stdoutIsTTY || argv.length === 0 || !io.startPager) {
    return { viaPager: false, write: (text) => io.stdout.write(text), drained: () => io.stdout.drained?.() ?? Promise.resolve(), finish: async () => {} };
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
    finish: async () => process?.end(),
  };
}
