/**
 * The CLI's paginator flags (`--max-items`, `--starting-token`, `--page-size`) put a
 * `PaginationConfig` into the call parameters while the command line is read, after the
 * operation's own options and before `--cli-input-*` members are merged in. When the call then
 * does not go through the paginator (Marker/MaxItems from `--cli-input-*` turn it off late, and
 * `--generate-cli-skeleton output` never uses it), botocore refuses it as an unknown parameter.
 */
import type { OperationSpec } from '../model/operations.js';
import { CliError } from '../errors/cli-error.js';
import type { Value, ValueMap } from '../value/value.js';
import { pyTypeName } from './py-object.js';

export function withPaginationConfig(op: OperationSpec, request: ValueMap, values: Map<string, unknown>): ValueMap {
  const fromFlags = (key: string) => op.input.some((m) => m.name === key && m.option !== undefined && values.has(key));
  const entries = [...request];
  return new Map<string, Value>([
    ...entries.filter(([key]) => fromFlags(key)),
    ['PaginationConfig', new Map<string, Value>()],
    ...entries.filter(([key]) => !fromFlags(key)),
  ]);
}

export interface PaginatorFlags {
  readonly maxItems?: bigint;
  readonly startingToken?: string;
  readonly pageSize?: bigint;
}

/**
 * A `PaginationConfig` member from `--cli-input-*` is handed to the CLI's paginator as its
 * configuration (MaxItems, PageSize, StartingToken), unless the paginator's flags made one of
 * their own first (flags win). Taken out of the request either way.
 */
export function paginatorConfig(request: ValueMap, flags: PaginatorFlags): PaginatorFlags {
  const fromInput = request.get('PaginationConfig');
  if (fromInput === undefined) return flags;
  request.delete('PaginationConfig');
  if (flags.maxItems !== undefined || flags.startingToken !== undefined || flags.pageSize !== undefined) return flags;
  if (!(fromInput instanceof Map)) {
    throw new CliError('general', `'${pyTypeName(fromInput)}' object has no attribute 'get'`);
  }
  const integer = (key: string) => {
    const v = fromInput.get(key);
    return typeof v === 'number' ? BigInt(v) : undefined;
  };
  const token = fromInput.get('StartingToken');
  return { maxItems: integer('MaxItems'), pageSize: integer('PageSize'), startingToken: typeof token === 'string' ? token : undefined };
}
