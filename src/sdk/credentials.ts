/**
 * The credential chain of the AWS CLI, built from the SDK's own providers. The SDK's default
 * chain differs from the CLI's in ways that matter:
 * - with AWS_PROFILE set, the SDK skips environment keys (and warns on the console), while the
 *   CLI still uses them; only an explicit `--profile` makes the CLI skip them;
 * - an assume-role profile with `mfa_serial` needs a prompt (mfa-prompt.ts), and the CLI keeps
 *   the role's temporary credentials in ~/.aws/cli/cache so the next run does not ask again
 *   (credential-cache.ts): aws-iam reads and writes the same files;
 * - STS is reached at the endpoint the CLI would use for it (AWS_ENDPOINT_URL_STS, …, the
 *   profile's `endpoint_url`), never at `--endpoint-url`, which is IAM's only.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { homedir } from 'node:os';
import type { Env, Profile, SharedFiles } from '../config/settings.js';
import { CliError } from '../errors/cli-error.js';
import { assumeRoleCacheKey, cliCacheDir, readCachedCredentials, writeCachedCredentials } from './credential-cache.js';
import { mfaPrompter, type MfaPrompter } from './mfa-prompt.js';

const quietLogger = { debug() {}, info() {}, warn() {}, error() {} };

/** What the chain reads from outside the process; injected by tests. */
export interface CredentialDeps {
  readonly env: Env;
  readonly loadFiles: () => Promise<SharedFiles>;
  readonly now: () => number;
  readonly promptMfa: MfaPrompter;
  /** Where assumed-role credentials are cached (the CLI's ~/.aws/cli/cache). */
  readonly cacheDir: string;
  /** `--debug`: why the cache was not used. */
  readonly debug?: (line: string) => void;
}

export function realCredentialDeps(): CredentialDeps {
  return {
    env: process.env,
    loadFiles: async () => {
      const { loadSharedConfigFiles } = await import('@smithy/core/config');
      return (await loadSharedConfigFiles({ ignoreCache: true })) as SharedFiles;
    },
    now: () => Date.now(),
    promptMfa: mfaPrompter(),
    cacheDir: cliCacheDir(process.env, homedir),
  };
}

export function credentialChain(
  profile: string,
  profileFromCommandLine: boolean,
  deps: CredentialDeps = realCredentialDeps(),
): AwsCredentialIdentityProvider {
  const rest = defaultProvider({ profile, logger: quietLogger, mfaCodeProvider: deps.promptMfa });
  const fromProfile: AwsCredentialIdentityProvider = async (props) => {
    const files = await deps.loadFiles();
    const config = profileConfig(profile, files);
    if (config && isAssumeRoleProfile(config)) return assumeRole(profile, config, files, deps, props);
    if (config && isSsoProfile(config)) return rest(props).catch((error) => Promise.reject(ssoFailure(error, config)));
    return rest(props);
  };
  if (profileFromCommandLine) return fromProfile;
  const env = fromEnv();
  return async (props) => {
    // botocore's env provider: a key id without its secret is an error, not a fall-through.
    if (deps.env.AWS_ACCESS_KEY_ID && !deps.env.AWS_SECRET_ACCESS_KEY) {
      throw new CliError('general', 'Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY');
    }
    try {
      return await env(props);
    } catch {
      return fromProfile(props);
    }
  };
}

/** The profile's keys from both files, credentials-file keys winning (as the SDK merges them). */
function profileConfig(name: string, files: SharedFiles): Profile | undefined {
  const fromConfig = files.configFile[name];
  const fromCredentials = files.credentialsFile[name];
  if (!fromConfig && !fromCredentials) return undefined;
  return { ...fromConfig, ...fromCredentials };
}

/** botocore's test: `role_arn`, and not a web-identity profile; a source is required too. */
function isAssumeRoleProfile(config: Profile): boolean {
  return (
    config.role_arn !== undefined &&
    config.web_identity_token_file === undefined &&
    (config.source_profile !== undefined) !== (config.credential_source !== undefined)
  );
}

/**
 * SSO profiles: the SDK reads the token `aws sso login` left in ~/.aws/sso/cache (named after
 * the sso-session, or the start URL for legacy profiles) and trades it for role credentials.
 */
function isSsoProfile(config: Profile): boolean {
  return config.sso_session !== undefined || config.sso_start_url !== undefined;
}

/** A missing or expired SSO token, in the CLI's words (exit 255), instead of "Unable to locate credentials". */
function ssoFailure(error: unknown, config: Profile): unknown {
  const message = (error as Error | undefined)?.message ?? '';
  if (!/SSO/i.test(message) && !/token/i.test(message)) return error;
  // The SDK's "not found or is invalid" also says how to refresh: test for a missing token first.
  if (/not found|could not be found|ENOENT/i.test(message)) {
    return new CliError('general', `Error loading SSO Token: Token for ${config.sso_session ?? config.sso_start_url} does not exist`);
  }
  if (/expired|refresh/i.test(message)) return new CliError('general', 'Error when retrieving token from sso: Token has expired and refresh failed');
  return error;
}

/**
 * The role's credentials from the CLI's cache when they have more than 15 minutes left;
 * otherwise from the SDK's ini provider (which resolves the source, asks for the MFA code
 * and calls STS), then cached for the next run, of aws-iam or of the CLI.
 */
async function assumeRole(
  profile: string,
  config: Profile,
  files: SharedFiles,
  deps: CredentialDeps,
  props: Parameters<AwsCredentialIdentityProvider>[0],
): Promise<AwsCredentialIdentity> {
  const key = assumeRoleCacheKey(config);
  const cached = readCachedCredentials(deps.cacheDir, key, deps.now(), deps.debug);
  if (cached) return cached;
  const endpoint = stsEndpoint(deps.env, config, files);
  let credentials: AwsCredentialIdentity;
  try {
    // The SDK's chain for a named profile: its ini provider takes this role_arn profile.
    credentials = await defaultProvider({
      profile,
      logger: quietLogger,
      mfaCodeProvider: deps.promptMfa,
      ignoreCache: true,
      clientConfig: { profile, ...(endpoint ? { endpoint } : {}) },
    })(props);
  } catch (error) {
    throw stsFailure(error, endpoint, config.region);
  }
  if (credentials.sessionToken && credentials.expiration) {
    writeCachedCredentials(deps.cacheDir, key, {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
      expiration: credentials.expiration,
      accountId: credentials.accountId,
    }, deps.debug);
  }
  return credentials;
}

/**
 * The endpoint botocore's STS client uses (ConfiguredEndpointProvider): AWS_ENDPOINT_URL_STS,
 * AWS_ENDPOINT_URL, the profile's `[services]` section, the profile's `endpoint_url`.
 */
export function stsEndpoint(env: Env, profile: Profile, files: SharedFiles): string | undefined {
  const ignore = (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? profile.ignore_configured_endpoint_urls ?? '').toLowerCase();
  if (ignore === 'true') return undefined;
  const services = profile.services ? files.configFile[`services.${profile.services}`] : undefined;
  return env.AWS_ENDPOINT_URL_STS || env.AWS_ENDPOINT_URL || services?.['sts.endpoint_url'] || profile.endpoint_url || undefined;
}

interface SdkFailure {
  name?: string;
  code?: string;
  errno?: string;
  message?: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number };
}

/** An STS failure as the CLI reports it: named after AssumeRole, not the IAM operation. */
function stsFailure(error: unknown, endpoint: string | undefined, region: string | undefined): unknown {
  if (error instanceof CliError) return error;
  const e = (error ?? {}) as SdkFailure;
  if (e.$metadata?.httpStatusCode !== undefined && e.$fault) {
    const code = e.name && e.name !== 'Error' ? e.name : 'Unknown';
    const message = e.message && e.message !== 'UnknownError' ? e.message : 'Unknown';
    return new CliError('client', `An error occurred (${code}) when calling the AssumeRole operation: ${message}`, {
      code,
      message,
    });
  }
  const network = e.code ?? e.errno;
  if (network && /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ECONNRESET|ETIMEDOUT|EPIPE)$/.test(network)) {
    const base = endpoint ?? `https://sts.${region || 'us-east-1'}.amazonaws.com`;
    const url = /^[^:]+:\/\/[^/]+$/.test(base) ? `${base}/` : base;
    return new CliError('general', `Could not connect to the endpoint URL: "${url}"`);
  }
  return error;
}
