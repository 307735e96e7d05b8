/**
 * The root user, judged as organizations manage it today. Its facts come from GetAccountSummary
 * (live, and read by both sources, so both sources judge it alike): AccountMFAEnabled and
 * whether it has a password, access keys or signing certificates. The credential report's root
 * row adds nothing to those (its password_enabled is `not_supported` for root, its MFA, key and
 * certificate columns repeat the summary, up to four hours late), so it is not used.
 *
 * A member account whose organization manages root credentials centrally
 * (RootCredentialsManagement), and whose root has no credential at all, has a root nobody can
 * sign in as or recover without the organization: "no MFA" there is not a finding. Everything
 * else keeps the finding: the management account's own root, a root with any credential, an
 * account outside an organization, and an account where central management cannot be seen.
 */
import type { OrganizationView } from './organization.js';

export type RootManagement = 'centrally-managed' | 'account-managed' | 'unknown';

/** Present (true), absent (false), or not said by GetAccountSummary (null). */
export interface RootCredentials {
  readonly Password: boolean | null;
  readonly AccessKeys: boolean | null;
  readonly SigningCertificates: boolean | null;
}

export interface RootJudgement {
  readonly management: RootManagement;
  /** One sentence: why the root is judged as it is. */
  readonly managementReason: string;
  /** The finding's reason, or undefined when root is not a finding. */
  readonly findingReason?: string;
  /** A line for stderr when a finding stands only because management could not be seen. */
  readonly note?: string;
}

export type AccountSummary = ReadonlyMap<string, number>;

const SUMMARY_KEYS: Record<keyof RootCredentials, string> = {
  Password: 'AccountPasswordPresent',
  AccessKeys: 'AccountAccessKeysPresent',
  SigningCertificates: 'AccountSigningCertificatesPresent',
};

export const rootMfaActive = (summary: AccountSummary): boolean => (summary.get('AccountMFAEnabled') ?? 0) > 0;

export function rootCredentials(summary: AccountSummary): RootCredentials {
  const present = (key: string) => (summary.has(key) ? summary.get(key)! > 0 : null);
  return { Password: present(SUMMARY_KEYS.Password), AccessKeys: present(SUMMARY_KEYS.AccessKeys), SigningCertificates: present(SUMMARY_KEYS.SigningCertificates) };
}

const NO_MFA = 'The root user has no MFA device (AccountMFAEnabled is 0).';

export function judgeRoot(mfaActive: boolean, credentials: RootCredentials, view: OrganizationView, accountId: string | null): RootJudgement {
  const { management, managementReason, note } = managementOf(view, accountId);
  // With MFA root is no finding however it is managed, so what could not be seen does not matter.
  if (mfaActive) return { management, managementReason };
  if (management !== 'centrally-managed') return { management, managementReason, findingReason: NO_MFA, note };
  const held = (Object.keys(SUMMARY_KEYS) as (keyof RootCredentials)[]).filter((k) => credentials[k] !== false);
  if (held.length === 0) {
    return { management, managementReason: `${managementReason}; the root user has no password, access key or signing certificate, so no MFA is needed` };
  }
  const what = held.map((k) => (credentials[k] === null ? `${SUMMARY_KEYS[k]} is not reported` : `${SUMMARY_KEYS[k]} is 1`)).join(', ');
  return {
    management,
    managementReason: `${managementReason}, but the root user may still sign in (${what})`,
    findingReason: `The root user has no MFA device (AccountMFAEnabled is 0) and may still have a credential (${what}), although the organization manages root credentials centrally.`,
  };
}

function managementOf(view: OrganizationView, accountId: string | null): { management: RootManagement; managementReason: string; note?: string } {
  switch (view.kind) {
    case 'none':
      return { management: 'account-managed', managementReason: capitalize(view.reason) };
    case 'member':
      return {
        management: 'unknown',
        managementReason: capitalize(view.reason),
        note: `root is judged as if the account managed it (${view.reason}; \`aws-iam across --organization\` from the management account can tell)`,
      };
    case 'unknown':
      return { management: 'unknown', managementReason: `Cannot tell whether the organization manages root credentials centrally (${view.reason})`, note: `root is judged as if the account managed it (${view.reason})` };
    case 'features': {
      const org = view.organizationId ? `the organization ${view.organizationId}` : 'the organization';
      if (!view.rootCredentialsManagement) return { management: 'account-managed', managementReason: `${capitalize(org)} does not manage root credentials centrally (RootCredentialsManagement is not enabled)` };
      if (view.managementAccountId !== null && accountId !== null && accountId === view.managementAccountId) {
        return { management: 'account-managed', managementReason: `This is the management account of ${org}, whose own root user is never centrally managed` };
      }
      if (view.managementAccountId === null || accountId === null) {
        // Read here: this account is the management account or IAM's delegated administrator,
        // and IAM does not say which.
        const reason = `${org} manages member roots centrally, but this account is its management account or IAM's delegated administrator and cannot tell which`;
        return { management: 'unknown', managementReason: capitalize(reason), note: `root is judged as if the account managed it (${reason})` };
      }
      return { management: 'centrally-managed', managementReason: `${capitalize(org)} manages this member account's root credentials centrally (RootCredentialsManagement)` };
    }
  }
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
