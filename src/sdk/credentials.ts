/**
 * The credential provider IAM requests are signed with: botocore's chain (credential-chain.ts)
 * over the files aws-iam parsed itself (config/config-file.ts), with the network parts done
 * by the SDK's own clients and providers:
 * - STS AssumeRole / AssumeRoleWithWebIdentity with the source credentials the chain found,
 *   at the endpoint the CLI would use for STS (AWS_ENDPOINT_URL_STS, …, the profile's
 *   `endpoint_url`), never at `--endpoint-url`, which is IAM's only;
 * - SSO GetRoleCredentials with the token `aws sso login` left, and SSO OIDC CreateToken to
 *   refresh that token (both at their configured endpoints: AWS_ENDPOINT_URL_SSO, _SSO_OIDC, …);
 * - Sign-In CreateOAuth2Token to refresh `aws login` credentials, with a DPoP proof;
 * - the SDK's container and instance metadata providers.
 * The SDK's own chain is not used: it swallows the cause of a failure into "Could not load
 * credentials", and reads the files with other rules than botocore's.
 */
import { homedir } from 'node:os';
import { Readable } from 'node:stream';
import { readFileSync } from 'node:fs';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { configuredEndpoint, type Env, type Profile, type SharedFiles } from '../config/settings.js';
import { loadSharedFiles } from '../config/shared-files.js';
import { realFileReader } from '../config/config-file.js';
import { CliError } from '../errors/cli-error.js';
import { connectionFailure } from './transport-errors.js';
import { cliCacheDir } from './credential-cache.js';
import { mfaPrompter, type MfaPrompter } from './mfa-prompt.js';
import { resolveCredentials, type AssumeRoleParams, type ChainDeps, type WebIdentityParams } from './credential-chain.js';
import { runProgram } from './credential-process.js';
import type { Credentials } from './credential-types.js';
import type { Value } from '../value/value.js';
import { tokenCaches, type SsoRoleRequest } from './sso-login.js';
import { RefreshRefused, type CreateTokenAnswer, type CreateTokenRequest } from './sso-token.js';
import { dpopProof, SigninAccessDenied, type SigninTokenAnswer, type SigninTokenRequest } from './login-refresh.js';
import { requestUrlOf } from './endpoint.js';
import { retrySuffix } from './retry-strategy.js';
import { genericErrorMessage, isGenericError } from './generic-error.js';

const NO_REGION = 'You must specify a region. You can also configure your region by running "aws configure".';

const quietLogger = { debug() {}, info() {}, warn() {}, error() {}, trace() {} };

/** What the chain reads from outside the process; injected by tests. */
export interface CredentialDeps {
  readonly env: Env;
  readonly loadFiles: () => Promise<SharedFiles>;
  readonly now: () => number;
  readonly promptMfa: MfaPrompter;
  /** Where assumed-role credentials are cached (the CLI's ~/.aws/cli/cache). */
  readonly cacheDir: string;
  /** The region STS and SSO clients are created in (the command's region). */
  readonly region?: string;
  /** STS's FIPS and dual-stack endpoints, as the command's settings ask for them. */
  readonly useFipsEndpoint?: boolean;
  readonly useDualstackEndpoint?: boolean;
  /** What sends the STS and SSO requests (iam-client.ts: always verified, the CA bundle). */
  readonly requestHandler?: unknown;
  readonly debug?: (line: string) => void;
  /** Tests: replace any of the chain's network parts. */
  readonly overrides?: Partial<ChainDeps>;
}

export function realCredentialDeps(
  options: Pick<CredentialDeps, 'region' | 'useFipsEndpoint' | 'useDualstackEndpoint' | 'requestHandler' | 'debug'> = {},
): CredentialDeps {
  return {
    env: process.env,
    loadFiles: async () => loadSharedFiles(process.env),
    now: () => Date.now(),
    promptMfa: mfaPrompter(),
    cacheDir: cliCacheDir(process.env, homedir),
    ...options,
  };
}

/**
 * The provider for one command: resolved once (the CLI resolves credentials once per
 * command), whatever the number of requests.
 */
export function credentialChain(
  profile: string,
  profileFromCommandLine: boolean,
  deps: CredentialDeps = realCredentialDeps(),
): AwsCredentialIdentityProvider {
  let resolved: Promise<AwsCredentialIdentity> | undefined;
  return () =>
    (resolved ??= (async () => {
      const files = await deps.loadFiles();
      const chainDeps = { ...networkDeps(deps, files), ...deps.overrides };
      return toIdentity(await resolveCredentials(profile, profileFromCommandLine, chainDeps));
    })());
}

function toIdentity(c: Credentials): AwsCredentialIdentity {
  return {
    accessKeyId: c.accessKeyId,
    secretAccessKey: c.secretAccessKey,
    ...(c.sessionToken !== undefined ? { sessionToken: c.sessionToken } : {}),
    ...(c.expiration !== undefined ? { expiration: c.expiration } : {}),
    ...(c.accountId !== undefined ? { accountId: c.accountId } : {}),
  };
}

function networkDeps(deps: CredentialDeps, files: SharedFiles): ChainDeps {
  const { env } = deps;
  return {
    env,
    files,
    now: deps.now,
    debug: deps.debug,
    fileReader: realFileReader,
    readText: (path) => readFileSync(path, 'utf8'),
    runProgram,
    promptMfa: deps.promptMfa,
    cacheDir: deps.cacheDir,
    tokenCaches: tokenCaches(env),
    assumeRole: (source, params, profile) => callSts('AssumeRole', params, source, deps, files, profile),
    assumeRoleWithWebIdentity: (params, profile) => callSts('AssumeRoleWithWebIdentity', params, undefined, deps, files, profile),
    ssoRoleCredentials: (request, profile) => ssoRoleCredentials(request, configuredEndpoint('sso', env, profile, files), deps.requestHandler),
    ssoCreateToken: (request, profile) => ssoCreateToken(request, configuredEndpoint('sso_oidc', env, profile, files), deps.requestHandler),
    signinCreateToken: (request, profile) => {
      // The Sign-In client is the command's region's: without one botocore cannot create it.
      if (deps.region === undefined) throw new CliError('no-region', NO_REGION);
      return signinCreateToken(request, configuredEndpoint('signin', env, profile, files), deps.region || 'us-east-1', deps);
    },
    containerCredentials: async () => {
      const { fromContainerMetadata } = await import('@smithy/credential-provider-imds');
      try {
        return await fromContainerMetadata({ timeout: 2000, maxRetries: 2, logger: quietLogger } as never)();
      } catch (error) {
        throw new CliError('general', `Error when retrieving credentials from container-role: ${(error as Error).message}`);
      }
    },
    instanceCredentials: async () => {
      const { fromInstanceMetadata } = await import('@smithy/credential-provider-imds');
      // botocore: one attempt, a one-second timeout, and nothing found is not an error.
      try {
        return await fromInstanceMetadata({ timeout: 1000, maxRetries: 0, logger: quietLogger } as never)();
      } catch {
        return undefined;
      }
    },
  };
}

async function callSts(
  operation: 'AssumeRole' | 'AssumeRoleWithWebIdentity',
  params: AssumeRoleParams | WebIdentityParams,
  source: Credentials | undefined,
  deps: CredentialDeps,
  files: SharedFiles,
  profile: Profile,
): Promise<Credentials> {
  const sts = await import('@aws-sdk/client-sts');
  const endpoint = configuredEndpoint('sts', deps.env, profile, files);
  const client = new sts.STSClient({
    // No region: botocore's pseudo-region for STS's global endpoint (sts.amazonaws.com).
    region: deps.region || 'aws-global',
    // A configured STS endpoint is used as it is, as for IAM.
    ...(endpoint ? { endpoint } : { useFipsEndpoint: deps.useFipsEndpoint, useDualstackEndpoint: deps.useDualstackEndpoint }),
    ...(deps.requestHandler ? { requestHandler: deps.requestHandler as never } : {}),
    credentials: source ?? { accessKeyId: '', secretAccessKey: '' },
    logger: quietLogger,
  });
  try {
    const answer =
      operation === 'AssumeRole'
        ? await client.send(new sts.AssumeRoleCommand(params as AssumeRoleParams))
        : await client.send(new sts.AssumeRoleWithWebIdentityCommand(params as WebIdentityParams));
    const c = answer.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new CliError('general', `${operation} returned no credentials`);
    const arn = answer.AssumedRoleUser?.Arn;
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      expiration: c.Expiration,
      accountId: arn?.split(':')[4] || undefined,
    };
  } catch (error) {
    throw stsFailure(error, operation, endpoint, deps.region);
  } finally {
    client.destroy();
  }
}

/** The SDK clients of the sign-in services: botocore's (unsigned), at the configured endpoint if any. */
function signInClientConfig(region: string, endpoint: string | undefined, requestHandler: unknown) {
  return {
    region,
    logger: quietLogger,
    ...(endpoint ? { endpoint } : {}),
    ...(requestHandler ? { requestHandler: requestHandler as never } : {}),
  };
}

async function ssoRoleCredentials(request: SsoRoleRequest, endpoint: string | undefined, requestHandler: unknown): Promise<Credentials> {
  const sso = await import('@aws-sdk/nested-clients/sso');
  const client = new sso.SSOClient(signInClientConfig(request.region, endpoint, requestHandler));
  try {
    const answer = await client.send(
      new sso.GetRoleCredentialsCommand({ accountId: request.accountId, roleName: request.roleName, accessToken: request.accessToken }),
    );
    const c = answer.roleCredentials;
    if (!c?.accessKeyId || !c.secretAccessKey) throw new CliError('general', 'GetRoleCredentials returned no credentials');
    return {
      accessKeyId: c.accessKeyId,
      secretAccessKey: c.secretAccessKey,
      sessionToken: c.sessionToken,
      expiration: c.expiration !== undefined ? new Date(c.expiration) : undefined,
      accountId: request.accountId,
    };
  } catch (error) {
    if ((error as Error)?.name === 'UnauthorizedException') {
      throw new CliError(
        'general',
        'The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session ' +
          'run aws sso login with the corresponding profile.',
      );
    }
    throw stsFailure(error, 'GetRoleCredentials', endpoint, request.region, `https://portal.sso.${request.region}.amazonaws.com`);
  } finally {
    client.destroy();
  }
}

/** SSO OIDC CreateToken with a refresh token; an error answer is RefreshRefused (botocore's ClientError). */
async function ssoCreateToken(request: CreateTokenRequest, endpoint: string | undefined, requestHandler: unknown): Promise<CreateTokenAnswer> {
  const oidc = await import('@aws-sdk/nested-clients/sso-oidc');
  const client = new oidc.SSOOIDCClient(signInClientConfig(request.region, endpoint, requestHandler));
  try {
    const answer = await client.send(
      new oidc.CreateTokenCommand({
        grantType: 'refresh_token',
        clientId: request.clientId,
        clientSecret: request.clientSecret,
        refreshToken: request.refreshToken,
      }),
    );
    return { accessToken: answer.accessToken ?? '', expiresIn: answer.expiresIn ?? Number.NaN, refreshToken: answer.refreshToken };
  } catch (error) {
    const e = (error ?? {}) as SdkFailure;
    // Any error answer, parsable or not, is botocore's ClientError: the refresh is given up.
    const status = e.$metadata?.httpStatusCode;
    if (status !== undefined && status >= 300) {
      const said = e.message && e.message !== 'UnknownError' ? `: ${e.message}` : '';
      throw new RefreshRefused(`${e.name ?? 'Error'} (HTTP ${status})${said}`);
    }
    const base = endpoint ?? `https://oidc.${request.region}.amazonaws.com`;
    throw connectionFailure(error, `${base.replace(/\/+$/, '')}/token`) ?? new CliError('general', e.message ?? String(error));
  } finally {
    client.destroy();
  }
}

/**
 * Sign-In CreateOAuth2Token (grant type refresh_token) with its DPoP header, signed for the
 * URL the request goes to once its endpoint is resolved. AccessDeniedException is handed back
 * with its reason, for the CLI's sentences; any other error answer is a client error.
 */
async function signinCreateToken(
  request: SigninTokenRequest,
  endpoint: string | undefined,
  region: string,
  deps: CredentialDeps,
): Promise<SigninTokenAnswer> {
  const signin = await import('@aws-sdk/nested-clients/signin');
  const client = new signin.SigninClient(signInClientConfig(region, endpoint, deps.requestHandler));
  client.middlewareStack.add(
    (next) => async (args) => {
      const http = args.request as { method?: string; headers?: Record<string, string> } & Parameters<typeof requestUrlOf>[0];
      if (http.headers) http.headers.DPoP = dpopProof(request.privateKey, requestUrlOf(http), deps.now());
      return next(args);
    },
    { step: 'finalizeRequest', name: 'dpopProof' },
  );
  // An error answer's body as it came, for one the SDK cannot parse (an HTML page).
  let errorAnswer: RawAnswer | undefined;
  client.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const response = result.response as { statusCode: number; body: AsyncIterable<Uint8Array> };
      if (response.statusCode >= 300) {
        const chunks: Buffer[] = [];
        for await (const chunk of response.body) chunks.push(Buffer.from(chunk));
        errorAnswer = { status: response.statusCode, body: Buffer.concat(chunks) };
        response.body = Readable.from([errorAnswer.body]);
      }
      return result;
    },
    { step: 'deserialize', priority: 'low', name: 'signinErrorBody' },
  );
  try {
    const answer = await client.send(
      new signin.CreateOAuth2TokenCommand({
        tokenInput: { clientId: request.clientId, refreshToken: request.refreshToken, grantType: 'refresh_token' },
      }),
    );
    const out = answer.tokenOutput;
    if (!out) throw new CliError('general', 'Error loading login session token: Failed to refresh an access token.');
    return {
      accessKeyId: out.accessToken?.accessKeyId ?? '',
      secretAccessKey: out.accessToken?.secretAccessKey ?? '',
      sessionToken: out.accessToken?.sessionToken ?? '',
      expiresIn: out.expiresIn ?? Number.NaN,
      refreshToken: out.refreshToken ?? '',
    };
  } catch (error) {
    if ((error as Error)?.name === 'AccessDeniedException') throw new SigninAccessDenied(String((error as { error?: string }).error ?? ''));
    throw signinFailure(error, endpoint, region, errorAnswer);
  } finally {
    client.destroy();
  }
}

interface RawAnswer {
  readonly status: number;
  readonly body: Buffer;
}

/**
 * A Sign-In failure as the CLI reports it (botocore's rest-json error parsing): a modeled error
 * with its `error` reason after the message; a 5xx with an empty or `<html>` body by its status
 * and reason phrase; any other body that is not JSON by its status, the body as the message.
 * With the retry suffix when the last allowed attempt failed.
 */
function signinFailure(error: unknown, endpoint: string | undefined, region: string, answer: RawAnswer | undefined): unknown {
  if (error instanceof CliError) return error;
  const e = (error ?? {}) as SdkFailure & { error?: unknown };
  const calling = `when calling the CreateOAuth2Token operation${retrySuffix(e.$metadata?.attempts, 3)}`;
  const said = serviceSaid(e);
  if (said) {
    const { code, message } = said;
    const line = `An error occurred (${code}) ${calling}: ${message}`;
    // The structured formats show the parsed error as botocore builds it: its Message and
    // Code, then the modeled members of the body (Sign-In's `error` and `message`).
    const reason = typeof e.error === 'string' ? e.error : undefined;
    const fields: [string, Value][] = [['Message', message], ['Code', code], ...(reason ? [['error', reason] as [string, Value]] : []), ['message', message]];
    if (reason === undefined) return new CliError('client', line, { code, message, fields });
    return new CliError('client', `${line}\n\nAdditional error details:\nerror: ${reason}`, { code, message, fields });
  }
  if (answer) {
    const code = String(answer.status);
    const message = isGenericError(answer.status, answer.body) ? genericErrorMessage(answer.status) : answer.body.toString('utf8');
    return new CliError('client', `An error occurred (${code}) ${calling}: ${message}`, { code, message });
  }
  const base = (endpoint ?? `https://${region}.signin.aws.amazon.com`).replace(/\/+$/, '');
  return stsFailure(error, 'CreateOAuth2Token', `${base}/v1/token`, region);
}

/** The code and message of an error the service answered with (the SDK parsed it), else undefined. */
function serviceSaid(e: SdkFailure): { code: string; message: string } | undefined {
  if (e.$metadata?.httpStatusCode === undefined || !e.$fault) return undefined;
  return {
    code: e.name && e.name !== 'Error' ? e.name : 'Unknown',
    message: e.message && e.message !== 'UnknownError' ? e.message : 'Unknown',
  };
}

interface SdkFailure {
  name?: string;
  code?: string;
  errno?: string;
  message?: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

/** An STS (or SSO) failure as the CLI reports it: named after its own operation, not IAM's. */
function stsFailure(
  error: unknown,
  operation: string,
  endpoint: string | undefined,
  region: string | undefined,
  defaultEndpoint = region ? `https://sts.${region}.amazonaws.com` : 'https://sts.amazonaws.com',
): unknown {
  if (error instanceof CliError) return error;
  const e = (error ?? {}) as SdkFailure;
  const said = serviceSaid(e);
  if (said) {
    const { code, message } = said;
    return new CliError('client', `An error occurred (${code}) when calling the ${operation} operation: ${message}`, { code, message });
  }
  const connection = connectionFailure(error, endpoint ?? defaultEndpoint);
  if (connection) return connection;
  return new CliError('general', e.message ?? String(error));
}
