/**
 * A scripted IAM for the audit's unit tests: an account described as data, answered as IAM
 * answers (Query-protocol XML bodies, errors as the sender throws them), with every request
 * recorded and the requests in flight counted. Errors and report states are scripted per case.
 */
import { CliError } from '../../src/errors/cli-error.js';
import type { SendRequest } from '../../src/sdk/iam-client.js';
import type { ValueMap } from '../../src/value/value.js';

export const ACCOUNT = '123456789012';

export interface FakeUser {
  readonly name: string;
  readonly console?: boolean;
  /** Serial numbers of enabled devices (virtual: `arn:aws:iam::…:mfa/x`). */
  readonly devices?: readonly string[];
  readonly keys?: readonly ('Active' | 'Inactive')[];
  readonly created?: string;
  readonly passwordLastUsed?: string;
}

export interface FakeAccount {
  readonly users: readonly FakeUser[];
  readonly rootMfa?: boolean;
  /** The root user's credentials as GetAccountSummary reports them (default: none); `unreported`: no such keys. */
  readonly rootCredentials?: { readonly password?: boolean; readonly accessKeys?: boolean; readonly signingCertificates?: boolean } | 'unreported';
  /** GetAccountSummary without AccountPasswordPresent (as moto answers). */
  readonly summaryWithoutPassword?: boolean;
  readonly unassigned?: readonly string[];
  /** ListUsers page size (IAM's default is 100). */
  readonly usersPerPage?: number;
  /** Successive GenerateCredentialReport states; the last one repeats. Default: COMPLETE. */
  readonly reportStates?: readonly string[];
  /** The report's GeneratedTime (wire format). */
  readonly reportGenerated?: string;
  /** Rows of the report, when it differs from the account (a stale report). Default: the users. */
  readonly reportUsers?: readonly FakeUser[];
  /** Error codes by operation, or by `Operation:UserName`; a list is used up one call at a time. */
  readonly errors?: Readonly<Record<string, string | readonly string[]>>;
  /** What ListOrganizationsFeatures says: no organization (default), a member account, or the features. */
  readonly organization?: 'member' | { readonly id: string; readonly features: readonly string[] };
  /** Milliseconds each request takes (to observe concurrency). */
  readonly latencyMs?: number;
}

export const virtualSerial = (name: string) => `arn:aws:iam::${ACCOUNT}:mfa/${name}`;
const userArn = (name: string) => `arn:aws:iam::${ACCOUNT}:user/${name}`;
const CREATED = '2026-01-02T03:04:05Z';
const DEVICE_ENABLED = '2026-02-03T04:05:06Z';
export const REPORT_GENERATED = '2026-03-01T00:00:00Z';

const REPORT_HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,' +
  'access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,' +
  'access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,' +
  'cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const el = (name: string, body: string) => `<${name}>${body}</${name}>`;
const ok = (operation: string, result: string) =>
  `<${operation}Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/">${el(`${operation}Result`, result)}` +
  `<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></${operation}Response>`;
const members = (items: string[]) => items.map((i) => el('member', i)).join('');
const reportTime = (wire: string) => wire.replace(/Z$/, '+00:00');

export interface FakeIam {
  readonly send: SendRequest;
  /** `Operation` or `Operation:UserName`, in the order requests were sent. */
  readonly calls: string[];
  readonly maxInFlight: () => number;
}

export function fakeIam(account: FakeAccount): FakeIam {
  const calls: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let reportCalls = 0;
  const errorQueues = new Map(Object.entries(account.errors ?? {}).map(([k, v]) => [k, typeof v === 'string' ? [v] : [...v]]));
  const byName = new Map(account.users.map((u) => [u.name, u]));

  const scriptedError = (key: string): string | undefined => {
    const queue = errorQueues.get(key);
    if (!queue || queue.length === 0) return undefined;
    return queue.length === 1 ? queue[0] : queue.shift();
  };
  const userOf = (params: ValueMap, operation: string): FakeUser => {
    const user = byName.get(String(params.get('UserName')));
    if (!user) throw serviceError(operation, 'NoSuchEntity', `The user with name ${String(params.get('UserName'))} cannot be found.`);
    return user;
  };

  const answer = (operation: string, params: ValueMap): string => {
    switch (operation) {
      case 'ListUsers': {
        const perPage = account.usersPerPage ?? 100;
        const start = Number(params.get('Marker') ?? 0);
        const page = account.users.slice(start, start + perPage);
        const truncated = start + perPage < account.users.length;
        const users = page.map((u) =>
          [
            el('Path', '/'),
            el('UserName', escapeXml(u.name)),
            el('UserId', `AIDA${u.name.toUpperCase().replace(/[^A-Z0-9]/g, 'X')}`),
            el('Arn', escapeXml(userArn(u.name))),
            el('CreateDate', u.created ?? CREATED),
            u.passwordLastUsed ? el('PasswordLastUsed', u.passwordLastUsed) : '',
          ].join(''),
        );
        return ok(operation, el('IsTruncated', String(truncated)) + (truncated ? el('Marker', String(start + perPage)) : '') + el('Users', members(users)));
      }
      case 'GetLoginProfile': {
        const user = userOf(params, operation);
        if (!user.console) throw serviceError(operation, 'NoSuchEntity', `Login profile for ${user.name} not found`);
        return ok(operation, el('LoginProfile', el('UserName', escapeXml(user.name)) + el('CreateDate', CREATED)));
      }
      case 'ListMFADevices': {
        const user = userOf(params, operation);
        const devices = (user.devices ?? []).map((s) => el('UserName', escapeXml(user.name)) + el('SerialNumber', escapeXml(s)) + el('EnableDate', DEVICE_ENABLED));
        return ok(operation, el('IsTruncated', 'false') + el('MFADevices', members(devices)));
      }
      case 'ListAccessKeys': {
        const user = userOf(params, operation);
        const keys = (user.keys ?? []).map((status, i) => el('UserName', escapeXml(user.name)) + el('AccessKeyId', `AKIA${i}`) + el('Status', status) + el('CreateDate', CREATED));
        return ok(operation, el('IsTruncated', 'false') + el('AccessKeyMetadata', members(keys)));
      }
      case 'GetAccountSummary': {
        const root = account.rootCredentials ?? {};
        const entries: [string, number][] = [['Users', account.users.length], ['AccountMFAEnabled', account.rootMfa ? 1 : 0]];
        if (root !== 'unreported') {
          entries.push(['AccountAccessKeysPresent', root.accessKeys ? 1 : 0], ['AccountSigningCertificatesPresent', root.signingCertificates ? 1 : 0]);
          if (root.password !== undefined || !account.summaryWithoutPassword) entries.push(['AccountPasswordPresent', root.password ? 1 : 0]);
        }
        return ok(operation, el('SummaryMap', entries.map(([k, v]) => el('entry', el('key', String(k)) + el('value', String(v)))).join('')));
      }
      case 'ListVirtualMFADevices': {
        if (params.get('AssignmentStatus') !== 'Unassigned') throw new Error('the audit asks for unassigned devices only');
        const devices = (account.unassigned ?? []).map((s) => el('SerialNumber', escapeXml(s)));
        return ok(operation, el('IsTruncated', 'false') + el('VirtualMFADevices', members(devices)));
      }
      case 'ListOrganizationsFeatures': {
        const org = account.organization;
        if (!org) throw serviceError(operation, 'OrganizationNotFoundException', 'The request failed because your account is not a member of an organization.');
        if (org === 'member') {
          throw serviceError(operation, 'AccountNotManagementOrDelegatedAdministratorException', 'The request was rejected because the account making the request is not the management account or delegated administrator account for centralized root access.');
        }
        return ok(operation, el('OrganizationId', org.id) + el('EnabledFeatures', members(org.features.map(escapeXml))));
      }
      case 'GenerateCredentialReport': {
        const states = account.reportStates ?? ['COMPLETE'];
        const state = states[Math.min(reportCalls++, states.length - 1)];
        return ok(operation, el('State', state));
      }
      case 'GetCredentialReport': {
        const rows = (account.reportUsers ?? account.users).map(reportRow);
        const root = `<root_account>,arn:aws:iam::${ACCOUNT}:root,2025-01-01T00:00:00+00:00,not_supported,no_information,not_supported,not_supported,${account.rootMfa ? 'true' : 'false'},false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`;
        const csv = [REPORT_HEADER, root, ...rows].join('\n');
        return ok(operation, el('Content', Buffer.from(csv, 'utf8').toString('base64')) + el('ReportFormat', 'text/csv') + el('GeneratedTime', account.reportGenerated ?? REPORT_GENERATED));
      }
      default:
        throw new Error(`the audit does not call ${operation}`);
    }
  };

  const send: SendRequest = async (operation, params) => {
    const user = params.get('UserName');
    const key = user === undefined ? operation : `${operation}:${String(user)}`;
    calls.push(key);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, account.latencyMs ?? 0));
      const code = scriptedError(key) ?? scriptedError(operation);
      if (code) throw serviceError(operation, code, `scripted ${code}`);
      return answer(operation, params);
    } finally {
      inFlight -= 1;
    }
  };
  return { send, calls, maxInFlight: () => maxInFlight };
}

/** A report row as IAM writes it: `true`/`false`, timestamps with `+00:00`, N/A for absent keys. */
function reportRow(u: FakeUser): string {
  const keys = u.keys ?? [];
  const key = (i: number) => (keys[i] ? [keys[i] === 'Active' ? 'true' : 'false', reportTime(CREATED), 'N/A', 'N/A', 'N/A'] : ['false', 'N/A', 'N/A', 'N/A', 'N/A']);
  const cells = [
    u.name.includes(',') ? `"${u.name}"` : u.name,
    userArn(u.name),
    reportTime(u.created ?? CREATED),
    u.console ? 'true' : 'false',
    u.console ? (u.passwordLastUsed ? reportTime(u.passwordLastUsed) : 'no_information') : 'N/A',
    u.console ? reportTime(CREATED) : 'N/A',
    'N/A',
    (u.devices ?? []).length > 0 ? 'true' : 'false',
    ...key(0),
    ...key(1),
    'false',
    'N/A',
    'false',
    'N/A',
  ];
  return cells.join(',');
}

export function serviceError(operation: string, code: string, message: string): CliError {
  return new CliError('client', `An error occurred (${code}) when calling the ${operation} operation: ${message}`, { code, message });
}
