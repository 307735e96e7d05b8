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
import { refreshLoginToken, type SigninTokenAnswer, type SigninTokenRequest } from './login-refresh.js';
import { parseTokenTime, readTokenFile, writeTokenFile } from './token-files.js';
import { isMap, type ValueMap } from '../value/value.js';
import { loadSsoToken, ssoSessionToken, type CreateTokenAnswer, type CreateTokenRequest } from './sso-token.js';

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
  readonly signinCreateToken: (request: SigninTokenRequest, profile: Profile) => Promise<SigninTokenAnswer>;
}

/**
 * A legacy profile's token (start URL and region in the profile): used as cached, never
 * refreshed; botocore checks its expiry itself, before any request.
 */
function legacyToken(startUrl: string, deps: SsoDeps): string {
  const { accessToken, expiresAt } = loadSsoToken(deps.tokenCaches.ssoDir, startUrl, startUrl, deps.readText);
  if (!(parseTokenTime(expiresAt) > deps.now())) throw new CliError('general', UNAUTHORIZED);
  return accessToken;
}

const UNAUTHORIZED =
  'The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session ' +
  'run aws sso login with the corresponding profile.';

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

/** The credentials of a login token; a missing field is Python's KeyError, as the CLI prints it. */
function loginTokenCredentials(token: ValueMap): Credentials {
  const access = token.get('accessToken');
  const field = (name: string): string => {
    const value = isMap(access) ? access.get(name) : undefined;
    if (value === undefined) throw new CliError('general', pyStringRepr(name));
    return String(value);
  };
  const [accessKeyId, secretAccessKey, sessionToken, expiresAt, accountId] = ['accessKeyId', 'secretAccessKey', 'sessionToken', 'expiresAt', 'accountId'].map(field);
  return { accessKeyId: accessKeyId!, secretAccessKey: secretAccessKey!, sessionToken, expiration: new Date(parseTokenTime(expiresAt!) || 0), accountId };
}

export async function loginCredentials(profileName: string, profile: Profile, deps: SsoDeps): Promise<Credentials | undefined> {
  const session = profile.login_session;
  if (session === undefined) return undefined;
  const key = createHash('sha256').update(session, 'utf8').digest('hex');
  const path = join(deps.tokenCaches.loginDir, `${key}.json`);
  const load = (): ValueMap => {
    const token = readTokenFile(path, deps.readText);
    if (token === undefined) {
      throw loginError(`Unable to load a existing login session for session ${session}, Please reauthenticate with 'aws login'.`);
    }
    // JSONFileCache turns an unreadable file into a KeyError of the cache key.
    if (token === 'unreadable') throw new CliError('general', pyStringRepr(key));
    return token;
  };
  const token = load();
  if (!['accessToken', 'refreshToken', 'dpopKey', 'clientId'].every((k) => token.has(k))) {
    throw loginError('Failed to load access token from token cache, missing one or more required fields.');
  }
  // RefreshableCredentials over the cached ones: within 15 minutes of expiry the fetcher is
  // asked again, and it calls Sign-In only when five minutes or less are left.
  const refresh = async () =>
    loginTokenCredentials(
      await refreshLoginToken({
        now: deps.now,
        reload: load,
        createToken: (request) => deps.signinCreateToken(request, profile),
        save: (refreshed) => writeTokenFile(deps.tokenCaches.loginDir, `${key}.json`, refreshed),
        debug: deps.debug,
      }),
    );
  return usable(loginTokenCredentials(token), refresh, deps.now);
}
