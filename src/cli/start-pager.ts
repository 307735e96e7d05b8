/** The real output pager: a child process whose stdin is our stdout and whose output is the terminal. */
import { createRequire } from 'node:module';
import type { Env } from '../config/settings.js';
import { CliError } from '../errors/cli-error.js';
import type { PagerProcess } from '../output/output-stream.js';

/** Python's OSError texts for the failures a user can cause with a pager setting. */
const ERRNO: Record<string, string> = {
  ENOENT: '[Errno 2] No such file or directory',
  EACCES: '[Errno 13] Permission denied',
};

// child_process (with dgram and net's socket list) is loaded only when a pager starts: main.ts
// imports this module on every run, and most runs write to a pipe or a file.
const childProcess = (): typeof import('node:child_process') => createRequire(import.meta.url)('node:child_process');

export function startPager(argv: readonly string[], env: Env): PagerProcess {
  const child = childProcess().spawn(argv[0], argv.slice(1), { stdio: ['pipe', 'inherit', 'inherit'], env: env as NodeJS.ProcessEnv });
  let failure: CliError | undefined;
  const exited = new Promise<void>((resolve) => {
    child.on('error', (error: NodeJS.ErrnoException) => {
      const reason = `${ERRNO[error.code ?? ''] ?? error.message}: '${argv[0]}'`;
      failure = new CliError(
        'pager',
        `Unable to redirect output to pager. Received the following error when opening pager:\n${reason}\n\n` +
          'Learn more about configuring the output pager by running "aws help config-vars".',
      );
      resolve();
    });
    child.on('close', () => resolve());
  });
  // The user may quit the pager before reading everything: that is not an error.
  child.stdin.on('error', () => {});
  return {
    write: (text) => void child.stdin.write(text),
    async end() {
      child.stdin.end();
      await exited;
      if (failure) throw failure;
    },
  };
}
