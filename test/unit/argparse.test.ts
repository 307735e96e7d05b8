/** The command line, parsed as the AWS CLI's argparse stages parse it: one case per line. */
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/parse-command-line.js';
import { CliError } from '../../src/errors/cli-error.js';

const parse = (line: string) => {
  try {
    const r = parseCommandLine(line.split(' ').filter(Boolean));
    if (r.kind !== 'operation') return r.kind;
    return Object.fromEntries([...r.values].map(([k, v]) => [k, typeof v === 'bigint' ? `${v}n` : v]));
  } catch (e) {
    return `${(e as CliError).errorClass}: ${(e as Error).message}`;
  }
};

describe('parseCommandLine', () => {
  it.each([
    ['list-mfa-devices --user-name alice', { UserName: 'alice' }],
    ['list-mfa-devices --user-name=alice', { UserName: 'alice' }],
    ['list-mfa-devices --user alice', { UserName: 'alice' }],
    ['list-mfa-devices --user-name bob --user-name alice', { UserName: 'alice' }],
    ['list-mfa-devices --user-name=-x', { UserName: '-x' }],
    ['list-users --max-items -2', { 'cli:max-items': '-2n' }],
    ['list-users --max-items +5', { 'cli:max-items': '5n' }],
    ['list-users --max-items 1_000', { 'cli:max-items': '1000n' }],
    ['list-users --max-items 99999999999999999999', { 'cli:max-items': '99999999999999999999n' }],
    ['list-policies --only-attached --no-only-attached', { OnlyAttached: false }],
    ['list-policies --no-only-attached --only-attached', { OnlyAttached: true }],
    ['list-policies-granting-service-access --arn a --service-namespaces s3 iam', { Arn: 'a', ServiceNamespaces: ['s3', 'iam'] }],
    ['list-policies-granting-service-access --arn a --service-namespaces', { Arn: 'a', ServiceNamespaces: [] }],
    ['list-users --generate-cli-skeleton', { 'cli:generate-cli-skeleton': 'input' }],
    ['list-users --generate-cli-skeleton output', { 'cli:generate-cli-skeleton': 'output' }],
    ['list-attached-role-policies --generate-cli-skeleton', { 'cli:generate-cli-skeleton': 'input' }],
    ['list-users --output text --region eu-west-1', {}],
    ['--region eu-west-1 list-users --path-prefix /x/', { PathPrefix: '/x/' }],
    ['list-users --version', 'version'],
    ['help', 'help'],
    ['list-users help', 'help'],
  ])('%s', (line, expected) => {
    expect(parse(line)).toEqual(expected);
  });

  it.each([
    ['', 'usage: the following arguments are required: operation'],
    ['list-users --bogus x', 'unknown-options: Unknown options: --bogus, x'],
    ['list-users extra', 'unknown-options: Unknown options: extra'],
    ['list-policies --only-attached foo --scope All bar', 'unknown-options: Unknown options: bar, foo'],
    ['list-attached-role-policies', 'usage: the following arguments are required: --role-name'],
    ['list-policies-granting-service-access', 'usage: the following arguments are required: --arn, --service-namespaces'],
    ['list-mfa-devices --user-name', 'usage: argument --user-name: expected one argument'],
    ['list-mfa-devices --user-name -x', 'usage: argument --user-name: expected one argument'],
    ['list-users --max-items x', "usage: argument --max-items: invalid int value: 'x'"],
    ['list-users --max-items 1.5', "usage: argument --max-items: invalid int value: '1.5'"],
    ['list-users --ma 1', 'usage: ambiguous option: --ma could match --marker, --max-items'],
    ['list-users --output bogus', "usage: argument --output: Found invalid choice 'bogus'\n"],
    ['list-user', "usage: argument operation: Found invalid choice 'list-user'\n\nMaybe you meant:\n\n  * list-users"],
    ['list-policies --only-attached=yes', "usage: argument --only-attached: ignored explicit argument 'yes'"],
  ])('%s → error', (line, expected) => {
    expect(parse(line)).toEqual(expected);
  });

  it('lets a global option win a prefix match after the operation (--p is --profile)', () => {
    const r = parseCommandLine(['list-users', '--p', '2']);
    expect(r.globals.profile).toBe('2');
  });
});
