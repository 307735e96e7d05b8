/**
 * The audit's document: its types, the findings derived from it, and its conversion to the
 * Value every output format and --query work on. The schema is documented in docs/audit-mfa.md;
 * key order here is the order users see. `Users`, `Account` and `Findings` are the same whatever
 * the source; `Source` and `CredentialReport` say where the facts came from.
 */
import type { Value, ValueMap } from '../../value/value.js';
import { isPhishingResistant, type MfaDeviceType } from './device-kind.js';
import type { RootCredentials, RootManagement } from './root.js';

export type SourceName = 'credential-report' | 'api';
export type { MfaDeviceType } from './device-kind.js';

/** `any`: a console user needs some MFA device; `phishing-resistant`: a FIDO one. */
export type MfaRequirement = 'any' | 'phishing-resistant';

export interface MfaDevice {
  readonly SerialNumber: string;
  readonly Type: MfaDeviceType;
  readonly EnableDate: string;
}

export interface UserAudit {
  readonly UserName: string;
  readonly UserId: string;
  readonly Arn: string;
  readonly CreateDate: string;
  readonly ConsoleAccess: boolean;
  readonly PasswordLastUsed: string | null;
  readonly MfaActive: boolean;
  readonly PhishingResistantMfa: boolean;
  readonly MfaDevices: readonly MfaDevice[];
  readonly ActiveAccessKeys: number;
}

export interface OrganizationSection {
  readonly OrganizationId: string | null;
  readonly ManagementAccountId: string | null;
  readonly RootCredentialsManagement: boolean;
  readonly RootSessions: boolean;
  /** `caller`: given by the command that audits many accounts; `this-account`: ListOrganizationsFeatures here. */
  readonly LearnedFrom: 'caller' | 'this-account';
}

export interface AccountAudit {
  readonly AccountId: string | null;
  readonly RootMfaActive: boolean;
  readonly RootCredentials: RootCredentials;
  readonly RootManagement: RootManagement;
  readonly RootManagementReason: string;
  readonly Organization: OrganizationSection | null;
  readonly UnassignedVirtualMfaDevices: readonly string[];
}

export type FindingType = 'RootWithoutMfa' | 'ConsoleWithoutMfa' | 'ConsoleWithoutPhishingResistantMfa' | 'UnassignedVirtualMfaDevice';

export interface Finding {
  /** The account the finding is in (findings of many accounts can be put together). */
  readonly AccountId: string | null;
  readonly Type: FindingType;
  /** The user concerned: `<root_account>` for the root user (as the credential report names it), null for devices. */
  readonly UserName: string | null;
  readonly Reason: string;
}

/** Where the facts came from, when the credential report was the source. */
export interface ReportProvenance {
  /** The report's GeneratedTime, printed as the CLI prints timestamps. */
  readonly GeneratedTime: string;
  /** Console access and access keys from the report's row (devices are always listed live). */
  readonly UsersFromReport: readonly string[];
  /** Read through the API: findings confirmed live, users the report does not know or may have outdated. */
  readonly UsersReadLive: readonly string[];
}

export interface MfaReport {
  readonly Users: readonly UserAudit[];
  readonly Account: AccountAudit;
  readonly Findings: readonly Finding[];
  readonly Source: SourceName;
  readonly CredentialReport: ReportProvenance | null;
}

/** The name the credential report gives the root user. */
export const ROOT_ACCOUNT = '<root_account>';

export const hasPhishingResistantMfa = (devices: readonly MfaDevice[]): boolean => devices.some((d) => isPhishingResistant(d.Type));

/** The finding a user gives, if any: the same rule decides what the report path confirms live. */
export function userFinding(user: UserAudit, requirement: MfaRequirement): { Type: FindingType; Reason: string } | undefined {
  if (!user.ConsoleAccess) return undefined;
  if (!user.MfaActive) return { Type: 'ConsoleWithoutMfa', Reason: 'Console password enabled, no MFA device.' };
  if (requirement === 'phishing-resistant' && !user.PhishingResistantMfa) {
    const kinds = [...new Set(user.MfaDevices.map((d) => d.Type))].join(', ');
    return { Type: 'ConsoleWithoutPhishingResistantMfa', Reason: `Console password enabled, no phishing-resistant MFA (has: ${kinds}); a FIDO security key or passkey is required.` };
  }
  return undefined;
}

/** Root first, then users in IAM's order, then the unassigned devices in IAM's order. */
export function findingsOf(users: readonly UserAudit[], account: AccountAudit, rootFinding: string | undefined, requirement: MfaRequirement): Finding[] {
  const accountId = account.AccountId;
  const findings: Finding[] = [];
  if (rootFinding !== undefined) findings.push({ AccountId: accountId, Type: 'RootWithoutMfa', UserName: ROOT_ACCOUNT, Reason: rootFinding });
  for (const user of users) {
    const finding = userFinding(user, requirement);
    if (finding) findings.push({ AccountId: accountId, Type: finding.Type, UserName: user.UserName, Reason: finding.Reason });
  }
  for (const serial of account.UnassignedVirtualMfaDevices) {
    findings.push({ AccountId: accountId, Type: 'UnassignedVirtualMfaDevice', UserName: null, Reason: `Virtual MFA device ${serial} is not assigned to any user.` });
  }
  return findings;
}

/** The document as a Value (ordered maps), for the formatters and --query. */
export function reportValue(report: MfaReport): ValueMap {
  return toValue(report) as ValueMap;
}

function toValue(x: unknown): Value {
  if (Array.isArray(x)) return x.map(toValue);
  if (x !== null && typeof x === 'object') return new Map(Object.entries(x).map(([k, v]) => [k, toValue(v)]));
  return x as Value;
}
