/**
 * `aws-iam audit mfa` (the built bin/aws-iam) against moto seeded with test/server/seed_audit.py:
 * the right findings through both sources in every output format and with --query, byte-equal
 * output from both sources, agreement with what the reference CLI lists, and the fallback and
 * throttling behaviour through a fault proxy in front of moto. The cases only read the seeded
 * account, so each group runs its cases side by side.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { awsIam, ROOT, runProgram, startFaultProxy, startMoto, type Running } from './servers.js';

const REFERENCE_CLI = process.env.AWS_IAM_REFERENCE_CLI ?? '/opt/awscli-v2.36.7/aws';

let moto: Running;
const endpoint = () => ['--endpoint-url', moto.url];

beforeAll(async () => {
  if (!existsSync(`${ROOT}dist/aws-iam.js`) && !existsSync(`${ROOT}dist/aws-iam.cjs`)) throw new Error('run `npm run build` first: the test runs bin/aws-iam');
  moto = await startMoto('audit');
});
afterAll(() => moto?.stop());

/** The seeded account's findings, as `Type UserName` (see seed_audit.py). */
const FINDINGS = [
  'RootWithoutMfa <root_account>',
  'ConsoleWithoutMfa bob',
  'ConsoleWithoutMfa frank',
  'ConsoleWithoutMfa Zoë',
  'UnassignedVirtualMfaDevice None',
  'UnassignedVirtualMfaDevice None',
  'UnassignedVirtualMfaDevice None',
];

/** Reads the findings back out of each format's output (key order there is the format's). */
const FINDINGS_IN: Record<string, (out: string) => string[]> = {
  json: (out) => JSON.parse(out).Findings.map((f: { Type: string; UserName: string | null }) => `${f.Type} ${f.UserName ?? 'None'}`),
  text: (out) =>
    out
      .split('\n')
      .filter((l) => l.startsWith('FINDINGS\t'))
      .map((l) => l.split('\t'))
      .map(([, , , type, user]) => `${type} ${user}`),
  table: (out) =>
    out
      .split('\n')
      .map((l) => l.split('|').map((c) => c.trim()).filter(Boolean))
      .filter((cells) => cells.length === 4 && /^(RootWithoutMfa|ConsoleWithoutMfa|ConsoleWithoutPhishingResistantMfa|UnassignedVirtualMfaDevice)$/.test(cells[2]))
      .map(([, , type, user]) => `${type} ${user}`),
  yaml: (out) => [...out.matchAll(/^ {2}Type: (\S+)\n {2}UserName: (.*)$/gm)].map(([, type, user]) => `${type} ${user === 'null' ? 'None' : user}`),
  'yaml-stream': (out) => [...out.matchAll(/^ {4}Type: (\S+)\n {4}UserName: (.*)$/gm)].map(([, type, user]) => `${type} ${user === 'null' ? 'None' : user}`),
};

describe.concurrent('the seeded account, each source, each format', () => {
  for (const format of Object.keys(FINDINGS_IN)) {
    for (const source of ['api', 'credential-report'] as const) {
      it(`${format}, ${source}`, async () => {
        const r = await awsIam(['audit', 'mfa', '--source', source, '--output', format, ...endpoint()]);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(FINDINGS_IN[format](r.stdout)).toEqual(FINDINGS);
        expect(r.stdout).toContain(source);
      });
    }
    it(`${format}: both sources print the same bytes (all but Source)`, async () => {
      const query = ['--query', '{Users: Users, Account: Account, Findings: Findings}'];
      const [api, report] = await Promise.all(
        (['api', 'credential-report'] as const).map((s) => awsIam(['audit', 'mfa', '--source', s, '--output', format, ...query, ...endpoint()])),
      );
      expect(report.stdout).toBe(api.stdout);
      expect(api.stdout.length).toBeGreaterThan(500);
    });
  }
});

describe.concurrent('each user, as the seed made them', () => {
  it('console access, MFA, device kinds and active keys', async () => {
    const r = await awsIam(['audit', 'mfa', ...endpoint(), '--query', 'Users[].[UserName, ConsoleAccess, MfaActive, MfaDevices[].Type, ActiveAccessKeys]']);
    expect(JSON.parse(r.stdout)).toEqual([
      ['alice', true, true, ['virtual'], 1],
      ['bob', true, false, [], 0],
      ['carol', false, false, [], 1],
      ['dave', true, true, ['virtual', 'virtual'], 0],
      ['erin', false, true, ['virtual'], 0],
      ['frank', true, false, [], 0],
      ['gina', true, true, ['fido'], 0],
      ['hank', true, true, ['hardware-totp'], 0],
      ['svc-ci', false, false, [], 2],
      ['Zoë', true, false, [], 0],
    ]);
  });

  it.skipIf(!existsSync(REFERENCE_CLI))('agrees with the reference CLI: users, their MFA devices, the unassigned devices', async () => {
    const aws = (args: string[]) => runProgram(REFERENCE_CLI, ['--no-cli-pager', 'iam', ...args, ...endpoint()]);
    const mine = JSON.parse((await awsIam(['audit', 'mfa', ...endpoint()])).stdout);
    // The reference's reads are independent of one another: all at once (each is mostly start-up).
    const [users, unassigned, ...devicesOf] = await Promise.all([
      aws(['list-users']).then((r) => JSON.parse(r.stdout).Users),
      aws(['list-virtual-mfa-devices', '--assignment-status', 'Unassigned', '--query', 'VirtualMFADevices[].SerialNumber']).then((r) => JSON.parse(r.stdout)),
      ...mine.Users.map((user: { UserName: string }) => aws(['list-mfa-devices', '--user-name', user.UserName]).then((r) => JSON.parse(r.stdout).MFADevices)),
    ]);
    expect(mine.Users.map((u: { UserName: string }) => u.UserName)).toEqual(users.map((u: { UserName: string }) => u.UserName));
    expect(mine.Users.map((u: { CreateDate: string }) => u.CreateDate)).toEqual(users.map((u: { CreateDate: string }) => u.CreateDate));
    mine.Users.forEach((user: { UserName: string; MfaDevices: { SerialNumber: string; EnableDate: string }[] }, i: number) => {
      expect(user.MfaDevices.map((d) => [d.SerialNumber, d.EnableDate]), user.UserName).toEqual(
        devicesOf[i].map((d: { SerialNumber: string; EnableDate: string }) => [d.SerialNumber, d.EnableDate]),
      );
    });
    expect(mine.Account.UnassignedVirtualMfaDevices).toEqual(unassigned);
  }, 240_000);
});

describe.concurrent('--query and --fail-on-findings', () => {
  const cases: { args: string[]; code: number; stdout: string }[] = [
    { args: ['--query', 'Users[?ConsoleAccess && !MfaActive].UserName', '--output', 'text'], code: 0, stdout: 'bob\tfrank\tZoë\n' },
    { args: ['--query', 'length(Findings)'], code: 0, stdout: '7\n' },
    { args: ['--query', 'Account.RootMfaActive', '--fail-on-findings'], code: 3, stdout: 'false\n' },
    { args: ['--query', "Users[?MfaDevices[?Type=='fido']].UserName", '--output', 'text'], code: 0, stdout: 'gina\n' },
    { args: ['--output', 'off', '--fail-on-findings'], code: 3, stdout: '' },
    {
      args: ['--require-mfa', 'phishing-resistant', '--query', "Findings[?Type=='ConsoleWithoutPhishingResistantMfa'].UserName", '--output', 'text'],
      code: 0,
      stdout: 'alice\tdave\thank\n',
    },
    { args: ['--query', 'Users[?PhishingResistantMfa].UserName', '--output', 'text'], code: 0, stdout: 'gina\n' },
    // The users with findings are confirmed through the API; the others stay on the report.
    { args: ['--source', 'credential-report', '--query', 'CredentialReport.UsersReadLive', '--output', 'text'], code: 0, stdout: 'bob\tfrank\tZoë\n' },
    { args: ['--source', 'credential-report', '--query', 'length(CredentialReport.UsersFromReport)'], code: 0, stdout: '7\n' },
    { args: ['--source', 'api', '--query', 'CredentialReport'], code: 0, stdout: 'null\n' },
    { args: ['--query', '[Account.RootManagement, Account.Organization, Account.RootCredentials.Password]'], code: 0, stdout: '[\n    "account-managed",\n    null,\n    false\n]\n' },
  ];
  for (const c of cases) {
    it(c.args.join(' '), async () => {
      const r = await awsIam(['audit', 'mfa', ...c.args, ...endpoint()]);
      expect([r.code, r.stdout, r.stderr]).toEqual([c.code, c.stdout, '']);
    });
  }
});

const SECOND_CLI = '/usr/bin/aws';

describe.skipIf(!existsSync(SECOND_CLI))('in an organization with centralized root access (seed audit-org)', () => {
  let org: Running;
  const at = () => ['--endpoint-url', org.url];
  beforeAll(async () => {
    org = await startMoto('audit-org');
  });
  afterAll(() => org?.stop());
  const second = async (args: string[]) => JSON.parse((await runProgram(SECOND_CLI, ['--no-cli-pager', ...args, ...at()])).stdout);

  it('management account alone: features read here, the root finding stays, with a note', async () => {
    const r = await awsIam(['audit', 'mfa', '--query', '[Account.RootManagement, Account.Organization.[RootCredentialsManagement, RootSessions, LearnedFrom], Findings[0].Type]', '--output', 'text', ...at()]);
    expect([r.code, r.stdout]).toEqual([0, 'unknown\tRootWithoutMfa\nTrue\tTrue\tthis-account\n']);
    expect(r.stderr).toMatch(/^note: root is judged as if the account managed it \(the organization o-\w+ manages member roots centrally, but this account is its management account or IAM's delegated administrator and cannot tell which\)\n$/);
  });

  it('member account alone: AccountNotManagementOrDelegatedAdministrator, the finding stays, with a note', async () => {
    const accounts = await second(['organizations', 'list-accounts']);
    const member = accounts.Accounts.find((a: { Name: string }) => a.Name === 'workload').Id;
    const role = ['sts', 'assume-role', '--role-arn', `arn:aws:iam::${member}:role/OrganizationAccountAccessRole`, '--role-session-name', 'aws-iam-audit'];
    const { Credentials: c } = await second(role);
    const env = { AWS_ACCESS_KEY_ID: c.AccessKeyId, AWS_SECRET_ACCESS_KEY: c.SecretAccessKey, AWS_SESSION_TOKEN: c.SessionToken };
    const r = await awsIam(['audit', 'mfa', '--query', '[Account.RootManagement, Findings[].Type]', '--output', 'text', ...at()], env);
    expect([r.code, r.stdout]).toEqual([0, 'unknown\nRootWithoutMfa\n']);
    expect(r.stderr).toMatch(/^note: root is judged as if the account managed it \(this is a member account, .*`aws-iam across --organization` from the management account can tell\)\n$/);
  });
});

describe.concurrent('through a proxy that injects IAM errors', () => {
  it('credential report denied: auto falls back to the API with a note; same findings', async () => {
    const proxy = await startFaultProxy(
      moto.url,
      (action) => (action === 'GenerateCredentialReport' ? { status: 403, code: 'AccessDenied', message: 'User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: iam:GenerateCredentialReport' } : undefined),
    );
    try {
      const r = await awsIam(['audit', 'mfa', '--endpoint-url', proxy.url]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(
        'note: the credential report is not available (AccessDenied: User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: iam:GenerateCredentialReport); reading each user through the API instead\n',
      );
      expect(FINDINGS_IN.json(r.stdout)).toEqual(FINDINGS);
      expect(JSON.parse(r.stdout).Source).toBe('api');
      const strict = await awsIam(['audit', 'mfa', '--source', 'credential-report', '--endpoint-url', proxy.url]);
      expect([strict.code, strict.stdout]).toEqual([255, '']);
      expect(strict.stderr).toMatch(/^\naws-iam: \[ERROR\]: Cannot read the credential report: AccessDenied/);
    } finally {
      proxy.stop();
    }
  });

  it('ListOrganizationsFeatures denied: the same findings, a note, never an error', async () => {
    const proxy = await startFaultProxy(
      moto.url,
      (action) => (action === 'ListOrganizationsFeatures' ? { status: 403, code: 'AccessDenied', message: 'not authorized to perform: iam:ListOrganizationsFeatures' } : undefined),
    );
    try {
      const r = await awsIam(['audit', 'mfa', '--endpoint-url', proxy.url]);
      expect(r.code).toBe(0);
      expect(FINDINGS_IN.json(r.stdout)).toEqual(FINDINGS);
      expect(JSON.parse(r.stdout).Account.RootManagement).toBe('unknown');
      expect(r.stderr).toBe(
        'note: root is judged as if the account managed it (ListOrganizationsFeatures failed: AccessDenied: not authorized to perform: iam:ListOrganizationsFeatures)\n',
      );
    } finally {
      proxy.stop();
    }
  });

  it('a burst of throttling is retried (adaptive mode) instead of failing the audit', async () => {
    // One request throttled three times in a row: all the attempts of the default mode. The
    // last user's: after a throttle the adaptive mode's rate limiter holds back every request
    // still to come, and the first user's would leave nearly the whole audit to wait (20 s).
    let n = 0;
    const proxy = await startFaultProxy(
      moto.url,
      (action, user) => (action === 'ListMFADevices' && user === 'Zoë' && n++ < 3 ? { status: 400, code: 'Throttling', message: 'Rate exceeded' } : undefined),
    );
    try {
      const r = await awsIam(['audit', 'mfa', '--source', 'api', '--endpoint-url', proxy.url]);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(FINDINGS_IN.json(r.stdout)).toEqual(FINDINGS);
      expect(proxy.faults).toHaveLength(3);
      // The same burst with the attempts of the default mode fails: the test can tell.
      n = 0;
      const fewer = await awsIam(['audit', 'mfa', '--source', 'api', '--endpoint-url', proxy.url], { AWS_MAX_ATTEMPTS: '3' });
      expect(fewer.code).toBe(254);
      expect(fewer.stderr).toMatch(/\(Throttling\) when calling the ListMFADevices operation/);
    } finally {
      proxy.stop();
    }
  });
});
