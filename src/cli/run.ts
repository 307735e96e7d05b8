/**
 * One invocation, end to end: argv → operation table → parameters → SDK call → paginator →
 * query → formatter → stdout, and any failure → the CLI's stderr message and exit code.
 * Everything outside the process is injected (io.ts). Pieces only some commands use (help,
 * skeletons, aws-iam's own commands, the SDK) are loaded when they run.
 */
import type { OperationSpec } from '../model/operations.js';
import { CLI_VERSION } from '../model/operations.js';
import { CliError, EXIT } from '../errors/cli-error.js';
import { renderError } from '../errors/write-error.js';
import { errorFormatOf, resolveSettings, type SharedFiles } from '../config/settings.js';
import { dumpJson } from '../value/json.js';
import type { Value, ValueMap } from '../value/value.js';
import { OUTPUT_FORMATS } from '../output/formats.js';
import { writePaginated, writeSingle } from '../output/write-result.js';
import { itemListsOf } from '../output/items/item-lists.js';
import type { ItemOutput } from '../output/items/write-items.js';
import { tableExitText } from '../output/table.js';
import { openOutputStream, OutputClosed, type OutputStream } from '../output/output-stream.js';
import { createProgress, type Progress } from '../progress/progress.js';
import { paginate, PaginationError, type ListingProgress } from '../paginate/paginator.js';
import { resumeHint } from '../paginate/resume-hint.js';
import { TokenError } from '../paginate/token.js';
import { buildRequest } from '../params/build-request.js';
import { validateRequest } from '../params/validate.js';
import { CLI_DEST } from './operation-options.js';
import { parseCommandLine, parseGlobalsLeniently, type CommandLine } from './parse-command-line.js';
import type { GlobalOptions } from './global-options.js';
import type { Io } from './io.js';
import type { Query } from '../query/compile-query.js';
import { openSession, outputPlan, tableColor, UnknownOutputTypeError, VERSION, type OutputPlan } from './session.js';
import { loadExtension } from '../extensions/registry.js';
import { itemsIn, operationFetcher, paginationOf } from './operation-call.js';

export type { Io } from './io.js';
export { VERSION } from './session.js';

const RESET = '\x1b[0m';

/** A listing shows progress only once it has run this long: quick ones never flash a line. */
const PROGRESS_AFTER_MS = 1000;

/** What one invocation has set up that changes how it ends. */
interface RunState {
  files?: SharedFiles;
  /**
   * Table colour is on and its styler is set up (colorama, in the CLI): from then on every
   * write to stderr is followed by a reset, and a terminal stdout gets one more at exit.
   */
  tableStyled: boolean;
  /**
   * Table stylers set up so far (the output's, and a coloured `--cli-error-format table`
   * error's): each leaves one more reset on a terminal stdout at exit.
   */
  stylers: number;
  /** aws-iam's line after the error of a listing that stopped half-way (paginate/resume-hint.ts). */
  resumeHint?: string;
  /** The progress line of a long listing, erased before an error is printed. */
  progress?: Progress;
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const state: RunState = { tableStyled: false, stylers: 0 };
  try {
    // The CLI reads both shared files before it parses the command line: a file it cannot
    // parse fails every command (help, --version, usage errors included), exit 255.
    state.files = await io.loadSharedFiles();
    const commandLine = parseCommandLine(argv);
    const code = await execute(commandLine, io, state);
    // Whatever the command wrote must have reached stdout: a full disk is an error (255).
    await openOutputStream(io, undefined).finish();
    return code;
  } catch (error) {
    state.progress?.clear();
    const cliError = asCliError(error);
    const globals = parseGlobalsLeniently(argv);
    let profile;
    try {
      profile = state.files && globals ? resolveSettings(globals, io.env, state.files).profile : undefined;
    } catch {
      profile = undefined;
    }
    const format = globals ? errorFormatOf(globals, io.env, profile) : 'enhanced';
    // A table error is coloured like table output (and sets up the styler, with its exit reset).
    const colour = globals ? tableColor(globals, io) : false;
    if (format === 'table' && colour) state.stylers++;
    // Once the styler is set up, each write to stderr is followed by a reset; the table format
    // models its own writes (output/table/render.ts), the others are written as one.
    const resetEachWrite = state.tableStyled && format !== 'table';
    for (const chunk of renderError(cliError, format, (f, info) => structuredError(f, info, colour, state.tableStyled))) {
      io.stderr.write(resetEachWrite ? chunk + RESET : chunk);
    }
    if (state.resumeHint) io.stderr.write(resetEachWrite ? state.resumeHint + RESET : state.resumeHint);
    if (cliError instanceof UnknownOutputTypeError && cliError.hint) io.stderr.write(cliError.hint);
    return cliError.exitCode;
  } finally {
    io.stdout.write(tableExitText(true, io.stdoutIsTTY).repeat(state.stylers));
  }
}

function structuredError(format: string, info: Value, color: boolean, resetAfterEachWrite: boolean): string {
  const f = OUTPUT_FORMATS[format];
  if (!f || f.pages === 'items') return dumpJson(info, { indent: 4, ensureAscii: false }) + '\n';
  return f.format(info, { operationName: 'error', width: 80, color, resetAfterEachWrite });
}

function asCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof PaginationError || error instanceof TokenError) return new CliError('general', error.message);
  return new CliError('general', error instanceof Error ? error.message : String(error));
}

async function execute(commandLine: CommandLine, io: Io, state: RunState): Promise<number> {
  const { globals } = commandLine;
  const sharedFiles = async () => (state.files ??= await io.loadSharedFiles());
  switch (commandLine.kind) {
    case 'version':
      io.stdout.write(`aws-iam/${VERSION} aws-cli/${CLI_VERSION} Node/${process.versions.node} ${process.platform}/${process.arch}\n`);
      return EXIT.ok;
    case 'help': {
      const { showHelp } = await import('../help/show-help.js');
      return showHelp(commandLine.operation, io, globals);
    }
    case 'extension':
      return (await loadExtension(commandLine.name))(commandLine.args, globals, io, commandLine.argv);
    case 'operation':
      return runOperation(commandLine.operation, commandLine.values, commandLine.query, globals, io, state, sharedFiles);
  }
}

async function runOperation(
  operation: OperationSpec,
  values: Map<string, unknown>,
  /** `--query`, compiled with the other top-level checks (cli/top-level-args.ts). */
  query: Query | undefined,
  globals: GlobalOptions,
  io: Io,
  state: RunState,
  sharedFiles: () => Promise<SharedFiles>,
): Promise<number> {
  // The CLI reads --cli-input-json/yaml (and file:// values) before it prints any skeleton.
  const request = await buildRequest(operation, values);
  const skeletonKind = values.get(CLI_DEST.skeleton) as string | undefined;
  if (skeletonKind !== undefined) {
    const skeleton = await import('../skeleton/generate-skeleton.js');
    if (skeletonKind !== 'output') {
      io.stdout.write(await skeleton.skeletonText(operation, skeletonKind));
      return EXIT.ok;
    }
    // `output`: a stubbed call (no request is made): its parameters, then the sample response,
    // then the parameters' validation, and the sample printed as a real response would be.
    const stub = skeleton.stubCallParameters(operation, request, values, globals.paginate);
    if (stub.warning) io.stderr.write(stub.warning);
    const settings = resolveSettings(globals, io.env, await sharedFiles());
    const plan = outputPlan(globals, settings, io, operation.name, query);
    const sample = skeleton.sampleOutput(operation, plan.formatName);
    validateRequest(operation, stub.params);
    const out = openOutputStream(io, settings.pager);
    const sampleOut = { write: (text: string) => out.write(sample.rewrite(text)) };
    writeSingle(sample.response, plan.format(), query, resultContext(plan, out), sampleOut, itemOutput(operation, io, state));
    await out.finish();
    return EXIT.ok;
  }

  const session = await openSession(globals, io, await sharedFiles());
  const { settings } = session;
  const plan = outputPlan(globals, settings, io, operation.name, query);
  const fetch = operationFetcher(operation, session);
  // The CLI sets up the table styler when it builds the formatter: before the first request
  // of a paginated listing (the paginator is lazy), after the response of a single call.
  const styleTable = () => {
    if (plan.formatName === 'table' && plan.context.color && !state.tableStyled) {
      state.tableStyled = true;
      state.stylers++;
    }
  };
  const out = openOutputStream(io, settings.pager);
  const paginated = paginationOf(operation, globals, values, request);
  // The pager is waited for even when the listing fails half-way, before the error is printed.
  try {
    if (paginated) {
      if (paginated.maxItems !== undefined && paginated.maxItems <= 0n) {
        io.stderr.write('warning: Non-positive values for --max-items may result in undefined behavior.\n');
      }
      styleTable();
      // On a terminal, a listing of more than one page shows its progress on stderr.
      const terminal = (state.progress = createProgress(io, globals, operation.cli, { showAfterPages: 2, showAfterMs: PROGRESS_AFTER_MS }));
      const shown = clearingProgress(out, terminal);
      const countingFetch = async (params: ValueMap) => {
        const page = await fetch(params);
        if (!shown.pagerStarted) terminal.page(itemsIn(page, operation.resultKeys!));
        return page;
      };
      const progress: ListingProgress = { pages: 0 };
      const pages = paginate(operation.resultKeys!, countingFetch, request, paginated, progress);
      try {
        await writePages(pages, operation, plan, shown, itemOutput(operation, io, state));
      } catch (error) {
        // The user quit the pager: the listing ends there, as the CLI's does.
        if (error instanceof OutputClosed) return EXIT.ok;
        state.resumeHint = resumeHint(progress, plan.formatName, paginated.startingToken);
        throw error;
      }
    } else {
      const response = await fetch(request);
      styleTable();
      writeSingle(response, plan.format(), query, resultContext(plan, out), out, itemOutput(operation, io, state));
    }
  } finally {
    await out.finish();
  }
  return EXIT.ok;
}

/**
 * The output stream with the progress line erased before each write (it is redrawn with the
 * next page). Once a pager has the screen (`pagerStarted`), progress must stop for good.
 */
function clearingProgress(out: OutputStream, progress: Progress): OutputStream & { readonly pagerStarted: boolean } {
  let pagerStarted = false;
  return {
    viaPager: out.viaPager,
    get pagerStarted() {
      return pagerStarted;
    },
    write(text) {
      progress.clear();
      if (out.viaPager) pagerStarted = true;
      out.write(text);
    },
    ready: () => out.ready(),
    finish: () => out.finish(),
  };
}

/** Table colour through a pager has no per-write resets: the pager's stdin is not colorama's. */
const resultContext = (plan: OutputPlan, out: OutputStream) =>
  out.viaPager ? { ...plan.context, resetAfterEachWrite: false } : plan.context;

/** For jsonl and csv: where the operation's items are; notices on stderr, after the progress line is erased. */
function itemOutput(operation: OperationSpec, io: Io, state: RunState): ItemOutput {
  return {
    lists: itemListsOf(operation),
    notices: {
      write(text) {
        state.progress?.clear();
        io.stderr.write(text);
      },
    },
  };
}

async function writePages(
  pages: ReturnType<typeof paginate>,
  operation: OperationSpec,
  plan: OutputPlan,
  out: OutputStream,
  items: ItemOutput,
): Promise<void> {
  // A bad output type is only noticed when the first page is formatted, after the request.
  const first = await pages.next();
  const chosen = plan.format();
  async function* replay() {
    if (first.done) return first.value;
    yield first.value;
    return yield* pages;
  }
  await writePaginated({ resultKeys: operation.resultKeys!, pages: replay() }, chosen, plan.formatName, plan.query, resultContext(plan, out), out, items);
}
