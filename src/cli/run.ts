/**
 * One invocation, end to end: argv → operation table → parameters → SDK call → paginator →
 * query → formatter → stdout, and any failure → the CLI's stderr message and exit code.
 * Everything outside the process (streams, environment, files, the network) is injected, so
 * tests can run it without a network and assert exact bytes.
 */
import { CLI_VERSION, type OperationSpec } from '../model/operations.js';
import { CliError, EXIT } from '../errors/cli-error.js';
import { renderError } from '../errors/write-error.js';
import { errorFormatOf, resolveSettings, type Env, type SharedFiles } from '../config/settings.js';
import { dumpJson } from '../value/json.js';
import type { Value, ValueMap } from '../value/value.js';
import { OUTPUT_FORMATS } from '../output/formats.js';
import { writePaginated, writeSingle } from '../output/write-result.js';
import type { FormatContext } from '../output/format.js';
import { paginate, PaginationError } from '../paginate/paginator.js';
import { TokenError } from '../paginate/token.js';
import { buildRequest } from '../params/build-request.js';
import { validateRequest } from '../params/validate.js';
import { shapeResponse } from '../response/shape-response.js';
import { inputSkeleton } from '../skeleton/input-skeleton.js';
import { CLI_DEST } from './operation-options.js';
import { parseCommandLine, parseGlobalsLeniently, type CommandLine } from './parse-command-line.js';
import type { GlobalOptions } from './global-options.js';
import type { SendRequest } from '../sdk/iam-client.js';
import { compileQuery, type Query } from '../query/compile-query.js';

export const VERSION = '0.1.0';

export interface Io {
  readonly stdout: { write(text: string): void };
  readonly stderr: { write(text: string): void };
  readonly env: Env;
  readonly stdoutIsTTY: boolean;
  readonly columns?: number;
  /** Reads the shared config and credentials files. */
  readonly loadSharedFiles: () => Promise<SharedFiles>;
  /** Creates the request sender (the SDK client); injected so tests can script responses. */
  readonly createSender: (settings: ReturnType<typeof resolveSettings>, globals: GlobalOptions) => SendRequest;
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let files: SharedFiles | undefined;
  try {
    const commandLine = parseCommandLine(argv);
    return await execute(commandLine, io, async () => (files ??= await io.loadSharedFiles()));
  } catch (error) {
    const cliError = asCliError(error);
    const globals = parseGlobalsLeniently(argv);
    const env = io.env;
    let profile;
    try {
      profile = files && globals ? resolveSettings(globals, env, files).profile : undefined;
    } catch {
      profile = undefined;
    }
    const format = globals ? errorFormatOf(globals, env, profile) : 'enhanced';
    io.stderr.write(renderError(cliError, format, (fmt, info) => structuredError(fmt, info)));
    return cliError.exitCode;
  }
}

/** `--debug`: timestamped lines on stderr, in the CLI's layout. Never credentials. */
function debugLogger(io: Io): (message: string) => void {
  return (message) => {
    const now = new Date();
    const stamp = now.toISOString().replace('T', ' ').replace(/\.(\d{3})Z$/, ',$1');
    io.stderr.write(`${stamp} - MainThread - aws-iam - DEBUG - ${message}\n`);
  };
}

function structuredError(format: string, info: Value): string {
  const f = OUTPUT_FORMATS[format];
  if (!f) return dumpJson(info, { indent: 4, ensureAscii: false }) + '\n';
  return f.format(info, { operationName: 'error', width: 80, color: false });
}

function asCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof PaginationError || error instanceof TokenError) return new CliError('general', error.message);
  return new CliError('general', error instanceof Error ? error.message : String(error));
}

async function execute(commandLine: CommandLine, io: Io, sharedFiles: () => Promise<SharedFiles>): Promise<number> {
  const { globals } = commandLine;
  if (commandLine.kind === 'version') {
    io.stdout.write(`aws-iam/${VERSION} aws-cli/${CLI_VERSION} Node/${process.versions.node} ${process.platform}/${process.arch}\n`);
    return EXIT.ok;
  }
  if (commandLine.kind === 'help') {
    throw new CliError('general', 'help is not available yet in aws-iam; see README.md for the commands and options');
  }
  const { operation, values } = commandLine;
  const query = globals.query !== undefined ? compileQuery(globals.query) : undefined;

  const skeleton = values.get(CLI_DEST.skeleton) as string | undefined;
  if (skeleton !== undefined) {
    if (skeleton !== 'input') {
      throw new CliError('general', `--generate-cli-skeleton ${skeleton} is not available yet in aws-iam`);
    }
    io.stdout.write(dumpJson(inputSkeleton(operation), { indent: 4, ensureAscii: false }) + '\n');
    return EXIT.ok;
  }
  if (values.has(CLI_DEST.cliInputYaml)) {
    throw new CliError('general', '--cli-input-yaml is not available yet in aws-iam; use --cli-input-json');
  }

  const request = buildRequest(operation, values);
  const settings = resolveSettings(globals, io.env, await sharedFiles());
  const format = OUTPUT_FORMATS[settings.output];
  if (!format) {
    if (['text', 'table', 'yaml', 'yaml-stream'].includes(settings.output)) {
      throw new CliError('general', `--output ${settings.output} is not available yet in aws-iam`);
    }
  }
  const send = io.createSender(settings, globals);
  const debug = globals.debug ? debugLogger(io) : undefined;
  debug?.(`CLI version: aws-iam/${VERSION} (mirrors aws-cli/${CLI_VERSION}) Node/${process.versions.node}`);
  debug?.(`Profile: ${settings.profileName}; region: ${settings.region ?? '(none)'}; endpoint: ${settings.endpointUrl ?? '(default)'}`);
  const fetch = async (params: ValueMap): Promise<ValueMap> => {
    validateRequest(operation, params);
    debug?.(`Making request for ${operation.name} with params: ${dumpJson(params)}`);
    const body = await send(operation.name, params);
    debug?.(`Response body for ${operation.name}: ${body.length} characters`);
    return shapeResponse(body, operation.name, operation.output, { timestampFormat: settings.timestampFormat });
  };
  const context: FormatContext = {
    operationName: operation.name,
    width: io.stdoutIsTTY ? (io.columns ?? 80) : 80,
    color: globals.color === 'on' || (globals.color === 'auto' && io.stdoutIsTTY),
  };
  const outputFormat = () => {
    if (!format) throw new CliError('general', `Unknown output type: ${settings.output}`);
    return format;
  };
  const paginated = pagination(operation, globals, values, request);
  if (paginated) {
    if (paginated.maxItems !== undefined && paginated.maxItems <= 0n) {
      io.stderr.write('warning: Non-positive values for --max-items may result in undefined behavior.\n');
    }
    const pages = paginate(operation.resultKeys!, fetch, request, paginated);
    await writePaginatedChecked(pages, operation, outputFormat, settings.output, query, context, io);
  } else {
    const response = await fetch(request);
    writeSingle(response, outputFormat(), query, context, io.stdout);
  }
  return EXIT.ok;
}

async function writePaginatedChecked(
  pages: ReturnType<typeof paginate>,
  operation: OperationSpec,
  format: () => import('../output/format.js').OutputFormat,
  formatName: string,
  query: Query | undefined,
  context: FormatContext,
  io: Io,
): Promise<void> {
  // A bad output type is only noticed when the first page is formatted, after the request.
  const first = await pages.next();
  const chosen = format();
  async function* replay() {
    if (first.done) return first.value;
    yield first.value;
    return yield* pages;
  }
  await writePaginated({ resultKeys: operation.resultKeys!, pages: replay() }, chosen, formatName, query, context, io.stdout);
}

/**
 * Whether the CLI's paginator runs, and with which settings. Like the CLI: `--no-paginate`,
 * the hidden `--marker`, or Marker/MaxItems from `--cli-input-json` make one plain call, where
 * `--max-items` becomes the request's MaxItems; the paginator's own flags then conflict.
 */
function pagination(operation: OperationSpec, globals: GlobalOptions, values: Map<string, unknown>, request: ValueMap) {
  if (!operation.paginated) return undefined;
  const maxItems = values.get(CLI_DEST.maxItems) as bigint | undefined;
  const startingToken = values.get(CLI_DEST.startingToken) as string | undefined;
  const pageSize = values.get(CLI_DEST.pageSize) as bigint | undefined;
  const on = globals.paginate && !request.has('Marker') && !request.has('MaxItems');
  if (on) return { maxItems, startingToken, pageSize };
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
