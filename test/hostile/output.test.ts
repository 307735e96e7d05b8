/**
 * Output on a hostile machine, through the real binary against the scripted IAM of the fault
 * suite (ListUsers, one user a page, requests counted):
 * - a full disk (/dev/full) exits 255 with `[Errno 28] No space left on device` in every output
 *   format; the CLI does so for text only and exits 0 for the others (silent data loss);
 * - a pager that exits without reading stops the listing at once (the CLI fetches 1 page);
 * - a pager that reads nothing holds the listing back (backpressure) instead of buffering it;
 * - Ctrl-C while the pager runs is the pager's: aws-iam ignores it and waits for the pager.
 * Pager cases run under a pseudo-terminal (`script`), since a pager starts only on a terminal.
 */
import { spawn, spawnSync } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { findReferenceCli } from '../diff/reference-cli.js';
import { hasProgram } from '../support/has-program.js';
// @ts-expect-error: a plain ES module without types (it also runs alone with node)
import { startFaultServer } from '../faults/fault-server.mjs';
import { ISOLATED_ENV } from '../support/isolated-env.js';

const BIN = fileURLToPath(new URL('../../bin/aws-iam', import.meta.url));
const reference = findReferenceCli();

interface FaultServer {
  url: string;
  requests: Record<string, string>[];
  close(): Promise<void>;
}

const ENV = { ...ISOLATED_ENV };

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const listing = async (users: number, pageSize = 1): Promise<FaultServer> => (server = await startFaultServer({ steps: ['page'], users, pageSize }));

/** Runs `argv` with stdout on `stdoutPath` (opened for writing); stderr and exit code back. */
function runTo(program: string, argv: string[], stdoutPath: string, env: Record<string, string> = {}) {
  const fd = openSync(stdoutPath, 'w');
  return new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(program, argv, { env: { ...ENV, AWS_PAGER: '', ...env }, stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

const FULL = '\naws-iam: [ERROR]: [Errno 28] No space left on device\n';

describe('a full disk (/dev/full)', () => {
  it.each(['json', 'text', 'table', 'yaml', 'yaml-stream'])('--output %s: exit 255 and the CLI\'s error line', async (format) => {
    const { url } = await listing(5);
    const outcome = await runTo(BIN, ['list-users', '--endpoint-url', url, '--output', format], '/dev/full');
    expect(outcome).toEqual({ code: 255, stderr: FULL });
  });

  it('is the same line in every --cli-error-format (the CLI writes it plainly too)', async () => {
    const { url } = await listing(2);
    for (const errorFormat of ['json', 'yaml', 'text', 'table', 'legacy']) {
      const outcome = await runTo(BIN, ['list-users', '--endpoint-url', url, '--cli-error-format', errorFormat], '/dev/full');
      expect(outcome).toEqual({ code: 255, stderr: FULL });
    }
  });

  it('covers output that is not a listing (a skeleton)', async () => {
    expect(await runTo(BIN, ['list-users', '--generate-cli-skeleton'], '/dev/full')).toEqual({ code: 255, stderr: FULL });
  });

  it.runIf(reference.path)('is better than the reference, which exits 0 or 120 for json, and 120 or 255 for text', async () => {
    const { url } = await listing(2);
    const json = await runTo(reference.path!, ['iam', 'list-users', '--endpoint-url', url, '--output', 'json', '--no-cli-pager'], '/dev/full');
    expect([0, 120]).toContain(json.code);
    const text = await runTo(reference.path!, ['iam', 'list-users', '--endpoint-url', url, '--output', 'text', '--no-cli-pager'], '/dev/full');
    expect([120, 255]).toContain(text.code);
    expect(text.stderr).toContain('[Errno 28] No space left on device');
  });
});

const script = hasProgram('script');

/** Runs aws-iam under a pseudo-terminal with `pager`; resolves with the exit code it reported. */
function underTerminal(url: string, pager: string, format = 'text') {
  const command = `'${BIN}' list-users --endpoint-url ${url} --output ${format}; echo "exit=$?"`;
  return new Promise<{ output: string; code: number | undefined }>((resolve) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { env: { ...ENV, AWS_PAGER: pager, TERM: 'dumb' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.on('close', () => {
      const match = /exit=(\d+)/.exec(output);
      resolve({ output, code: match ? Number(match[1]) : undefined });
    });
  });
}

describe.runIf(script)('the pager', () => {
  it('that exits without reading stops the listing at once (300 pages: at most 3 fetched)', async () => {
    const iam = await listing(300);
    const { code } = await underTerminal(iam.url, 'true');
    expect(code).toBe(0);
    expect(iam.requests.length).toBeLessThanOrEqual(3);
  });

  it('that reads nothing for a while holds the listing back, then gets all of it', async () => {
    // 40 pages of 200 users, about 40 KB each: the socket to the pager (libuv's stdio pipes are
    // socket pairs, ~260 KB here) and aws-iam's 64 KB buffer hold under 10 of them.
    const iam = await listing(8000, 200);
    const run = underTerminal(iam.url, `sh -c 'sleep 4; wc -l'`, 'yaml-stream');
    let seen = -1;
    for (let i = 0; i < 12 && iam.requests.length !== seen; i++) {
      seen = iam.requests.length;
      await new Promise((r) => setTimeout(r, 600));
    }
    const held = iam.requests.length;
    const { output, code } = await run;
    expect(held).toBe(seen); // stable while the pager read nothing
    expect(held).toBeLessThan(15);
    expect(code).toBe(0);
    expect(iam.requests.length).toBe(40);
    expect(output).toMatch(/\b\d{5,}\b/); // every line reached the pager
  }, 30_000);

  it('keeps the Ctrl-C it receives while it runs from ending aws-iam (no orphan): the listing completes', async () => {
    const iam = await listing(50);
    const { output, code } = await underTerminal(iam.url, `sh -c 'kill -INT $PPID; sleep 0.3; wc -l'`);
    expect(code).toBe(0);
    expect(output).toMatch(/\b50\b/);
    expect(iam.requests.length).toBe(50);
  });
});

it('is a test of something: spawnSync of the binary works', () => {
  expect(spawnSync(BIN, ['--version'], { env: ENV }).status).toBe(0);
});
