/**
 * `--generate-cli-skeleton [input]`: the operation's input members in model order with the
 * CLI's placeholders (strings "" or the first enum value, integers 0, booleans true, lists
 * one placeholder element). No credentials, region or request are needed.
 */
import type { OperationSpec } from '../model/operations.js';
import type { Value, ValueMap } from '../value/value.js';

const PLACEHOLDER: Record<string, Value> = { string: '', integer: 0, boolean: true };

export function inputSkeleton(op: OperationSpec): ValueMap {
  return new Map(
    op.input.map((m): [string, Value] => {
      const scalar = m.enum?.[0] ?? PLACEHOLDER[m.type === 'list' ? (m.member ?? 'string') : m.type] ?? '';
      return [m.name, m.type === 'list' ? [scalar] : scalar];
    }),
  );
}
