/**
 * Random flags for the data differential fuzzer: output format, a --query built from the
 * operation's output shape (so it reaches real data: lists, strings, timestamps, numbers),
 * pagination, colour, and the settings that come from the environment (terminal width,
 * timestamp format).
 */
import { shapes, type OperationSpec } from '../../src/model/operations.js';
import type { Rng } from './prng.js';

/** The output's first list of structures, and that structure's members by kind. */
function listOf(operation: OperationSpec): { list: string; members: Record<string, string[]> } | undefined {
  const output = shapes[operation.output];
  if (output.type !== 'structure') return undefined;
  for (const [name, shapeName] of output.members) {
    const list = shapes[shapeName];
    if (list.type !== 'list') continue;
    const element = shapes[list.member];
    const members: Record<string, string[]> = { any: [], string: [], timestamp: [], number: [], list: [] };
    if (element.type === 'structure') {
      for (const [member, memberShape] of element.members) {
        const kind = shapes[memberShape].type;
        members.any.push(member);
        if (kind === 'string') members.string.push(member);
        if (kind === 'timestamp') members.timestamp.push(member);
        if (kind === 'integer' || kind === 'long') members.number.push(member);
        if (kind === 'list') members.list.push(member);
      }
    }
    return { list: name, members };
  }
  return undefined;
}

/** A JMESPath expression over the operation's output that type-checks most of the time. */
export function randomQuery(rng: Rng, operation: OperationSpec): string {
  const found = listOf(operation);
  if (!found) return rng.pick(['@', 'keys(@)', 'IsTruncated', 'to_string(@)', '*']);
  const { list: L, members } = found;
  const m = (kind: string) => (members[kind].length ? rng.pick(members[kind]) : rng.pick(members.any.length ? members.any : ['X']));
  const templates = [
    () => `${L}[].${m('any')}`,
    () => `${L}[0]`,
    () => `${L}[-1].${m('string')}`,
    () => `${L}[*].[${m('any')}, ${m('any')}]`,
    () => `length(${L})`,
    () => `${L}[?${m('string')}=='/'].${m('any')}`,
    () => `${L}[?contains(${m('string')}, 'a')].${m('string')}`,
    () => `sort_by(${L}, &${m('string')})[].${m('string')}`,
    () => `sort_by(${L}, &${m('timestamp')})[0]`,
    () => `max_by(${L}, &${m('timestamp')}).${m('any')}`,
    () => `min_by(${L}, &${m('string')})`,
    () => `sort(${L}[].${m('string')})`,
    () => `${L}[].{n: ${m('any')}, t: ${m('timestamp')}}`,
    () => `${L}[].${m('list')}[]`,
    () => `sum(${L}[].${m('number')})`,
    () => `max(${L}[].${m('number')})`,
    () => `${L}[].to_string(${m('any')})`,
    () => `${L}[].length(${m('string')})`,
    () => `reverse(${L})[].${m('string')}`,
    () => `${L} | [0].${m('any')}`,
    () => `${L}[?starts_with(${m('string')}, '/')] | length(@)`,
    () => `join(', ', ${L}[].${m('string')})`,
    () => `{first: ${L}[0].${m('any')}, count: length(${L})}`,
    () => `${L}[].*`,
    () => `${L}[].${m('any')} | [?@ != null]`,
  ];
  return rng.pick(templates)();
}

export interface Flags {
  readonly args: string[];
  readonly env: Record<string, string>;
}

/** Random flags for a run of `operation` (required members filled in). */
export function randomFlags(rng: Rng, operation: OperationSpec, wireConfig: string): Flags {
  const args: string[] = [];
  for (const member of operation.input) {
    if (!member.required || !member.option) continue;
    args.push(`--${member.option}`, member.type === 'list' ? 'arn:aws:iam::123456789012:user/x' : 'x');
  }
  const output = rng.pick(['json', 'json', 'text', 'table', 'yaml', 'yaml-stream', undefined]);
  if (output) args.push('--output', output);
  if (rng.chance(0.4)) args.push('--query', randomQuery(rng, operation));
  if (operation.paginated) {
    if (rng.chance(0.3)) args.push('--max-items', String(1 + rng.int(5)));
    if (rng.chance(0.2)) args.push('--page-size', String(1 + rng.int(5)));
    if (rng.chance(0.1)) args.push('--no-paginate');
  }
  if (output === 'table' && rng.chance(0.5)) args.push('--color', rng.pick(['on', 'off']));
  const env: Record<string, string> = {};
  if (rng.chance(0.3)) env.COLUMNS = String(rng.pick([30, 40, 80, 120, 200]));
  if (rng.chance(0.2)) env.AWS_CONFIG_FILE = wireConfig;
  return { args, env };
}
