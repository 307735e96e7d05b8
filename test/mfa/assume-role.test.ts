/**
 * An MFA assume-role profile end to end against moto's STS and IAM, through the real binary
 * with no terminal (the code on standard input, as getpass falls back to): the prompt, the
 * cache in the CLI's place and format, no prompt on the next run, the errors and exit codes.
 * With the reference CLI installed, the cache is checked both ways between `aws` and aws-iam.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startMotoInRange, freePortInRange, type MotoServer } from './moto-server.js';
import { awsIam, makeHome, runDetached, MFA_SERIAL, type Home } from './fixture.js';
import { findReferenceCli } from '../diff/reference-cli.js';

const PROMPT = `Enter MFA code for ${MFA_SERIAL}: `;
const LIST = ['list-users', '--profile', 'mfa', '--query', 'Users[].UserName', '--output', 'text'];
const reference = findReferenceCli();

let moto: MotoServer;
let home: Home;
beforeAll(async () => void (moto = await startMotoInRange()), 90_000);
afterAll(() => moto?.stop());
afterEach(() => home?.remove());

describe('an MFA assume-role profile, without a terminal', () => {
  it('prompts once, caches 0600 in ~/.aws/cli/cache, and the next run does not prompt', async () => {
    home = makeHome(moto.url);
    const first = await awsIam(LIST, home.env, '123456\n');
    expect(first.stderr).toBe(`${PROMPT}\n`);
    expect(first.stdout).toMatch(/^alice\t/);
    expect(first.code).toBe(0);
    // botocore's key for {RoleArn, SerialNumber}: the CLI would find the same file.
    expect(home.cacheFiles()).toEqual(['c08bbcd61d2960e17757c33319b79219a44dea4e.json']);
    expect(statSync(join(home.cacheDir, home.cacheFiles()[0])).mode & 0o777).toBe(0o600);
    expect(statSync(home.cacheDir).mode & 0o777).toBe(0o700);

    const second = await awsIam(LIST, home.env);
    expect(second).toEqual({ code: 0, stdout: first.stdout, stderr: '' });
  }, 60_000);

  it('prompts once for a listing of several pages', async () => {
    home = makeHome(moto.url);
    const result = await awsIam([...LIST, '--page-size', '1'], home.env, '123456\n');
    expect(result.stderr).toBe(`${PROMPT}\n`);
    expect(result.code).toBe(0);
  }, 60_000);

  it('stops with a clear error, exit 255, when there is no code to read', async () => {
    home = makeHome(moto.url);
    const result = await awsIam(LIST, home.env);
    expect(result.code).toBe(255);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `${PROMPT}\naws-iam: [ERROR]: Unable to read an MFA code for ${MFA_SERIAL}: there is no terminal to prompt on and ` +
        'standard input has no line to read. Run the command in a terminal, or pipe the code on standard input.\n',
    );
    expect(home.cacheFiles()).toEqual([]);
  }, 60_000);

  it('refuses a short code before calling STS, as botocore does (252)', async () => {
    home = makeHome(moto.url);
    const result = await awsIam(LIST, home.env, '123\n');
    expect(result.code).toBe(252);
    expect(result.stderr).toBe(
      `${PROMPT}\n\naws-iam: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\n` +
        'Invalid length for parameter TokenCode, value: 3, valid min length: 6\n',
    );
  }, 60_000);

  it('reaches STS at AWS_ENDPOINT_URL_STS, never at --endpoint-url (IAM\'s only)', async () => {
    home = makeHome(moto.url);
    const closed = `http://127.0.0.1:${await freePortInRange()}`;
    const env = { ...home.env, AWS_ENDPOINT_URL_STS: closed, AWS_MAX_ATTEMPTS: '1' };
    const result = await awsIam([...LIST, '--endpoint-url', moto.url], env, '123456\n');
    expect(result.code).toBe(255);
    expect(result.stderr).toBe(`${PROMPT}\n\naws-iam: [ERROR]: Could not connect to the endpoint URL: "${closed}/"\n`);
  }, 60_000);

  it('reports an STS refusal as the CLI does, after AssumeRole (254), caching nothing', async () => {
    home = makeHome(moto.url);
    const sts = createServer((_req, res) => {
      res.statusCode = 403;
      res.setHeader('content-type', 'text/xml');
      res.end(
        '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code>' +
          '<Message>MultiFactorAuthentication failed with invalid MFA one time pass code.</Message></Error><RequestId>r</RequestId></ErrorResponse>',
      );
    });
    await new Promise<void>((resolve) => sts.listen(0, '127.0.0.1', resolve));
    const { port } = sts.address() as AddressInfo;
    try {
      const result = await awsIam(LIST, { ...home.env, AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${port}` }, '123456\n');
      expect(result.code).toBe(254);
      expect(result.stderr).toBe(
        `${PROMPT}\n\naws-iam: [ERROR]: An error occurred (AccessDenied) when calling the AssumeRole operation: ` +
          'MultiFactorAuthentication failed with invalid MFA one time pass code.\n',
      );
      expect(home.cacheFiles()).toEqual([]);
    } finally {
      sts.close();
    }
  }, 60_000);

  it('skips the role when environment keys are set and --profile is not given (AWS_PROFILE=mfa)', async () => {
    home = makeHome(moto.url);
    const env = { ...home.env, AWS_PROFILE: 'mfa', AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 'envsecret' };
    const result = await awsIam(['list-users', '--query', 'Users[0].UserName'], env);
    expect(result).toEqual({ code: 0, stdout: '"alice"\n', stderr: '' });
    expect(home.cacheFiles()).toEqual([]);
  }, 60_000);
});

describe.skipIf(!reference.path)(`the cache is shared with the AWS CLI (${reference.reason})`, () => {
  const aws = (env: NodeJS.ProcessEnv, input?: string) =>
    runDetached(reference.path!, ['--no-cli-pager', 'iam', ...LIST], env, input);

  it('aws-iam uses what `aws` cached', async () => {
    home = makeHome(moto.url);
    expect((await aws(home.env, '123456\n')).code).toBe(0);
    const result = await awsIam(LIST, home.env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }, 60_000);

  it('`aws` uses what aws-iam cached', async () => {
    home = makeHome(moto.url);
    expect((await awsIam(LIST, home.env, '123456\n')).code).toBe(0);
    const result = await aws(home.env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^alice\t/);
  }, 60_000);
});
