/**
 * The parameters the CLI's stubbed client is called with for `--generate-cli-skeleton output`.
 * The CLI's paginator flags put a `PaginationConfig` into the call parameters, which the real
 * caller hands to the paginator but the stubbed caller passes to the client as they are, so
 * botocore's validation rejects it as an unknown parameter. Pagination is off (as for a real
 * call) under `--no-paginate` or with `--marker`: then `--max-items` is the request's MaxItems
 * and `--starting-token`/`--page-size` conflict.
 */
import type { OperationSpec } from '../model/operations.js';
import { CLI_DEST } from '../cli/operation-options.js';
import { CliError } from '../errors/cli-error.js';
import { withPaginationConfig } from '../params/pagination-config.js';
import type { ValueMap } from '../value/value.js';

export interface StubCall {
  readonly params: ValueMap;
  /** The paginator's warning, printed while arguments are handled. */
  readonly warning?: string;
}

export function stubCallParameters(op: OperationSpec, request: ValueMap, values: Map<string, unknown>, paginate: boolean): StubCall {
  if (!op.paginated) return { params: request };
  const maxItems = values.get(CLI_DEST.maxItems) as bigint | undefined;
  const startingToken = values.get(CLI_DEST.startingToken) as string | undefined;
  const pageSize = values.get(CLI_DEST.pageSize) as bigint | undefined;
  const params: ValueMap = new Map(request);
  if (paginate && !values.has('Marker')) {
    if (maxItems === undefined && startingToken === undefined && pageSize === undefined) return { params };
    const warning = maxItems !== undefined && maxItems <= 0n ? 'warning: Non-positive values for --max-items may result in undefined behavior.\n' : undefined;
    return { params: withPaginationConfig(op, request, values), warning };
  }
  const conflicts = [startingToken ? '--starting-token' : undefined, pageSize ? '--page-size' : undefined].filter(Boolean);
  if (conflicts.length > 0) {
    throw new CliError('param-validation', `Cannot specify --no-paginate along with pagination arguments: ${conflicts.join(', ')}`);
  }
  if (maxItems !== undefined) params.set('MaxItems', Number(maxItems));
  return { params };
}
