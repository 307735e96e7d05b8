/**
 * The assumed-role cache shares ~/.aws/cli/cache with the AWS CLI: same file names (keys
 * computed here against hashes botocore printed for the same settings), same layout, and files
 * that only their owner can read.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assumeRoleCacheKey, cliCacheDir, EXPIRY_WINDOW_MS, pythonIsoformat, readCachedCredentials, writeCachedCredentials,
} from '../../src/sdk/credential-cache.js';

const ROLE = 'arn:aws:iam::123456789012:role/admin';
const MFA = 'arn:aws:iam::123456789012:mfa/alice';

describe('assumeRoleCacheKey (botocore: sha1 of json.dumps(args, sort_keys=True))', () => {
  // Expected values: hashlib.sha1(json.dumps(args, sort_keys=True).encode()).hexdigest() in Python.
  it.each([
    ['role and MFA serial', { role_arn: ROLE, mfa_serial: MFA }, 'c08bbcd61d2960e17757c33319b79219a44dea4e'],
    ['role only', { role_arn: ROLE }, '85df843ebbf3964c64e26d66d796d302b1a7a5ff'],
    [
      'every argument, sorted, duration as an int',
      { role_arn: ROLE, role_session_name: 'me', external_id: 'ext-1', duration_seconds: '900', mfa_serial: MFA },
      '6b08f110744c6cacfb613b02f0e36aedfafbf6f9',
    ],
    ['non-ASCII escaped as json.dumps does', { role_arn: 'arn:aws:iam::123456789012:role/café' }, 'baec90a2fb3b7e97b4e5b23f01b24febc483267c'],
    ['an unparsable duration is left out (int() fails)', { role_arn: ROLE, duration_seconds: 'soon' }, '85df843ebbf3964c64e26d66d796d302b1a7a5ff'],
  ])('%s', (_name, config, expected) => {
    expect(assumeRoleCacheKey(config)).toBe(expected);
  });
});

describe('pythonIsoformat', () => {
  it.each([
    ['2026-11-23T04:22:31.000Z', '2026-11-23T04:22:31+00:00'],
    ['2026-11-23T04:22:31.034Z', '2026-11-23T04:22:31.034000+00:00'],
  ])('%s → %s', (iso, expected) => expect(pythonIsoformat(new Date(iso))).toBe(expected));
});

describe('the cache files', () => {
  let dir: string;
  const now = Date.UTC(2026, 10, 23, 4, 0, 0);
  const fresh = new Date(now + 60 * 60 * 1000);
  const creds = { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 's3cr3t', sessionToken: 'tok', expiration: fresh, accountId: '123456789012' };
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const newDir = () => (dir = mkdtempSync(join(tmpdir(), 'aws-iam-cache-')));

  it('writes the CLI layout, file 0600 in a folder 0700, and reads it back', () => {
    const cache = join(newDir(), 'cli', 'cache');
    expect(writeCachedCredentials(cache, 'k', creds)).toBe(true);
    expect(readFileSync(join(cache, 'k.json'), 'utf8')).toBe(
      '{"Credentials": {"AccessKeyId": "ASIAEXAMPLE", "SecretAccessKey": "s3cr3t", "SessionToken": "tok", ' +
        `"Expiration": "${pythonIsoformat(fresh)}", "AccountId": "123456789012"}}`,
    );
    expect(statSync(join(cache, 'k.json')).mode & 0o777).toBe(0o600);
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    expect(readCachedCredentials(cache, 'k', now)).toEqual(creds);
  });

  it('makes an existing, too open file and folder the user\'s only', () => {
    const cache = join(newDir(), 'cache');
    mkdirSync(cache, { mode: 0o755 });
    chmodSync(cache, 0o755);
    writeFileSync(join(cache, 'k.json'), 'old', { mode: 0o644 });
    chmodSync(join(cache, 'k.json'), 0o644);
    writeCachedCredentials(cache, 'k', creds);
    expect(statSync(join(cache, 'k.json')).mode & 0o777).toBe(0o600);
    expect(statSync(cache).mode & 0o777).toBe(0o700);
  });

  it('reads a file the AWS CLI wrote (microseconds, extra members)', () => {
    const cache = newDir();
    writeFileSync(
      join(cache, 'k.json'),
      '{"Credentials": {"AccessKeyId": "A", "SecretAccessKey": "S", "SessionToken": "T", "Expiration": "2026-11-23T05:00:00.034327+00:00", "AccountId": "1"}, "AssumedRoleUser": {"Arn": "x"}, "ResponseMetadata": {}}',
    );
    expect(readCachedCredentials(cache, 'k', now)).toEqual({
      accessKeyId: 'A', secretAccessKey: 'S', sessionToken: 'T', expiration: new Date('2026-11-23T05:00:00.034Z'), accountId: '1',
    });
  });

  it.each([
    ['missing', undefined],
    ['not JSON', '{'],
    ['no Credentials', '{}'],
    ['a member of the wrong type', '{"Credentials": {"AccessKeyId": 1, "SecretAccessKey": "S", "SessionToken": "T", "Expiration": "2030-01-01T00:00:00Z"}}'],
    ['a bad date', '{"Credentials": {"AccessKeyId": "A", "SecretAccessKey": "S", "SessionToken": "T", "Expiration": "soon"}}'],
    ['expired', '{"Credentials": {"AccessKeyId": "A", "SecretAccessKey": "S", "SessionToken": "T", "Expiration": "2026-11-23T03:00:00Z"}}'],
  ])('a %s entry is a miss', (_name, text) => {
    const cache = newDir();
    if (text !== undefined) writeFileSync(join(cache, 'k.json'), text);
    expect(readCachedCredentials(cache, 'k', now)).toBeUndefined();
  });

  it('treats credentials within 15 minutes of expiry as expired (botocore\'s window)', () => {
    const cache = newDir();
    writeCachedCredentials(cache, 'edge', { ...creds, expiration: new Date(now + EXPIRY_WINDOW_MS - 1000) });
    writeCachedCredentials(cache, 'ok', { ...creds, expiration: new Date(now + EXPIRY_WINDOW_MS + 1000) });
    expect(readCachedCredentials(cache, 'edge', now)).toBeUndefined();
    expect(readCachedCredentials(cache, 'ok', now)?.accessKeyId).toBe('ASIAEXAMPLE');
  });

  it('reports a cache it cannot write instead of failing the command', () => {
    const base = newDir();
    writeFileSync(join(base, 'file'), '');
    expect(writeCachedCredentials(join(base, 'file', 'cache'), 'k', creds)).toBe(false);
  });

  it('lives in $HOME/.aws/cli/cache', () => {
    expect(cliCacheDir({ HOME: '/home/me' }, () => '/ignored')).toBe('/home/me/.aws/cli/cache');
    expect(cliCacheDir({}, () => '/fallback')).toBe('/fallback/.aws/cli/cache');
  });
});
