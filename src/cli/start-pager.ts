/** The real output pager: a child process whose stdin is our stdout and whose output is the terminal. */
import { createRequire } from 'node:module';
import type { Env } from '../config/settings.js';
import { CliError } from '../errors/cli-error.js';
import type { PagerProcess } from '../output/output-stream.js';
import { streamSink } from '../output/stream-sink.js';
import { pythonOsError } from '../errors/os-error.js';

/** Pagers running now: while one has the terminal, Ctrl-C is the pager's (main.ts ignores it). */
let running = 0;
export const pagerRunning = (): boolean => running > 0;

// child_process (with dgram and net's socket list) is loaded only when a pager starts: main.ts
// imports this module on every run, and most runs write to a pipe or a file.
const childProcess = (): typeof import('node:child_process') => createRequire(import.meta.url)('node:child_process');

export function startPager(argv: readonly string[], env: Env): PagerProcess {
  const child = childProcess().spawn(argv[0], argv.slice(1), { stdio: ['pipe', 'inherit', 'inherit'], env: env as NodeJS.ProcessEnv });
  let failure: CliError | undefined;
  const exited = new Promise<void>((resolve) => {
    child.on('error', (error: NodeJS.ErrnoException) => {
      const reason = `${pythonOsError(error)}: '${argv[0]}'`;
      failure = new CliError(
        'pager',
        `Unable to redirect output to pager. Received the following error when opening pager:\n${reason}\n\n` +
          'Learn more about configuring the output pager by running "aws help config-vars".',
      );
      resolve();
    });
    child.on('close', () => resolve());
  });
  running++;
  void exited.then(() => running--);
  // The user may quit the pager before reading everything: that is not an error, but nothing
  // more is fetched (the sink fails with EPIPE, or at once when the pager exits).
  const sink = streamSink(child.stdin);
  child.on('exit', () => sink.abort(new Error('the pager exited')));
  void exited.then(() => sink.abort(failure ?? new Error('the pager exited')));
  return {
    write: (text) => sink.write(text),
    ready: () => sink.ready(),
    async end() {
      child.stdin.end();
      await exited;
      if (failure) throw failure;
    },
  };
}
