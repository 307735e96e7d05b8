/**
 * `aws-iam across` (the built bin/aws-iam) on moto seeded as an organization
 * (test/server/seed_org.py): each account's part equals what the reference CLI prints for that
 * account's profile; every format; failures (a credential_process that fails, a role that
 * cannot be assumed) with exit 4 and a working re-run line; bad flags refused before any
 * account is contacted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMoto, type MotoServer } from '../server/moto.js';
import { shlexSplit } from '../../src/cli/shlex.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REFERENCE_CLI = process.env.AWS_IAM_REFERENCE_CLI ?? '/opt/awscli-v2.36.7/aws';

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

let moto: MotoServer;
let home: string;
const ids: Record<string, string> = {};

/** Only this test's AWS settings: no keys from the outer environment. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')));
  return {
    ...clean,
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_ENDPOINT_URL: moto.url,
    AWS_IAM_NO_PROGRESS: '1',
    ...extra,
  };
}

function run(file: string, args: string[], extra: Record<string, string> = {}): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(file, args, { env: env(extra), encoding: 'utf8', maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}
const across = (args: string[], extra?: Record<string, string>) => run(`${ROOT}bin/aws-iam`, ['across', ...args], extra);
const aws = (args: string[]) => run(REFERENCE_CLI, ['--no-cli-pager', ...args]);

beforeAll(async () => {
  moto = await startMoto('org');
  home = mkdtempSync(join(tmpdir(), 'aws-iam-across-'));
  writeFileSync(join(home, 'credentials'), '[default]\naws_access_key_id = testing\naws_secret_access_key = testing\n');
  writeFileSync(join(home, 'config'), '[default]\nregion = us-east-1\n');
  // The reference CLI is built with IAM only: the packaged aws lists the organization.
  const listed = await run('/usr/bin/aws', ['--no-cli-pager', 'organizations', 'list-accounts', '--output', 'json', '--endpoint-url', moto.url]);
  for (const a of JSON.parse(listed.stdout).Accounts) ids[a.Name] = a.Id;
  const role = (name: string) => `[profile ${name}]\nregion = us-east-1\nrole_arn = arn:aws:iam::${ids[name]}:role/OrganizationAccountAccessRole\nsource_profile = default\n`;
  writeFileSync(
    join(home, 'config'),
    ['[default]\nregion = us-east-1\n', role('dev'), role('staging'), role('prod'), role('locked'), '[profile broken]\nregion = us-east-1\ncredential_process = /bin/false\n'].join(''),
  );
}, 90_000);
afterAll(() => moto?.stop());

type Item = Record<string, unknown>;
const withoutTags = ({ AccountId: _a, Profile: _p, ...rest }: Item) => rest;

describe('across on a moto organization', () => {
  it('each profile’s part equals `aws iam list-users --profile <it>`, in json and yaml', async () => {
    const merged = await across(['--profiles', 'dev,staging,default', 'list-users', '--output', 'json']);
    expect(merged.code, merged.stderr).toBe(0);
    const users: Item[] = JSON.parse(merged.stdout).Users;
    for (const profile of ['dev', 'staging', 'default']) {
      const own = await aws(['iam', 'list-users', '--profile', profile, '--output', 'json']);
      const part = users.filter((u) => u.Profile === profile);
      expect(part.map(withoutTags)).toEqual(JSON.parse(own.stdout).Users);
      expect(new Set(part.map((u) => u.AccountId))).toEqual(new Set([profile === 'default' ? '123456789012' : ids[profile]]));
    }
    const yaml = await across(['--profiles', 'dev,staging,default', 'list-users', '--output', 'yaml']);
    expect(yaml.stdout.match(/^- AccountId: '?\d{12}'?$/gm)?.length).toBe(users.length);
  });

  it('a user made through the assumed role is listed in that account only', async () => {
    const r = await across(['--organization', 'list-users', '--query', 'Users[].[AccountId,UserName]', '--output', 'text']);
    const rows = r.stdout.trim().split('\n').map((l) => l.split('\t'));
    expect(rows.filter(([, user]) => user === 'dev-alice')).toEqual([[ids.dev, 'dev-alice']]);
    expect(rows.filter(([account]) => account === '123456789012').map(([, u]) => u)).toEqual(['admin', 'auditor']);
  });

  it('--organization: the locked account fails (exit 4), the suspended one is a note, the others print', async () => {
    const r = await across(['--organization', 'list-account-aliases', '--output', 'json']);
    expect(r.code).toBe(4);
    const entries = JSON.parse(r.stdout).AccountAliases;
    expect(entries.map((e: Item) => [e.AccountId, e.AccountAliases])).toEqual([
      ['123456789012', ['acme-management']],
      [ids.dev, ['acme-dev']],
      [ids.staging, ['acme-staging']],
      [ids.prod, ['acme-prod']],
    ]);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`note: skipped 1 account(s) that are not active: ${ids.closed} (suspended, closed)`);
    expect(lines[1]).toMatch(new RegExp(`^account ${ids.locked}: An error occurred \\(AccessDenied\\) when calling the AssumeRole operation: `));
    expect(lines.slice(2)).toEqual(['1 of 5 accounts failed. To re-run only those:', `  aws-iam across --accounts ${ids.locked} --organization list-account-aliases --output json`]);
  });

  it('--profiles: a failing credential_process and an unassumable role are named; the re-run line runs just them', async () => {
    const r = await across(['--profiles', 'dev*,broken,locked', 'list-users', '--query', 'Users[].UserName', '--output', 'text']);
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('dev-alice\tdev-bob\n');
    const lines = r.stderr.trimEnd().split('\n');
    // The CLI's own text for a credential_process that fails (aws iam list-users --profile broken).
    expect(lines[0]).toBe('profile broken: Error when retrieving credentials from custom-process: ');
    expect(lines[1]).toMatch(/^profile locked: An error occurred \(AccessDenied\) when calling the AssumeRole operation: /);
    const rerun = lines.at(-1)!.trim();
    expect(rerun).toBe(`aws-iam across --profiles broken,locked list-users --query 'Users[].UserName' --output text`);
    const again = await across(shlexSplit(rerun).slice(2));
    expect(again.code).toBe(4);
    expect(again.stderr.split('\n').slice(0, 2)).toEqual(lines.slice(0, 2));
  });

  it.each(['json', 'yaml', 'yaml-stream', 'text', 'table', 'off', 'jsonl', 'csv'])('--output %s: every account, exit 0', async (format) => {
    const r = await across(['--organization', '--accounts', `${ids.dev},${ids.prod}`, 'list-users', '--output', format]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`note: skipped 1 account(s) that are not active: ${ids.closed} (suspended, closed)\n`);
    if (format !== 'off') for (const user of ['dev-alice', 'dev-bob', 'prod-alice', 'prod-bob']) expect(r.stdout).toContain(user);
    if (format === 'table') expect(r.stdout).toMatch(/\|\s+AccountId\s+\|/);
    if (format === 'csv') expect(r.stdout.split('\n')[0]).toMatch(/^AccountId,Path,UserName,/);
    // Streamed formats write each account's pages as they arrive: accounts in any order.
    if (format === 'jsonl') expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).AccountId).sort()).toEqual([ids.dev, ids.dev, ids.prod, ids.prod].sort());
  });

  it('--max-items applies per account; the NextTokens say which account they resume', async () => {
    const accounts = `${ids.dev},${ids.staging}`;
    const json = await across(['--organization', '--accounts', accounts, 'list-virtual-mfa-devices', '--max-items', '1', '--output', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(doc.VirtualMFADevices.map((d: Item) => d.AccountId)).toEqual([ids.dev, ids.staging]);
    const own = await aws(['iam', 'list-virtual-mfa-devices', '--profile', 'dev', '--max-items', '1', '--output', 'json']);
    expect(doc.NextTokens ?? []).toEqual(JSON.parse(own.stdout).NextToken ? [{ AccountId: ids.dev, NextToken: JSON.parse(own.stdout).NextToken }, expect.anything()] : []);
  });

  it('audit mfa: one audit per account, findings carrying their account, --fail-on-findings over all (exit 3)', async () => {
    const r = await across(['--organization', '--accounts', `${ids.dev},${ids.prod}`, 'audit', 'mfa', '--fail-on-findings', '--output', 'json']);
    expect(r.code, r.stderr).toBe(3);
    const doc = JSON.parse(r.stdout);
    expect(doc.Accounts.map((a: Item) => a.AccountId)).toEqual([ids.dev, ids.prod]);
    const console = doc.Findings.filter((f: Item) => f.Type === 'ConsoleWithoutMfa').map((f: Item) => [f.AccountId, f.UserName]);
    expect(console).toEqual([[ids.dev, 'dev-alice'], [ids.prod, 'prod-alice']]);
    const withLocked = await across(['--organization', '--accounts', `${ids.dev},${ids.locked}`, 'audit', 'mfa', '--fail-on-findings', '--output', 'json']);
    expect(withLocked.code).toBe(4);
    expect(JSON.parse(withLocked.stdout).Accounts.map((a: Item) => a.AccountId)).toEqual([ids.dev]);
  });

  it('a bad flag of the command: the same error and exit code as a plain call, before any account is contacted', async () => {
    const nowhere = { AWS_ENDPOINT_URL: 'http://127.0.0.1:9' };
    for (const line of [['list-users', '--bogus'], ['list-users', '--max-items', 'x'], ['list-mfa-devices', '--user-name'], ['list-user'], ['list-attached-role-policies']]) {
      const plain = await run(`${ROOT}bin/aws-iam`, line, nowhere);
      const r = await across(['--organization', ...line], nowhere);
      expect([r.code, r.stderr]).toEqual([plain.code, plain.stderr]);
      expect(r.code).toBe(252);
    }
  });
});
