/**
 * The token of an `[sso-session]` profile, as botocore's SSOTokenProvider hands it out: the
 * cached token of ~/.aws/sso/cache, refreshed first when it expires within 15 minutes, if
 * the cache holds what a refresh needs (refresh token, client registration that has not
 * expired). A refresh is SSO OIDC CreateToken with grant type `refresh_token`; its answer
 * is written back to the cache file, with botocore's fields and order. A refresh the service
 * refuses, or one that cannot be tried, leaves the cached token as it was; a token that is
 * expired after all that is an error, as is a refresh that cannot reach the service.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { CliError } from '../errors/cli-error.js';
import type { Value, ValueMap } from '../value/value.js';
import { parseTokenTime, readTokenFile, stringField, utcSeconds, writeTokenFile } from './token-files.js';

const REFRESH_WINDOW_MS = 15 * 60 * 1000;
const REFRESH_KEYS = ['refreshToken', 'clientId', 'clientSecret', 'registrationExpiresAt'] as const;

export const TOKEN_EXPIRED = 'Error when retrieving token from sso: Token has expired and refresh failed';

export interface SsoSession {
  readonly name: string;
  readonly startUrl: string;
  readonly region: string;
}

export interface CreateTokenRequest {
  readonly region: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
}

export interface CreateTokenAnswer {
  readonly accessToken: string;
  /** Seconds. */
  readonly expiresIn: number;
  readonly refreshToken?: string;
}

/**
 * The service answered CreateToken with an error (botocore's ClientError): the refresh is
 * given up quietly. Any other failure (no connection) is the command's error.
 */
export class RefreshRefused extends Error {}

export interface SsoTokenDeps {
  readonly now: () => number;
  readonly readText: (path: string) => string;
  readonly ssoDir: string;
  readonly createToken: (request: CreateTokenRequest) => Promise<CreateTokenAnswer>;
  readonly debug?: (line: string) => void;
}

/** The cache file's name: SHA-1 of the session name (of the start URL for legacy profiles). */
export const ssoTokenFileName = (key: string) => `${createHash('sha1').update(key, 'utf8').digest('hex')}.json`;

/**
 * The cached token named by `key` (session name, or start URL for legacy profiles), as
 * botocore's SSOTokenLoader checks it: there, and with `accessToken` and `expiresAt`.
 */
export function loadSsoToken(ssoDir: string, key: string, startUrl: string, readText: (path: string) => string) {
  const token = readTokenFile(join(ssoDir, ssoTokenFileName(key)), readText);
  if (token === undefined) throw new CliError('general', `Error loading SSO Token: Token for ${key} does not exist`);
  const accessToken = token === 'unreadable' ? undefined : stringField(token, 'accessToken');
  const expiresAt = token === 'unreadable' ? undefined : stringField(token, 'expiresAt');
  if (token === 'unreadable' || accessToken === undefined || expiresAt === undefined) {
    throw new CliError('general', `Error loading SSO Token: Token for ${startUrl} is invalid`);
  }
  return { token, accessToken, expiresAt };
}

export async function ssoSessionToken(session: SsoSession, deps: SsoTokenDeps): Promise<string> {
  const loaded = loadSsoToken(deps.ssoDir, session.name, session.startUrl, deps.readText);
  const { token, expiresAt } = loaded;
  let { accessToken } = loaded;
  let expires = parseTokenTime(expiresAt);
  if (!(expires - deps.now() >= REFRESH_WINDOW_MS)) {
    const refreshed = await refresh(token, session, deps);
    if (refreshed) {
      accessToken = refreshed.accessToken;
      expires = refreshed.expires;
      const why = writeTokenFile(deps.ssoDir, ssoTokenFileName(session.name), refreshed.token);
      deps.debug?.(why === undefined ? 'SSO Token refresh succeeded' : `SSO Token refresh succeeded; not cached: ${why}`);
    }
  }
  if (!(expires - deps.now() > 0)) throw new CliError('general', TOKEN_EXPIRED);
  return accessToken;
}

async function refresh(
  token: ValueMap,
  session: SsoSession,
  deps: SsoTokenDeps,
): Promise<{ token: ValueMap; accessToken: string; expires: number } | undefined> {
  const missing = REFRESH_KEYS.filter((key) => !token.has(key));
  if (missing.length) {
    deps.debug?.(`Unable to refresh SSO token: missing keys: ${missing.join(', ')}`);
    return undefined;
  }
  const registrationExpires = parseTokenTime(String(token.get('registrationExpiresAt')));
  if (!(registrationExpires - deps.now() > 0)) {
    deps.debug?.(`SSO token registration expired at ${String(token.get('registrationExpiresAt'))}`);
    return undefined;
  }
  let answer: CreateTokenAnswer;
  try {
    answer = await deps.createToken({
      region: session.region,
      clientId: String(token.get('clientId')),
      clientSecret: String(token.get('clientSecret')),
      refreshToken: String(token.get('refreshToken')),
    });
  } catch (error) {
    if (!(error instanceof RefreshRefused)) throw error;
    deps.debug?.(`SSO token refresh attempt failed: ${error.message}`);
    return undefined;
  }
  const expires = deps.now() + answer.expiresIn * 1000;
  // botocore writes a new token, not the old one updated: fields it does not know are dropped.
  const fresh = new Map<string, Value>([
    ['startUrl', session.startUrl],
    ['region', session.region],
    ['accessToken', answer.accessToken],
    ['expiresAt', utcSeconds(expires)],
    ['clientId', token.get('clientId')!],
    ['clientSecret', token.get('clientSecret')!],
    ['registrationExpiresAt', token.get('registrationExpiresAt')!],
  ]);
  if (answer.refreshToken !== undefined) fresh.set('refreshToken', answer.refreshToken);
  return { token: fresh, accessToken: answer.accessToken, expires };
}
