/**
 * The help page of one command (`aws-iam list-users help`), in the sections of the AWS CLI's
 * page: NAME, DESCRIPTION (the API documentation, then how the command paginates), SYNOPSIS
 * and OPTIONS in the CLI's own option order (operationArgs, with the paginator's hidden
 * `--marker` left out as the CLI leaves it out), a pointer to the global options, EXAMPLES
 * and OUTPUT (the response members, with their documentation).
 */
import type { MemberSpec, OperationSpec } from '../model/operations.js';
import { shapes } from '../model/operations.js';
import { operationDocs } from '../model/iam-docs.generated.js';
import type { ArgSpec } from '../cli/argparse.js';
import { GLOBAL_ARGS } from '../cli/global-options.js';
import { operationArgs } from '../cli/operation-options.js';
import type { Block, Section, Span } from './blocks.js';
import { bold, bulletList, code, entry, literal, paragraph, plain, text } from './blocks.js';
import { examplesSection } from './examples.js';
import { firstSentence, htmlToBlocks } from './html-to-blocks.js';
import { COMMAND_OPTION_DOCS } from './option-docs.js';

/** The IAM API reference of an operation (the CLI links it as "See also: AWS API Documentation"). */
const API_REFERENCE = 'https://docs.aws.amazon.com/goto/WebAPI/iam-2010-05-08/';

/** One entry of OPTIONS: a flag (or a group of flags set together) with its type and docs. */
export interface CommandOption {
  readonly flags: string[];
  readonly type: string;
  readonly required: boolean;
  readonly member?: MemberSpec;
  readonly choices?: readonly string[];
}

export function operationPage(op: OperationSpec): Section[] {
  const docs = operationDocs[op.name];
  const options = commandOptions(op);
  return [
    { title: 'NAME', blocks: [paragraph(plain(`aws-iam ${op.cli} - ${firstSentence(docs?.operation ?? '')}`.trimEnd()))] },
    { title: 'DESCRIPTION', blocks: [...htmlToBlocks(docs?.operation ?? ''), seeAlso(op), ...paginationBlocks(op)] },
    { title: 'SYNOPSIS', blocks: [synopsis(op, options)] },
    { title: 'OPTIONS', blocks: options.map((o) => optionEntry(o, docs?.input ?? {})) },
    { title: 'GLOBAL OPTIONS', blocks: [text('See `aws-iam help` for descriptions of the global options.')] },
    { title: 'EXAMPLES', blocks: examplesSection(op) },
    { title: 'OUTPUT', blocks: outputBlocks(op, docs?.output ?? {}) },
  ];
}

/** The command's options in argument-table order, as the CLI documents them. */
export function commandOptions(op: OperationSpec): CommandOption[] {
  const members = new Map(op.input.filter((m) => m.option).map((m) => [`--${m.option}`, m]));
  const out: (CommandOption & { dest: string })[] = [];
  for (const spec of operationArgs(op)) {
    const previous = out[out.length - 1];
    // `--no-X` twins of booleans, and --cli-input-yaml next to --cli-input-json, are one entry.
    if (previous && (previous.dest === spec.dest || spec.flag === '--cli-input-yaml')) {
      previous.flags.push(spec.flag);
      continue;
    }
    const member = members.get(spec.flag);
    // The paginator's own input token is accepted but not documented (the CLI's _UNDOCUMENTED).
    if (member && op.paginated && member.name === 'Marker') continue;
    out.push({
      dest: spec.dest,
      flags: [spec.flag],
      type: member ? member.type : cliType(spec),
      required: member?.required === true,
      member,
      choices: member ? member.enum : spec.choices,
    });
  }
  return out.map(({ dest: _dest, ...option }) => option);
}

function cliType(spec: ArgSpec): string {
  return spec.type === 'int' ? 'integer' : 'string';
}

function seeAlso(op: OperationSpec): Block {
  return paragraph(plain('See also: AWS API Documentation: '), { text: API_REFERENCE + op.name, style: 'link' });
}

/** Whether and how the command paginates, in the place the CLI explains it (end of DESCRIPTION). */
export function paginationBlocks(op: OperationSpec): Block[] {
  if (op.paginated) {
    const keys = (op.resultKeys ?? []).map((k) => `\`${k}\``).join(', ');
    return [
      text(
        `\`${op.cli}\` is a paginated operation: aws-iam makes as many API calls as it takes to get every result, ` +
          'and prints them together. `--max-items` limits how many items are printed (`--starting-token` continues ' +
          'after them), `--page-size` sets how many items each call asks for, and `--no-paginate` makes a single call.',
      ),
      text(
        `The results are in ${keys}. With \`--output text\`, \`--query\` is applied to each page of results in turn, ` +
          `so it must select from ${keys}.`,
      ),
    ];
  }
  const output = shapes[op.output];
  const outputNames = output?.type === 'structure' ? output.members.map(([name]) => name) : [];
  const truncated = outputNames.find((n) => n.toLowerCase() === 'istruncated');
  const hasMarker = op.input.some((m) => m.name === 'Marker') && outputNames.includes('Marker');
  if (hasMarker && truncated) {
    return [
      text(
        `\`${op.cli}\` is not paginated by aws-iam: it makes one API call. When the response has \`${truncated}\` ` +
          'set to true, more items exist: run the command again with `--marker` set to the response\'s `Marker` to get them.',
      ),
    ];
  }
  return [text(`\`${op.cli}\` is not paginated: it makes one API call and prints the whole response.`)];
}

function synopsis(op: OperationSpec, options: readonly CommandOption[]): Block {
  const lines = [`aws-iam ${op.cli}`];
  for (const o of options) {
    const usage = o.flags.length > 1 ? o.flags.join(' | ') : o.type === 'boolean' ? o.flags[0] : `${o.flags[0]} <value>`;
    lines.push('  ' + (o.required ? usage : `[${usage}]`));
  }
  for (const g of GLOBAL_ARGS) lines.push('  ' + (g.nargs === 'zero' ? `[${g.flag}]` : `[${g.flag} <value>]`));
  return literal(...lines);
}

function optionEntry(o: CommandOption, memberDocs: Readonly<Record<string, string>>): Block {
  const head: Span[] = [];
  o.flags.forEach((flag, i) => {
    if (i > 0) head.push(plain(' | '));
    head.push(bold(flag));
  });
  head.push(plain(` (${o.type})${o.required ? ' [required]' : ''}`));
  const body: Block[] = o.member
    ? htmlToBlocks(memberDocs[o.member.name] ?? '')
    : (COMMAND_OPTION_DOCS[o.flags[0]] ?? []).map((t) => text(t));
  if (o.choices && o.choices.length > 0) body.push(...possibleValues(o.choices));
  if (o.member?.type === 'list') body.push(text('Syntax:'), literal(`"${o.member.member ?? 'string'}" "${o.member.member ?? 'string'}" ...`));
  return entry(head, body);
}

function possibleValues(values: readonly string[]): Block[] {
  return [text('Possible values:'), bulletList(values.map((v) => [paragraph(code(v))]))];
}

function outputBlocks(op: OperationSpec, memberDocs: Readonly<Record<string, string>>): Block[] {
  const shape = shapes[op.output];
  if (shape?.type !== 'structure' || shape.members.length === 0) return [text('None')];
  // Like the CLI, top-level response members are not marked [required]; nested ones are.
  return shape.members.map(([name, shapeName]) => memberEntry(name, shapeName, false, memberDocs[name], []));
}

/** A response member and what it contains, nested as the CLI nests them (`Name -> (type)`). */
function memberEntry(name: string | undefined, shapeName: string, required: boolean, html: string | undefined, stack: readonly string[]): Block {
  const shape = shapes[shapeName];
  const type = shape?.type ?? shapeName;
  const head: Span[] = name ? [bold(name), plain(` -> (${type})`)] : [plain(`(${type})`)];
  if (required) head.push(plain(' [required]'));
  const body: Block[] = html ? htmlToBlocks(html) : [];
  if (shape && 'enum' in shape && shape.enum) body.push(...possibleValues(shape.enum));
  if (stack.includes(shapeName)) {
    if (shape?.type === 'structure') body.push(text('( ... recursive ... )'));
    return entry(head, body);
  }
  const inner = [...stack, shapeName];
  if (shape?.type === 'structure') {
    const requiredMembers = new Set(shape.required ?? []);
    for (const [member, memberShape] of shape.members) body.push(memberEntry(member, memberShape, requiredMembers.has(member), undefined, inner));
  } else if (shape?.type === 'list') {
    body.push(memberEntry(undefined, shape.member, false, undefined, inner));
  } else if (shape?.type === 'map') {
    body.push(memberEntry('key', shape.key, false, undefined, inner), memberEntry('value', shape.value, false, undefined, inner));
  }
  return entry(head, body);
}
