/**
 * Profiles signed in through a browser: IAM Identity Center (`sso_*`, legacy or through an
 * `[sso-session]`, tokens in ~/.aws/sso/cache from `aws sso login`) and `aws login`
 * (`login_session`, tokens in ~/.aws/login/cache). botocore's SSOProvider and LoginProvider:
 * the same settings checks, the same token files (SHA-1 / SHA-256 of the session name), the
 * same messages when a token is missing, incomplete or expired.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Env, Profile, SharedFiles } from '../config/settings.js';
import { expandPath } from '../config/config-file.js';
import { CliError } from '../errors/cli-error.js';
import { pyStringRepr } from '../value/python-repr.js';
import { readCachedCredentials, writeCachedCredentials } from './credential-cache.js';
import { usable, type Credentials } from './credential-types.js';
import { dumpJson } from '../value/json.js';
import { ssoSessionToken, ssoTokenFileName, type CreateTokenAnswer, type CreateTokenRequest } from './sso-token.js';

export interface SsoRoleRequest {
  readonly region: string;
  readonly accountId: string;
  readonly roleName: string;
  readonly accessToken: string;
}

/** Where the browser sign-ins leave their tokens. */
export interface TokenCaches {
  readonly ssoDir: string;
  readonly loginDir: string;
}

export function tokenCaches(env: Env): TokenCaches {
  const home = env.HOME ?? '';
  return {
    ssoDir: join(home, '.aws', 'sso', 'cache'),
    loginDir: env.AWS_LOGIN_CACHE_DIRECTORY !== undefined ? expandPath(env.AWS_LOGIN_CACHE_DIRECTORY, env) : join(home, '.aws', 'login', 'cache'),
  };
}

interface SsoDeps {
  readonly files: SharedFiles;
  readonly now: () => number;
  readonly readText: (path: string) => string;
  readonly tokenCaches: TokenCaches;
  readonly cacheDir?: string;
  readonly ssoRoleCredentials: (request: SsoRoleRequest, profile: Profile) => Promise<Credentials>;
  readonly ssoCreateToken: (request: CreateTokenRequest, profile: Profile) => Promise<CreateTokenAnswer>;
  readonly debug?: (line: string) => void;
  readonly refreshLogin: (profileName: string) => Promise<Credentials>;
}

/**
 * A legacy profile's token (start URL and region in the profile): used as cached, never
 * refreshed; botocore checks its expiry itself, before any request.
 */
function legacyToken(startUrl: string, deps: SsoDeps): string {
  const token = readJsonFile(join(deps.tokenCaches.ssoDir, ssoTokenFileName(startUrl)), deps.readText);
  if (token === undefined) throw new CliError('general', `Error loading SSO Token: Token for ${startUrl} does not exist`);
  if (token === 'unreadable' || typeof token.accessToken !== 'string' || typeof token.expiresAt !== 'string') {
    throw new CliError('general', `Error loading SSO Token: Token for ${startUrl} is invalid`);
  }
  if (!(Date.parse(token.expiresAt) > deps.now())) throw new CliError('general', UNAUTHORIZED);
  return token.accessToken;
}

const UNAUTHORIZED =
  'The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session ' +
  'run aws sso login with the corresponding profile.';

/** A JSON token file, or undefined when it is not there (JSONFileCache's `in`). */
function readJsonFile(path: string, readText: (p: string) => string): Record<string, unknown> | undefined | 'unreadable' {
  let text: string;
  try {
    text = readText(path);
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

export async function ssoCredentials(profileName: string, profile: Profile, deps: SsoDeps): Promise<Credentials | undefined> {
  if (profile.sso_role_name === undefined && profile.sso_account_id === undefined) return undefined;
  const config: Record<string, string | undefined> = { ...profile };
  const required = ['sso_role_name', 'sso_account_id', 'sso_start_url', 'sso_region'];
  const sessionName = profile.sso_session;
  if (sessionName !== undefined) {
    const session = deps.files.ssoSessions?.[sessionName] ?? deps.files.configFile[`sso-session.${sessionName}`];
    if (!session) throw new CliError('general', `The specified sso-session does not exist: "${sessionName}"`);
    for (const [key, value] of Object.entries(session)) {
      if (config[key] !== undefined && config[key] !== value) {
        throw new CliError('general', `The value for ${key} is inconsistent between profile (${config[key]}) and sso-session (${value}).`);
      }
      config[key] = value;
    }
    required.push('sso_session');
  }
  const missing = required.filter((key) => config[key] === undefined);
  if (missing.length) {
    throw new CliError(
      'general',
      `The profile "${profileName}" is configured to use SSO but is missing required configuration: ${missing.join(', ')}`,
    );
  }
  const startUrl = config.sso_start_url!;
  // The role's credentials are cached in ~/.aws/cli/cache before any token is needed.
  const keyArgs = new Map<string, string>([['accountId', config.sso_account_id!], ['roleName', config.sso_role_name!]]);
  if (sessionName !== undefined) keyArgs.set('sessionName', sessionName);
  else keyArgs.set('startUrl', startUrl);
  const sortedKey = new Map([...keyArgs].sort(([a], [b]) => (a < b ? -1 : 1)));
  const cacheKey = createHash('sha1').update(dumpJson(sortedKey, { itemSeparator: ',', keySeparator: ':' }), 'utf8').digest('hex');
  const cached = deps.cacheDir ? readCachedCredentials(deps.cacheDir, cacheKey, deps.now()) : undefined;
  if (cached) return cached;

  const accessToken =
    sessionName === undefined
      ? legacyToken(startUrl, deps)
      : await ssoSessionToken(
          { name: sessionName, startUrl, region: config.sso_region! },
          { ...deps, ssoDir: deps.tokenCaches.ssoDir, createToken: (request) => deps.ssoCreateToken(request, profile) },
        );
  const credentials = await deps.ssoRoleCredentials({
    region: config.sso_region!,
    accountId: config.sso_account_id!,
    roleName: config.sso_role_name!,
    accessToken,
  }, profile);
  if (deps.cacheDir && credentials.sessionToken && credentials.expiration) {
    writeCachedCredentials(deps.cacheDir, cacheKey, { ...credentials, sessionToken: credentials.sessionToken, expiration: credentials.expiration });
  }
  return credentials;
}

const loginError = (message: string) => new CliError('general', `Error loading login session token: ${message}`);

export async function loginCredentials(profileName: string, profile: Profile, deps: SsoDeps): Promise<Credentials | undefined> {
  const session = profile.login_session;
  if (session === undefined) return undefined;
  const key = createHash('sha256').update(session, 'utf8').digest('hex');
  const token = readJsonFile(join(deps.tokenCaches.loginDir, `${key}.json`), deps.readText);
  if (token === undefined) {
    throw loginError(`Unable to load a existing login session for session ${session}, Please reauthenticate with 'aws login'.`);
  }
  // JSONFileCache turns an unreadable file into a KeyError of the cache key.
  if (token === 'unreadable') throw new CliError('general', pyStringRepr(key));
  if (!['accessToken', 'refreshToken', 'dpopKey', 'clientId'].every((k) => k in token)) {
    throw loginError('Failed to load access token from token cache, missing one or more required fields.');
  }
  const access = (token.accessToken ?? {}) as Record<string, unknown>;
  for (const field of ['accessKeyId', 'secretAccessKey', 'sessionToken', 'expiresAt', 'accountId']) {
    if (!(field in access)) throw new CliError('general', pyStringRepr(field));
  }
  const cached: Credentials = {
    accessKeyId: String(access.accessKeyId),
    secretAccessKey: String(access.secretAccessKey),
    sessionToken: String(access.sessionToken),
    expiration: new Date(Date.parse(String(access.expiresAt)) || 0),
    accountId: String(access.accountId),
  };
  // Within five minutes of expiry botocore trades the refresh token for new credentials
  // (signin's CreateOAuth2Token with a DPoP proof); the SDK's login provider does the same.
  const refresh = async () => {
    const remaining = cached.expiration!.getTime() - deps.now();
    return remaining > 5 * 60 * 1000 ? cached : deps.refreshLogin(profileName);
  };
  return usable(cached, refresh, deps.now);
}
