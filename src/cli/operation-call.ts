/**
 * One parsed operation against one session: the request function (validate, send, shape) and
 * the paginator's settings. run.ts prints its result; `across` runs it once per account.
 */
import type { OperationSpec } from '../model/operations.js';
import { CliError } from '../errors/cli-error.js';
import { dumpJson } from '../value/json.js';
import type { ValueMap } from '../value/value.js';
import { XmlSyntaxError } from '../response/xml.js';
import { unparsableResponseMessage } from '../sdk/xml-parse-error.js';
import { validateRequest } from '../params/validate.js';
import { paginatorConfig, withPaginationConfig } from '../params/pagination-config.js';
import { shapeResponse } from '../response/shape-response.js';
import type { FetchPage } from '../paginate/paginator.js';
import { CLI_DEST } from './operation-options.js';
import type { GlobalOptions } from './global-options.js';
import type { Session } from './session.js';

/** Validates each request, sends it, and shapes the raw answer as the CLI shapes it. */
export function operationFetcher(operation: OperationSpec, session: Session): FetchPage {
  const { send, settings, debug } = session;
  return async (params) => {
    validateRequest(operation, params);
    debug?.(`Making request for ${operation.name} with params: ${dumpJson(params)}`);
    const body = await send(operation.name, params);
    debug?.(`Response body for ${operation.name}: ${body.length} characters`);
    try {
      return shapeResponse(body, operation.name, operation.output, { timestampFormat: settings.timestampFormat });
    } catch (error) {
      if (error instanceof XmlSyntaxError) throw new CliError('general', unparsableResponseMessage(Buffer.from(body, 'utf8')));
      throw error;
    }
  };
}

/** How many items of the listing a page holds. */
export const itemsIn = (page: ValueMap, resultKeys: readonly string[]): number =>
  resultKeys.reduce((n, key) => {
    const value = page.get(key);
    return n + (Array.isArray(value) ? value.length : 0);
  }, 0);

/**
 * Whether the CLI's paginator runs, and with which settings. Like the CLI: `--no-paginate`,
 * the hidden `--marker`, or Marker/MaxItems from `--cli-input-json` make one plain call, where
 * `--max-items` becomes the request's MaxItems; the paginator's own flags then conflict.
 */
export function paginationOf(operation: OperationSpec, globals: GlobalOptions, values: Map<string, unknown>, request: ValueMap) {
  if (!operation.paginated) return undefined;
  const maxItems = values.get(CLI_DEST.maxItems) as bigint | undefined;
  const startingToken = values.get(CLI_DEST.startingToken) as string | undefined;
  const pageSize = values.get(CLI_DEST.pageSize) as bigint | undefined;
  const on = globals.paginate && !request.has('Marker') && !request.has('MaxItems');
  if (on) return paginatorConfig(request, { maxItems, startingToken, pageSize });
  // Marker/MaxItems from --cli-input-* turn the paginator off after its flags were read: the
  // PaginationConfig those flags made stays in the call, and validation refuses it.
  if (globals.paginate && !values.has('Marker') && (maxItems !== undefined || startingToken !== undefined || pageSize !== undefined)) {
    const ordered = withPaginationConfig(operation, request, values);
    request.clear();
    for (const [key, value] of ordered) request.set(key, value);
    return undefined;
  }
  const conflicts = [
    startingToken ? '--starting-token' : undefined,
    pageSize ? '--page-size' : undefined,
  ].filter(Boolean);
  if (conflicts.length > 0) {
    throw new CliError('param-validation', `Cannot specify --no-paginate along with pagination arguments: ${conflicts.join(', ')}`);
  }
  if (maxItems !== undefined) request.set('MaxItems', Number(maxItems));
  if (pageSize !== undefined) request.set('PaginationConfig', new Map());
  return undefined;
}
