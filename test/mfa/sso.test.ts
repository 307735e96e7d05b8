/**
 * SSO profiles use the token `aws sso login` leaves in ~/.aws/sso/cache (a hand-made cache file
 * here, named as the CLI names it: sha1 of the sso-session name). moto has no SSO portal, so a
 * small loopback stand-in answers GetRoleCredentials (and records what it was sent); IAM is moto.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startMotoInRange, type MotoServer } from './moto-server.js';
import type { AddressInfo } from 'node:net';
import { awsIam, makeHome, type Home } from './fixture.js';

const TOKEN = 'ssoAccessTokenDoNotPrint';
const SSO_CONFIG = [
  '[profile sso]',
  'sso_session = my-sso',
  'sso_account_id = 123456789012',
  'sso_role_name = ReadOnly',
  'region = us-east-1',
  '[sso-session my-sso]',
  'sso_region = us-east-1',
  'sso_start_url = https://my-sso-portal.awsapps.com/start',
  'sso_registration_scopes = sso:account:access',
].join('\n');

let moto: MotoServer;
let portal: Server;
let portalUrl: string;
const requests: { url: string; token: string | undefined }[] = [];
let home: Home;

beforeAll(async () => {
  moto = await startMotoInRange();
  portal = createServer((req, res) => {
    requests.push({ url: req.url ?? '', token: req.headers['x-amz-sso_bearer_token'] as string | undefined });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({
      roleCredentials: { accessKeyId: 'ASIASSO', secretAccessKey: 'ssoRoleSecret', sessionToken: 'ssoRoleToken', expiration: Date.now() + 3_600_000 },
    }));
  });
  await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
  portalUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
}, 90_000);
afterAll(() => {
  moto?.stop();
  portal?.close();
});
afterEach(() => home?.remove());

function withToken(expiresAt: string | undefined): NodeJS.ProcessEnv {
  home = makeHome(moto.url, SSO_CONFIG);
  const cache = join(home.env.HOME!, '.aws', 'sso', 'cache');
  mkdirSync(cache, { recursive: true });
  if (expiresAt !== undefined) {
    const name = createHash('sha1').update('my-sso').digest('hex');
    writeFileSync(join(cache, `${name}.json`), JSON.stringify({ startUrl: 'https://my-sso-portal.awsapps.com/start', region: 'us-east-1', accessToken: TOKEN, expiresAt }));
  }
  return { ...home.env, AWS_ENDPOINT_URL_SSO: portalUrl, AWS_ENDPOINT_URL_SSO_OIDC: portalUrl };
}

const LIST = () => ['list-users', '--profile', 'sso', '--endpoint-url', moto.url, '--query', 'Users[0].UserName'];

describe('an SSO profile', () => {
  it('trades the cached token for role credentials and lists', async () => {
    requests.length = 0;
    const result = await awsIam(LIST(), withToken('2099-01-01T00:00:00Z'));
    expect(result).toEqual({ code: 0, stdout: '"alice"\n', stderr: '' });
    expect(requests).toHaveLength(1);
    expect(requests[0].token).toBe(TOKEN);
    expect(new URL(requests[0].url, portalUrl).pathname).toBe('/federation/credentials');
    expect(Object.fromEntries(new URL(requests[0].url, portalUrl).searchParams)).toEqual({ account_id: '123456789012', role_name: 'ReadOnly' });
  }, 60_000);

  it.each([
    ['an expired token', '2020-01-01T00:00:00Z', 'Error when retrieving token from sso: Token has expired and refresh failed'],
    ['no token (never logged in)', undefined, 'Error loading SSO Token: Token for my-sso does not exist'],
  ])('%s: the CLI\'s message, exit 255, the portal never asked', async (_name, expiresAt, message) => {
    requests.length = 0;
    const result = await awsIam(LIST(), withToken(expiresAt));
    expect(result).toEqual({ code: 255, stdout: '', stderr: `\naws-iam: [ERROR]: ${message}\n` });
    expect(requests).toEqual([]);
  }, 60_000);
});
