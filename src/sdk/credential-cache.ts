/**
 * The AWS CLI's cache of assumed-role credentials, shared both ways with `aws`: the same
 * folder (~/.aws/cli/cache), the same file names (botocore's AssumeRoleCredentialFetcher key:
 * the SHA-1 of the AssumeRole arguments as Python's `json.dumps(sort_keys=True)` writes them,
 * without a generated session name) and the same JSON layout (`{"Credentials": {...}}`, with
 * `Expiration` in Python's isoformat). Files are the user's only: 0600 in a 0700 folder.
 */
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, openSync, readFileSync, writeSync, closeSync, ftruncateSync, fchmodSync } from 'node:fs';
import { join } from 'node:path';
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

/** Credentials cached under `key`, unless missing, unreadable, malformed or about to expire. */
export function readCachedCredentials(dir: string, key: string, now: number): CachedCredentials | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8'));
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
 * Writes the cache file as the CLI does (its JSONFileCache): created 0600, truncated, one line
 * of Python-style JSON. The folder is created 0700. A failure to cache is not an error: the
 * credentials still work for this run, as they would have without a cache.
 */
export function writeCachedCredentials(dir: string, key: string, credentials: CachedCredentials): boolean {
  const file = join(dir, `${key}.json`);
  const body = new Map<string, Value>([
    ['AccessKeyId', credentials.accessKeyId],
    ['SecretAccessKey', credentials.secretAccessKey],
    ['SessionToken', credentials.sessionToken],
    ['Expiration', pythonIsoformat(credentials.expiration)],
  ]);
  if (credentials.accountId !== undefined) body.set('AccountId', credentials.accountId);
  const text = dumpJson(new Map([['Credentials', body]]));
  let fd: number | undefined;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    fd = openSync(file, 'w', 0o600);
    // An existing file keeps its mode on open: make sure it is the user's only.
    fchmodSync(fd, 0o600);
    ftruncateSync(fd, 0);
    writeSync(fd, text);
    return true;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Python's `datetime.isoformat()` of an aware UTC datetime: microseconds only when non-zero. */
export function pythonIsoformat(date: Date): string {
  const iso = date.toISOString();
  const ms = date.getUTCMilliseconds();
  return `${iso.slice(0, 19)}${ms ? `.${String(ms).padStart(3, '0')}000` : ''}+00:00`;
}
