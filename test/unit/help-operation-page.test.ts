/**
 * The help page of every command: options in the AWS CLI's order with their types, required
 * markers and enums, the pagination paragraph, examples and output. The two tables were
 * captured from `aws iam <command> help` of AWS CLI 2.36.7 (SYNOPSIS lines before the global
 * options, and the OPTIONS headings), so the order is the reference CLI's, not ours.
 */
import { describe, expect, it } from 'vitest';
import { operations, shapes, type OperationSpec } from '../../src/model/operations.js';
import { operationDocs } from '../../src/model/iam-docs.generated.js';
import { GLOBAL_ARGS } from '../../src/cli/global-options.js';
import { operationPage } from '../../src/help/operation-page.js';
import { renderHelp } from '../../src/help/show-help.js';
import { continuedLines, examplesFor, SAMPLE_VALUES } from '../../src/help/examples.js';
import { section } from '../support/help-sections.js';

const CLI_SYNOPSIS: [string, string][] = [
  ['list-access-keys', '[--user-name <value>] [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-account-aliases', '[--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-attached-group-policies', '--group-name <value> [--path-prefix <value>] [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-attached-role-policies', '--role-name <value> [--path-prefix <value>] [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-attached-user-policies', '--user-name <value> [--path-prefix <value>] [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-delegation-requests', '[--owner-id <value>] [--marker <value>] [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--generate-cli-skeleton <value>]'],
  ['list-entities-for-policy', '--policy-arn <value> [--entity-filter <value>] [--path-prefix <value>] [--policy-usage-filter <value>] [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-group-policies', '--group-name <value> [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-groups-for-user', '--user-name <value> [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-groups', '[--path-prefix <value>] [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-instance-profile-tags', '--instance-profile-name <value> [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-instance-profiles-for-role', '--role-name <value> [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-instance-profiles', '[--path-prefix <value>] [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-mfa-device-tags', '--serial-number <value> [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-mfa-devices', '[--user-name <value>] [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-open-id-connect-provider-tags', '--open-id-connect-provider-arn <value> [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-open-id-connect-providers', '[--cli-input-json | --cli-input-yaml] [--generate-cli-skeleton <value>]'],
  ['list-organizations-features', '[--cli-input-json | --cli-input-yaml] [--generate-cli-skeleton <value>]'],
  ['list-policies-granting-service-access', '[--marker <value>] --arn <value> --service-namespaces <value> [--cli-input-json | --cli-input-yaml] [--generate-cli-skeleton <value>]'],
  ['list-policies', '[--scope <value>] [--only-attached | --no-only-attached] [--path-prefix <value>] [--policy-usage-filter <value>] [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-policy-tags', '--policy-arn <value> [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-policy-versions', '--policy-arn <value> [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-role-policies', '--role-name <value> [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-role-tags', '--role-name <value> [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-roles', '[--path-prefix <value>] [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-saml-provider-tags', '--saml-provider-arn <value> [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-saml-providers', '[--cli-input-json | --cli-input-yaml] [--generate-cli-skeleton <value>]'],
  ['list-server-certificate-tags', '--server-certificate-name <value> [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-server-certificates', '[--path-prefix <value>] [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-service-specific-credentials', '[--user-name <value>] [--service-name <value>] [--all-users | --no-all-users] [--marker <value>] [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--generate-cli-skeleton <value>]'],
  ['list-signing-certificates', '[--user-name <value>] [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-ssh-public-keys', '[--user-name <value>] [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-user-policies', '--user-name <value> [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-user-tags', '--user-name <value> [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-users', '[--path-prefix <value>] [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
  ['list-virtual-mfa-devices', '[--assignment-status <value>] [--max-items <value>] [--cli-input-json | --cli-input-yaml] [--starting-token <value>] [--page-size <value>] [--generate-cli-skeleton <value>]'],
];

const CLI_OPTION_HEADINGS: [string, string][] = [
  ['list-access-keys', '--user-name (string); --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-account-aliases', '--max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-attached-group-policies', '--group-name (string) [required]; --path-prefix (string); --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-attached-role-policies', '--role-name (string) [required]; --path-prefix (string); --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-attached-user-policies', '--user-name (string) [required]; --path-prefix (string); --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-delegation-requests', '--owner-id (string); --marker (string); --max-items (integer); --cli-input-json | --cli-input-yaml (string); --generate-cli-skeleton (string)'],
  ['list-entities-for-policy', '--policy-arn (string) [required]; --entity-filter (string); --path-prefix (string); --policy-usage-filter (string); --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-group-policies', '--group-name (string) [required]; --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-groups-for-user', '--user-name (string) [required]; --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-groups', '--path-prefix (string); --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-instance-profile-tags', '--instance-profile-name (string) [required]; --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-instance-profiles-for-role', '--role-name (string) [required]; --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-instance-profiles', '--path-prefix (string); --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-mfa-device-tags', '--serial-number (string) [required]; --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-mfa-devices', '--user-name (string); --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-open-id-connect-provider-tags', '--open-id-connect-provider-arn (string) [required]; --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-open-id-connect-providers', '--cli-input-json | --cli-input-yaml (string); --generate-cli-skeleton (string)'],
  ['list-organizations-features', '--cli-input-json | --cli-input-yaml (string); --generate-cli-skeleton (string)'],
  ['list-policies-granting-service-access', '--marker (string); --arn (string) [required]; --service-namespaces (list) [required]; --cli-input-json | --cli-input-yaml (string); --generate-cli-skeleton (string)'],
  ['list-policies', '--scope (string); --only-attached | --no-only-attached (boolean); --path-prefix (string); --policy-usage-filter (string); --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-policy-tags', '--policy-arn (string) [required]; --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-policy-versions', '--policy-arn (string) [required]; --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-role-policies', '--role-name (string) [required]; --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-role-tags', '--role-name (string) [required]; --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-roles', '--path-prefix (string); --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-saml-provider-tags', '--saml-provider-arn (string) [required]; --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-saml-providers', '--cli-input-json | --cli-input-yaml (string); --generate-cli-skeleton (string)'],
  ['list-server-certificate-tags', '--server-certificate-name (string) [required]; --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-server-certificates', '--path-prefix (string); --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-service-specific-credentials', '--user-name (string); --service-name (string); --all-users | --no-all-users (boolean); --marker (string); --max-items (integer); --cli-input-json | --cli-input-yaml (string); --generate-cli-skeleton (string)'],
  ['list-signing-certificates', '--user-name (string); --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-ssh-public-keys', '--user-name (string); --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-user-policies', '--user-name (string) [required]; --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-user-tags', '--user-name (string) [required]; --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-users', '--path-prefix (string); --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
  ['list-virtual-mfa-devices', '--assignment-status (string); --max-items (integer); --cli-input-json | --cli-input-yaml (string); --starting-token (string); --page-size (integer); --generate-cli-skeleton (string)'],
];

const page = (op: OperationSpec) => renderHelp(operationPage(op), { terminal: false });


const byCli = (cli: string) => operations.find((op) => op.cli === cli)!;

describe('the tables cover every command', () => {
  it('one row per operation', () => {
    expect(CLI_SYNOPSIS.map(([cli]) => cli).sort()).toEqual(operations.map((op) => op.cli).sort());
    expect(CLI_OPTION_HEADINGS.map(([cli]) => cli).sort()).toEqual(operations.map((op) => op.cli).sort());
  });
});

describe('SYNOPSIS: the options in the CLI order, then the global options', () => {
  it.each(CLI_SYNOPSIS)('%s', (cli, expected) => {
    const lines = section(page(byCli(cli)), 'SYNOPSIS').filter((l) => l.trim() !== '');
    expect(lines[0]).toBe(`          aws-iam ${cli}`);
    const own = lines.slice(1, lines.length - GLOBAL_ARGS.length).map((l) => l.trim());
    expect(own.join(' ')).toBe(expected);
    const globals = lines.slice(lines.length - GLOBAL_ARGS.length).map((l) => l.trim());
    expect(globals).toEqual(GLOBAL_ARGS.map((g) => (g.nargs === 'zero' ? `[${g.flag}]` : `[${g.flag} <value>]`)));
  });
});

describe('OPTIONS: each option with its type and [required], in the CLI order', () => {
  it.each(CLI_OPTION_HEADINGS)('%s', (cli, expected) => {
    const headings = section(page(byCli(cli)), 'OPTIONS').filter((l) => /^ {7}--/.test(l)).map((l) => l.trim());
    expect(headings.join('; ')).toBe(expected);
  });
});

describe('per operation', () => {
  it.each(operations.map((op) => [op.cli, op] as const))('%s', (_cli, op) => {
    const text = page(op);
    expect(text).not.toContain('\x1b');
    expect(text.split('\n').slice(0, 2)).toEqual(['NAME', expect.stringMatching(new RegExp(`^ {7}aws-iam ${op.cli} - [A-Z]`))]);
    const titles = text.split('\n').filter((l) => /^[A-Z]/.test(l));
    expect(titles).toEqual(['NAME', 'DESCRIPTION', 'SYNOPSIS', 'OPTIONS', 'GLOBAL OPTIONS', 'EXAMPLES', 'OUTPUT']);

    // Enumerated members list their values under "Possible values:".
    const options = section(text, 'OPTIONS').join('\n');
    for (const member of op.input.filter((m) => m.enum)) {
      const block = options.split(`       --${member.option} (`)[1].split(/\n {7}--/)[0];
      expect(block).toContain('Possible values:');
      for (const value of member.enum!) expect(block).toContain(`\n          o ${value}\n`);
    }
    // Member docs come from the API documentation.
    for (const member of op.input.filter((m) => m.option && operationDocs[op.name].input[m.name])) {
      if (op.paginated && member.name === 'Marker') expect(options).not.toContain('--marker');
      else expect(options).toContain(`--${member.option}`);
    }

    // Pagination: how it works and the result keys, as the CLI says for paginated commands.
    const description = section(text, 'DESCRIPTION').join('\n').replace(/\s+/g, ' ');
    if (op.paginated) {
      expect(description).toContain(`${op.cli} is a paginated operation`);
      for (const flag of ['--max-items', '--starting-token', '--page-size', '--no-paginate']) expect(description).toContain(flag);
      expect(description).toContain(`The results are in ${op.resultKeys!.join(', ')}.`);
    } else {
      expect(description).toMatch(new RegExp(`${op.cli} is not paginated`));
    }
    expect(description).toContain(`See also: AWS API Documentation: https://docs.aws.amazon.com/goto/WebAPI/iam-2010-05-08/${op.name}`);

    // OUTPUT: every response member in model order, with its documentation when it has some.
    const output = section(text, 'OUTPUT');
    const outputShape = shapes[op.output];
    const names = output.filter((l) => /^ {7}\S/.test(l)).map((l) => l.trim().split(' -> ')[0]);
    expect(names).toEqual(outputShape.type === 'structure' ? outputShape.members.map(([n]) => n) : []);

    // EXAMPLES: commands of this operation only, every one of them valid for aws-iam.
    const examples = section(text, 'EXAMPLES').join('\n');
    expect(examples).toContain(`aws-iam ${op.cli}`);
    expect(examples).not.toMatch(/^ {10}[{\[]/m); // no invented output
  });
});

describe('examples', () => {
  it('every required member of every operation has a sample value', () => {
    const missing = operations.flatMap((op) => op.input.filter((m) => m.required && !SAMPLE_VALUES[m.name]).map((m) => `${op.cli} ${m.name}`));
    expect(missing).toEqual([]);
  });

  const cases: [string, string[]][] = [
    ['list-users', ['aws-iam list-users', "aws-iam list-users --query 'Users[].[UserName, Arn]' --output text", 'aws-iam list-users --max-items 10', 'aws-iam list-users --max-items 10 --starting-token "$NEXT_TOKEN"']],
    ['list-user-tags', ['aws-iam list-user-tags --user-name Alice', "aws-iam list-user-tags --user-name Alice --query 'Tags[].[Key, Value]' --output text", 'aws-iam list-user-tags --user-name Alice --max-items 10', 'aws-iam list-user-tags --user-name Alice --max-items 10 --starting-token "$NEXT_TOKEN"']],
    ['list-group-policies', ['aws-iam list-group-policies --group-name Admins', "aws-iam list-group-policies --group-name Admins --query 'PolicyNames[].[@]' --output text", 'aws-iam list-group-policies --group-name Admins --max-items 10', 'aws-iam list-group-policies --group-name Admins --max-items 10 --starting-token "$NEXT_TOKEN"']],
    ['list-virtual-mfa-devices', ['aws-iam list-virtual-mfa-devices', 'aws-iam list-virtual-mfa-devices --assignment-status Assigned', "aws-iam list-virtual-mfa-devices --query 'VirtualMFADevices[].[SerialNumber]' --output text", 'aws-iam list-virtual-mfa-devices --max-items 10', 'aws-iam list-virtual-mfa-devices --max-items 10 --starting-token "$NEXT_TOKEN"']],
    ['list-saml-providers', ['aws-iam list-saml-providers', "aws-iam list-saml-providers --query 'SAMLProviderList[].[Arn]' --output text"]],
    ['list-policies-granting-service-access', ['aws-iam list-policies-granting-service-access --arn arn:aws:iam::123456789012:user/Alice --service-namespaces s3 iam', "aws-iam list-policies-granting-service-access --arn arn:aws:iam::123456789012:user/Alice --service-namespaces s3 iam --query 'PoliciesGrantingServiceAccess[].[ServiceNamespace]' --output text"]],
  ];
  it.each(cases)('%s', (cli, expected) => {
    expect(examplesFor(byCli(cli)).map((e) => e.command)).toEqual(expected);
  });

  it('long commands continue on indented lines, never inside a quoted query', () => {
    expect(continuedLines("aws-iam list-roles --query 'Roles[].[RoleName, Arn]' --output text", 40)).toEqual([
      'aws-iam list-roles \\',
      "    --query 'Roles[].[RoleName, Arn]' \\",
      '    --output text',
    ]);
    expect(continuedLines('aws-iam list-users', 40)).toEqual(['aws-iam list-users']);
  });
});

describe('a whole page, exactly', () => {
  it('list-saml-providers (no options of its own, not paginated)', () => {
    const text = page(byCli('list-saml-providers'));
    expect(section(text, 'SYNOPSIS').slice(0, 4)).toEqual([
      '          aws-iam list-saml-providers',
      '            [--cli-input-json | --cli-input-yaml]',
      '            [--generate-cli-skeleton <value>]',
      '            [--debug]',
    ]);
    expect(section(text, 'GLOBAL OPTIONS')).toEqual(['       See aws-iam help for descriptions of the global options.', '']);
    expect(section(text, 'OUTPUT').slice(0, 9)).toEqual([
      '       SAMLProviderList -> (list)',
      '          The list of SAML provider resource objects defined in IAM for this',
      '          Amazon Web Services account.',
      '',
      '          (structure)',
      '             Arn -> (string)',
      '',
      '             ValidUntil -> (timestamp)',
      '',
    ]);
  });
});
