/**
 * The AWS CLI's cache of assumed-role credentials, shared both ways with `aws`: the same
 * folder (~/.aws/cli/cache), the same file names (botocore's AssumeRoleCredentialFetcher key:
 * the SHA-1 of the AssumeRole arguments as Python's `json.dumps(sort_keys=True)` writes them,
 * without a generated session name) and the same JSON layout (`{"Credentials": {...}}`, with
 * `Expiration` in Python's isoformat). Files are the user's only: 0600, written and read by
 * fs/private-files.ts (never through a symlink, never a file another user could have planted).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { readPrivateFile, writePrivateFile } from '../fs/private-files.js';
import { dumpJson } from '../value/json.js';
import type { Value } from '../value/value.js';

/** botocore refreshes (and so does not use cached) credentials within 15 minutes of expiry. */
export const EXPIRY_WINDOW_MS = 15 * 60 * 1000;

export interface CachedCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration: Date;
  readonly accountId?: string;
}

/** The settings of an assume-role profile that go into the cache key. */
export interface AssumeRoleConfig {
  readonly role_arn?: string;
  readonly role_session_name?: string;
  readonly external_id?: string;
  readonly mfa_serial?: string;
  readonly duration_seconds?: string;
}

/** `~/.aws/cli/cache`, with `~` from HOME as Python's expanduser reads it. */
export function cliCacheDir(env: Readonly<Record<string, string | undefined>>, homedir: () => string): string {
  return join(env.HOME || homedir(), '.aws', 'cli', 'cache');
}

/**
 * botocore's cache key for a profile: the AssumeRole arguments it would send (RoleArn, and
 * RoleSessionName, ExternalId, SerialNumber, DurationSeconds when configured), sorted, as
 * `json.dumps` writes them (`, ` and `: `, non-ASCII escaped), SHA-1, hex.
 */
export function assumeRoleCacheKey(config: AssumeRoleConfig): string {
  const args = new Map<string, Value>();
  const duration = pythonInt(config.duration_seconds);
  if (duration !== undefined) args.set('DurationSeconds', duration);
  if (config.external_id !== undefined) args.set('ExternalId', config.external_id);
  args.set('RoleArn', config.role_arn ?? '');
  if (config.role_session_name !== undefined) args.set('RoleSessionName', config.role_session_name);
  if (config.mfa_serial !== undefined) args.set('SerialNumber', config.mfa_serial);
  const hash = createHash('sha1').update(dumpJson(args), 'utf8').digest('hex');
  // botocore makes the key file-safe; a hex digest already is.
  return hash;
}

/** `int(text)` as botocore applies it to duration_seconds: unparsable values are left out. */
function pythonInt(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*[+-]?\d+(_\d+)*\s*$/.test(text)) return undefined;
  const n = Number(text.replace(/_/g, ''));
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Why a cache file was not used or not written: a `--debug` line. */
export type CacheDebug = (line: string) => void;

/** Credentials cached under `key`, unless missing, untrusted, malformed or about to expire. */
export function readCachedCredentials(dir: string, key: string, now: number, debug?: CacheDebug): CachedCredentials | undefined {
  const text = readPrivateFile(dir, `${key}.json`);
  if (!text.ok) {
    if (!text.reason.endsWith('does not exist')) debug?.(`Not using the cached credentials: ${text.reason}`);
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.value);
  } catch {
    return undefined;
  }
  const c = (parsed as { Credentials?: Record<string, unknown> } | null)?.Credentials;
  if (!c || typeof c !== 'object') return undefined;
  const { AccessKeyId, SecretAccessKey, SessionToken, Expiration, AccountId } = c;
  if (typeof AccessKeyId !== 'string' || typeof SecretAccessKey !== 'string' || typeof SessionToken !== 'string') return undefined;
  if (typeof Expiration !== 'string') return undefined;
  const expires = Date.parse(Expiration);
  if (Number.isNaN(expires) || expires - now < EXPIRY_WINDOW_MS) return undefined;
  return {
    accessKeyId: AccessKeyId,
    secretAccessKey: SecretAccessKey,
    sessionToken: SessionToken,
    expiration: new Date(expires),
    ...(typeof AccountId === 'string' ? { accountId: AccountId } : {}),
  };
}

/**
 * Writes the cache file in the CLI's layout (its JSONFileCache: one line of Python-style JSON),
 * but safely where the CLI is not: a new 0600 file renamed into place, in a folder created 0700
 * or one the user alone can write to. A failure to cache is not an error: the credentials still
 * work for this run, as they would have without a cache.
 */
export function writeCachedCredentials(dir: string, key: string, credentials: CachedCredentials, debug?: CacheDebug): boolean {
  const body = new Map<string, Value>([
    ['AccessKeyId', credentials.accessKeyId],
    ['SecretAccessKey', credentials.secretAccessKey],
    ['SessionToken', credentials.sessionToken],
    ['Expiration', pythonIsoformat(credentials.expiration)],
  ]);
  if (credentials.accountId !== undefined) body.set('AccountId', credentials.accountId);
  const written = writePrivateFile(dir, `${key}.json`, dumpJson(new Map([['Credentials', body]])));
  if (!written.ok) debug?.(`Not caching the credentials: ${written.reason}`);
  return written.ok;
}

/** Python's `datetime.isoformat()` of an aware UTC datetime: microseconds only when non-zero. */
export function pythonIsoformat(date: Date): string {
  const iso = date.toISOString();
  const ms = date.getUTCMilliseconds();
  return `${iso.slice(0, 19)}${ms ? `.${String(ms).padStart(3, '0')}000` : ''}+00:00`;
}
