/**
 * src/sdk/login-refresh.ts with its outside parts injected: the DPoP proof, byte for byte
 * where botocore's is fixed (header and claims, their order), the key loading errors, and the
 * refresh itself (five-minute threshold, what is kept, a file that cannot be written).
 */
import { describe, expect, it } from 'vitest';
import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { dpopProof, loadDpopKey, refreshLoginToken, SigninAccessDenied, type SigninTokenRequest } from '../../src/sdk/login-refresh.js';
import { parseJson } from '../../src/value/json.js';
import type { ValueMap } from '../../src/value/value.js';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const PEM = privateKey.export({ type: 'sec1', format: 'pem' }) as string;
const jwk = createPublicKey(privateKey).export({ format: 'jwk' });

const token = (expiresAt: string, dpopKey: string | null = PEM) =>
  parseJson(
    JSON.stringify({
      accessToken: { accessKeyId: 'A', secretAccessKey: 'S', sessionToken: 'T', accountId: '111122223333', expiresAt },
      clientId: 'client',
      refreshToken: 'old',
      ...(dpopKey === null ? {} : { dpopKey }),
      kept: [1, 2],
    }),
  ) as ValueMap;

describe('the DPoP proof', () => {
  it('is botocore\'s compact JWT, signed ES256 (r||s) with the token\'s key', () => {
    const proof = dpopProof(loadDpopKey(token('2020-01-01T00:00:00Z')), 'https://us-east-1.signin.aws.amazon.com/v1/token', NOW + 999, 'id-1');
    const [header, payload, signature] = proof.split('.');
    expect(Buffer.from(header!, 'base64url').toString()).toBe(`{"typ":"dpop+jwt","alg":"ES256","jwk":{"kty":"EC","x":"${jwk.x}","y":"${jwk.y}","crv":"P-256"}}`);
    expect(Buffer.from(payload!, 'base64url').toString()).toBe(
      `{"htm":"POST","htu":"https://us-east-1.signin.aws.amazon.com/v1/token","iat":${NOW / 1000},"jti":"id-1"}`,
    );
    expect(Buffer.from(signature!, 'base64url')).toHaveLength(64);
    expect(verify('sha256', Buffer.from(`${header}.${payload}`), { key: createPublicKey(privateKey), dsaEncoding: 'ieee-p1363' }, Buffer.from(signature!, 'base64url'))).toBe(true);
  });

  it.each([
    ['no dpopKey', null, 'Error loading login session token: Private key not found in cached token.'],
    ['not DER', '-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n', '7172 (AWS_ERROR_CAL_MALFORMED_ASN1_ENCOUNTERED): An ASN.1 DER decoding operation failed on malformed input.'],
  ])('a token with %s: the CLI\'s message', (_name, key, message) => {
    expect(() => loadDpopKey(token('2020-01-01T00:00:00Z', key))).toThrow(message);
  });
});

function refresh(expiresAt: string, answer: 'ok' | string = 'ok', save: (t: ValueMap) => string | undefined = () => undefined) {
  const calls: SigninTokenRequest[] = [];
  const debug: string[] = [];
  const run = refreshLoginToken({
    now: () => NOW,
    reload: () => token(expiresAt),
    createToken: async (request) => {
      calls.push(request);
      if (answer !== 'ok') throw new SigninAccessDenied(answer);
      return { accessKeyId: 'A2', secretAccessKey: 'S2', sessionToken: 'T2', expiresIn: 900, refreshToken: 'new' };
    },
    save,
    debug: (line) => debug.push(line),
  });
  return { run, calls, debug };
}

describe('the refresh', () => {
  it.each([
    ['5 minutes and a second left: not called', NOW + 301_000, 0],
    ['exactly 5 minutes left: called', NOW + 300_000, 1],
  ])('%s', async (_name, expires, calls) => {
    const r = refresh(new Date(expires).toISOString());
    await r.run;
    expect(r.calls).toHaveLength(calls);
  });

  it('replaces the credentials (account kept) and the refresh token, nothing else', async () => {
    const r = refresh('2020-01-01T00:00:00Z');
    const after = await r.run;
    expect(r.calls[0]).toMatchObject({ clientId: 'client', refreshToken: 'old' });
    expect([...after.keys()]).toEqual(['accessToken', 'clientId', 'refreshToken', 'dpopKey', 'kept']);
    expect(Object.fromEntries(after.get('accessToken') as ValueMap)).toEqual({
      accessKeyId: 'A2', secretAccessKey: 'S2', sessionToken: 'T2', accountId: '111122223333', expiresAt: '2026-12-01T12:15:00Z',
    });
    expect(after.get('refreshToken')).toBe('new');
  });

  it('a file that cannot be written: the new credentials are still used, --debug says why', async () => {
    const r = refresh('2020-01-01T00:00:00Z', 'ok', () => 'cache is writable by group or others');
    expect((await r.run).get('refreshToken')).toBe('new');
    expect(r.debug).toEqual(['Login session refreshed; not cached: cache is writable by group or others']);
  });

  it.each([
    ['TOKEN_EXPIRED', "Your session has expired. Please reauthenticate using 'aws login'."],
    ['AUTHCODE_EXPIRED', 'An unspecified error happened when resolving AWS credentials or refreshing a login session profile.'],
  ])('AccessDeniedException %s: the CLI\'s sentence', async (reason, message) => {
    await expect(refresh('2020-01-01T00:00:00Z', reason).run).rejects.toThrow(message);
  });
});
