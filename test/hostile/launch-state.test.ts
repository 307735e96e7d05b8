/**
 * What Node resets at start-up, seen through bin/aws-iam's shell header (src/cli/launch-state.ts):
 * a SIGINT ignored by the parent (`cmd &` in a script) and a stdout closed by it (`cmd >&-`).
 * Each case runs both CLIs under the same `sh -c` against one slow loopback IAM.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findReferenceCli } from '../diff/reference-cli.js';
import { ISOLATED_ENV } from '../support/isolated-env.js';

const BIN = fileURLToPath(new URL('../../bin/aws-iam', import.meta.url));
const reference = findReferenceCli();
if (!reference.path) {
  process.stderr.write(`\n*** LAUNCH-STATE SUITE SKIPPED: ${reference.reason} ***\n`);
  if (process.env.CI === 'true') throw new Error(`CI=true and the launch-state suite cannot run: ${reference.reason}`);
}

/** One user; a command to be interrupted gets it after a pause long enough to do so while it waits. */
const LIST_USERS =
  '<ListUsersResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListUsersResult><IsTruncated>false</IsTruncated>' +
  '<Users><member><Path>/</Path><UserName>zoe</UserName><UserId>AIDAZOE</UserId><Arn>arn:aws:iam::123456789012:user/zoe</Arn>' +
  '<CreateDate>2026-01-02T03:04:05Z</CreateDate></member></Users></ListUsersResult>' +
  '<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></ListUsersResponse>';
const PAUSE_MS = 1_500;

/**
 * A loopback IAM of its own for each command, so that an interrupt follows that command's
 * request; it answers after `pauseMs`.
 */
async function loopbackIam(pauseMs: number): Promise<{ url: string; requested: Promise<void>; close(): void }> {
  let notify = () => {};
  const requested = new Promise<void>((resolve) => (notify = resolve));
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      notify();
      setTimeout(() => {
        const body = Buffer.from(LIST_USERS);
        response.writeHead(200, { 'content-type': 'text/xml', 'content-length': body.length });
        response.end(body);
      }, pauseMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, requested, close: () => server.close() };
}

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

interface Launch {
  /** `trap '' INT` in the parent shell, as `cmd &` in a script has it. */
  ignoreSigint?: boolean;
  /** `>&-` on the command. */
  closeStdout?: boolean;
  /** SIGINT once the request reached the server. */
  interrupt?: boolean;
  env?: Record<string, string>;
}

/** The command through `sh -c`, exec-ed so that the signal reaches the CLI itself. */
async function launch(program: string[], args: string[], how: Launch): Promise<Outcome> {
  const iam = await loopbackIam(how.interrupt ? PAUSE_MS : 0);
  const command = [...program, ...args, '--endpoint-url', iam.url];
  const script = `${how.ignoreSigint ? "trap '' INT; " : ''}exec "$@"${how.closeStdout ? ' >&-' : ''}`;
  return new Promise<Outcome>((resolve) => {
    const child = spawn('sh', ['-c', script, 'sh', ...command], {
      env: { ...ISOLATED_ENV, AWS_PAGER: '', ...how.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (how.interrupt) void iam.requested.then(() => setTimeout(() => child.kill('SIGINT'), 300));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  }).finally(iam.close);
}

const both = (args: string[], how: Launch) =>
  Promise.all([launch([reference.path!, '--no-cli-pager', 'iam'], args, how), launch([BIN], args, how)]);
const asAwsIam = (text: string) => text.replace(/^aws: /gm, 'aws-iam: ');

describe.skipIf(!reference.path).concurrent('launched by a parent that ignores SIGINT or closed stdout', () => {
  it.each([
    ['json', ['list-users']],
    ['text', ['list-users', '--output', 'text']],
    ['table', ['list-users', '--output', 'table']],
    ['yaml-stream', ['list-users', '--output', 'yaml-stream']],
  ])('stdout closed, %s: exit 255 as the CLI, with the errno line where the CLI prints a Python AttributeError', async (_format, args) => {
    const [ref, mine] = await both(args, { closeStdout: true });
    expect(ref.code).toBe(255);
    expect(ref.stderr).toMatch(/^\naws: \[ERROR\]: 'NoneType' object has no attribute '(flush|write)'\n$/);
    expect(mine).toEqual({ code: 255, signal: null, stdout: '', stderr: '\naws-iam: [ERROR]: [Errno 9] Bad file descriptor\n' });
  });

  it('stdout closed, nothing to print (--output off): exit 0 as the CLI', async () => {
    const [ref, mine] = await both(['list-users', '--output', 'off'], { closeStdout: true });
    expect(mine).toEqual(ref);
    expect(mine.code).toBe(0);
  });

  it('SIGINT while the request waits: both end with 130 and a newline on stdout', async () => {
    const [ref, mine] = await both(['list-users', '--output', 'text'], { interrupt: true });
    expect(ref).toEqual({ code: 130, signal: null, stdout: '\n', stderr: '' });
    expect(mine).toEqual(ref);
  });

  it('SIGINT ignored by the parent: the interrupt changes nothing, the listing completes', async () => {
    const [ref, mine] = await both(['list-users', '--output', 'text'], { ignoreSigint: true, interrupt: true });
    expect(ref.code).toBe(0);
    expect(ref.stdout).toContain('zoe');
    expect({ ...mine, stderr: asAwsIam(mine.stderr) }).toEqual({ ...ref, stderr: asAwsIam(ref.stderr) });
  });

  it('the state is not passed on: a credential_process sees no AWS_IAM_LAUNCH_STATE', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aws-iam-launch-'));
    try {
      const seen = join(dir, 'seen');
      const process = join(dir, 'process.sh');
      writeFileSync(
        process,
        `#!/bin/sh\nprintf '%s' "\${AWS_IAM_LAUNCH_STATE-unset}" > '${seen}'\necho '{"Version": 1, "AccessKeyId": "a", "SecretAccessKey": "s"}'\n`,
        { mode: 0o755 },
      );
      writeFileSync(join(dir, 'config'), `[default]\ncredential_process = ${process}\n`);
      const env = { AWS_CONFIG_FILE: join(dir, 'config'), AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' };
      const mine = await launch([BIN], ['list-users', '--output', 'text'], { ignoreSigint: true, env });
      expect(mine.code).toBe(0);
      expect(readFileSync(seen, 'utf8')).toBe('unset');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('run through a symlink (as a package manager links bin/aws-iam), the header finds the program', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aws-iam-link-'));
    try {
      symlinkSync(BIN, join(dir, 'aws-iam'));
      const mine = await launch([join(dir, 'aws-iam')], ['list-users', '--output', 'text'], {});
      expect(mine.code).toBe(0);
      expect(mine.stdout).toContain('zoe');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
