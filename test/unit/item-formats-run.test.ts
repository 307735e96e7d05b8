/**
 * jsonl and csv end to end through run(), with an injected Io and a scripted IAM: pages are
 * written as they arrive, an error half-way leaves whole lines, what continues a listing goes to
 * stderr, and the settings that choose the format (aws-iam's own ones and the CLI's).
 */
import { describe, expect, test } from 'vitest';
import { run } from '../../src/cli/run.js';
import type { Io } from '../../src/cli/io.js';
import type { Profile } from '../../src/config/settings.js';
import { fakeIam, type FakeAccount } from '../audit/fake-iam.js';

const users = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `user-${i}`, console: false }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout's length when each ListUsers request was sent. */
  stdoutAtRequest: number[];
}

async function cli(args: string[], account: FakeAccount, env: Record<string, string> = {}, profile: Profile = {}): Promise<Run> {
  const result: Run = { code: -1, stdout: '', stderr: '', stdoutAtRequest: [] };
  const iam = fakeIam(account);
  const io: Io = {
    stdout: { write: (t) => void (result.stdout += t) },
    stderr: { write: (t) => void (result.stderr += t) },
    env: { AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y', AWS_DEFAULT_REGION: 'us-east-1', ...env },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    now: () => 0,
    loadSharedFiles: async () => ({ configFile: { default: profile }, credentialsFile: {} }),
    createSender: () => async (operation, params) => {
      if (operation === 'ListUsers') result.stdoutAtRequest.push(result.stdout.length);
      return iam.send(operation, params);
    },
  };
  result.code = await run(args, io);
  return result;
}

const THREE_PAGES: FakeAccount = { users: users(6), usersPerPage: 2 };

describe('streamed page by page', () => {
  test.each([['jsonl'], ['csv']])('%s: the first page is written before the last one is asked for', async (format) => {
    const r = await cli(['list-users', '--output', format], THREE_PAGES);
    expect(r.code).toBe(0);
    expect(r.stdoutAtRequest).toHaveLength(3);
    expect(r.stdoutAtRequest[0]).toBe(0);
    expect(r.stdoutAtRequest[2]).toBeGreaterThan(0);
    expect(r.stdout.split(/\r?\n/).filter(Boolean)).toHaveLength(format === 'csv' ? 7 : 6);
  });

  test('an error half-way: whole lines of the pages before it, then the error and the resume hint', async () => {
    const r = await cli(['list-users', '--output', 'jsonl'], { ...THREE_PAGES, errors: { ListUsers: ['', 'ServiceFailure'] } });
    expect(r.code).toBe(254);
    expect(r.stdout.split('\n').slice(0, -1).map((line) => JSON.parse(line).UserName)).toEqual(['user-0', 'user-1']);
    expect(r.stderr).toMatch(/^\naws-iam: \[ERROR\]: An error occurred \(ServiceFailure\)[^\n]*\nTo resume this listing where it stopped, add: --starting-token \S+\n$/);
  });
});

describe('what continues a listing, on stderr', () => {
  test.each([
    [['list-users', '--output', 'jsonl', '--max-items', '3'], 3, /^To list the next items, add: --starting-token eyJ\S+\n$/],
    [['list-users', '--output', 'csv', '--max-items', '3'], 4, /^To list the next items, add: --starting-token eyJ\S+\n$/],
    [['list-users', '--output', 'jsonl', '--no-paginate'], 2, /^To list the next items, add: --marker 2\n$/],
    [['list-users', '--output', 'jsonl'], 6, /^$/],
  ])('%j', async (args, lines, stderr) => {
    const r = await cli(args, THREE_PAGES);
    expect(r.stdout.split(/\r?\n/).filter(Boolean)).toHaveLength(lines);
    expect(r.stderr).toMatch(stderr);
  });

  test('the token resumes where the items stopped', async () => {
    const first = await cli(['list-users', '--output', 'jsonl', '--max-items', '3'], THREE_PAGES);
    const token = /--starting-token (\S+)/.exec(first.stderr)![1];
    const rest = await cli(['list-users', '--output', 'jsonl', '--starting-token', token], THREE_PAGES);
    expect((first.stdout + rest.stdout).split('\n').filter(Boolean).map((l) => JSON.parse(l).UserName)).toEqual(users(6).map((u) => u.name));
  });
});

describe('which setting chooses the format', () => {
  const ONE: FakeAccount = { users: users(1) };
  const JSONL = '{"Path":"/","UserName":"user-0","UserId":"AIDAUSERX0","Arn":"arn:aws:iam::123456789012:user/user-0","CreateDate":"2026-01-02T03:04:05+00:00"}\n';
  const REFUSED = (name: string, where: string) =>
    `\naws-iam: [ERROR]: Unknown output type: ${name}\n${name} is a format of aws-iam's own, which aws refuses in ${where}: ` +
    `to make it the default, set aws_iam_output = ${name} in the profile or AWS_IAM_OUTPUT=${name} (aws ignores both)\n`;
  test.each<[string, string[], Record<string, string>, Profile, number, string, string]>([
    ['AWS_IAM_OUTPUT', [], { AWS_IAM_OUTPUT: 'jsonl' }, {}, 0, JSONL, ''],
    ['aws_iam_output in the profile', [], {}, { aws_iam_output: 'jsonl' }, 0, JSONL, ''],
    ['aws_iam_output wins over output', [], {}, { aws_iam_output: 'jsonl', output: 'text' }, 0, JSONL, ''],
    ['AWS_DEFAULT_OUTPUT wins over the profile', [], { AWS_DEFAULT_OUTPUT: 'jsonl' }, { aws_iam_output: 'text' }, 255, '', REFUSED('jsonl', 'AWS_DEFAULT_OUTPUT')],
    ['AWS_IAM_OUTPUT wins over AWS_DEFAULT_OUTPUT', [], { AWS_IAM_OUTPUT: 'jsonl', AWS_DEFAULT_OUTPUT: 'text' }, {}, 0, JSONL, ''],
    ['--output wins over everything', ['--output', 'jsonl'], { AWS_IAM_OUTPUT: 'csv' }, { output: 'table' }, 0, JSONL, ''],
    ['the CLI\'s own output setting is refused, as aws refuses it', [], {}, { output: 'csv' }, 255, '', REFUSED('csv', "the profile's output")],
    ['an unknown aws-iam setting: the CLI\'s message', [], { AWS_IAM_OUTPUT: 'jsnl' }, {}, 255, '', '\naws-iam: [ERROR]: Unknown output type: jsnl\n'],
  ])('%s', async (_name, args, env, profile, code, stdout, stderr) => {
    const r = await cli(['list-users', ...args], ONE, env, profile);
    expect([r.code, r.stdout, r.stderr]).toEqual([code, stdout, stderr]);
  });
});

describe('audit mfa', () => {
  const ACCOUNT: FakeAccount = { rootMfa: true, users: [{ name: 'alice', console: true }, { name: 'bob', console: false }] };
  test.each([
    [['audit', 'mfa', '--output', 'jsonl', '--query', 'Users[].UserName'], '"alice"\n"bob"\n'],
    [['audit', 'mfa', '--output', 'csv', '--query', 'Findings[].{Type: Type, User: UserName}'], 'Type,User\r\nConsoleWithoutMfa,alice\r\n'],
  ])('%j', async (args, stdout) => {
    const r = await cli(args, ACCOUNT);
    expect([r.code, r.stdout]).toEqual([0, stdout]);
  });

  test('csv without --query: one row per user, the header from the users\' members', async () => {
    const r = await cli(['audit', 'mfa', '--output', 'csv', '--source', 'api'], ACCOUNT);
    const [header, ...rows] = r.stdout.split('\r\n').filter(Boolean);
    expect(header.split(',').slice(0, 2)).toEqual(['UserName', 'UserId']);
    expect(rows.map((row) => row.split(',')[0])).toEqual(['alice', 'bob']);
  });
});
