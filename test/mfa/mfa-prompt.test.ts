/**
 * The MFA prompt on a real terminal: aws-iam runs in a tmux pane against moto's STS, the test
 * waits for `Enter MFA code for …: `, types a code (which must not be echoed), and checks the
 * listing; the next run must not prompt (the cache, 0600); Ctrl-C at the prompt exits 130.
 * Without tmux the suite says so loudly and skips, except under CI=true, where it fails.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startMotoInRange, type MotoServer } from './moto-server.js';
import { BIN, makeHome, MFA_SERIAL, type Home } from './fixture.js';
import { hasProgram } from '../support/has-program.js';
import { privateTmux, type Tmux } from '../support/tmux.js';

const hasTmux = hasProgram('tmux');

if (!hasTmux) {
  const banner = 'MFA PROMPT TERMINAL TEST SKIPPED: tmux is not installed (apt-get install tmux)';
  console.warn(`\n${'!'.repeat(banner.length)}\n${banner}\n${'!'.repeat(banner.length)}\n`);
  if (process.env.CI === 'true') throw new Error(`${banner}; CI must run it`);
}

const SESSION = 'mfa';
const PROMPT = `Enter MFA code for ${MFA_SERIAL}: `;
/** capture-pane drops trailing blanks. */
const PROMPT_ON_SCREEN = PROMPT.trimEnd();
/** The server of the pane that runs now: each run gets a new one. */
let tmux: Tmux = privateTmux('mfa');
const screen = () => tmux('capture-pane', '-p', '-t', SESSION);
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

async function waitFor(predicate: (text: string) => boolean, what: string, ms = 30_000): Promise<string> {
  const until = Date.now() + ms;
  let text = '';
  while (Date.now() < until) {
    text = screen();
    if (predicate(text)) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; the pane shows:\n${text}`);
}

/** Starts `aws-iam args` in a fresh pane; the pane prints EXIT=<code> when it ends. */
function startInPane(home: Home, args: readonly string[]) {
  tmux.stop();
  tmux = privateTmux('mfa');
  const env = Object.entries(home.env).map(([k, v]) => `${k}=${quote(v ?? '')}`).join(' ');
  const command = `env -i ${env} ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}; echo EXIT=$?; sleep 120`;
  tmux('new-session', '-d', '-s', SESSION, '-x', '200', '-y', '50', command);
}

describe.skipIf(!hasTmux)('the MFA prompt on a terminal (tmux)', () => {
  let moto: MotoServer;
  let home: Home;
  beforeAll(async () => {
    moto = await startMotoInRange();
    home = makeHome(moto.url);
  }, 90_000);
  afterEach(() => tmux.stop());
  afterAll(() => {
    moto?.stop();
    home?.remove();
  });

  const LIST = ['list-users', '--profile', 'mfa', '--output', 'text', '--query', 'Users[].UserName'];

  it('prompts, takes the code unechoed, lists; the next run uses the cache (0600) without a prompt', async () => {
    startInPane(home, LIST);
    await waitFor((t) => t.includes(PROMPT_ON_SCREEN), 'the MFA prompt');
    tmux('send-keys', '-t', SESSION, '654321', 'Enter');
    const first = await waitFor((t) => /EXIT=\d+/.test(t), 'the first run to end');
    expect(first).toMatch(/EXIT=0/);
    expect(first).toMatch(/^alice\s/m);
    expect(first).not.toContain('654321'); // typing is not echoed
    expect(first.split('\n')[0]).toBe(PROMPT_ON_SCREEN); // the prompt's line, ended by the newline after Enter

    const [file] = home.cacheFiles();
    expect(file).toBe('c08bbcd61d2960e17757c33319b79219a44dea4e.json');
    expect(statSync(join(home.cacheDir, file)).mode & 0o777).toBe(0o600);

    startInPane(home, LIST);
    const second = await waitFor((t) => /EXIT=\d+/.test(t), 'the second run to end');
    expect(second).toMatch(/EXIT=0/);
    expect(second).toMatch(/^alice\s/m);
    expect(second).not.toContain('Enter MFA code');
  }, 90_000);

  it('edits the line like a terminal (backspace) and refuses a code that ends up too short (252)', async () => {
    rmSync(home.cacheDir, { recursive: true, force: true });
    startInPane(home, LIST);
    await waitFor((t) => t.includes(PROMPT_ON_SCREEN), 'the MFA prompt');
    tmux('send-keys', '-t', SESSION, '1234', 'BSpace', 'BSpace', 'Enter');
    const text = await waitFor((t) => /EXIT=\d+/.test(t), 'the run to end');
    expect(text).toContain('Invalid length for parameter TokenCode, value: 2, valid min length: 6');
    expect(text).toMatch(/EXIT=252/);
  }, 60_000);

  it('exits 130 on Ctrl-C at the prompt, leaving nothing cached', async () => {
    rmSync(home.cacheDir, { recursive: true, force: true });
    startInPane(home, LIST);
    await waitFor((t) => t.includes(PROMPT_ON_SCREEN), 'the MFA prompt');
    tmux('send-keys', '-t', SESSION, '12', 'C-c');
    const text = await waitFor((t) => /EXIT=\d+/.test(t), 'the run to end');
    expect(text).toMatch(/EXIT=130/);
    expect(home.cacheFiles()).toEqual([]);
  }, 60_000);
});
