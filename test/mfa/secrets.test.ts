/**
 * No secret ever reaches stdout or stderr: not with `--debug`, not when credentials fail, not
 * around the MFA prompt. Secret keys, session tokens (given and assumed) and the MFA code are
 * planted with distinctive values and searched for in everything aws-iam prints.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMotoInRange, freePortInRange, type MotoServer } from './moto-server.js';
import { awsIam, makeHome, ENV_SECRET, ENV_TOKEN, SOURCE_SECRET, type Home } from './fixture.js';

const MFA_CODE = '846213';
const PROCESS_SECRET = 'processSecretKeyDoNotPrint0123456789abc';

let moto: MotoServer;
let home: Home;
beforeAll(async () => {
  moto = await startMotoInRange();
  home = makeHome(
    moto.url,
    [
      '[profile partial]',
      'aws_access_key_id = AKIDPARTIAL',
      '[profile badprocess]',
      // A credential process whose answer is refused (unsupported Version) yet carries a secret.
      `credential_process = sh -c 'echo "{\\"Version\\": 2, \\"AccessKeyId\\": \\"AKIDPROC\\", \\"SecretAccessKey\\": \\"${PROCESS_SECRET}\\"}"'`,
      '[profile envsource]',
      // Another role than `mfa`'s: the cache key (botocore's) does not depend on the source.
      'role_arn = arn:aws:iam::123456789012:role/other',
      'credential_source = Environment',
      'mfa_serial = arn:aws:iam::123456789012:mfa/alice',
      'region = us-east-1',
    ].join('\n'),
  );
}, 90_000);
afterAll(() => {
  moto?.stop();
  home?.remove();
});

const planted = () => [ENV_SECRET, ENV_TOKEN, SOURCE_SECRET, PROCESS_SECRET, MFA_CODE, ...home.cachedSecrets()];

function expectNoSecrets(result: { stdout: string; stderr: string }) {
  for (const secret of planted()) {
    expect(result.stdout, 'stdout').not.toContain(secret);
    expect(result.stderr, 'stderr').not.toContain(secret);
  }
}

describe('secrets stay out of the output', () => {
  const envKeys = () => ({ ...home.env, AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: ENV_SECRET, AWS_SESSION_TOKEN: ENV_TOKEN });

  it.each([
    ['--debug with environment keys and a session token', ['list-users', '--debug', '--endpoint-url', '<moto>'], 'env', 0],
    ['--debug, paginated, every format', ['list-users', '--debug', '--page-size', '1', '--output', 'table', '--endpoint-url', '<moto>'], 'env', 0],
    ['--debug with a service error', ['list-mfa-devices', '--user-name', 'nobody', '--debug', '--endpoint-url', '<moto>'], 'env', 254],
    // Both are the CLI's configuration errors (exit 255), not "Unable to locate credentials".
    ['--debug with partial credentials in the profile', ['list-users', '--profile', 'partial', '--debug', '--endpoint-url', '<moto>'], 'files', 255],
    ['--debug with a refused credential process', ['list-users', '--profile', 'badprocess', '--debug', '--endpoint-url', '<moto>'], 'files', 255],
    ['--debug with an unreachable endpoint', ['list-users', '--debug', '--endpoint-url', '<closed>'], 'env', 255],
    ['a structured error format', ['list-users', '--cli-error-format', 'json', '--debug', '--endpoint-url', '<closed>'], 'env', 255],
  ])('%s', async (_name, args, credentials, code) => {
    const closed = `http://127.0.0.1:${await freePortInRange()}`;
    const argv = args.map((a) => (a === '<moto>' ? moto.url : a === '<closed>' ? closed : a));
    const env = { ...(credentials === 'env' ? envKeys() : home.env), AWS_MAX_ATTEMPTS: '1', AWS_DEFAULT_REGION: 'us-east-1' };
    const result = await awsIam(argv, env);
    expect(result.code).toBe(code);
    if (argv.includes('--debug')) expect(result.stderr).toContain(' - DEBUG - ');
    expectNoSecrets(result);
  }, 60_000);

  it('--debug with the MFA profile: the prompt, STS, the cache, and the cached run', async () => {
    const first = await awsIam(['list-users', '--profile', 'mfa', '--debug'], home.env, `${MFA_CODE}\n`);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('Enter MFA code for');
    const second = await awsIam(['list-users', '--profile', 'mfa', '--debug', '--output', 'text'], home.env);
    expect(second.code).toBe(0);
    expect(home.cachedSecrets().length).toBe(2); // the assumed secret key and session token are planted too
    expectNoSecrets(first);
    expectNoSecrets(second);
  }, 60_000);

  it('--debug with an MFA role sourced from the environment, STS unreachable', async () => {
    const closed = `http://127.0.0.1:${await freePortInRange()}`;
    const env = { ...envKeys(), AWS_ENDPOINT_URL_STS: closed, AWS_MAX_ATTEMPTS: '1' };
    const result = await awsIam(['list-users', '--profile', 'envsource', '--debug', '--endpoint-url', moto.url], env, `${MFA_CODE}\n`);
    expect(result.code).toBe(255);
    expect(result.stderr).toContain(`Could not connect to the endpoint URL: "${closed}/"`);
    expectNoSecrets(result);
  }, 60_000);

  it('writes no credential anywhere but the CLI cache', async () => {
    const { readdirSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else files.push(path.slice(home.dir.length));
      }
    };
    walk(home.dir);
    expect(files.sort()).toEqual(['/config', '/credentials', `/home/.aws/cli/cache/${home.cacheFiles()[0]}`]);
  });
});
