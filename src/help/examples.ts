/**
 * The EXAMPLES of a command's help, built from the operation table: the command with its
 * required options, a filter by an enumerated option, a `--query` that prints one result per
 * line, and continuing a listing with `--max-items` / `--starting-token`. Commands only: no
 * output is shown, since none would be real.
 */
import type { MemberSpec, OperationSpec } from '../model/operations.js';
import { shapes } from '../model/operations.js';
import type { Block } from './blocks.js';
import { literal, text } from './blocks.js';

const ACCOUNT = '123456789012';

/** Sample values for the members operations require (and for identifying members). */
export const SAMPLE_VALUES: Readonly<Record<string, readonly string[]>> = {
  UserName: ['Alice'],
  GroupName: ['Admins'],
  RoleName: ['MyRole'],
  InstanceProfileName: ['MyInstanceProfile'],
  PolicyArn: [`arn:aws:iam::${ACCOUNT}:policy/MyPolicy`],
  OpenIDConnectProviderArn: [`arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`],
  SAMLProviderArn: [`arn:aws:iam::${ACCOUNT}:saml-provider/MySAMLProvider`],
  SerialNumber: [`arn:aws:iam::${ACCOUNT}:mfa/MyMFADevice`],
  ServerCertificateName: ['MyServerCertificate'],
  Arn: [`arn:aws:iam::${ACCOUNT}:user/Alice`],
  ServiceNamespaces: ['s3', 'iam'],
};

export interface Example {
  readonly title: string;
  readonly command: string;
}

export function examplesFor(op: OperationSpec): Example[] {
  const required = op.input.filter((m) => m.required && m.option);
  const base = ['aws-iam', op.cli, ...required.flatMap((m) => [`--${m.option}`, ...sampleValue(m)])].join(' ');
  const examples: Example[] = [
    {
      title: required.length === 0 ? `To run \`${op.cli}\` with no options:` : `To run \`${op.cli}\` with its required options:`,
      command: base,
    },
  ];
  const filter = op.input.find((m) => !m.required && m.option && m.enum && m.enum.length > 0);
  if (filter) {
    const value = filter.enum![0];
    const choices = filter.enum!.map((v) => `\`${v}\``).join(', ');
    examples.push({ title: `To filter on \`--${filter.option}\` (one of ${choices}):`, command: `${base} --${filter.option} ${value}` });
  }
  const query = queryFor(op);
  if (query) {
    examples.push({ title: `${query.title}, one per line:`, command: `${base} --query '${query.expression}' --output text` });
  }
  if (op.paginated) {
    examples.push(
      { title: 'To print at most 10 items (the output then ends with a `NextToken` if more exist):', command: `${base} --max-items 10` },
      {
        title: 'To continue from there, with the `NextToken` the previous command printed (here in the shell variable `NEXT_TOKEN`):',
        command: `${base} --max-items 10 --starting-token "$NEXT_TOKEN"`,
      },
    );
  }
  return examples;
}

export function examplesSection(op: OperationSpec, width = 68): Block[] {
  return examplesFor(op).flatMap((e) => [text(e.title), literal(...continuedLines(e.command, width))]);
}

/**
 * A long command as shell lines ending in ` \`, broken before an option (never inside a
 * quoted query), continuation lines indented, so that it can be copied as it is.
 */
export function continuedLines(command: string, width: number): string[] {
  const groups: string[] = [];
  for (const word of command.match(/'[^']*'|\S+/g) ?? []) {
    if (groups.length === 0 || word.startsWith('--')) groups.push(word);
    else groups[groups.length - 1] += ' ' + word;
  }
  const lines: string[] = [];
  let line = '';
  for (const group of groups) {
    const indent = lines.length > 0 ? '    ' : '';
    if (line !== '' && indent.length + line.length + 1 + group.length + 2 > width) {
      lines.push(line);
      line = group;
    } else {
      line = line === '' ? group : `${line} ${group}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((l, i) => (i > 0 ? '    ' : '') + l + (i < lines.length - 1 ? ' \\' : ''));
}

function sampleValue(member: MemberSpec): string[] {
  const values = SAMPLE_VALUES[member.name];
  if (!values) throw new Error(`no sample value for ${member.name}`);
  return values.map((v) => (/^[\w:/.@+=,-]+$/.test(v) ? v : `'${v}'`));
}

/** A query for the command's results: identifying fields of each item, one item per line. */
function queryFor(op: OperationSpec): { title: string; expression: string } | undefined {
  const output = shapes[op.output];
  if (output?.type !== 'structure') return undefined;
  const key = op.resultKeys?.[0] ?? output.members.find(([, shape]) => shapes[shape]?.type === 'list')?.[0];
  if (!key) return undefined;
  const list = shapes[output.members.find(([name]) => name === key)![1]];
  if (list?.type !== 'list') return undefined;
  const item = shapes[list.member];
  if (item?.type !== 'structure') {
    return { title: `To print the items of \`${key}\``, expression: `${key}[].[@]` };
  }
  const strings = item.members.filter(([, shape]) => (shapes[shape]?.type ?? 'string') === 'string');
  const fields = identifyingFields(strings.map(([name]) => name));
  if (fields.length === 0) return undefined;
  return {
    title: `To print ${fields.map((f) => `\`${f}\``).join(' and ')} of each item in \`${key}\``,
    expression: `${key}[].[${fields.join(', ')}]`,
  };
}

/** Of an item's string members: a tag's Key and Value; else its name and ARN (or serial number, or ID); else the first. */
function identifyingFields(names: readonly string[]): string[] {
  if (names.includes('Key') && names.includes('Value')) return ['Key', 'Value'];
  const name = names.find((n) => n.endsWith('Name'));
  const arn = names.find((n) => n.endsWith('Arn')) ?? names.find((n) => n === 'SerialNumber') ?? names.find((n) => n.endsWith('Id'));
  const picked = [name, arn].filter((n): n is string => n !== undefined);
  return picked.length > 0 ? picked : names.slice(0, 1);
}
