/**
 * `--generate-cli-skeleton yaml-input`: the input members in model order as ruamel.yaml's
 * round-trip dumper writes the CLI's skeleton, each with an end-of-line comment made of
 * `[REQUIRED]`, the member's documentation overview and its enum values. ruamel puts the first
 * comment one column further right than the others (it has no earlier comment to align with).
 */
import type { MemberSpec, OperationSpec } from '../model/operations.js';
import { operationDocs } from '../model/iam-docs.generated.js';
import { docOverview } from './doc-overview.js';

/** Plain scalars ruamel's resolver would read back as something other than a string. */
const NEEDS_QUOTES = /^(?:|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9][0-9_.:eE+-]*|\.inf|\.nan|.*[:#'"\s].*|[-?[\]{},&*!|>%@`].*)$/;

const quoted = (s: string): string => (NEEDS_QUOTES.test(s) ? `'${s.replace(/'/g, "''")}'` : s);

function placeholder(member: MemberSpec, element: boolean): string {
  const type = element ? (member.member ?? 'string') : member.type;
  if (type === 'integer') return '0';
  if (type === 'boolean') return 'true';
  return quoted(member.enum?.[0] ?? '');
}

export function memberComment(operationName: string, member: MemberSpec): string {
  const parts: string[] = [];
  if (member.required) parts.push('[REQUIRED]');
  parts.push(docOverview(operationDocs[operationName]?.input[member.name] ?? ''));
  if (member.enum && member.type !== 'list') parts.push(`Valid values are: ${member.enum.join(', ')}.`);
  return parts.join(' ');
}

export function yamlInputSkeleton(op: OperationSpec): string {
  if (op.input.length === 0) return '{}\n';
  let commented = 0;
  const lines = op.input.map((member) => {
    const comment = memberComment(op.name, member);
    const suffix = comment.trim() === '' ? '' : `${commented++ === 0 ? '  ' : ' '}# ${comment}`;
    if (member.type === 'list') return `${member.name}:${suffix}\n- ${placeholder(member, true)}\n`;
    return `${member.name}: ${placeholder(member, false)}${suffix}\n`;
  });
  return lines.join('');
}
