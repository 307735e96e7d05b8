/**
 * Runs one corpus case's command line as a spawned process: with the suite's environment, in a
 * pipe or on a pseudo-terminal of the given width (`script`). Both CLIs of the differential suite
 * run through here, and the drivers (driver-pool.ts) answer in the same shape.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TtySetup } from './corpus.js';
import type { Outcome } from './driver-pool.js';

export const HOME = fileURLToPath(new URL('./home/', import.meta.url));

/**
 * The suite's environment with a case's changes (null unsets); `$MOTO_URL` in a value is the
 * server's address (for AWS_ENDPOINT_URL_STS and the like).
 */
export function caseEnvironment(changes: Record<string, string | null>, motoUrl: string): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME,
    LANG: 'C.UTF-8',
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: `${HOME}config`,
    AWS_SHARED_CREDENTIALS_FILE: `${HOME}credentials`,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  };
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) delete env[k];
    else env[k] = v.replaceAll('$MOTO_URL', motoUrl);
  }
  return env;
}

const shellQuote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

/**
 * Runs the command on a pseudo-terminal of the given width (`script`), with the chosen streams
 * on it and the others redirected to files: `stdout` is then what the terminal showed (with
 * its CR LF line ends) and `stderr` what went to a file, if anything did.
 */
function runOnTerminal(file: string, args: string[], env: Record<string, string>, tty: TtySetup): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), 'aws-iam-tty-'));
  const redirect =
    tty.streams === 'stdout' ? ` 2>${dir}/redirected` : tty.streams === 'stderr' ? ` >${dir}/redirected` : '';
  const command = `stty cols ${tty.columns} rows 50; exec ${[file, ...args].map(shellQuote).join(' ')}${redirect}`;
  return new Promise((resolve) => {
    execFile('script', ['-qec', command, '/dev/null'], { env, encoding: 'utf8', maxBuffer: 64 << 20 }, (error, stdout) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      let redirected = '';
      try {
        redirected = readFileSync(`${dir}/redirected`, 'utf8');
      } catch {
        // nothing was redirected
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ stdout, stderr: redirected, code });
    });
  });
}

export function spawnCase(file: string, args: string[], env: Record<string, string>, tty?: TtySetup): Promise<Outcome> {
  if (tty) return runOnTerminal(file, args, env, tty);
  return new Promise((resolve) => {
    execFile(file, args, { env, encoding: 'utf8', maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ stdout, stderr, code });
    });
  });
}
