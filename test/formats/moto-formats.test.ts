/**
 * `--output jsonl` and `--output csv` through the built bin/aws-iam against moto (seeded with the
 * demo account), read back with the same tools a user would (JSON.parse, the audit's CSV
 * reader) and compared with what `aws --output json` lists; and the reference CLI ignoring
 * aws-iam's own default setting while still refusing `--output jsonl`.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startMoto, type MotoServer } from '../server/moto.js';
import { parseCsv } from '../../src/extensions/audit/csv.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REFERENCE_CLI = process.env.AWS_IAM_REFERENCE_CLI ?? '/opt/awscli-v2.36.7/aws';
const ENV = { AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y', AWS_DEFAULT_REGION: 'us-east-1', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' };
const AWS_IAM_DEFAULT = `${ROOT}test/fixtures/formats/aws-iam-output.ini`;
const POLICY = 'arn:aws:iam::123456789012:policy/ReadOnlyAudit';

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function runProgram(file: string, args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(file, args, { env: { ...process.env, ...ENV, ...env }, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

let moto: MotoServer;
const awsIam = (args: string[], env?: Record<string, string>) => runProgram(`${ROOT}bin/aws-iam`, [...args, '--endpoint-url', moto.url], env);
const referenceRuns = new Map<string, Promise<Ran>>();
/** The reference CLI, each command line run once (it takes ~0.5 s a run). */
const aws = (args: string[], env: Record<string, string> = {}) => {
  const key = JSON.stringify([args, env]);
  if (!referenceRuns.has(key)) referenceRuns.set(key, runProgram(REFERENCE_CLI, ['iam', ...args, '--endpoint-url', moto.url, '--no-cli-pager'], env));
  return referenceRuns.get(key)!;
};
const jsonLines = (out: string) => out.split('\n').slice(0, -1).map((line) => JSON.parse(line));

beforeAll(async () => {
  if (!existsSync(`${ROOT}dist/aws-iam.js`)) throw new Error('run `node tools/build.mjs` first: the test runs bin/aws-iam');
  moto = await startMoto('demo');
});
afterAll(() => moto?.stop());

describe('the same items as aws --output json', () => {
  test.each([
    [['list-users'], 'Users'],
    [['list-roles'], 'Roles'],
    [['list-virtual-mfa-devices', '--page-size', '2'], 'VirtualMFADevices'],
  ])('jsonl %j', async (args, key) => {
    const [mine, reference] = await Promise.all([awsIam([...args, '--output', 'jsonl']), aws(args)]);
    expect(mine.code).toBe(0);
    expect(jsonLines(mine.stdout)).toEqual(JSON.parse(reference.stdout)[key]);
  });

  test('list-entities-for-policy: groups, then users, then roles', async () => {
    const [mine, reference] = await Promise.all([awsIam(['list-entities-for-policy', '--policy-arn', POLICY, '--output', 'jsonl']), aws(['list-entities-for-policy', '--policy-arn', POLICY])]);
    const doc = JSON.parse(reference.stdout);
    expect(jsonLines(mine.stdout)).toEqual([...doc.PolicyGroups, ...doc.PolicyUsers, ...doc.PolicyRoles]);
  });

  test('csv: one row a user, cells as the json output has them', async () => {
    const [mine, reference] = await Promise.all([awsIam(['list-users', '--output', 'csv']), aws(['list-users'])]);
    const [header, ...rows] = parseCsv(mine.stdout);
    expect(header).toEqual(['Path', 'UserName', 'UserId', 'Arn', 'CreateDate', 'PasswordLastUsed', 'PermissionsBoundary', 'Tags']);
    const users = JSON.parse(reference.stdout).Users as Record<string, string>[];
    expect(rows).toEqual(users.map((u) => header.map((column) => u[column] ?? '')));
  });

  test('csv with a multiselect hash: its keys are the header', async () => {
    const r = await awsIam(['list-roles', '--output', 'csv', '--query', 'Roles[].{Name: RoleName, Trust: AssumeRolePolicyDocument}']);
    const [header, first] = parseCsv(r.stdout);
    expect(header).toEqual(['Name', 'Trust']);
    expect(JSON.parse(first[1]).Version).toBe('2012-10-17');
  });
});

describe('aws and aws-iam side by side', () => {
  test('aws ignores aws_iam_output; aws-iam uses it', async () => {
    const env = { AWS_CONFIG_FILE: AWS_IAM_DEFAULT };
    const [mine, reference] = await Promise.all([awsIam(['list-users'], env), aws(['list-users'], env)]);
    expect(reference.code).toBe(0);
    expect(jsonLines(mine.stdout)).toEqual(JSON.parse(reference.stdout).Users);
  });

  test('aws ignores AWS_IAM_OUTPUT', async () => {
    const reference = await aws(['list-users'], { AWS_IAM_OUTPUT: 'csv' });
    expect([reference.code, reference.stdout.startsWith('{')]).toEqual([0, true]);
  });

  test('aws still refuses --output jsonl', async () => {
    const reference = await aws(['list-users', '--output', 'jsonl']);
    expect(reference.code).toBe(252);
    expect(reference.stderr).toContain("argument --output: Found invalid choice 'jsonl'");
  });
});
