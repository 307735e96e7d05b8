/**
 * Whether AWS Organizations manages this account's root user centrally. IAM's
 * ListOrganizationsFeatures answers only to the management account and IAM's delegated
 * administrator; a member account gets AccountNotManagementOrDelegatedAdministrator. So an
 * audit run alone in a member account cannot see it, and `across --organization` learns the
 * features once from the caller (`learnOrganizationContext`) and hands them to every member's
 * audit (`OrganizationContext`).
 */
import { serviceErrorCode, type IamReader } from './iam-reader.js';
import { CliError } from '../../errors/cli-error.js';

/** The organization's centralized root access, as the caller learned it once. */
export interface OrganizationContext {
  readonly organizationId: string | null;
  /** The management account: its own root is never centrally managed. */
  readonly managementAccountId: string;
  /** `RootCredentialsManagement`: member roots' credentials are managed by the organization. */
  readonly rootCredentialsManagement: boolean;
  /** `RootSessions`: the management account may take privileged root sessions in members. */
  readonly rootSessions: boolean;
}

/** What this account's audit knows about its organization. */
export type OrganizationView =
  /** Features known: given by the caller, or read here (this account is the management account or the delegated administrator). */
  | { readonly kind: 'features'; readonly learnedFrom: 'caller' | 'this-account'; readonly organizationId: string | null; readonly managementAccountId: string | null; readonly rootCredentialsManagement: boolean; readonly rootSessions: boolean }
  /** No organization, or one in which centralized root access cannot be on. */
  | { readonly kind: 'none'; readonly reason: string }
  /** A member account, alone: IAM does not tell it. */
  | { readonly kind: 'member'; readonly reason: string }
  /** The call failed (a missing permission, a service that does not know it). */
  | { readonly kind: 'unknown'; readonly reason: string };

/** Codes IAM gives these errors on the wire, with or without the model's `Exception` suffix. */
const code = (error: unknown): string => (serviceErrorCode(error) ?? '').replace(/Exception$/, '');

export async function readOrganizationView(iam: IamReader, context?: OrganizationContext): Promise<OrganizationView> {
  if (context) return { kind: 'features', learnedFrom: 'caller', ...context };
  try {
    const { organizationId, features } = await iam.listOrganizationsFeatures();
    return {
      kind: 'features',
      learnedFrom: 'this-account',
      organizationId,
      managementAccountId: null,
      rootCredentialsManagement: features.includes('RootCredentialsManagement'),
      rootSessions: features.includes('RootSessions'),
    };
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    switch (code(error)) {
      case 'AccountNotManagementOrDelegatedAdministrator':
        return { kind: 'member', reason: 'this is a member account, and only the management account or IAM\'s delegated administrator can see whether the organization manages root credentials centrally' };
      case 'OrganizationNotFound':
        return { kind: 'none', reason: 'the account is not in an organization' };
      case 'OrganizationNotInAllFeaturesMode':
        return { kind: 'none', reason: 'the organization does not have all features enabled, so it cannot manage root credentials centrally' };
      case 'ServiceAccessNotEnabled':
        return { kind: 'none', reason: 'trusted access for IAM is not enabled in the organization, so it cannot manage root credentials centrally' };
      default:
        return { kind: 'unknown', reason: `ListOrganizationsFeatures failed: ${describe(error)}` };
    }
  }
}

function describe(error: CliError): string {
  const details = error.details;
  return details?.code ? `${details.code}: ${details.message}` : error.message;
}

/**
 * For a caller about to audit many accounts: the organization's features read once with the
 * caller's (management or delegated administrator) credentials. `unavailable` says why not;
 * the members' audits then judge root as they would alone.
 */
export async function learnOrganizationContext(
  iam: IamReader,
  managementAccountId: string,
): Promise<{ readonly context: OrganizationContext } | { readonly unavailable: string }> {
  const view = await readOrganizationView(iam);
  if (view.kind === 'features') {
    const { organizationId, rootCredentialsManagement, rootSessions } = view;
    return { context: { organizationId, managementAccountId, rootCredentialsManagement, rootSessions } };
  }
  if (view.kind === 'none') return { context: { organizationId: null, managementAccountId, rootCredentialsManagement: false, rootSessions: false } };
  return { unavailable: view.reason };
}
