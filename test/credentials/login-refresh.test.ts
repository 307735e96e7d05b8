/**
 * `aws login` profiles (`login_session`, the token in ~/.aws/login/cache) whose credentials
 * are about to expire: within five minutes botocore trades the refresh token at Sign-In's
 * CreateOAuth2Token, with a DPoP proof signed by the token's own key, and writes the answer
 * back into the token file. The scripted server (test/server/token-endpoints.ts) checks the
 * proof as Sign-In would: its header, claims and ES256 signature under the cached key.
 *
 * Each row is met by the reference CLI (where installed) and by aws-iam, each in its own HOME
 * with the same token file, against the same server; IAM is moto.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { startMoto, type MotoServer } from '../server/moto.js';
import { awsError, ok, startTokenEndpoints, type RecordedRequest, type ScriptedAnswer, type TokenEndpoints } from '../server/token-endpoints.js';
import { programs, pyDumps, removeCaseHomes, runCase, type CaseRun } from './case-home.js';

const SESSION = 'arn:aws:iam::123456789012:user/alice';
const CLIENT_ID = 'arn:aws:signin:::devtools/same-device';
const MINUTE = 60_000;
const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const DPOP_KEY = privateKey.export({ type: 'sec1', format: 'pem' }) as string;
const PUBLIC_JWK = createPublicKey(privateKey).export({ format: 'jwk' });

let moto: MotoServer;
let server: TokenEndpoints;
beforeAll(async () => {
  [moto, server] = await Promise.all([startMoto(), startTokenEndpoints()]);
}, 90_000);
afterAll(async () => {
  moto?.stop();
  await server?.close();
  removeCaseHomes();
});

const isoSeconds = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/** The token file `aws login` writes, with credentials expiring `inMinutes` from now. */
function tokenText(inMinutes: number, dpopKey = DPOP_KEY): string {
  const token = {
    accessToken: {
      accessKeyId: 'ASIAOLDLOGIN',
      secretAccessKey: 'oldLoginSecret',
      sessionToken: 'oldLoginSession',
      accountId: '123456789012',
      expiresAt: isoSeconds(Date.now() + inMinutes * MINUTE),
    },
    tokenType: 'aws_sigv4',
    clientId: CLIENT_ID,
    refreshToken: 'oldRefreshToken',
    idToken: 'idTokenKept',
    dpopKey,
    version: 1.0,
  };
  // A float that must stay a float when the file is written back.
  return JSON.stringify(token).replace('"version":1}', '"version":1.0}');
}

const refreshed = (expiresIn: number) =>
  ok({ accessToken: { accessKeyId: 'ASIANEWLOGIN', secretAccessKey: 'newLoginSecret', sessionToken: 'newLoginSession' }, tokenType: 'aws_sigv4', expiresIn, refreshToken: 'newRefreshToken' });
const denied = (status: number, reason: string) => awsError(status, 'AccessDeniedException', { error: reason, message: 'Access denied' });

interface Case {
  readonly name: string;
  readonly inMinutes: number;
  readonly dpopKey?: string;
  /** The profile names no region (and nothing else does). */
  readonly noRegion?: boolean;
  readonly answer?: ScriptedAnswer;
  readonly code: number;
  readonly stderr?: string;
  /** `--cli-error-format json`: stderr is then this, exactly. */
  readonly jsonError?: string;
  readonly refreshCalled: boolean;
  /** The file afterwards: unchanged, or refreshed with credentials for `expiresIn` seconds. */
  readonly file: 'unchanged' | { readonly expiresIn: number };
}

const CASES: Case[] = [
  { name: 'expired: refreshed, written back, listed', inMinutes: -60, answer: refreshed(900), code: 0, refreshCalled: true, file: { expiresIn: 900 } },
  { name: '3 minutes left: refreshed', inMinutes: 3, answer: refreshed(900), code: 0, refreshCalled: true, file: { expiresIn: 900 } },
  { name: '8 minutes left (refresh window, but over five minutes): cached credentials, no call', inMinutes: 8, code: 0, refreshCalled: false, file: 'unchanged' },
  { name: 'valid for an hour: no call', inMinutes: 60, code: 0, refreshCalled: false, file: 'unchanged' },
  {
    name: 'refresh token expired', inMinutes: -60, answer: denied(401, 'TOKEN_EXPIRED'), code: 255, refreshCalled: true, file: 'unchanged',
    stderr: "Your session has expired. Please reauthenticate using 'aws login'.",
  },
  {
    name: 'password changed', inMinutes: -60, answer: denied(403, 'USER_CREDENTIALS_CHANGED'), code: 255, refreshCalled: true, file: 'unchanged',
    stderr: "Unable to refresh login credentials because of a change in your password. Please reauthenticate with your new password using 'aws login'.",
  },
  {
    name: 'no permission to refresh', inMinutes: -60, answer: denied(403, 'INSUFFICIENT_PERMISSIONS'), code: 255, refreshCalled: true, file: 'unchanged',
    stderr: "Unable to create or refresh login credentials due to insufficient permissions. You may be missing permission for the 'signin:CreateOAuth2Token' action.",
  },
  {
    name: 'access denied for another reason', inMinutes: -60, answer: denied(401, 'AUTHCODE_EXPIRED'), code: 255, refreshCalled: true, file: 'unchanged',
    stderr: 'An unspecified error happened when resolving AWS credentials or refreshing a login session profile.',
  },
  {
    name: 'request refused (ValidationException): the service error, exit 254', inMinutes: -60, code: 254, refreshCalled: true, file: 'unchanged',
    answer: awsError(400, 'ValidationException', { error: 'INVALID_REQUEST', message: 'Invalid refresh token' }),
    stderr: 'An error occurred (ValidationException) when calling the CreateOAuth2Token operation: Invalid refresh token\n\nAdditional error details:\nerror: INVALID_REQUEST',
  },
  {
    name: 'ValidationException in --cli-error-format json: the parsed error, modeled members too', inMinutes: -60, code: 254, refreshCalled: true,
    file: 'unchanged', answer: awsError(400, 'ValidationException', { error: 'INVALID_REQUEST', message: 'Invalid refresh token' }),
    jsonError: '{\n    "Message": "Invalid refresh token",\n    "Code": "ValidationException",\n    "error": "INVALID_REQUEST",\n    "message": "Invalid refresh token"\n}\n',
  },
  {
    name: 'refreshed credentials already expired (expiresIn 0): refused, but written back', inMinutes: -60, answer: refreshed(0), code: 255, refreshCalled: true,
    file: { expiresIn: 0 }, stderr: 'Credentials were refreshed, but the refreshed credentials are still expired.',
  },
  {
    name: 'malformed DPoP key: no call', inMinutes: -60, dpopKey: '-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n', code: 255, refreshCalled: false,
    file: 'unchanged', stderr: '7172 (AWS_ERROR_CAL_MALFORMED_ASN1_ENCOUNTERED): An ASN.1 DER decoding operation failed on malformed input.',
  },
  {
    name: 'malformed DPoP key, 12 minutes left (advisory refresh): its failure is ignored', inMinutes: 12,
    dpopKey: '-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n', code: 0, refreshCalled: false, file: 'unchanged',
  },
  {
    name: 'expired, no region: the region error, before any refresh', inMinutes: -60, noRegion: true, answer: refreshed(900), code: 253,
    refreshCalled: false, file: 'unchanged',
    stderr: 'An error occurred (NoRegion): You must specify a region. You can also configure your region by running "aws configure".',
  },
];

/** The DPoP proof as Sign-In checks it: ES256 JWT over the cached key, for this POST. */
function expectDpopProof(request: RecordedRequest, run: CaseRun): void {
  const proof = String(request.headers.dpop ?? '');
  const [header, payload, signature] = proof.split('.');
  expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({
    typ: 'dpop+jwt', alg: 'ES256', jwk: { kty: 'EC', x: PUBLIC_JWK.x, y: PUBLIC_JWK.y, crv: 'P-256' },
  });
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
  expect(Object.keys(claims)).toEqual(['htm', 'htu', 'iat', 'jti']);
  expect(claims.htm).toBe('POST');
  expect(claims.htu).toBe(`${server.url}/v1/token`);
  expect(claims.iat).toBeGreaterThanOrEqual(Math.floor(run.startedAt / 1000));
  expect(claims.iat).toBeLessThanOrEqual(Date.now() / 1000);
  expect(claims.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const signed = verify('sha256', Buffer.from(`${header}.${payload}`), { key: createPublicKey(privateKey), dsaEncoding: 'ieee-p1363' }, Buffer.from(signature!, 'base64url'));
  expect(signed).toBe(true);
}

function expectRow(c: Case, original: string, run: CaseRun): void {
  expect(run.result).toEqual({
    code: c.code,
    stdout: c.code === 0 ? 'alice\tbob\tcarol\tZoë\tsvc-ci\n' : '',
    stderr: c.jsonError ?? (c.stderr === undefined ? '' : `\naws-iam: [ERROR]: ${c.stderr}\n`),
  });
  const calls = run.requests.filter((r) => r.path === '/v1/token');
  expect(calls).toHaveLength(c.refreshCalled ? 1 : 0);
  if (calls[0]) {
    expect(calls[0].body).toEqual({ clientId: CLIENT_ID, refreshToken: 'oldRefreshToken', grantType: 'refresh_token' });
    expectDpopProof(calls[0], run);
  }
  if (c.file === 'unchanged') return void expect(run.fileText).toBe(original);
  const written = JSON.parse(run.fileText) as { accessToken: { expiresAt: string } };
  const at = Date.parse(written.accessToken.expiresAt) - c.file.expiresIn * 1000;
  expect(at).toBeGreaterThanOrEqual(Math.floor(run.startedAt / 1000) * 1000);
  expect(at).toBeLessThanOrEqual(Date.now());
  // Only accessToken and refreshToken change; every other field keeps its place and spelling.
  const before = JSON.parse(original) as Record<string, unknown>;
  const expected = {
    ...before,
    accessToken: { accessKeyId: 'ASIANEWLOGIN', secretAccessKey: 'newLoginSecret', sessionToken: 'newLoginSession', accountId: '123456789012', expiresAt: written.accessToken.expiresAt },
    refreshToken: 'newRefreshToken',
  };
  expect(run.fileText).toBe(pyDumps(expected).replace('"version": 1}', '"version": 1.0}'));
}

describe('an aws login profile whose credentials expire', () => {
  it.each(CASES)('$name', async (c) => {
    for (const program of programs()) {
      server.script({ signinToken: c.answer ? () => c.answer! : undefined });
      const original = tokenText(c.inMinutes, c.dpopKey);
      const run = await runCase(
        program,
        {
          config: `[profile login]\nlogin_session = ${SESSION}\n${c.noRegion ? '' : 'region = us-east-1\n'}`,
          tokenPath: `.aws/login/cache/${createHash('sha256').update(SESSION).digest('hex')}.json`,
          tokenText: original,
          env: { AWS_ENDPOINT_URL_SIGNIN: server.url },
        },
        server,
        [
          'list-users', '--profile', 'login', '--endpoint-url', moto.url, '--query', 'Users[].UserName', '--output', 'text',
          ...(c.jsonError ? ['--cli-error-format', 'json'] : []),
        ],
      );
      expectRow(c, original, run);
      if (program === 'aws-iam' && c.file !== 'unchanged') expect(run.fileMode).toBe(0o600);
    }
  }, 90_000);
});

describe('--debug during a login refresh', () => {
  it('says so, and never prints a secret, a refresh token, the key or the proof', async () => {
    server.script({ signinToken: () => refreshed(900) });
    const run = await runCase(
      'aws-iam',
      {
        config: `[profile login]\nlogin_session = ${SESSION}\nregion = us-east-1\n`,
        tokenPath: `.aws/login/cache/${createHash('sha256').update(SESSION).digest('hex')}.json`,
        tokenText: tokenText(-60),
        env: { AWS_ENDPOINT_URL_SIGNIN: server.url },
      },
      server,
      ['list-users', '--profile', 'login', '--endpoint-url', moto.url, '--debug'],
    );
    expect(run.result.code).toBe(0);
    expect(run.result.stderr).toContain(' - DEBUG - Login session refreshed');
    const proof = String(server.requests.find((r) => r.path === '/v1/token')?.headers.dpop);
    const keyBody = DPOP_KEY.split('\n')[1]!;
    for (const secret of ['oldLoginSecret', 'oldLoginSession', 'newLoginSecret', 'newLoginSession', 'oldRefreshToken', 'newRefreshToken', keyBody, proof]) {
      expect(run.result.stderr).not.toContain(secret);
    }
  }, 60_000);
});
