/**
 * The audit's document: its types, the findings derived from it, and its conversion to the
 * Value every output format and --query work on. The schema is documented in docs/audit-mfa.md;
 * key order here is the order users see.
 */
import type { Value, ValueMap } from '../../value/value.js';

export type SourceName = 'credential-report' | 'api';
export type MfaDeviceType = 'virtual' | 'fido' | 'hardware';

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
  readonly MfaDevices: readonly MfaDevice[];
  readonly ActiveAccessKeys: number;
}

export interface AccountAudit {
  readonly RootMfaActive: boolean;
  readonly UnassignedVirtualMfaDevices: readonly string[];
}

export type FindingType = 'RootWithoutMfa' | 'ConsoleWithoutMfa' | 'UnassignedVirtualMfaDevice';

export interface Finding {
  readonly Type: FindingType;
  /** The user concerned: `<root_account>` for the root user (as the credential report names it), null for devices. */
  readonly UserName: string | null;
  readonly Reason: string;
}

export interface MfaReport {
  readonly Users: readonly UserAudit[];
  readonly Account: AccountAudit;
  readonly Findings: readonly Finding[];
  readonly Source: SourceName;
}

/** The name the credential report gives the root user. */
export const ROOT_ACCOUNT = '<root_account>';

/**
 * A device's kind from its serial number: virtual devices are `arn:…:mfa/NAME`, FIDO security
 * keys `arn:…:u2f/…`, hardware TOTP tokens a bare serial (`GAHT12345678`).
 */
export function deviceType(serialNumber: string): MfaDeviceType {
  const arn = /^arn:[^:]+:iam::[^:]*:([a-z0-9]+)\//.exec(serialNumber);
  if (arn?.[1] === 'mfa') return 'virtual';
  if (arn?.[1] === 'u2f') return 'fido';
  return 'hardware';
}

/** Root first, then users in IAM's order, then the unassigned devices in IAM's order. */
export function findingsOf(users: readonly UserAudit[], account: AccountAudit): Finding[] {
  const findings: Finding[] = [];
  if (!account.RootMfaActive) {
    findings.push({ Type: 'RootWithoutMfa', UserName: ROOT_ACCOUNT, Reason: 'The root user has no MFA device (AccountMFAEnabled is 0).' });
  }
  for (const user of users) {
    if (user.ConsoleAccess && !user.MfaActive) {
      findings.push({ Type: 'ConsoleWithoutMfa', UserName: user.UserName, Reason: 'Console password enabled, no MFA device.' });
    }
  }
  for (const serial of account.UnassignedVirtualMfaDevices) {
    findings.push({ Type: 'UnassignedVirtualMfaDevice', UserName: null, Reason: `Virtual MFA device ${serial} is not assigned to any user.` });
  }
  return findings;
}

export function buildReport(users: readonly UserAudit[], account: AccountAudit, source: SourceName): MfaReport {
  return { Users: users, Account: account, Findings: findingsOf(users, account), Source: source };
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
