/**
 * The one place `across` talks to STS and Organizations (GetCallerIdentity, AssumeRole,
 * ListAccounts), so endpoints and regions are adjusted here only. STS is reached where the
 * credential chain reaches it (sdk/credentials.ts `stsEndpoint`: AWS_ENDPOINT_URL_STS,
 * AWS_ENDPOINT_URL, the profile's `[services]` and `endpoint_url`), Organizations likewise
 * (`AWS_ENDPOINT_URL_ORGANIZATIONS`, …); `--endpoint-url` stays IAM's only, as in the CLI. The SDK
 * clients are imported when the first request is made, with only these three commands.
 */
import { configuredEndpoint, type Env, type Settings, type SharedFiles } from '../../config/settings.js';
import { CliError } from '../../errors/cli-error.js';
import type { CredentialSource } from '../../sdk/iam-client.js';

export interface OrganizationAccount {
  readonly Id: string;
  readonly Name?: string;
  /** `ACTIVE`, `SUSPENDED`, `PENDING_CLOSURE` (the older `Status` when `State` is absent). */
  readonly State: string;
}

export interface CallerIdentity {
  readonly account: string;
  readonly arn: string;
}

/** What `across` needs beyond IAM; a scripted one in the tests. */
export interface AccountApi {
  /** A profile's credentials through the CLI's chain, resolved once (one MFA prompt) for every client. */
  credentials(settings: Settings): CredentialSource;
  callerIdentity(settings: Settings, credentials: CredentialSource): Promise<CallerIdentity>;
  /** Every account of the organization, all pages. */
  listAccounts(settings: Settings, credentials: CredentialSource): Promise<OrganizationAccount[]>;
  assumeRole(settings: Settings, credentials: CredentialSource, roleArn: string, sessionName: string): Promise<CredentialSource>;
}

/** Attempts per request when the profile does not set max_attempts (adaptive mode, as `audit`). */
export const ACROSS_MAX_ATTEMPTS = 10;

/** Resolves once and shares the answer (and a failure) with every caller. */
export function once(source: CredentialSource): CredentialSource {
  let pending: ReturnType<CredentialSource> | undefined;
  return () => (pending ??= source());
}

export function createAccountApi(env: Env, files: SharedFiles): AccountApi {
  const clientConfig = async (settings: Settings, credentials: CredentialSource, service: 'sts' | 'organizations') => {
    const endpoint = configuredEndpoint(service, env, settings.profile, files);
    return {
      region: settings.region || 'us-east-1',
      ...(endpoint ? { endpoint } : {}),
      credentials,
      retryMode: 'adaptive',
      maxAttempts: settings.maxAttempts ?? ACROSS_MAX_ATTEMPTS,
    };
  };
  return {
    credentials(settings) {
      let chain: CredentialSource | undefined;
      return once(async () => {
        // Through the module that loads the SDK, so that the bundle has one SDK graph (the
        // same chunks) whichever command loads it first.
        const { credentialChain, realCredentialDeps } = await import('../../sdk/iam-client.js');
        chain ??= credentialChain(settings.profileName, settings.profileFromCommandLine, realCredentialDeps({ region: settings.region })) as CredentialSource;
        try {
          return await chain();
        } catch (error) {
          throw credentialFailure(error);
        }
      });
    },
    async callerIdentity(settings, credentials) {
      const { STSClient, GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
      const client = new STSClient(await clientConfig(settings, credentials, 'sts'));
      try {
        const answer = await client.send(new GetCallerIdentityCommand({}));
        return { account: answer.Account ?? '', arn: answer.Arn ?? '' };
      } catch (error) {
        throw serviceFailure(error, 'GetCallerIdentity');
      } finally {
        client.destroy();
      }
    },
    async listAccounts(settings, credentials) {
      const { OrganizationsClient, ListAccountsCommand } = await import('@aws-sdk/client-organizations');
      const client = new OrganizationsClient(await clientConfig(settings, credentials, 'organizations'));
      const accounts: OrganizationAccount[] = [];
      try {
        let token: string | undefined;
        do {
          const page = await client.send(new ListAccountsCommand({ NextToken: token }));
          for (const a of page.Accounts ?? []) {
            accounts.push({ Id: a.Id ?? '', Name: a.Name, State: String((a as { State?: string }).State ?? a.Status ?? 'ACTIVE') });
          }
          token = page.NextToken;
        } while (token);
      } catch (error) {
        throw serviceFailure(error, 'ListAccounts');
      } finally {
        client.destroy();
      }
      return accounts;
    },
    async assumeRole(settings, credentials, roleArn, sessionName) {
      const { STSClient, AssumeRoleCommand } = await import('@aws-sdk/client-sts');
      const client = new STSClient(await clientConfig(settings, credentials, 'sts'));
      try {
        const answer = await client.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: sessionName }));
        const c = answer.Credentials;
        if (!c?.AccessKeyId || !c.SecretAccessKey) throw new CliError('general', `AssumeRole returned no credentials for ${roleArn}`);
        const identity = { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
        return async () => identity;
      } catch (error) {
        throw serviceFailure(error, 'AssumeRole');
      } finally {
        client.destroy();
      }
    },
  };
}

interface SdkFailure {
  name?: string;
  message?: string;
  code?: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

/** A failed STS or Organizations call in the CLI's words (client errors exit 254). */
function serviceFailure(error: unknown, operationName: string): unknown {
  if (error instanceof CliError) return error;
  const e = (error ?? {}) as SdkFailure;
  if (e.$metadata?.httpStatusCode !== undefined && e.$fault) {
    const code = e.name && e.name !== 'Error' ? e.name : 'Unknown';
    const message = e.message && e.message !== 'UnknownError' ? e.message : 'Unknown';
    return new CliError('client', `An error occurred (${code}) when calling the ${operationName} operation: ${message}`, { code, message });
  }
  if (/Could not load credentials|CredentialsProviderError/.test(`${e.name} ${e.message}`)) return credentialFailure(error);
  return new CliError('general', e.message ?? String(error));
}

function credentialFailure(error: unknown): unknown {
  if (error instanceof CliError) return error;
  const e = (error ?? {}) as SdkFailure;
  if (e.name === 'CredentialsProviderError' || /Could not load credentials/.test(e.message ?? '')) {
    return new CliError('no-credentials', 'Unable to locate credentials. You can configure credentials by running "aws login".');
  }
  return new CliError('general', e.message ?? String(error));
}
