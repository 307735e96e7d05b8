/**
 * `audit mfa`: who can sign in to the console without MFA, whether root has MFA, which virtual
 * devices lie unassigned. Users always come from ListUsers (their order, ids and
 * PasswordLastUsed); what each user has comes from one of two sources:
 * - `api`: GetLoginProfile, ListMFADevices and ListAccessKeys for every user;
 * - `credential-report`: console access, MFA state and active keys from the report's row, and
 *   ListMFADevices only for users whose row says MFA is active (the report lists no devices).
 *   A user without a matching row (created after the report, or recreated under the same name)
 *   is read through the API.
 * Both give the same document on the same account. `auto` tries the report first (far fewer
 * requests) and falls back to the API, with a note, when the report is denied or never ready.
 */
import { CliError } from '../../errors/cli-error.js';
import type { Progress } from '../../progress/progress.js';
import { fetchCredentialReport, ReportNotReadyError, type ReportRow, type ReportWait } from './credential-report.js';
import { serviceErrorCode, type IamReader, type ListedMfaDevice, type ListedUser } from './iam-reader.js';
import { mapWithLimit } from './limit.js';
import { buildReport, deviceType, type AccountAudit, type MfaReport, type SourceName, type UserAudit } from './report.js';

export type SourceChoice = 'auto' | SourceName;

export interface AuditDeps {
  readonly iam: IamReader;
  readonly progress: Progress;
  /** Writes one note line on stderr (the command clears the progress line first). */
  readonly note: (message: string) => void;
  /** Users checked at once (each user's own requests run together). */
  readonly concurrency: number;
  readonly wait: Omit<ReportWait, 'onWait'>;
}

const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException']);

export async function auditMfa(deps: AuditDeps, choice: SourceChoice): Promise<MfaReport> {
  const { iam, progress } = deps;
  // The account-wide reads run alongside the users; a failure is reported when awaited.
  const account = readAccount(iam);
  account.catch(() => undefined);
  progress.stage('listing users');
  const users = await iam.listUsers((count) => progress.page(count));
  const { audits, source } = await auditUsers(deps, users, choice);
  return buildReport(audits, await account, source);
}

async function readAccount(iam: IamReader): Promise<AccountAudit> {
  const [root, unassigned] = await Promise.all([iam.rootMfaEnabled(), iam.unassignedVirtualMfaDevices()]);
  return { RootMfaActive: root, UnassignedVirtualMfaDevices: unassigned };
}

async function auditUsers(deps: AuditDeps, users: readonly ListedUser[], choice: SourceChoice): Promise<{ audits: UserAudit[]; source: SourceName }> {
  if (choice === 'api') return { audits: await checkUsers(deps, users, (u) => userFromApi(deps.iam, u)), source: 'api' };
  let rows: Map<string, ReportRow>;
  try {
    deps.progress.stage('waiting for the credential report');
    rows = await fetchCredentialReport(deps.iam, { ...deps.wait, onWait: () => deps.progress.advance(0) });
  } catch (error) {
    const reason = fallbackReason(error);
    if (reason === undefined) throw error;
    if (choice === 'credential-report') throw new CliError('general', `Cannot read the credential report: ${reason}`);
    deps.note(`the credential report is not available (${reason}); reading each user through the API instead`);
    return { audits: await checkUsers(deps, users, (u) => userFromApi(deps.iam, u)), source: 'api' };
  }
  return { audits: await checkUsers(deps, users, (u) => userFromReport(deps.iam, u, rows.get(u.UserName))), source: 'credential-report' };
}

/** Why the report cannot be used, when that is a reason to use the API instead. */
function fallbackReason(error: unknown): string | undefined {
  if (error instanceof ReportNotReadyError) return error.message;
  const code = serviceErrorCode(error);
  if (code !== undefined && ACCESS_DENIED.has(code)) return `${code}: ${(error as CliError).details!.message}`;
  return undefined;
}

async function checkUsers(deps: AuditDeps, users: readonly ListedUser[], check: (user: ListedUser) => Promise<UserAudit | undefined>): Promise<UserAudit[]> {
  deps.progress.stage('checking users', users.length);
  const audits = await mapWithLimit(users, deps.concurrency, async (user) => {
    const audit = await check(user);
    deps.progress.advance();
    return audit;
  });
  return audits.filter((a): a is UserAudit => a !== undefined);
}

/** A user deleted since ListUsers answers NoSuchEntity: it is left out of the report. */
async function unlessGone<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (serviceErrorCode(error) === 'NoSuchEntity') return undefined;
    throw error;
  }
}

async function userFromApi(iam: IamReader, user: ListedUser): Promise<UserAudit | undefined> {
  const [consoleAccess, devices, activeKeys] = await Promise.all([
    iam.hasLoginProfile(user.UserName),
    unlessGone(iam.listMfaDevices(user.UserName)),
    unlessGone(iam.countActiveAccessKeys(user.UserName)),
  ]);
  if (devices === undefined || activeKeys === undefined) return undefined;
  return userAudit(user, consoleAccess, devices, activeKeys);
}

async function userFromReport(iam: IamReader, user: ListedUser, row: ReportRow | undefined): Promise<UserAudit | undefined> {
  if (!row || !sameUser(row, user)) return userFromApi(iam, user);
  const devices = row.mfa_active === 'true' ? await unlessGone(iam.listMfaDevices(user.UserName)) : [];
  if (devices === undefined) return undefined;
  const activeKeys = ['access_key_1_active', 'access_key_2_active'].filter((column) => row[column] === 'true').length;
  return userAudit(user, row.password_enabled === 'true', devices, activeKeys);
}

/** A row describes this user if the ARN and the creation time match (a recreated user differs). */
function sameUser(row: ReportRow, user: ListedUser): boolean {
  const created = Date.parse(row.user_creation_time ?? '');
  return row.arn === user.Arn && !Number.isNaN(created) && created === Date.parse(user.CreateDate);
}

function userAudit(user: ListedUser, consoleAccess: boolean, devices: readonly ListedMfaDevice[], activeKeys: number): UserAudit {
  return {
    UserName: user.UserName,
    UserId: user.UserId,
    Arn: user.Arn,
    CreateDate: user.CreateDate,
    ConsoleAccess: consoleAccess,
    PasswordLastUsed: user.PasswordLastUsed,
    MfaActive: devices.length > 0,
    MfaDevices: devices.map((d) => ({ SerialNumber: d.SerialNumber, Type: deviceType(d.SerialNumber), EnableDate: d.EnableDate })),
    ActiveAccessKeys: activeKeys,
  };
}
