/**
 * Progress as a person sees it: `aws-iam audit mfa --output table` typed into a tmux pane (a
 * real terminal) against moto with 300 generated users. The pane's raw output is recorded
 * (pipe-pane), so the test sees the progress line being drawn and erased, then checks that the
 * terminal's history keeps only the table, and that pipes get no progress bytes at all.
 * Without tmux it skips with a banner; under CI=true a missing tmux is a failure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_ENV, ROOT, startMoto, type Running } from './servers.js';
import { hasProgram } from '../support/has-program.js';
import { privateTmux } from '../support/tmux.js';

const hasTmux = hasProgram('tmux');
const underCi = process.env.CI === 'true' || process.env.CI === '1';
if (!hasTmux) {
  const banner = '\n*** PROGRESS TTY TEST SKIPPED: tmux is not installed (apt-get install tmux) ***\n';
  if (underCi) throw new Error(banner);
  console.warn(banner);
}

const SESSION = 'audit';
const tmux = privateTmux('audit');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let moto: Running;
let dir: string;

/** Types a command line into the pane and waits for its `EXIT=n` marker in the recording. */
async function type(line: string, marker: string, recording: string, timeoutMs = 60_000): Promise<string> {
  tmux('send-keys', '-t', SESSION, `${line}; echo ${marker}=$?`, 'Enter');
  const deadline = Date.now() + timeoutMs;
  // The typed line has `echo MARKER=$?`; the output has `MARKER=<digits>` (after the table's ESC[0m on a terminal).
  const pattern = new RegExp(`${marker}=(\\d+)`);
  while (Date.now() < deadline) {
    const raw = existsSync(recording) ? readFileSync(recording, 'latin1') : '';
    if (pattern.test(raw)) return raw;
    await sleep(100);
  }
  const raw = existsSync(recording) ? readFileSync(recording, 'latin1') : '(nothing recorded)';
  throw new Error(`no ${marker} within ${timeoutMs} ms; the pane's last output:\n${JSON.stringify(raw.slice(-2000))}`);
}

describe.skipIf(!hasTmux)('progress on a terminal (tmux)', () => {
  beforeAll(async () => {
    moto = await startMoto('audit:300', 180_000);
    dir = mkdtempSync(join(tmpdir(), 'aws-iam-progress-'));
    const env = Object.entries({ ...BASE_ENV, TERM: 'xterm-256color' }).map(([k, v]) => `${k}=${v}`);
    // A clean shell in a 160x50 terminal, with CI and the opt-out unset (they turn progress off).
    // (history-limit applies to panes made after it is set, so it goes first.)
    tmux('-f', '/dev/null', 'start-server', ';', 'set-option', '-g', 'history-limit', '50000', ';',
      'new-session', '-d', '-s', SESSION, '-x', '160', '-y', '50', 'env', '-u', 'CI', '-u', 'AWS_IAM_NO_PROGRESS', ...env, 'bash', '--norc', '--noprofile');
    tmux('pipe-pane', '-t', SESSION, '-o', `cat >> ${join(dir, 'pane.raw')}`);
  }, 240_000);

  afterAll(() => {
    tmux.stop();
    moto?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('draws progress, erases it, and leaves only the table', async () => {
    const recording = join(dir, 'pane.raw');
    const raw = await type(`${ROOT}bin/aws-iam audit mfa --output table --endpoint-url ${moto.url}`, 'TTY_EXIT', recording, 20_000);
    const run = raw.slice(raw.lastIndexOf('audit mfa --output table'));
    expect(run).toMatch(/TTY_EXIT=0/);
    // Drawn in place: carriage return, the line, erase-to-end-of-line; with the user counts.
    const draws = [...run.matchAll(/\r(audit mfa, [^\r\n\x1b]*)\x1b\[K/g)].map((m) => m[1]);
    expect(draws.length).toBeGreaterThan(0);
    expect(draws.some((d) => /^audit mfa, (listing users: 1 page, 310 items|checking users: \d+\/310), \d+\.\ds$/.test(d))).toBe(true);
    // Erased before the table's first byte.
    const lastDraw = run.lastIndexOf('\raudit mfa, ');
    const erase = run.indexOf('\r\x1b[K', lastDraw + 1);
    const table = run.indexOf('AuditMfa');
    expect(erase).toBeGreaterThan(lastDraw);
    expect(table).toBeGreaterThan(erase);
    // What the terminal keeps: the table, and no trace of the progress line.
    const history = tmux('capture-pane', '-t', SESSION, '-p', '-S', '-', '-E', '-');
    expect(history).toMatch(/^\|\s+AuditMfa\s+\|$/m);
    expect(history).toMatch(/\|\s+user-0300\s+\|/);
    expect(history).not.toMatch(/audit mfa, (listing|checking|waiting)/);
  });

  it('a pipe gets no progress: stdout piped keeps it off stdout, stderr piped turns it off', async () => {
    const recording = join(dir, 'pane.raw');
    const stdoutFile = join(dir, 'stdout.txt');
    const bothFile = join(dir, 'both.txt');
    // Without CredentialReport, whose GeneratedTime differs between the two runs.
    const base = `${ROOT}bin/aws-iam audit mfa --output table --query '{Users: Users, Account: Account, Findings: Findings}' --endpoint-url ${moto.url}`;
    await type(`${base} | cat > ${stdoutFile}`, 'PIPE1_EXIT', recording);
    await type(`${base} 2>&1 | cat > ${bothFile}`, 'PIPE2_EXIT', recording);
    for (const file of [stdoutFile, bothFile]) {
      const captured = readFileSync(file, 'utf8');
      expect(captured).toMatch(/^-+\n\|\s+AuditMfa\s+\|\n/);
      expect(captured).not.toMatch(/\r|\x1b|audit mfa, /);
    }
    expect(readFileSync(bothFile, 'utf8')).toBe(readFileSync(stdoutFile, 'utf8'));
  });
});
