/**
 * src/sdk/sso-token.ts with its outside parts injected: when botocore's SSOTokenProvider
 * refreshes (the 15-minute window, to the second), what it needs to try, and that a refreshed
 * token that cannot be cached (a folder others may write to) is still used for this command.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RefreshRefused, ssoSessionToken, ssoTokenFileName, type CreateTokenRequest } from '../../src/sdk/sso-token.js';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const SESSION = { name: 'corp', startUrl: 'https://corp.awsapps.com/start', region: 'eu-west-1' };
const iso = (ms: number) => new Date(ms).toISOString();

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function world(token: Record<string, unknown>, answer: 'ok' | 'refused' = 'ok') {
  dir = mkdtempSync(join(tmpdir(), 'aws-iam-sso-token-'));
  const ssoDir = join(dir, 'cache');
  mkdirSync(ssoDir, { mode: 0o700 });
  writeFileSync(join(ssoDir, ssoTokenFileName('corp')), JSON.stringify(token));
  const calls: CreateTokenRequest[] = [];
  const debug: string[] = [];
  const deps = {
    now: () => NOW,
    readText: (path: string) => readFileSync(path, 'utf8'),
    ssoDir,
    debug: (line: string) => debug.push(line),
    createToken: async (request: CreateTokenRequest) => {
      calls.push(request);
      if (answer === 'refused') throw new RefreshRefused('InvalidGrantException');
      return { accessToken: 'new', expiresIn: 3600, refreshToken: 'newRefresh' };
    },
  };
  return { deps, calls, debug, ssoDir, file: join(ssoDir, ssoTokenFileName('corp')) };
}

const token = (expiresInMs: number, extra: Record<string, unknown> = {}) => ({
  accessToken: 'old',
  expiresAt: iso(NOW + expiresInMs),
  refreshToken: 'r',
  clientId: 'c',
  clientSecret: 's',
  registrationExpiresAt: iso(NOW + 86_400_000),
  ...extra,
});

describe('when the token is refreshed', () => {
  it.each([
    ['15 minutes left: used as it is', 15 * 60_000, 'old', 0],
    ['a second less: refreshed', 15 * 60_000 - 1000, 'new', 1],
    ['expired: refreshed', -1000, 'new', 1],
  ])('%s', async (_name, left, expected, calls) => {
    const w = world(token(left));
    expect(await ssoSessionToken(SESSION, w.deps)).toBe(expected);
    expect(w.calls).toHaveLength(calls);
    if (calls) expect(w.calls[0]).toEqual({ region: 'eu-west-1', clientId: 'c', clientSecret: 's', refreshToken: 'r' });
  });

  it.each([
    ['registration expiring now', { registrationExpiresAt: iso(NOW) }],
    ['no client secret', { clientSecret: undefined }],
  ])('%s: not tried, the token is expired', async (_name, extra) => {
    const w = world(token(-1000, extra));
    await expect(ssoSessionToken(SESSION, w.deps)).rejects.toThrow('Error when retrieving token from sso: Token has expired and refresh failed');
    expect(w.calls).toEqual([]);
  });

  it('refused with time left: the old token, and why in --debug', async () => {
    const w = world(token(60_000), 'refused');
    expect(await ssoSessionToken(SESSION, w.deps)).toBe('old');
    expect(w.debug).toEqual(['SSO token refresh attempt failed: InvalidGrantException']);
  });
});

describe('writing the refreshed token', () => {
  it('replaces the file with a new private one, fields as botocore writes them', async () => {
    const w = world(token(-1000, { extra: 'dropped' }));
    await ssoSessionToken(SESSION, w.deps);
    expect(readFileSync(w.file, 'utf8')).toBe(
      '{"startUrl": "https://corp.awsapps.com/start", "region": "eu-west-1", "accessToken": "new", "expiresAt": "2026-12-01T13:00:00Z", ' +
        `"clientId": "c", "clientSecret": "s", "registrationExpiresAt": "${iso(NOW + 86_400_000)}", "refreshToken": "newRefresh"}`,
    );
  });

  it('a cache folder others may write to is not written, and the new token is still used', async () => {
    const w = world(token(-1000));
    chmodSync(w.ssoDir, 0o777);
    const before = readFileSync(w.file, 'utf8');
    expect(await ssoSessionToken(SESSION, w.deps)).toBe('new');
    expect(readFileSync(w.file, 'utf8')).toBe(before);
    expect(w.debug).toEqual([expect.stringMatching(/^SSO Token refresh succeeded; not cached: .* is writable by group or others/)]);
  });
});
