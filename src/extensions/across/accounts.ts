/**
 * The accounts a run covers, and how to reach each one:
 * - `--profiles`: each profile with its own settings and credentials (the CLI's chain), its
 *   account from GetCallerIdentity;
 * - `--organization`: the caller's account with the caller's credentials, every other active
 *   account of ListAccounts through `--role-name`, assumed with the caller's credentials
 *   (resolved once, so an MFA prompt happens once). Suspended accounts are named in a note.
 */
import type { GlobalOptions } from '../../cli/global-options.js';
import { resolveSettings, type Env, type Settings, type SharedFiles } from '../../config/settings.js';
import { CliError } from '../../errors/cli-error.js';
import type { CredentialSource } from '../../sdk/iam-client.js';
import type { AccountApi } from './account-api.js';
import type { AccountSource } from './options.js';
import { expandProfiles } from './profile-globs.js';

/** The role session name: says who made the call, in CloudTrail and in the member account. */
export const SESSION_NAME = 'aws-iam-across';

export interface AccountTarget {
  /** Known before connecting in organization mode; from GetCallerIdentity for profiles. */
  readonly accountId?: string;
  readonly profile?: string;
  /** How errors name the account: `111111111111`, or the profile name. */
  readonly label: string;
}

export interface Connection {
  readonly accountId: string;
  /** The globals and settings of this account's IAM calls (its profile's, for `--profiles`). */
  readonly globals: GlobalOptions;
  readonly settings: Settings;
  readonly credentials: CredentialSource;
}

export interface AccountPlan {
  readonly targets: readonly AccountTarget[];
  /** `--organization`: the caller's account (where the organization's features are read). */
  readonly callerAccountId?: string;
  /** Reaches one account: credentials, account id, settings. Throws CliError on failure. */
  connect(target: AccountTarget): Promise<Connection>;
}

export interface DiscoveryDeps {
  readonly api: AccountApi;
  readonly env: Env;
  readonly files: SharedFiles;
  readonly profileNames: () => readonly string[];
  readonly note: (message: string) => void;
}

export async function planAccounts(source: AccountSource, globals: GlobalOptions, deps: DiscoveryDeps): Promise<AccountPlan> {
  return source.kind === 'profiles' ? planProfiles(source.patterns, globals, deps) : planOrganization(source, globals, deps);
}

function planProfiles(patterns: readonly string[], globals: GlobalOptions, deps: DiscoveryDeps): AccountPlan {
  if (globals.profile !== undefined) throw new CliError('usage', 'argument --profile: not allowed with across --profiles (each profile is its own account)');
  const names = expandProfiles(patterns, deps.profileNames());
  return {
    targets: names.map((name) => ({ profile: name, label: name })),
    async connect(target) {
      const accountGlobals = { ...globals, profile: target.profile };
      const settings = resolveSettings(accountGlobals, deps.env, deps.files);
      const credentials = deps.api.credentials(settings);
      const identity = await deps.api.callerIdentity(settings, credentials);
      return { accountId: identity.account, globals: accountGlobals, settings, credentials };
    },
  };
}

async function planOrganization(source: Extract<AccountSource, { kind: 'organization' }>, globals: GlobalOptions, deps: DiscoveryDeps): Promise<AccountPlan> {
  const settings = resolveSettings(globals, deps.env, deps.files);
  const callerCredentials = deps.api.credentials(settings);
  const caller = await deps.api.callerIdentity(settings, callerCredentials);
  const all = await deps.api.listAccounts(settings, callerCredentials);
  const suspended = all.filter((a) => a.State !== 'ACTIVE');
  if (suspended.length > 0) {
    deps.note(`skipped ${suspended.length} account(s) that are not active: ${suspended.map((a) => `${a.Id} (${a.State.toLowerCase()}${a.Name ? `, ${a.Name}` : ''})`).join(', ')}`);
  }
  let active: readonly string[] = all.filter((a) => a.State === 'ACTIVE').map((a) => a.Id);
  if (source.accounts) {
    const missing = source.accounts.filter((id) => !active.includes(id));
    if (missing.length > 0) throw new CliError('general', `Not an active account of the organization: ${missing.join(', ')}`);
    active = source.accounts;
  }
  const partition = /^arn:([^:]+):/.exec(caller.arn)?.[1] ?? 'aws';
  return {
    targets: active.map((id) => ({ accountId: id, label: id })),
    callerAccountId: caller.account,
    async connect(target) {
      const id = target.accountId!;
      const credentials =
        id === caller.account
          ? callerCredentials
          : await deps.api.assumeRole(settings, callerCredentials, `arn:${partition}:iam::${id}:role/${source.roleName}`, SESSION_NAME);
      return { accountId: id, globals, settings, credentials };
    },
  };
}
