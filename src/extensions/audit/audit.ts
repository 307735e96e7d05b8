/**
 * `audit mfa` over one account: who can sign in to the console without (strong enough) MFA,
 * whether root needs MFA and has it, which virtual devices lie unassigned. Users always come
 * from ListUsers (their order, ids and PasswordLastUsed); what each user has comes from one of
 * two sources:
 * - `api`: GetLoginProfile, ListMFADevices and ListAccessKeys for every user;
 * - `credential-report`: console access and active keys from the report's row, ListMFADevices
 *   only for users whose row says MFA is active (the report lists no devices). The report can be
 *   four hours old, so a user is read through the API instead whenever the row would give a
 *   finding (confirmed live before it is reported), is missing or belongs to an older user of
 *   the same name, or the user was created or used a password after the report was generated.
 * Both give the same Users, Account and Findings on the same account. `auto` tries the report
 * first (far fewer requests) and falls back to the API, with a note, when the report is denied
 * or never ready.
 *
 * `auditAccount` is the hook for callers that audit many accounts (`across`): it takes the
 * account's reader, and optionally the account id and the organization's features learned once.
 */
import { CliError } from '../../errors/cli-error.js';
import type { Progress } from '../../progress/progress.js';
import { fetchCredentialReport, ReportNotReadyError, type CredentialReport, type ReportRow, type ReportWait } from './credential-report.js';
import { deviceType } from './device-kind.js';
import { serviceErrorCode, type IamReader, type ListedMfaDevice, type ListedUser } from './iam-reader.js';
import { mapWithLimit } from './limit.js';
import { readOrganizationView, type OrganizationContext, type OrganizationView } from './organization.js';
import {
  findingsOf,
  hasPhishingResistantMfa,
  userFinding,
  type AccountAudit,
  type MfaReport,
  type MfaRequirement,
  type OrganizationSection,
  type ReportProvenance,
  type SourceName,
  type UserAudit,
} from './report.js';
import { judgeRoot, rootCredentials, rootMfaActive, type AccountSummary } from './root.js';

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

export interface AuditOptions {
  readonly source: SourceChoice;
  /** `phishing-resistant` adds a finding for console users whose MFA is all TOTP or SMS. */
  readonly requireMfa?: MfaRequirement;
  /** The account audited, when the caller knows it; otherwise read from the users' and devices' ARNs. */
  readonly accountId?: string;
  /** The organization's centralized root access, learned once by the caller (see organization.ts). */
  readonly organization?: OrganizationContext;
}

const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException']);

export async function auditAccount(deps: AuditDeps, options: AuditOptions): Promise<MfaReport> {
  const { iam, progress } = deps;
  const requirement = options.requireMfa ?? 'any';
  // The account-wide reads run alongside the users; a failure is reported when awaited.
  const summary = iam.accountSummary();
  const unassigned = iam.unassignedVirtualMfaDevices();
  const organization = readOrganizationView(iam, options.organization);
  for (const read of [summary, unassigned, organization]) read.catch(() => undefined);
  progress.stage('listing users');
  const users = await iam.listUsers((count) => progress.page(count));
  const { audits, source, provenance } = await auditUsers(deps, users, options.source, requirement);
  const unassignedSerials = await unassigned;
  const accountId = options.accountId ?? accountIdOf([...users.map((u) => u.Arn), ...unassignedSerials]);
  const { account, rootFinding } = accountSection(accountId, await summary, await organization, unassignedSerials, deps.note);
  return { Users: audits, Account: account, Findings: findingsOf(audits, account, rootFinding, requirement), Source: source, CredentialReport: provenance };
}

function accountSection(
  accountId: string | null,
  summary: AccountSummary,
  view: OrganizationView,
  unassigned: readonly string[],
  note: (message: string) => void,
): { account: AccountAudit; rootFinding?: string } {
  const mfa = rootMfaActive(summary);
  const credentials = rootCredentials(summary);
  const judgement = judgeRoot(mfa, credentials, view, accountId);
  if (judgement.note) note(judgement.note);
  const account: AccountAudit = {
    AccountId: accountId,
    RootMfaActive: mfa,
    RootCredentials: credentials,
    RootManagement: judgement.management,
    RootManagementReason: judgement.managementReason,
    Organization: organizationSection(view),
    UnassignedVirtualMfaDevices: unassigned,
  };
  return { account, rootFinding: judgement.findingReason };
}

function organizationSection(view: OrganizationView): OrganizationSection | null {
  if (view.kind !== 'features') return null;
  return {
    OrganizationId: view.organizationId,
    ManagementAccountId: view.managementAccountId,
    RootCredentialsManagement: view.rootCredentialsManagement,
    RootSessions: view.rootSessions,
    LearnedFrom: view.learnedFrom,
  };
}

/** The account id in the first IAM ARN that has one (users, then virtual devices). */
function accountIdOf(arns: readonly string[]): string | null {
  for (const arn of arns) {
    const m = /^arn:[^:]+:iam::(\d{12}):/.exec(arn);
    if (m) return m[1];
  }
  return null;
}

interface UsersResult {
  readonly audits: UserAudit[];
  readonly source: SourceName;
  readonly provenance: ReportProvenance | null;
}

interface CheckedUser {
  readonly audit: UserAudit;
  /** Read through the API (not from the report's row). */
  readonly live: boolean;
}

async function auditUsers(deps: AuditDeps, users: readonly ListedUser[], choice: SourceChoice, requirement: MfaRequirement): Promise<UsersResult> {
  const viaApi = async (): Promise<UsersResult> => ({
    audits: (await checkUsers(deps, users, (u) => userFromApi(deps.iam, u))).map((c) => c.audit),
    source: 'api',
    provenance: null,
  });
  if (choice === 'api') return viaApi();
  let report: CredentialReport;
  try {
    deps.progress.stage('waiting for the credential report');
    report = await fetchCredentialReport(deps.iam, { ...deps.wait, onWait: () => deps.progress.advance(0) });
  } catch (error) {
    const reason = fallbackReason(error);
    if (reason === undefined) throw error;
    if (choice === 'credential-report') throw new CliError('general', `Cannot read the credential report: ${reason}`);
    deps.note(`the credential report is not available (${reason}); reading each user through the API instead`);
    return viaApi();
  }
  const checked = await checkUsers(deps, users, (u) => userFromReport(deps.iam, u, report, requirement));
  return {
    audits: checked.map((c) => c.audit),
    source: 'credential-report',
    provenance: {
      GeneratedTime: report.generatedTime,
      UsersFromReport: checked.filter((c) => !c.live).map((c) => c.audit.UserName),
      UsersReadLive: checked.filter((c) => c.live).map((c) => c.audit.UserName),
    },
  };
}

/** Why the report cannot be used, when that is a reason to use the API instead. */
function fallbackReason(error: unknown): string | undefined {
  if (error instanceof ReportNotReadyError) return error.message;
  const code = serviceErrorCode(error);
  if (code !== undefined && ACCESS_DENIED.has(code)) return `${code}: ${(error as CliError).details!.message}`;
  return undefined;
}

async function checkUsers(deps: AuditDeps, users: readonly ListedUser[], check: (user: ListedUser) => Promise<CheckedUser | undefined>): Promise<CheckedUser[]> {
  deps.progress.stage('checking users', users.length);
  const checked = await mapWithLimit(users, deps.concurrency, async (user) => {
    const result = await check(user);
    deps.progress.advance();
    return result;
  });
  return checked.filter((c): c is CheckedUser => c !== undefined);
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

async function userFromApi(iam: IamReader, user: ListedUser): Promise<CheckedUser | undefined> {
  const [consoleAccess, devices, activeKeys] = await Promise.all([
    iam.hasLoginProfile(user.UserName),
    unlessGone(iam.listMfaDevices(user.UserName)),
    unlessGone(iam.countActiveAccessKeys(user.UserName)),
  ]);
  if (devices === undefined || activeKeys === undefined) return undefined;
  return { audit: userAudit(user, consoleAccess, devices, activeKeys), live: true };
}

async function userFromReport(iam: IamReader, user: ListedUser, report: CredentialReport, requirement: MfaRequirement): Promise<CheckedUser | undefined> {
  const row = report.rows.get(user.UserName);
  if (!row || !rowIsCurrent(row, user, report.generatedTime)) return userFromApi(iam, user);
  const devices = row.mfa_active === 'true' ? await unlessGone(iam.listMfaDevices(user.UserName)) : [];
  if (devices === undefined) return undefined;
  const activeKeys = ['access_key_1_active', 'access_key_2_active'].filter((column) => row[column] === 'true').length;
  const audit = userAudit(user, row.password_enabled === 'true', devices, activeKeys);
  // A finding is never reported from the report alone: its facts are read again, live.
  if (userFinding(audit, requirement)) return userFromApi(iam, user);
  return { audit, live: false };
}

/**
 * Whether the row can describe this user now: same ARN and creation time (a user recreated
 * under the same name differs), created before the report, and no password sign-in since
 * (ListUsers' PasswordLastUsed is live: a later one means the row's password facts are old).
 */
function rowIsCurrent(row: ReportRow, user: ListedUser, generatedTime: string): boolean {
  const created = Date.parse(row.user_creation_time ?? '');
  if (row.arn !== user.Arn || Number.isNaN(created) || created !== Date.parse(user.CreateDate)) return false;
  const generated = Date.parse(generatedTime);
  if (Number.isNaN(generated)) return false;
  if (Date.parse(user.CreateDate) > generated) return false;
  return user.PasswordLastUsed === null || !(Date.parse(user.PasswordLastUsed) > generated);
}

function userAudit(user: ListedUser, consoleAccess: boolean, devices: readonly ListedMfaDevice[], activeKeys: number): UserAudit {
  const mfaDevices = devices.map((d) => ({ SerialNumber: d.SerialNumber, Type: deviceType(d.SerialNumber), EnableDate: d.EnableDate }));
  return {
    UserName: user.UserName,
    UserId: user.UserId,
    Arn: user.Arn,
    CreateDate: user.CreateDate,
    ConsoleAccess: consoleAccess,
    PasswordLastUsed: user.PasswordLastUsed,
    MfaActive: mfaDevices.length > 0,
    PhishingResistantMfa: hasPhishingResistantMfa(mfaDevices),
    MfaDevices: mfaDevices,
    ActiveAccessKeys: activeKeys,
  };
}
