/**
 * The report builder over a scripted IAM (fake-iam.ts): each case is an account and what the
 * audit must say about it, through each source; then the requests each source makes, the
 * credential report's waiting, the fallbacks and the concurrency bound.
 */
import { describe, expect, it } from 'vitest';
import { auditAccount, type AuditDeps, type AuditOptions, type SourceChoice } from '../../src/extensions/audit/audit.js';
import { createIamReader } from '../../src/extensions/audit/iam-reader.js';
import { limitConcurrency } from '../../src/extensions/audit/limit.js';
import { deviceType } from '../../src/extensions/audit/device-kind.js';
import type { MfaReport } from '../../src/extensions/audit/report.js';
import { parseCsv } from '../../src/extensions/audit/csv.js';
import { CliError } from '../../src/errors/cli-error.js';
import { IAM_COMMANDS } from '../../src/sdk/commands.js';
import type { Progress } from '../../src/progress/progress.js';
import { ACCOUNT, fakeIam, virtualSerial, type FakeAccount, type FakeUser } from './fake-iam.js';
import { learnOrganizationContext, type OrganizationContext } from '../../src/extensions/audit/organization.js';

const FIDO = `arn:aws:iam::${ACCOUNT}:u2f/user/gina/yubikey-7KQ2XWZL`;
const HARDWARE = 'GAHT12345678';

/** A recording progress: the events, as text. */
function recordingProgress(): Progress & { events: string[] } {
  const events: string[] = [];
  return {
    events,
    page: (n) => void events.push(`page ${n}`),
    stage: (label, total) => void events.push(`stage ${label}${total === undefined ? '' : ` /${total}`}`),
    advance: (n = 1) => void events.push(`advance ${n}`),
    clear: () => void events.push('clear'),
  };
}

interface Run {
  report?: MfaReport;
  error?: unknown;
  notes: string[];
  sleeps: number[];
  calls: string[];
  maxInFlight: number;
  progress: string[];
}

async function audit(account: FakeAccount, choice: SourceChoice, options: { concurrency?: number; timeoutMs?: number } & Omit<AuditOptions, 'source'> = {}): Promise<Run> {
  const iam = fakeIam(account);
  const notes: string[] = [];
  const sleeps: number[] = [];
  let clock = 0;
  const progress = recordingProgress();
  const concurrency = options.concurrency ?? 4;
  const deps: AuditDeps = {
    iam: createIamReader(limitConcurrency(concurrency, iam.send), 'iso8601'),
    progress,
    note: (m) => void notes.push(m),
    concurrency,
    wait: {
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
      now: () => clock,
      timeoutMs: options.timeoutMs ?? 120_000,
    },
  };
  const run: Run = { notes, sleeps, calls: iam.calls, maxInFlight: 0, progress: progress.events };
  try {
    run.report = await auditAccount(deps, { source: choice, requireMfa: options.requireMfa, accountId: options.accountId, organization: options.organization });
  } catch (error) {
    run.error = error;
  }
  run.maxInFlight = iam.maxInFlight();
  return run;
}

/** The report without Source and CredentialReport, which say where facts came from (and so differ by source). */
const content = (report: MfaReport | undefined) => {
  const { Source: _source, CredentialReport: _provenance, ...rest } = report!;
  return rest;
};

const MIXED: FakeAccount = {
  rootMfa: true,
  unassigned: [virtualSerial('spare-1'), virtualSerial('frank-old')],
  users: [
    { name: 'alice', console: true, devices: [virtualSerial('alice')], keys: ['Active'], passwordLastUsed: '2026-03-01T10:00:00Z' },
    { name: 'bob', console: true },
    { name: 'carol', keys: ['Active', 'Inactive'] },
    { name: 'dave', console: true, devices: [virtualSerial('dave-1'), virtualSerial('dave-2')] },
    { name: 'erin', devices: [virtualSerial('erin')] },
    { name: 'gina', console: true, devices: [FIDO] },
    { name: 'hank', console: true, devices: [HARDWARE] },
    { name: 'svc,ci', keys: ['Active', 'Active'] },
    { name: 'Zoë', console: true, keys: ['Inactive'] },
  ],
};

describe('what the audit reports, through each source', () => {
  const cases: { name: string; account: FakeAccount; findings: string[]; users?: Record<string, [boolean, boolean, number, string[]]> }[] = [
    {
      name: 'a mixed account',
      account: MIXED,
      findings: ['ConsoleWithoutMfa bob', 'ConsoleWithoutMfa Zoë', 'UnassignedVirtualMfaDevice null', 'UnassignedVirtualMfaDevice null'],
      // ConsoleAccess, MfaActive, ActiveAccessKeys, device types
      users: {
        alice: [true, true, 1, ['virtual']],
        bob: [true, false, 0, []],
        carol: [false, false, 1, []],
        dave: [true, true, 0, ['virtual', 'virtual']],
        erin: [false, true, 0, ['virtual']],
        gina: [true, true, 0, ['fido']],
        hank: [true, true, 0, ['hardware-totp']],
        'svc,ci': [false, false, 2, []],
        Zoë: [true, false, 0, []],
      },
    },
    { name: 'an empty account with root unprotected', account: { users: [] }, findings: ['RootWithoutMfa <root_account>'] },
    { name: 'everyone protected', account: { rootMfa: true, users: [{ name: 'a', console: true, devices: [virtualSerial('a')] }] }, findings: [] },
    { name: 'no console, no MFA is no finding', account: { rootMfa: true, users: [{ name: 'robot', keys: ['Active'] }] }, findings: [] },
    {
      name: 'many pages of users',
      account: { rootMfa: true, usersPerPage: 2, users: ['u1', 'u2', 'u3', 'u4', 'u5'].map((name, i) => ({ name, console: i % 2 === 0 })) },
      findings: ['ConsoleWithoutMfa u1', 'ConsoleWithoutMfa u3', 'ConsoleWithoutMfa u5'],
    },
  ];
  for (const c of cases) {
    for (const source of ['api', 'credential-report'] as const) {
      it(`${c.name} (${source})`, async () => {
        const run = await audit(c.account, source);
        expect(run.error).toBeUndefined();
        const report = run.report!;
        expect(report.Source).toBe(source);
        expect(report.Findings.map((f) => `${f.Type} ${f.UserName}`)).toEqual(c.findings);
        expect(report.Users.map((u) => u.UserName)).toEqual(c.account.users.map((u) => u.name));
        for (const [name, [consoleAccess, mfa, keys, types]] of Object.entries(c.users ?? {})) {
          const user = report.Users.find((u) => u.UserName === name)!;
          expect([user.ConsoleAccess, user.MfaActive, user.ActiveAccessKeys, user.MfaDevices.map((d) => d.Type)], name).toEqual([consoleAccess, mfa, keys, types]);
        }
      });
    }
    it(`${c.name}: both sources give the same document`, async () => {
      const [api, fromReport] = await Promise.all([audit(c.account, 'api'), audit(c.account, 'credential-report')]);
      expect(content(fromReport.report)).toEqual(content(api.report));
    });
  }

  it('fills each user from ListUsers and ListMFADevices, timestamps as the CLI prints them', async () => {
    const { report } = await audit(MIXED, 'credential-report');
    expect(report!.Users[0]).toEqual({
      UserName: 'alice',
      UserId: 'AIDAALICE',
      Arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
      CreateDate: '2026-01-02T03:04:05+00:00',
      ConsoleAccess: true,
      PasswordLastUsed: '2026-03-01T10:00:00+00:00',
      MfaActive: true,
      PhishingResistantMfa: false,
      MfaDevices: [{ SerialNumber: virtualSerial('alice'), Type: 'virtual', EnableDate: '2026-02-03T04:05:06+00:00' }],
      ActiveAccessKeys: 1,
    });
    expect(report!.Users[1].PasswordLastUsed).toBeNull();
    expect(report!.Account).toEqual({
      AccountId: ACCOUNT,
      RootMfaActive: true,
      RootCredentials: { Password: false, AccessKeys: false, SigningCertificates: false },
      RootManagement: 'account-managed',
      RootManagementReason: 'The account is not in an organization',
      Organization: null,
      UnassignedVirtualMfaDevices: [virtualSerial('spare-1'), virtualSerial('frank-old')],
    });
    expect(report!.Findings[2]).toEqual({
      AccountId: ACCOUNT,
      Type: 'UnassignedVirtualMfaDevice',
      UserName: null,
      Reason: `Virtual MFA device ${virtualSerial('spare-1')} is not assigned to any user.`,
    });
  });
});

describe('the requests each source makes', () => {
  const perUser = (calls: string[]) => calls.filter((c) => c.includes(':')).sort();
  it('api: three per user', async () => {
    const run = await audit({ users: [{ name: 'a', console: true }, { name: 'b', devices: [virtualSerial('b')] }] }, 'api');
    expect(perUser(run.calls)).toEqual(['GetLoginProfile:a', 'GetLoginProfile:b', 'ListAccessKeys:a', 'ListAccessKeys:b', 'ListMFADevices:a', 'ListMFADevices:b']);
    expect(run.calls).not.toContain('GenerateCredentialReport');
  });
  it('credential report: ListMFADevices only for users whose row says MFA is active', async () => {
    const run = await audit({ users: [{ name: 'a' }, { name: 'b', devices: [virtualSerial('b')] }] }, 'credential-report');
    expect(perUser(run.calls)).toEqual(['ListMFADevices:b']);
    expect(run.calls.filter((c) => !c.includes(':')).sort()).toEqual(['GenerateCredentialReport', 'GetAccountSummary', 'GetCredentialReport', 'ListOrganizationsFeatures', 'ListUsers', 'ListVirtualMFADevices']);
  });
  it('credential report: a user the report does not know (created since, or recreated) is read through the API', async () => {
    const account: FakeAccount = {
      users: [{ name: 'old', console: true }, { name: 'new', console: true, devices: [virtualSerial('new')] }, { name: 'again', created: '2026-05-05T05:05:05Z' }],
      reportUsers: [{ name: 'old', console: true }, { name: 'again', console: true }],
    };
    const run = await audit(account, 'credential-report');
    // old: its row gives a finding (console, no MFA), so it is confirmed live as well.
    expect(perUser(run.calls)).toEqual(['GetLoginProfile:again', 'GetLoginProfile:new', 'GetLoginProfile:old', 'ListAccessKeys:again', 'ListAccessKeys:new', 'ListAccessKeys:old', 'ListMFADevices:again', 'ListMFADevices:new', 'ListMFADevices:old']);
    expect(content(run.report)).toEqual(content((await audit(account, 'api')).report));
  });
  it('a user deleted during the audit (NoSuchEntity) is left out', async () => {
    for (const source of ['api', 'credential-report'] as const) {
      const run = await audit({ users: [{ name: 'a', devices: [virtualSerial('a')] }, { name: 'b' }], errors: { 'ListMFADevices:a': 'NoSuchEntity' } }, source);
      expect(run.report!.Users.map((u) => u.UserName), source).toEqual(['b']);
    }
  });
  it('after a failure no further user is started', async () => {
    const users = ['a', 'b', 'c', 'd', 'e'].map((name) => ({ name }));
    const run = await audit({ users, errors: { 'GetLoginProfile:b': 'ServiceFailure' } }, 'api', { concurrency: 1 });
    expect((run.error as CliError).message).toMatch(/\(ServiceFailure\) when calling the GetLoginProfile operation/);
    expect(perUser(run.calls).map((c) => c.split(':')[1])).not.toContain('c');
  });
  it('never more requests in flight than --max-concurrency', async () => {
    const users = Array.from({ length: 30 }, (_, i) => ({ name: `u${i}`, console: true }));
    for (const concurrency of [1, 3, 8]) {
      const run = await audit({ users, latencyMs: 2 }, 'api', { concurrency });
      expect(run.maxInFlight).toBe(concurrency);
    }
  });
});

describe('waiting for the credential report', () => {
  const cases: { name: string; account: Partial<FakeAccount>; sleeps: number[]; generated: number }[] = [
    { name: 'ready at once', account: {}, sleeps: [], generated: 1 },
    { name: 'started, in progress, complete', account: { reportStates: ['STARTED', 'INPROGRESS', 'COMPLETE'] }, sleeps: [250, 500], generated: 3 },
    { name: 'doubling up to 4 s', account: { reportStates: [...Array(7).fill('INPROGRESS'), 'COMPLETE'] }, sleeps: [250, 500, 1000, 2000, 4000, 4000, 4000], generated: 8 },
    { name: 'GetCredentialReport still in progress once', account: { errors: { GetCredentialReport: ['ReportInProgress', ''] } }, sleeps: [250], generated: 2 },
    { name: 'report expired between the calls', account: { errors: { GetCredentialReport: ['ReportExpired', ''] } }, sleeps: [250], generated: 2 },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const run = await audit({ users: [{ name: 'a' }], ...c.account }, 'credential-report');
      expect(run.error).toBeUndefined();
      expect(run.sleeps).toEqual(c.sleeps);
      expect(run.calls.filter((x) => x === 'GenerateCredentialReport')).toHaveLength(c.generated);
      expect(run.report!.Source).toBe('credential-report');
    });
  }
});

describe('falling back from one source to the other', () => {
  const account: FakeAccount = { users: [{ name: 'a', console: true }] };
  const cases: { name: string; choice: SourceChoice; errors?: FakeAccount['errors']; states?: string[]; source?: string; note?: RegExp; error?: RegExp }[] = [
    {
      name: 'auto: report denied → API, with a note',
      choice: 'auto',
      errors: { GenerateCredentialReport: 'AccessDenied' },
      source: 'api',
      note: /^the credential report is not available \(AccessDenied: scripted AccessDenied\); reading each user through the API instead$/,
    },
    { name: 'auto: report readable → report, no note', choice: 'auto', source: 'credential-report' },
    { name: 'auto: GetCredentialReport denied → API', choice: 'auto', errors: { GetCredentialReport: 'AccessDenied' }, source: 'api', note: /AccessDenied/ },
    { name: 'auto: report never ready → API', choice: 'auto', states: ['INPROGRESS'], source: 'api', note: /not ready after 10 seconds/ },
    { name: 'credential-report asked for: denied is an error', choice: 'credential-report', errors: { GenerateCredentialReport: 'AccessDenied' }, error: /^Cannot read the credential report: AccessDenied/ },
    { name: 'auto: another service error is not a reason to fall back', choice: 'auto', errors: { GenerateCredentialReport: 'ServiceFailure' }, error: /\(ServiceFailure\)/ },
    { name: 'api: denied is an error', choice: 'api', errors: { GetLoginProfile: 'AccessDenied' }, error: /\(AccessDenied\) when calling the GetLoginProfile operation/ },
    { name: 'auto: both denied is the API error', choice: 'auto', errors: { GenerateCredentialReport: 'AccessDenied', ListAccessKeys: 'AccessDenied' }, error: /ListAccessKeys/ },
    { name: 'shared reads fail whatever the source', choice: 'auto', errors: { GetAccountSummary: 'AccessDenied' }, error: /GetAccountSummary/ },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const run = await audit({ ...account, errors: c.errors, reportStates: c.states }, c.choice, { timeoutMs: 10_000 });
      if (c.error) {
        expect(run.error).toBeInstanceOf(CliError);
        expect((run.error as CliError).message).toMatch(c.error);
        return;
      }
      expect(run.error).toBeUndefined();
      expect(run.report!.Source).toBe(c.source);
      if (c.note) expect(run.notes).toEqual([expect.stringMatching(c.note)]);
      else expect(run.notes).toEqual([]);
    });
  }
});

describe('progress events', () => {
  it('pages while listing, one step per user while checking', async () => {
    const run = await audit({ usersPerPage: 2, users: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] }, 'api', { concurrency: 1 });
    expect(run.progress).toEqual(['stage listing users', 'page 2', 'page 1', 'stage checking users /3', 'advance 1', 'advance 1', 'advance 1']);
  });
});

describe('device kinds from serial numbers', () => {
  const cases: [string, string][] = [
    [virtualSerial('phone'), 'virtual'],
    ['arn:aws:iam::123456789012:mfa/path/to/phone', 'virtual'],
    ['arn:aws-us-gov:iam::123456789012:mfa/phone', 'virtual'],
    [FIDO, 'fido'],
    [HARDWARE, 'hardware-totp'],
    ['arn:aws:iam::123456789012:sms-mfa/bob', 'sms'],
    ['arn:aws:iam::123456789012:u2f/root/passkey-ABC', 'fido'],
    ['GAKT12345678', 'hardware-totp'],
    ['arn:aws:iam::123456789012:user/not-a-device', 'unknown'],
  ];
  for (const [serial, type] of cases) it(`${serial} → ${type}`, () => expect(deviceType(serial)).toBe(type));
});

describe('CSV as the credential report writes it', () => {
  const cases: [string, string[][]][] = [
    ['a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['a,b\r\n1,2', [['a', 'b'], ['1', '2']]],
    ['"x,y",z\n', [['x,y', 'z']]],
    ['"say ""hi""",\n', [['say "hi"', '']]],
    ['"two\nlines",b\n', [['two\nlines', 'b']]],
    ['', []],
  ];
  for (const [text, rows] of cases) it(JSON.stringify(text), () => expect(parseCsv(text)).toEqual(rows));
});

describe('a stale credential report never yields a wrong finding', () => {
  // The report was generated at REPORT_GENERATED (2026-03-01); the account has changed since.
  const FIDO_KEY = `arn:aws:iam::${ACCOUNT}:u2f/user/bob/key-1`;
  const cases: { name: string; live: FakeUser[]; report: FakeUser[]; findings: string[]; fromReport: string[]; live_: string[] }[] = [
    {
      name: 'MFA enabled since the report: no finding',
      live: [{ name: 'bob', console: true, devices: [virtualSerial('bob')] }],
      report: [{ name: 'bob', console: true }],
      findings: [],
      fromReport: [],
      live_: ['bob'],
    },
    {
      name: 'console password removed since the report: no finding',
      live: [{ name: 'bob' }],
      report: [{ name: 'bob', console: true }],
      findings: [],
      fromReport: [],
      live_: ['bob'],
    },
    {
      name: 'device removed since the report: the finding, confirmed live',
      live: [{ name: 'bob', console: true }],
      report: [{ name: 'bob', console: true, devices: [virtualSerial('bob')] }],
      findings: ['ConsoleWithoutMfa bob'],
      fromReport: [],
      live_: ['bob'],
    },
    {
      name: 'a user created after the report: read live',
      live: [{ name: 'new', console: true, created: '2026-03-02T00:00:00Z' }],
      report: [],
      findings: ['ConsoleWithoutMfa new'],
      fromReport: [],
      live_: ['new'],
    },
    {
      name: 'a password sign-in after the report (PasswordLastUsed is live): read live',
      live: [{ name: 'eve', console: true, passwordLastUsed: '2026-03-01T09:00:00Z' }],
      report: [{ name: 'eve' }],
      findings: ['ConsoleWithoutMfa eve'],
      fromReport: [],
      live_: ['eve'],
    },
    {
      name: 'deleted since the report: not in the document',
      live: [{ name: 'kept', devices: [FIDO_KEY] }],
      report: [{ name: 'gone', console: true }, { name: 'kept', devices: [FIDO_KEY] }],
      findings: [],
      fromReport: ['kept'],
      live_: [],
    },
    {
      name: 'unchanged users stay on the report',
      live: [{ name: 'a', console: true, devices: [virtualSerial('a')] }, { name: 'robot', keys: ['Active'] }],
      report: [{ name: 'a', console: true, devices: [virtualSerial('a')] }, { name: 'robot', keys: ['Active'] }],
      findings: [],
      fromReport: ['a', 'robot'],
      live_: [],
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const account: FakeAccount = { rootMfa: true, users: c.live, reportUsers: c.report };
      const run = await audit(account, 'credential-report');
      expect(run.error).toBeUndefined();
      expect(run.report!.Findings.map((f) => `${f.Type} ${f.UserName}`)).toEqual(c.findings);
      expect(run.report!.CredentialReport).toEqual({ GeneratedTime: '2026-03-01T00:00:00+00:00', UsersFromReport: c.fromReport, UsersReadLive: c.live_ });
      // The live API on the same account gives the same Users, Account and Findings.
      expect(content(run.report)).toEqual(content((await audit({ rootMfa: true, users: c.live }, 'api')).report));
    });
  }
  it('the API source says nothing came from a report', async () => {
    const run = await audit({ users: [] }, 'api');
    expect([run.report!.Source, run.report!.CredentialReport]).toEqual(['api', null]);
  });
  it('GeneratedTime is printed as the CLI prints timestamps', async () => {
    const iam = fakeIam({ users: [], reportGenerated: '2026-03-01T00:00:00Z' });
    expect((await createIamReader(iam.send, 'wire').getCredentialReport()).generatedTime).toBe('2026-03-01T00:00:00Z');
    expect((await createIamReader(iam.send, 'iso8601').getCredentialReport()).generatedTime).toBe('2026-03-01T00:00:00+00:00');
  });
});

describe('root, as organizations manage it', () => {
  const NONE = { password: false, accessKeys: false, signingCertificates: false };
  const MANAGEMENT = '111111111111';
  const context = (rootCredentialsManagement: boolean): OrganizationContext => ({ organizationId: 'o-abcdefghij', managementAccountId: MANAGEMENT, rootCredentialsManagement, rootSessions: true });
  const cases: {
    name: string;
    account: Partial<FakeAccount>;
    options?: Omit<AuditOptions, 'source'>;
    finding: boolean;
    management: string;
    reason: RegExp;
    note?: RegExp;
  }[] = [
    { name: 'outside an organization: today\'s finding', account: {}, finding: true, management: 'account-managed', reason: /^The account is not in an organization$/ },
    { name: 'root with MFA: no finding', account: { rootMfa: true }, finding: false, management: 'account-managed', reason: /not in an organization/ },
    { name: 'member account alone, root with MFA: no finding, no note', account: { rootMfa: true, organization: 'member' }, finding: false, management: 'unknown', reason: /^This is a member account/ },
    {
      name: 'member account alone: the finding stays, with a note',
      account: { organization: 'member' },
      finding: true,
      management: 'unknown',
      reason: /^This is a member account, and only the management account/,
      note: /^root is judged as if the account managed it \(this is a member account.*across --organization/,
    },
    {
      name: 'member, central management learned from the caller, no credential: no finding',
      account: { rootCredentials: NONE },
      options: { accountId: ACCOUNT, organization: context(true) },
      finding: false,
      management: 'centrally-managed',
      reason: /^The organization o-abcdefghij manages this member account's root credentials centrally \(RootCredentialsManagement\); the root user has no password, access key or signing certificate/,
    },
    {
      name: 'member, central management, but the root has an access key: the finding stays',
      account: { rootCredentials: { ...NONE, accessKeys: true } },
      options: { accountId: ACCOUNT, organization: context(true) },
      finding: true,
      management: 'centrally-managed',
      reason: /but the root user may still sign in \(AccountAccessKeysPresent is 1\)/,
    },
    {
      name: 'member, central management, password not reported: the finding stays',
      account: { summaryWithoutPassword: true },
      options: { accountId: ACCOUNT, organization: context(true) },
      finding: true,
      management: 'centrally-managed',
      reason: /AccountPasswordPresent is not reported/,
    },
    {
      name: 'the management account\'s own root: the finding stays',
      account: { rootCredentials: NONE },
      options: { accountId: MANAGEMENT, organization: context(true) },
      finding: true,
      management: 'account-managed',
      reason: /^This is the management account of the organization o-abcdefghij/,
    },
    {
      name: 'member, central management not enabled: the finding stays',
      account: { rootCredentials: NONE },
      options: { accountId: ACCOUNT, organization: context(false) },
      finding: true,
      management: 'account-managed',
      reason: /RootCredentialsManagement is not enabled/,
    },
    {
      name: 'alone where the features can be read (management or delegated administrator): the finding stays, with a note',
      account: { organization: { id: 'o-abcdefghij', features: ['RootCredentialsManagement', 'RootSessions'] } },
      finding: true,
      management: 'unknown',
      reason: /management account or IAM's delegated administrator and cannot tell which/,
      note: /^root is judged as if the account managed it/,
    },
    {
      name: 'ListOrganizationsFeatures denied: today\'s finding, with a note, never an error',
      account: { errors: { ListOrganizationsFeatures: 'AccessDenied' } },
      finding: true,
      management: 'unknown',
      reason: /^Cannot tell whether the organization manages root credentials centrally \(ListOrganizationsFeatures failed: AccessDenied: scripted AccessDenied\)$/,
      note: /AccessDenied/,
    },
    { name: 'organization without all features', account: { errors: { ListOrganizationsFeatures: 'OrganizationNotInAllFeaturesModeException' } }, finding: true, management: 'account-managed', reason: /does not have all features enabled/ },
    { name: 'no organization, the code without its Exception suffix', account: { errors: { ListOrganizationsFeatures: 'OrganizationNotFound' } }, finding: true, management: 'account-managed', reason: /^The account is not in an organization$/ },
    { name: 'trusted access for IAM off', account: { errors: { ListOrganizationsFeatures: 'ServiceAccessNotEnabledException' } }, finding: true, management: 'account-managed', reason: /^Trusted access for IAM is not enabled/ },
  ];
  for (const c of cases) {
    for (const source of ['api', 'credential-report'] as const) {
      it(`${c.name} (${source})`, async () => {
        const run = await audit({ users: [{ name: 'u' }], ...c.account }, source, c.options);
        expect(run.error).toBeUndefined();
        const { Account, Findings } = run.report!;
        expect(Findings.some((f) => f.Type === 'RootWithoutMfa')).toBe(c.finding);
        expect(Account.RootManagement).toBe(c.management);
        expect(Account.RootManagementReason).toMatch(c.reason);
        expect(run.notes).toEqual(c.note ? [expect.stringMatching(c.note)] : []);
        // Learned once from the caller: the member's audit does not ask again.
        if (c.options?.organization) expect(run.calls).not.toContain('ListOrganizationsFeatures');
      });
    }
  }
  it('the organization section says where the features were learned', async () => {
    const caller = await audit({ users: [] }, 'api', { accountId: ACCOUNT, organization: context(true) });
    expect(caller.report!.Account.Organization).toEqual({ OrganizationId: 'o-abcdefghij', ManagementAccountId: MANAGEMENT, RootCredentialsManagement: true, RootSessions: true, LearnedFrom: 'caller' });
    const here = await audit({ users: [], organization: { id: 'o-abcdefghij', features: ['RootSessions'] } }, 'api');
    expect(here.report!.Account.Organization).toEqual({ OrganizationId: 'o-abcdefghij', ManagementAccountId: null, RootCredentialsManagement: false, RootSessions: true, LearnedFrom: 'this-account' });
  });
  it('findings carry the account: given by the caller, else read from the ARNs, else null', async () => {
    const given = await audit({ users: [{ name: 'u', console: true }] }, 'api', { accountId: '222222222222' });
    expect(given.report!.Findings.map((f) => f.AccountId)).toEqual(['222222222222', '222222222222']);
    const read = await audit({ users: [{ name: 'u', console: true }] }, 'api');
    expect(read.report!.Findings.map((f) => f.AccountId)).toEqual([ACCOUNT, ACCOUNT]);
    const unknown = await audit({ users: [] }, 'api');
    expect(unknown.report!.Findings.map((f) => f.AccountId)).toEqual([null]);
  });
  it('learnOrganizationContext: the caller\'s features once, or why not', async () => {
    const read = (account: FakeAccount) => learnOrganizationContext(createIamReader(fakeIam(account).send, 'iso8601'), MANAGEMENT);
    expect(await read({ users: [], organization: { id: 'o-abcdefghij', features: ['RootCredentialsManagement'] } })).toEqual({
      context: { organizationId: 'o-abcdefghij', managementAccountId: MANAGEMENT, rootCredentialsManagement: true, rootSessions: false },
    });
    expect(await read({ users: [] })).toEqual({ context: { organizationId: null, managementAccountId: MANAGEMENT, rootCredentialsManagement: false, rootSessions: false } });
    expect(await read({ users: [], organization: 'member' })).toEqual({ unavailable: expect.stringMatching(/^this is a member account/) });
  });
});

describe('--require-mfa phishing-resistant', () => {
  const FIDO_KEY = `arn:aws:iam::${ACCOUNT}:u2f/user/gina/key-1`;
  const users: FakeUser[] = [
    { name: 'app', console: true, devices: [virtualSerial('app')] },
    { name: 'token', console: true, devices: ['GAHT12345678'] },
    { name: 'key', console: true, devices: [FIDO_KEY] },
    { name: 'both', console: true, devices: [virtualSerial('both'), FIDO_KEY] },
    { name: 'none', console: true },
    { name: 'robot', devices: [virtualSerial('robot')] },
  ];
  const cases: { requirement: 'any' | 'phishing-resistant'; findings: string[] }[] = [
    { requirement: 'any', findings: ['ConsoleWithoutMfa none'] },
    {
      requirement: 'phishing-resistant',
      findings: ['ConsoleWithoutPhishingResistantMfa app', 'ConsoleWithoutPhishingResistantMfa token', 'ConsoleWithoutMfa none'],
    },
  ];
  for (const c of cases) {
    for (const source of ['api', 'credential-report'] as const) {
      it(`${c.requirement} (${source})`, async () => {
        const run = await audit({ rootMfa: true, users }, source, { requireMfa: c.requirement });
        expect(run.report!.Findings.map((f) => `${f.Type} ${f.UserName}`)).toEqual(c.findings);
        expect(run.report!.Users.map((u) => u.PhishingResistantMfa)).toEqual([false, false, true, true, false, false]);
      });
    }
  }
  it('the reason names the kinds the user has', async () => {
    const run = await audit({ rootMfa: true, users: [users[0], users[1]] }, 'api', { requireMfa: 'phishing-resistant' });
    expect(run.report!.Findings.map((f) => f.Reason)).toEqual([
      'Console password enabled, no phishing-resistant MFA (has: virtual); a FIDO security key or passkey is required.',
      'Console password enabled, no phishing-resistant MFA (has: hardware-totp); a FIDO security key or passkey is required.',
    ]);
  });
  it('credential report: the stricter findings are confirmed live too', async () => {
    const run = await audit({ rootMfa: true, users: [users[0], users[2]] }, 'credential-report', { requireMfa: 'phishing-resistant' });
    expect(run.report!.CredentialReport).toMatchObject({ UsersFromReport: ['key'], UsersReadLive: ['app'] });
  });
});

describe('the SDK commands the audit sends are bundled (src/sdk/commands.ts)', () => {
  it('every operation of both sources, root and organization reads included', async () => {
    const account: FakeAccount = { users: [{ name: 'a', console: true }, { name: 'b', devices: [virtualSerial('b')] }], organization: 'member' };
    const sent = new Set<string>();
    for (const source of ['api', 'credential-report'] as const) for (const call of (await audit(account, source)).calls) sent.add(call.split(':')[0]);
    expect([...sent].sort()).toEqual([
      'GenerateCredentialReport', 'GetAccountSummary', 'GetCredentialReport', 'GetLoginProfile', 'ListAccessKeys',
      'ListMFADevices', 'ListOrganizationsFeatures', 'ListUsers', 'ListVirtualMFADevices',
    ]);
    for (const operation of sent) expect(IAM_COMMANDS, operation).toHaveProperty(operation);
  });
});
