/**
 * An `[sso-session]` profile whose cached token is expired or about to be: the token is
 * refreshed (SSO OIDC CreateToken, grant type refresh_token) when the cache holds what a
 * refresh needs, written back to ~/.aws/sso/cache, then traded for role credentials (SSO
 * GetRoleCredentials) that list users from moto. OIDC and the portal are the scripted server
 * of test/server/token-endpoints.ts.
 *
 * Each case is a row: the cache file, what the server answers, and what must follow (exit
 * code, message, the calls made, the cache file afterwards). aws-iam must meet the row, and
 * so must the reference CLI where it is installed, run first in its own HOME with the same
 * files against the same server, so the row is checked against the CLI and not only written
 * from reading botocore.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMoto, freePort, type MotoServer } from '../server/moto.js';
import { awsError, ok, startTokenEndpoints, type Route, type ScriptedAnswer, type TokenEndpoints } from '../server/token-endpoints.js';
import { ssoTokenFileName } from '../../src/sdk/sso-token.js';
import { programs, pyDumps, removeCaseHomes, runCase, type CaseFiles, type CaseRun } from './case-home.js';
const START_URL = 'https://corp.awsapps.com/start';
const MINUTE = 60_000;

let moto: MotoServer;
let server: TokenEndpoints;
let closedPort: number;

beforeAll(async () => {
  [moto, server, closedPort] = await Promise.all([startMoto(), startTokenEndpoints(), freePort()]);
}, 90_000);
afterAll(async () => {
  moto?.stop();
  await server?.close();
  removeCaseHomes();
});

type Token = Record<string, unknown>;

/** What `aws sso login` leaves: a token with its refresh data, expiring `inMinutes` from now. */
function cachedToken(inMinutes: number, changes: Token = {}, drop: string[] = []): Token {
  const token: Token = {
    startUrl: START_URL,
    region: 'us-east-1',
    accessToken: 'oldAccessToken',
    expiresAt: isoSeconds(Date.now() + inMinutes * MINUTE),
    clientId: 'clientIdFromRegistration',
    clientSecret: 'clientSecretFromRegistration',
    registrationExpiresAt: '2099-01-01T00:00:00Z',
    refreshToken: 'oldRefreshToken',
    scopes: ['sso:account:access'],
    ...changes,
  };
  for (const key of drop) delete token[key];
  return token;
}

const isoSeconds = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

const roleCredentials = ok({
  roleCredentials: { accessKeyId: 'ASIASSOROLE', secretAccessKey: 'ssoRoleSecret', sessionToken: 'ssoRoleSession', expiration: Date.now() + 3_600_000 },
});
const newToken = (expiresIn: number, refreshToken: string | null = 'newRefreshToken') =>
  ok({ accessToken: 'newAccessToken', tokenType: 'Bearer', expiresIn, ...(refreshToken ? { refreshToken } : {}) });

const TOKEN_EXPIRED = 'Error when retrieving token from sso: Token has expired and refresh failed';
const UNAUTHORIZED =
  'The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.';

interface Case {
  readonly name: string;
  readonly token: Token;
  readonly answers: Partial<Record<Route, ScriptedAnswer>>;
  /** Where CreateToken is sent: the environment (default), a `[services]` section, or nowhere. */
  readonly oidc?: 'env' | 'services' | 'global' | 'closed';
  readonly code: number;
  /** The error line, or the users listed. */
  readonly stderr?: string;
  readonly calls: readonly Route[];
  /** The access token GetRoleCredentials must be sent. */
  readonly bearer?: string;
  /** The cache file afterwards: as it was, or refreshed (expiresIn seconds, with or without a refresh token). */
  readonly file: 'unchanged' | { readonly expiresIn: number; readonly refreshToken?: string };
}

const CASES: Case[] = [
  {
    name: 'expired, refresh token valid: refreshed, written back, used',
    token: cachedToken(-60),
    answers: { createToken: newToken(3600), roleCredentials },
    code: 0, calls: ['createToken', 'roleCredentials'], bearer: 'newAccessToken',
    file: { expiresIn: 3600, refreshToken: 'newRefreshToken' },
  },
  {
    name: 'expiring in 5 minutes (inside the 15-minute window): refreshed first',
    token: cachedToken(5),
    answers: { createToken: newToken(28800), roleCredentials },
    code: 0, calls: ['createToken', 'roleCredentials'], bearer: 'newAccessToken',
    file: { expiresIn: 28800, refreshToken: 'newRefreshToken' },
  },
  {
    name: 'valid for an hour: used as cached, no refresh',
    token: cachedToken(60),
    answers: { roleCredentials },
    code: 0, calls: ['roleCredentials'], bearer: 'oldAccessToken', file: 'unchanged',
  },
  {
    name: 'valid for an hour, its time as older caches wrote it (…UTC): no refresh',
    token: cachedToken(60, { expiresAt: isoSeconds(Date.now() + 60 * MINUTE).replace('Z', 'UTC') }),
    answers: { roleCredentials },
    code: 0, calls: ['roleCredentials'], bearer: 'oldAccessToken', file: 'unchanged',
  },
  {
    name: 'refreshed without a new refresh token: the written token has none',
    token: cachedToken(-1),
    answers: { createToken: newToken(3600, null), roleCredentials },
    code: 0, calls: ['createToken', 'roleCredentials'], bearer: 'newAccessToken',
    file: { expiresIn: 3600 },
  },
  {
    name: 'CreateToken endpoint from the profile\'s [services] section',
    token: cachedToken(-60),
    answers: { createToken: newToken(3600), roleCredentials },
    oidc: 'services',
    code: 0, calls: ['createToken', 'roleCredentials'], bearer: 'newAccessToken',
    file: { expiresIn: 3600, refreshToken: 'newRefreshToken' },
  },
  {
    name: 'OIDC and portal at AWS_ENDPOINT_URL (IAM at --endpoint-url)',
    token: cachedToken(-60),
    answers: { createToken: newToken(3600), roleCredentials },
    oidc: 'global',
    code: 0, calls: ['createToken', 'roleCredentials'], bearer: 'newAccessToken',
    file: { expiresIn: 3600, refreshToken: 'newRefreshToken' },
  },
  {
    name: 'refresh refused (InvalidGrantException): token expired, file untouched',
    token: cachedToken(-60),
    answers: { createToken: awsError(400, 'InvalidGrantException', { error: 'invalid_grant', error_description: 'Invalid refresh token provided' }) },
    code: 255, stderr: TOKEN_EXPIRED, calls: ['createToken'], file: 'unchanged',
  },
  {
    name: 'refresh refused while the token has 5 minutes left: the old token is used',
    token: cachedToken(5),
    answers: { createToken: awsError(400, 'InvalidGrantException', { error: 'invalid_grant' }), roleCredentials },
    code: 0, calls: ['createToken', 'roleCredentials'], bearer: 'oldAccessToken', file: 'unchanged',
  },
  {
    name: 'client registration expired: no refresh tried',
    token: cachedToken(-60, { registrationExpiresAt: '2020-01-01T00:00:00Z' }),
    answers: {},
    code: 255, stderr: TOKEN_EXPIRED, calls: [], file: 'unchanged',
  },
  {
    name: 'no refresh token: no refresh tried',
    token: cachedToken(-60, {}, ['refreshToken']),
    answers: {},
    code: 255, stderr: TOKEN_EXPIRED, calls: [], file: 'unchanged',
  },
  {
    name: 'no client registration at all (a token from an older CLI): no refresh tried',
    token: cachedToken(-60, {}, ['clientId', 'clientSecret', 'registrationExpiresAt', 'refreshToken']),
    answers: {},
    code: 255, stderr: TOKEN_EXPIRED, calls: [], file: 'unchanged',
  },
  {
    name: 'refreshed token already expired (expiresIn 0): refused, but written back',
    token: cachedToken(-60),
    answers: { createToken: newToken(0) },
    code: 255, stderr: TOKEN_EXPIRED, calls: ['createToken'], file: { expiresIn: 0, refreshToken: 'newRefreshToken' },
  },
  {
    name: 'refreshed, then the portal refuses the new token',
    token: cachedToken(-60),
    answers: { createToken: newToken(3600), roleCredentials: awsError(401, 'UnauthorizedException', { message: 'Session token not found or invalid' }) },
    code: 255, stderr: UNAUTHORIZED, calls: ['createToken', 'roleCredentials'], bearer: 'newAccessToken',
    file: { expiresIn: 3600, refreshToken: 'newRefreshToken' },
  },
  {
    name: 'OIDC unreachable: the connection error, not a refresh failure',
    token: cachedToken(-60),
    answers: {},
    oidc: 'closed',
    code: 255, stderr: 'Could not connect to the endpoint URL: "http://127.0.0.1:PORT/token"', calls: [], file: 'unchanged',
  },
];

function files(c: Case): CaseFiles {
  const oidcUrl = c.oidc === 'closed' ? `http://127.0.0.1:${closedPort}` : server.url;
  return {
    config: [
      '[profile sso]',
      'sso_session = corp',
      'sso_account_id = 123456789012',
      'sso_role_name = ReadOnly',
      'region = eu-west-1',
      ...(c.oidc === 'services' ? ['services = local', '[services local]', 'sso_oidc =', `  endpoint_url = ${server.url}`] : []),
      '[sso-session corp]',
      'sso_region = us-east-1',
      `sso_start_url = ${START_URL}`,
      'sso_registration_scopes = sso:account:access',
      '',
    ].join('\n'),
    tokenPath: `.aws/sso/cache/${ssoTokenFileName('corp')}`,
    tokenText: JSON.stringify(c.token),
    env:
      c.oidc === 'global'
        ? { AWS_ENDPOINT_URL: server.url }
        : { AWS_ENDPOINT_URL_SSO: server.url, ...(c.oidc === 'services' ? {} : { AWS_ENDPOINT_URL_SSO_OIDC: oidcUrl }) },
  };
}

const ARGS = () => ['list-users', '--profile', 'sso', '--endpoint-url', moto.url, '--query', 'Users[].UserName', '--output', 'text'];

const routeOf = (path: string): Route => (path === '/token' ? 'createToken' : path === '/v1/token' ? 'signinToken' : 'roleCredentials');

/** The cache file a successful refresh writes: botocore's fields, order and spelling (`json.dumps`). */
function refreshedFile(c: Case, expiresIn: number, refreshToken: string | undefined, expiresAt: string): string {
  const token: Token = {
    startUrl: START_URL,
    region: 'us-east-1',
    accessToken: 'newAccessToken',
    expiresAt,
    clientId: c.token.clientId,
    clientSecret: c.token.clientSecret,
    registrationExpiresAt: c.token.registrationExpiresAt,
    ...(refreshToken !== undefined ? { refreshToken } : {}),
  };
  return pyDumps(token);
}

function expectRow(c: Case, run: CaseRun): void {
  const message = c.stderr?.replace('PORT', String(closedPort));
  expect(run.result).toEqual({
    code: c.code,
    stdout: c.code === 0 ? 'alice\tbob\tcarol\tZoë\tsvc-ci\n' : '',
    stderr: message === undefined ? '' : `\naws-iam: [ERROR]: ${message}\n`,
  });
  expect(run.requests.map((r) => routeOf(r.path))).toEqual(c.calls);
  expect(run.requests.find((r) => r.path === '/federation/credentials')?.headers['x-amz-sso_bearer_token']).toBe(c.bearer);
  const createToken = run.requests.find((r) => r.path === '/token');
  if (createToken) {
    expect(createToken.body).toEqual({
      grantType: 'refresh_token',
      clientId: 'clientIdFromRegistration',
      clientSecret: 'clientSecretFromRegistration',
      refreshToken: 'oldRefreshToken',
    });
  }
  if (c.file === 'unchanged') {
    expect(run.fileText).toBe(JSON.stringify(c.token));
    return;
  }
  // expiresAt is the time of the refresh plus expiresIn, in whole seconds.
  const written = JSON.parse(run.fileText) as { expiresAt: string };
  const at = Date.parse(written.expiresAt) - c.file.expiresIn * 1000;
  expect(at).toBeGreaterThanOrEqual(Math.floor(run.startedAt / 1000) * 1000);
  expect(at).toBeLessThanOrEqual(Date.now());
  expect(run.fileText).toBe(refreshedFile(c, c.file.expiresIn, c.file.refreshToken, written.expiresAt));
}

describe('an sso-session profile whose token needs a refresh', () => {
  it.each(CASES)('$name', async (c) => {
    for (const program of programs()) {
      server.script({ createToken: undefined, roleCredentials: undefined, ...Object.fromEntries(Object.entries(c.answers).map(([route, answer]) => [route, () => answer])) });
      const run = await runCase(program, files(c), server, ARGS());
      expectRow(c, run);
      // Written as a private file (the CLI keeps the old file's mode).
      if (program === 'aws-iam' && c.file !== 'unchanged') expect(run.fileMode).toBe(0o600);
    }
  }, 90_000);
});

describe('--debug during a refresh', () => {
  it.each([
    ['a refresh that succeeds', newToken(3600), 'SSO Token refresh succeeded'],
    ['a refused refresh', awsError(400, 'InvalidGrantException', { error: 'invalid_grant' }), 'SSO token refresh attempt failed: InvalidGrantException (HTTP 400)'],
  ])('%s: says so, and never prints a token or the client secret', async (_name, answer, line) => {
    const c = CASES[0]!;
    server.script({ createToken: () => answer, roleCredentials: () => roleCredentials });
    const run = await runCase('aws-iam', files(c), server, [...ARGS(), '--debug']);
    expect(run.result.stderr).toContain(` - DEBUG - ${line}`);
    for (const secret of ['oldAccessToken', 'newAccessToken', 'oldRefreshToken', 'newRefreshToken', 'clientSecretFromRegistration', 'ssoRoleSecret', 'ssoRoleSession']) {
      expect(run.result.stderr).not.toContain(secret);
    }
  }, 60_000);
});
