/**
 * Refreshing `aws login` credentials as botocore's LoginCredentialFetcher does: the token file
 * is read again, its DPoP key (a PEM "EC PRIVATE KEY", P-256) loaded, and when the cached
 * credentials have five minutes or less left, Sign-In's CreateOAuth2Token is called with the
 * refresh token and a DPoP proof (RFC 9449: a JWT signed with that key, naming the method and
 * URL). The answer replaces `accessToken` and `refreshToken` in the token, every other field
 * kept as it was, and the file is written back. Sign-In's refusals are the CLI's sentences.
 */
import { createPrivateKey, randomUUID, sign, type KeyObject } from 'node:crypto';
import { CliError } from '../errors/cli-error.js';
import type { Value, ValueMap } from '../value/value.js';
import { isMap } from '../value/value.js';
import { parseTokenTime, utcSeconds } from './token-files.js';

const REFRESH_THRESHOLD_MS = 5 * 60 * 1000;

export interface SigninTokenRequest {
  readonly clientId: string;
  readonly refreshToken: string;
  readonly privateKey: KeyObject;
}

export interface SigninTokenAnswer {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** Seconds. */
  readonly expiresIn: number;
  readonly refreshToken: string;
}

/** Sign-In said AccessDeniedException; `reason` is its `error` field. */
export class SigninAccessDenied extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

const loginError = (message: string) => new CliError('general', `Error loading login session token: ${message}`);

/** botocore's LoginError subclasses, by Sign-In's `error` reason. */
const DENIED: Record<string, string> = {
  TOKEN_EXPIRED: "Your session has expired. Please reauthenticate using 'aws login'.",
  USER_CREDENTIALS_CHANGED:
    "Unable to refresh login credentials because of a change in your password. Please reauthenticate with your new password using 'aws login'.",
  INSUFFICIENT_PERMISSIONS:
    "Unable to create or refresh login credentials due to insufficient permissions. You may be missing permission for the 'signin:CreateOAuth2Token' action.",
};
const UNSPECIFIED = 'An unspecified error happened when resolving AWS credentials or refreshing a login session profile.';

/**
 * The key of `dpopKey`: the PEM's base64 body (header and footer lines dropped) as SEC1 DER.
 * awscrt's parser reports a malformed key with its own error line, which is what the CLI prints.
 */
export function loadDpopKey(token: ValueMap): KeyObject {
  const pem = token.get('dpopKey');
  if (pem === undefined) throw loginError('Private key not found in cached token.');
  const body = String(pem)
    .split(/\r\n|\r|\n/)
    .filter((line) => !line.startsWith('-----BEGIN') && !line.startsWith('-----END'))
    .join('')
    .trim();
  try {
    return createPrivateKey({ key: Buffer.from(body, 'base64'), format: 'der', type: 'sec1' });
  } catch {
    throw new CliError('general', '7172 (AWS_ERROR_CAL_MALFORMED_ASN1_ENCOUNTERED): An ASN.1 DER decoding operation failed on malformed input.');
  }
}

const base64Url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/**
 * The DPoP proof for a POST to `url`, as botocore builds it: compact JSON (its key order),
 * ES256 with the signature as the raw 64-byte r||s pair.
 */
export function dpopProof(key: KeyObject, url: string, issuedAt: number, id: string = randomUUID()): string {
  const { x, y } = key.export({ format: 'jwk' });
  const header = { typ: 'dpop+jwt', alg: 'ES256', jwk: { kty: 'EC', x, y, crv: 'P-256' } };
  const payload = { htm: 'POST', htu: url, iat: Math.floor(issuedAt / 1000), jti: id };
  const input = `${base64Url(JSON.stringify(header))}.${base64Url(JSON.stringify(payload))}`;
  const signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
  return `${input}.${base64Url(signature)}`;
}

export interface LoginRefreshDeps {
  readonly now: () => number;
  /** The token file as it is now (botocore reads it again before refreshing). */
  readonly reload: () => ValueMap;
  readonly createToken: (request: SigninTokenRequest) => Promise<SigninTokenAnswer>;
  /** Writes the refreshed token back; returns why not, if it could not. */
  readonly save: (token: ValueMap) => string | undefined;
  readonly debug?: (line: string) => void;
}

/** The token after a refresh (or as it was, when it still has more than five minutes). */
export async function refreshLoginToken(deps: LoginRefreshDeps): Promise<ValueMap> {
  const token = deps.reload();
  const privateKey = loadDpopKey(token);
  const access = token.get('accessToken');
  const expiresAt = isMap(access) ? access.get('expiresAt') : undefined;
  if (expiresAt !== undefined && parseTokenTime(String(expiresAt)) - deps.now() > REFRESH_THRESHOLD_MS) return token;
  let answer: SigninTokenAnswer;
  try {
    answer = await deps.createToken({ clientId: String(token.get('clientId')), refreshToken: String(token.get('refreshToken')), privateKey });
  } catch (error) {
    if (error instanceof SigninAccessDenied) throw new CliError('general', DENIED[error.reason] ?? UNSPECIFIED);
    throw error;
  }
  const accountId = isMap(access) ? access.get('accountId') : undefined;
  if (accountId === undefined) throw new CliError('general', "'accountId'");
  const refreshed = new Map<string, Value>(token);
  refreshed.set(
    'accessToken',
    new Map<string, Value>([
      ['accessKeyId', answer.accessKeyId],
      ['secretAccessKey', answer.secretAccessKey],
      ['sessionToken', answer.sessionToken],
      ['accountId', accountId],
      ['expiresAt', utcSeconds(deps.now() + answer.expiresIn * 1000)],
    ]),
  );
  refreshed.set('refreshToken', answer.refreshToken);
  const why = deps.save(refreshed);
  deps.debug?.(why === undefined ? 'Login session refreshed' : `Login session refreshed; not cached: ${why}`);
  return refreshed;
}
