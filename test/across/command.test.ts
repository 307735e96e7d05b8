/**
 * `across` with injected IO: a scripted IAM per account and a scripted STS/Organizations, so the
 * merged document, the failure lines and progress on a terminal are asserted byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { makeAcrossCommand } from '../../src/extensions/across/command.js';
import type { AccountApi } from '../../src/extensions/across/account-api.js';
import { CliError } from '../../src/errors/cli-error.js';
import { parseCommandLine } from '../../src/cli/parse-command-line.js';
import type { Io } from '../../src/cli/io.js';

const usersXml = (names: string[]) =>
  `<ListUsersResponse><ListUsersResult><IsTruncated>false</IsTruncated><Users>${names
    .map((n) => `<member><Path>/</Path><UserName>${n}</UserName><UserId>ID${n}</UserId><Arn>arn:aws:iam::x:user/${n}</Arn><CreateDate>2024-01-01T00:00:00Z</CreateDate></member>`)
    .join('')}</Users></ListUsersResult></ListUsersResponse>`;

const USERS: Record<string, string[]> = { '111111111111': ['a'], '222222222222': ['b', 'c'] };

function fakeApi(): AccountApi {
  const credsOf = (account: string) => async () => ({ accessKeyId: account, secretAccessKey: 's' });
  return {
    credentials: () => credsOf('111111111111'),
    callerIdentity: async () => ({ account: '111111111111', arn: 'arn:aws:iam::111111111111:user/me' }),
    listAccounts: async () => [
      { Id: '111111111111', State: 'ACTIVE' },
      { Id: '222222222222', State: 'ACTIVE' },
      { Id: '333333333333', State: 'ACTIVE' },
      { Id: '444444444444', Name: 'old', State: 'SUSPENDED' },
    ],
    assumeRole: async (_s, _c, arn) => {
      const account = arn.split(':')[4];
      if (account === '333333333333') throw new CliError('client', 'An error occurred (AccessDenied) when calling the AssumeRole operation: no', { code: 'AccessDenied', message: 'no' });
      return credsOf(account);
    },
  };
}

function io(tty: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  let clock = 0;
  const value: Io = {
    stdout: { write: (t) => void out.push(t) },
    stderr: { write: (t) => void err.push(t) },
    env: {},
    stdoutIsTTY: false,
    stderrIsTTY: tty,
    now: () => (clock += 200),
    loadSharedFiles: async () => ({ configFile: {}, credentialsFile: {} }),
    createSender: async (_settings, _globals, credentials) => async () => usersXml(USERS[(await credentials!()).accessKeyId]),
  };
  return { value, out, err };
}

async function runAcross(argv: string[], tty = false) {
  const line = parseCommandLine(argv);
  if (line.kind !== 'extension') throw new Error('not across');
  const streams = io(tty);
  const code = await makeAcrossCommand(() => fakeApi())(line.args, line.globals, streams.value, argv);
  return { code, stdout: streams.out.join(''), stderr: streams.err.join('') };
}

describe('across with scripted accounts', () => {
  it('merges in account order, names the failed account, ends with the re-run line (exit 4)', async () => {
    const r = await runAcross(['across', '--organization', 'list-users', '--query', 'Users[].[AccountId,UserName]', '--output', 'text']);
    expect(r.code).toBe(4);
    expect(r.stdout.split('\n').sort()).toEqual(['', '111111111111\ta', '222222222222\tb', '222222222222\tc']);
    expect(r.stderr).toBe(
      'note: skipped 1 account(s) that are not active: 444444444444 (suspended, old)\n' +
        'account 333333333333: An error occurred (AccessDenied) when calling the AssumeRole operation: no\n' +
        '1 of 3 accounts failed. To re-run only those:\n' +
        "  aws-iam across --accounts 333333333333 --organization list-users --query 'Users[].[AccountId,UserName]' --output text\n",
    );
  });

  it('json: one document, AccountId first in every item', async () => {
    const r = await runAcross(['across', '--organization', '--accounts', '222222222222,111111111111', 'list-users', '--query', 'Users[].[AccountId,UserName]']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      ['222222222222', 'b'],
      ['222222222222', 'c'],
      ['111111111111', 'a'],
    ]);
  });

  it('progress on a terminal: accounts done of total and items so far, erased before the output', async () => {
    const r = await runAcross(['across', '--organization', '--accounts', '111111111111,222222222222', 'list-users', '--output', 'json'], true);
    expect(r.stderr).toContain('across list-users, 2/2 accounts: 3 items');
    expect(r.stderr.endsWith('\r\x1b[K')).toBe(true);
    const piped = await runAcross(['across', '--organization', '--accounts', '111111111111,222222222222', 'list-users', '--output', 'json'], false);
    expect(piped.stderr).toBe('note: skipped 1 account(s) that are not active: 444444444444 (suspended, old)\n');
  });
});
