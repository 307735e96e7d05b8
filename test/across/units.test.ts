/** Tables of cases for the pure parts of `across`: its options, profile globs, the re-run line, tagging. */
import { describe, expect, it } from 'vitest';
import { parseAcrossArgs } from '../../src/extensions/across/options.js';
import { expandProfiles } from '../../src/extensions/across/profile-globs.js';
import { rerunCommand } from '../../src/extensions/across/rerun.js';
import { tagPage } from '../../src/extensions/across/annotate.js';
import { CliError } from '../../src/errors/cli-error.js';

const error = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return `${(e as CliError).exitCode} ${(e as Error).message}`;
  }
  return 'no error';
};

describe('across options', () => {
  it.each([
    [['--profiles', 'a,b', 'list-users', '--max-items', '1'], { source: { kind: 'profiles', patterns: ['a', 'b'] }, maxConcurrency: 8 }, 'list-users', ['--max-items', '1']],
    [['--org', '--role-name', 'R', 'list-attached-role-policies', '--role-name', 'x'], { source: { kind: 'organization', roleName: 'R', accounts: undefined }, maxConcurrency: 8 }, 'list-attached-role-policies', ['--role-name', 'x']],
    [['--organization', '--accounts=111111111111,222222222222', '--max-c', '3', 'list-roles'], { source: { kind: 'organization', roleName: 'OrganizationAccountAccessRole', accounts: ['111111111111', '222222222222'] }, maxConcurrency: 3 }, 'list-roles', []],
  ])('%j', (args, options, command, rest) => {
    expect(parseAcrossArgs(args)).toEqual({ kind: 'run', options, command, rest });
  });
  it.each([
    [['list-users'], '252 one of the arguments --profiles --organization is required'],
    [['--profiles', 'a', '--organization', 'list-users'], '252 argument --organization: not allowed with argument --profiles'],
    [['--profiles'], '252 argument --profiles: expected one argument'],
    [['--organization'], '252 the following arguments are required: command'],
    [['--organization', '--accounts', '12', 'list-users'], "252 argument --accounts: expected 12-digit account ids separated by commas, not '12'"],
    [['--organization', '--max-concurrency', '0', 'list-users'], '252 argument --max-concurrency: must be between 1 and 64, not 0'],
    [['--profiles', 'a', '--role-name', 'R', 'list-users'], '252 argument --role-name: only allowed with argument --organization'],
    [['--organization', '--bogus', 'list-users'], '252 Unknown options: --bogus'],
  ])('%j', (args, message) => expect(error(() => parseAcrossArgs(args))).toBe(message));
  it('help', () => expect(parseAcrossArgs(['help'])).toEqual({ kind: 'help' }));
});

describe('profile globs', () => {
  const available = ['default', 'sec-a', 'sec-b', 'audit', 'dev'];
  it.each([
    [['sec-*', 'audit'], ['sec-a', 'sec-b', 'audit']],
    [['d*'], ['default', 'dev']],
    [['sec-[!a]', 'missing'], ['sec-b', 'missing']],
    [['?ev', 'dev'], ['dev']],
  ])('%j', (patterns, names) => expect(expandProfiles(patterns, available)).toEqual(names));
  it('a glob that matches nothing', () => expect(error(() => expandProfiles(['prod-*'], available))).toBe("255 No profile matches 'prod-*' in the config and credentials files"));
});

describe('re-run line', () => {
  it.each([
    [['across', '--profiles', 'a,b', 'list-users'], { kind: 'profiles', names: ['b'] }, 'aws-iam across --profiles b list-users'],
    [['--output', 'json', 'across', '--region', 'eu-west-1', '--profiles=a,b', 'list-users', '--query', 'Users[0]'], { kind: 'profiles', names: ["it's"] }, "aws-iam --output json across --profiles 'it'\\''s' --region eu-west-1 list-users --query 'Users[0]'"],
    [['across', '--organization', '--accounts', '111111111111,222222222222', '--role-name', 'R', 'list-roles'], { kind: 'organization', ids: ['222222222222'] }, 'aws-iam across --accounts 222222222222 --organization --role-name R list-roles'],
  ] as const)('%j', (argv, failed, line) => expect(rerunCommand(argv, failed)).toBe(line));
});

describe('tagging items with their account', () => {
  it.each([
    [new Map<string, unknown>([['Users', [new Map([['UserName', 'a']])]], ['IsTruncated', false]]), ['Users'], 'Users', [new Map([['AccountId', '1'], ['Profile', 'p'], ['UserName', 'a']])]],
    [new Map<string, unknown>([['AccountAliases', ['x', 'y']]]), ['AccountAliases'], 'AccountAliases', [new Map<string, unknown>([['AccountId', '1'], ['Profile', 'p'], ['AccountAliases', ['x', 'y']]])]],
    [new Map<string, unknown>([['AccountAliases', []]]), ['AccountAliases'], 'AccountAliases', []],
  ])('%#', (page, keys, key, items) => {
    expect(tagPage(page as never, keys, { accountId: '1', profile: 'p' }).get(key)).toEqual(items);
  });
});
