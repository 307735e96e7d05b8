/**
 * Differential tests: the same command line against the same seeded IAM server, once through
 * the reference AWS CLI v2 and once through bin/aws-iam; stdout, stderr (with `aws-iam` where
 * the CLI names itself) and the exit code must be identical.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type Case, type TtySetup } from './corpus.js';
import { startMoto, type MotoServer } from '../server/moto.js';
import { findReferenceCli } from './reference-cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HOME = fileURLToPath(new URL('./home/', import.meta.url));
const reference = findReferenceCli();
const cases = loadCorpus();

if (!reference.path) {
  const banner = `\n*** DIFFERENTIAL SUITE SKIPPED: ${reference.reason} ***\n`;
  process.stderr.write(banner);
  if (process.env.CI === 'true') throw new Error(`CI=true and the differential suite cannot run: ${reference.reason}`);
}

interface Outcome {
  stdout: string;
  stderr: string;
  code: number;
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

function runProcess(file: string, args: string[], env: Record<string, string | null>, tty?: TtySetup): Promise<Outcome> {
  const fullEnv: Record<string, string> = {
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
  for (const [k, v] of Object.entries(env)) {
    if (v === null) delete fullEnv[k];
    // `$MOTO_URL` in a value is the server's address (for AWS_ENDPOINT_URL_STS and the like).
    else fullEnv[k] = v.replaceAll('$MOTO_URL', moto.url);
  }
  if (tty) return runOnTerminal(file, args, fullEnv, tty);
  return new Promise((resolve) => {
    execFile(file, args, { env: fullEnv, encoding: 'utf8', maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ stdout, stderr, code });
    });
  });
}

/** The reference's stderr with `aws-iam` where the CLI prints its own name. */
export const asAwsIam = (stderr: string): string =>
  stderr
    .replace(/^((?:\x1b\[0m)?)aws: \[ERROR\]:/gm, '$1aws-iam: [ERROR]:')
    .replace(/^usage: (aws|__main__\.py) /gm, 'usage: aws-iam ')
    .replace(/^ {2}aws (help|<command>)/gm, '  aws-iam $1');

let moto: MotoServer;
const endpointArgs = (c: Case) => (c.endpoint ? ['--endpoint-url', moto.url] : []);
const runReference = (c: Case, args: string[]) =>
  runProcess(reference.path!, [...(c.pager ? [] : ['--no-cli-pager']), ...endpointArgs(c), 'iam', ...args], c.env, c.tty);
const runMine = (c: Case, args: string[]) => runProcess(`${ROOT}bin/aws-iam`, [...endpointArgs(c), ...args], c.env, c.tty);

const nextTokenOf = (o: Outcome): string => JSON.parse(o.stdout).NextToken;

/** What aws-iam must print: the reference's output, with its own name where the CLI prints `aws`. */
const expected = (c: Case, ref: Outcome): Outcome => ({
  ...ref,
  // On a terminal, stderr is part of what the terminal showed.
  stdout: c.tty && c.tty.streams !== 'stdout' ? asAwsIam(ref.stdout) : ref.stdout,
  stderr: asAwsIam(ref.stderr),
});

describe.skipIf(!reference.path)(`aws-iam vs ${reference.reason}`, () => {
  beforeAll(async () => {
    moto = await startMoto();
  }, 90_000);
  afterAll(() => moto?.stop());

  describe.concurrent.each(cases)('$file:$line  $text', (c) => {
    it('matches stdout, stderr and exit code', async () => {
      if (c.resumeFrom) {
        const [refFirst, myFirst] = await Promise.all([runReference(c, c.resumeFrom), runMine(c, c.resumeFrom)]);
        const refToken = nextTokenOf(refFirst);
        expect(nextTokenOf(myFirst), 'NextToken bytes').toBe(refToken);
        const args = [...c.args, '--starting-token', refToken];
        const [ref, mine, refOnMine] = await Promise.all([
          runReference(c, args),
          runMine(c, args),
          runReference(c, [...c.args, '--starting-token', nextTokenOf(myFirst)]),
        ]);
        expect(mine).toEqual(expected(c, ref));
        expect(refOnMine.stdout, 'aws resumes a token aws-iam printed').toBe(ref.stdout);
        return;
      }
      const [ref, mine] = await Promise.all([runReference(c, c.args), runMine(c, c.args)]);
      if (!c.compareStderr) return void expect({ ...mine, stderr: '' }).toEqual({ ...ref, stderr: '' });
      expect(mine).toEqual(expected(c, ref));
    });
  });
});
