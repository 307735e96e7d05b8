/**
 * `aws-iam audit …` end to end through run(), with an injected Io and the scripted IAM: the
 * command line, exit codes, the sender's retry settings, what goes to stdout and stderr, and the
 * progress line's place among them on a terminal.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import type { Io } from '../../src/cli/io.js';
import type { Settings } from '../../src/config/settings.js';
import { fakeIam, virtualSerial, type FakeAccount } from './fake-iam.js';

const ACCOUNT: FakeAccount = {
  unassigned: [virtualSerial('spare')],
  users: [
    { name: 'alice', console: true, devices: [virtualSerial('alice')] },
    { name: 'bob', console: true },
  ],
};
const CLEAN: FakeAccount = { rootMfa: true, users: [{ name: 'alice', console: true, devices: [virtualSerial('alice')] }] };

interface Result {
  code: number;
  stdout: string;
  stderr: string;
  /** Every write in order, `1:` stdout, `2:` stderr. */
  writes: string[];
  settings?: Settings;
}

async function cli(args: string[], options: { account?: FakeAccount; env?: Record<string, string>; tty?: boolean } = {}): Promise<Result> {
  const result: Result = { code: -1, stdout: '', stderr: '', writes: [] };
  let clock = 0;
  const io: Io = {
    stdout: { write: (t) => void ((result.stdout += t), result.writes.push(`1:${t}`)) },
    stderr: { write: (t) => void ((result.stderr += t), result.writes.push(`2:${t}`)) },
    env: { AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y', AWS_DEFAULT_REGION: 'us-east-1', ...options.env },
    stdoutIsTTY: false,
    stderrIsTTY: options.tty ?? false,
    // Every look at the clock is 150 ms later: each progress update may redraw.
    now: () => (clock += 150),
    loadSharedFiles: async () => ({ configFile: {}, credentialsFile: {} }),
    createSender: (settings) => {
      result.settings = settings;
      return fakeIam(options.account ?? ACCOUNT).send;
    },
  };
  result.code = await run(args, io);
  return result;
}

describe('exit codes and streams', () => {
  const cases: { args: string[]; account?: FakeAccount; code: number; stdout?: RegExp; stderr?: RegExp }[] = [
    { args: ['audit', 'mfa'], code: 0, stdout: /^\{\n {4}"Users": \[\n/ },
    { args: ['audit', 'mfa', '--fail-on-findings'], code: 3, stdout: /"Findings": \[/ },
    { args: ['audit', 'mfa', '--fail-on-findings'], account: CLEAN, code: 0, stdout: /"Findings": \[\]/ },
    { args: ['--output', 'off', 'audit', 'mfa', '--fail-on-findings'], code: 3, stdout: /^$/ },
    { args: ['audit', 'mfa', '--query', 'Findings[].UserName', '--output', 'text'], code: 0, stdout: /^<root_account>\tbob\n$/ },
    { args: ['audit', 'mfa', '--query', "Users[?ConsoleAccess && !MfaActive].UserName", '--output', 'text'], code: 0, stdout: /^bob\n$/ },
    { args: ['audit', 'mfa', '--so', 'api', '--query', 'Source'], code: 0, stdout: /^"api"\n$/ },
    { args: ['audit', 'mfa', '--source=credential-report', '--query', 'Source'], code: 0, stdout: /^"credential-report"\n$/ },
    { args: ['audit', 'help'], code: 0, stdout: /^aws-iam audit\n/ },
    { args: ['audit', 'mfa', 'help'], code: 0, stdout: /--fail-on-findings\n\s+Exit with status 3/ },
    { args: ['audit'], code: 252, stderr: /the following arguments are required: subcommand/ },
    { args: ['audit', 'users'], code: 252, stderr: /argument subcommand: Found invalid choice 'users'/ },
    { args: ['audit', 'mfa', '--source', 'csv'], code: 252, stderr: /argument --source: Found invalid choice 'csv'/ },
    { args: ['audit', 'mfa', '--max-concurrency', '0'], code: 252, stderr: /--max-concurrency: must be between 1 and 256, not 0/ },
    { args: ['audit', 'mfa', '--max-concurrency', 'many'], code: 252, stderr: /invalid int value: 'many'/ },
    { args: ['audit', 'mfa', '--require-mfa', 'phishing-resistant', '--query', 'Findings[].Type', '--output', 'text'], code: 0, stdout: /^RootWithoutMfa\tConsoleWithoutPhishingResistantMfa\tConsoleWithoutMfa\tUnassignedVirtualMfaDevice\n$/ },
    { args: ['audit', 'mfa', '--req', 'any', '--query', 'length(Findings)'], code: 0, stdout: /^3\n$/ },
    { args: ['audit', 'mfa', '--require-mfa', 'strong'], code: 252, stderr: /argument --require-mfa: Found invalid choice 'strong'/ },
    // `--re` is still `--region` (global options win prefix matches anywhere on the line).
    { args: ['audit', 'mfa', '--re', 'eu-west-1', '--query', 'Source'], code: 0, stdout: /^"credential-report"\n$/ },
    { args: ['audit', 'mfa', '--verbose', 'extra'], code: 252, stderr: /Unknown options: --verbose, extra/ },
    // A global option's abbreviation keeps its meaning after the subcommand.
    { args: ['audit', 'mfa', '--pro', 'nowhere'], code: 255, stderr: /The config profile \(nowhere\) could not be found/ },
    { args: ['audit', 'mfa', '--query', 'Users[?'], code: 252, stderr: /Bad value for --query Users\[\?: Invalid jmespath expression/ },
    { args: ['audit', 'mfa'], account: { users: [], errors: { ListUsers: 'AccessDenied' } }, code: 254, stderr: /\(AccessDenied\) when calling the ListUsers operation/ },
  ];
  for (const c of cases) {
    it(`${c.args.join(' ')}${c.account ? ' (other account)' : ''} → ${c.code}`, async () => {
      const r = await cli(c.args, { account: c.account });
      expect(r.code, r.stderr).toBe(c.code);
      if (c.stdout) expect(r.stdout).toMatch(c.stdout);
      if (c.stderr) expect(r.stderr).toMatch(c.stderr);
      if (c.code === 0 || c.code === 3) expect(r.stderr).toBe('');
    });
  }
});

describe('the sender', () => {
  const cases: { env?: Record<string, string>; mode: string; attempts: number }[] = [
    { mode: 'adaptive', attempts: 10 },
    { env: { AWS_RETRY_MODE: 'standard' }, mode: 'adaptive', attempts: 10 },
    { env: { AWS_MAX_ATTEMPTS: '4' }, mode: 'adaptive', attempts: 4 },
  ];
  for (const c of cases) {
    it(`${JSON.stringify(c.env ?? {})}: ${c.mode}, ${c.attempts} attempts`, async () => {
      const r = await cli(['audit', 'mfa'], { env: c.env });
      expect([r.settings?.retryMode, r.settings?.maxAttempts]).toEqual([c.mode, c.attempts]);
    });
  }
});

describe('stderr', () => {
  it('a fallback is one note line, and the report says which source it used', async () => {
    const r = await cli(['audit', 'mfa', '--query', 'Source'], { account: { ...ACCOUNT, errors: { GenerateCredentialReport: 'AccessDenied' } } });
    expect(r.stderr).toBe('note: the credential report is not available (AccessDenied: scripted AccessDenied); reading each user through the API instead\n');
    expect(r.stdout).toBe('"api"\n');
  });

  it('on a terminal: progress drawn in place, erased before the report, never on stdout', async () => {
    const r = await cli(['audit', 'mfa', '--output', 'text'], { tty: true });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\r|\x1b/);
    const firstStdout = r.writes.findIndex((w) => w.startsWith('1:'));
    const progress = r.writes.slice(0, firstStdout);
    expect(progress).toEqual([
      '2:\raudit mfa, listing users: 0.1s\x1b[K',
      '2:\raudit mfa, listing users: 1 page, 2 items, 0.3s\x1b[K',
      '2:\raudit mfa, waiting for the credential report: 0.5s\x1b[K',
      '2:\raudit mfa, checking users: 0/2, 0.8s\x1b[K',
      '2:\raudit mfa, checking users: 1/2, 0.9s\x1b[K',
      '2:\raudit mfa, checking users: 2/2, 1.1s\x1b[K',
      '2:\r\x1b[K',
    ]);
    expect(r.writes.slice(firstStdout).every((w) => w.startsWith('1:'))).toBe(true);
  });

  it('on a terminal: progress erased before an error is printed', async () => {
    const r = await cli(['audit', 'mfa', '--source', 'api'], { tty: true, account: { ...ACCOUNT, errors: { 'ListAccessKeys:bob': 'ServiceFailure' } } });
    expect(r.code).toBe(254);
    const errorAt = r.writes.findIndex((w) => w.includes('[ERROR]'));
    expect(r.writes.slice(0, errorAt).at(-2)).toBe('2:\r\x1b[K');
    expect(r.stdout).toBe('');
  });

  const quiet: [string, { env?: Record<string, string>; args?: string[] }][] = [
    ['AWS_IAM_NO_PROGRESS=1', { env: { AWS_IAM_NO_PROGRESS: '1' } }],
    ['CI=true', { env: { CI: 'true' } }],
    ['--debug', { args: ['--debug'] }],
  ];
  for (const [name, c] of quiet) {
    it(`on a terminal with ${name}: no progress`, async () => {
      const r = await cli(['audit', 'mfa', ...(c.args ?? [])], { tty: true, env: c.env });
      expect(r.code).toBe(0);
      expect(r.stderr).not.toMatch(/\r|\x1b\[K/);
    });
  }
});
