/**
 * `aws-iam across (--profiles LIST | --organization [--role-name R] [--accounts IDS])
 * [--max-concurrency N] <list-command> [its options]`: the command's listing in every account,
 * as one document (write-across.ts), at most N accounts at once, each with its own adaptive
 * retries. Accounts that fail are named on stderr and the others' results printed; exit 4 and
 * a line that re-runs only the failed ones.
 */
import type { ExtensionCommand } from '../registry.js';
import type { Io } from '../../cli/io.js';
import { parseOperationLine } from '../../cli/parse-command-line.js';
import { compileQueryOption, openSession, outputPlan } from '../../cli/session.js';
import { itemsIn, operationFetcher, paginationOf } from '../../cli/operation-call.js';
import { CLI_DEST } from '../../cli/operation-options.js';
import { profileNames } from '../../completion/profiles.js';
import { resolveSettings, type SharedFiles } from '../../config/settings.js';
import { CliError, EXIT } from '../../errors/cli-error.js';
import { shapes, type OperationSpec } from '../../model/operations.js';
import { openOutputStream } from '../../output/output-stream.js';
import { paginate, PaginationError } from '../../paginate/paginator.js';
import { TokenError } from '../../paginate/token.js';
import { buildRequest } from '../../params/build-request.js';
import { createProgress } from '../../progress/progress.js';
import type { ValueMap } from '../../value/value.js';
import { mapWithLimit } from '../audit/limit.js';
import { ACROSS_MAX_ATTEMPTS, createAccountApi, type AccountApi } from './account-api.js';
import { planAccounts, type AccountTarget, type Connection } from './accounts.js';
import type { AccountTag } from './annotate.js';
import { EXIT_SOME_ACCOUNTS_FAILED } from './exit-codes.js';
import { ACROSS_HELP } from './help.js';
import { parseAcrossArgs, type AcrossOptions } from './options.js';
import { rerunCommand } from './rerun.js';
import { auditOne, learnFeatures, mergeReports } from './audit-across.js';
import { EXIT_FINDINGS } from '../audit/exit-codes.js';
import type { GlobalOptions } from '../../cli/global-options.js';
import { writeSingle } from '../../output/write-result.js';
import { itemListsOf } from '../../output/items/item-lists.js';
import type { OutputFormat } from '../../output/format.js';
import { openItemSink, writeMerged, writeStreamedNextToken, writeStreamedPage, type AccountResult, type Destination } from './write-across.js';

type Outcome = { readonly ok: true; readonly result: AccountResult } | { readonly ok: false; readonly target: AccountTarget; readonly accountId?: string; readonly error: CliError };

export function makeAcrossCommand(accountApi: (io: Io, files: SharedFiles) => AccountApi = (io, files) => createAccountApi(io.env, files)): ExtensionCommand {
  return async (args, globals, io, argv) => {
    const line = parseAcrossArgs(args);
    if (line.kind === 'help') {
      io.stdout.write(ACROSS_HELP);
      return EXIT.ok;
    }
    if (line.command === 'audit') return auditCommandAcross(line, globals, io, argv, accountApi);
    // The command is parsed and checked exactly as a plain call, before any account is contacted.
    const inner = parseOperationLine(line.command, line.rest, globals, compileQueryOption(globals));
    if (inner.kind === 'help') {
      const { showHelp } = await import('../../help/show-help.js');
      return showHelp(inner.operation, io, globals);
    }
    if (inner.kind !== 'operation') throw new CliError('usage', `argument command: across runs list-* commands, not '${line.command}'`);
    const { operation, values, query } = inner;
    const request = await buildRequest(operation, values);
    if (values.has(CLI_DEST.skeleton)) throw new CliError('usage', 'argument --generate-cli-skeleton: not allowed with across');
    const paginated = paginationOf(operation, globals, values, request);
    if (paginated?.maxItems !== undefined && paginated.maxItems <= 0n) {
      io.stderr.write('warning: Non-positive values for --max-items may result in undefined behavior.\n');
    }
    const files = await io.loadSharedFiles();
    const callerSettings = resolveSettings({ ...globals, profile: line.options.source.kind === 'profiles' ? undefined : globals.profile }, io.env, files);
    const plan = outputPlan(globals, callerSettings, io, operation.name, query);
    const format = plan.format();
    const progress = createProgress(io, globals, `across ${operation.cli}`);
    const note = (message: string) => {
      progress.clear();
      io.stderr.write(`note: ${message}\n`);
    };
    const accounts = await planAccounts(line.options.source, globals, {
      api: accountApi(io, files),
      env: io.env,
      files,
      profileNames: () => profileNames(io.env),
      note,
    });
    const out = openOutputStream(io, callerSettings.pager);
    const context = out.viaPager ? { ...plan.context, resetAfterEachWrite: false } : plan.context;
    const lists = itemListsOf(operation);
    const items_ = format.pages === 'items' ? openItemSink(format, lists, line.options.source.kind === 'profiles', query, { write: (text) => (progress.clear(), out.write(text)) }, io.stderr) : undefined;
    const to: Destination = {
      format: format as OutputFormat,
      formatName: plan.formatName,
      query,
      context,
      out: { write: (text) => (progress.clear(), out.write(text)) },
    };
    const resultKeys = operation.resultKeys ?? listMembers(operation);
    const streamed = format.pages !== 'merged';
    const total = accounts.targets.length;
    let done = 0;
    let items = 0;
    const showProgress = () => {
      progress.stage(`${done}/${total} accounts`);
      progress.advance(items);
    };
    showProgress();

    const listAccount = async (target: AccountTarget): Promise<Outcome> => {
      let connection: Connection | undefined;
      try {
        connection = await accounts.connect(target);
        const session = await openSession(connection.globals, withCredentials(io, connection), files);
        const fetch = operationFetcher(operation, session);
        const tag: AccountTag = { accountId: connection.accountId, profile: target.profile };
        const pages: ValueMap[] = [];
        const take = async (page: ValueMap) => {
          items += itemsIn(page, resultKeys);
          showProgress();
          if (items_) items_.page(page, tag);
          else if (streamed) await writeStreamedPage(page, tag, resultKeys, to);
          else pages.push(page);
        };
        let nextToken: string | undefined;
        if (paginated) {
          const listing = paginate(resultKeys, fetch, request, paginated);
          for (let step = await listing.next(); ; step = await listing.next()) {
            if (step.done) {
              nextToken = step.value;
              break;
            }
            await take(step.value);
          }
        } else await take(await fetch(new Map(request)));
        if (items_ && nextToken !== undefined) items_.nextToken(nextToken, tag);
        else if (streamed && nextToken !== undefined) writeStreamedNextToken(nextToken, tag, to);
        return { ok: true, result: { tag, pages, nextToken } };
      } catch (error) {
        return { ok: false, target, accountId: connection?.accountId ?? target.accountId, error: asCliError(error) };
      } finally {
        done++;
        showProgress();
      }
    };

    let outcomes: Outcome[];
    try {
      outcomes = await mapWithLimit(accounts.targets, line.options.maxConcurrency, listAccount);
      progress.clear();
      items_?.end();
      if (!streamed) await writeMerged(outcomes.flatMap((o) => (o.ok ? [o.result] : [])), resultKeys, to);
    } finally {
      progress.clear();
      await out.finish();
    }
    const failed = outcomes.filter((o): o is Failure => !o.ok);
    return failed.length === 0 ? EXIT.ok : reportFailures(io, argv, line.options, failed, total);
  };
}

type Failure = Extract<Outcome, { ok: false }>;

/** Each failed account with its error, then the line that re-runs just them; exit 4. */
function reportFailures(io: Io, argv: readonly string[], options: AcrossOptions, failed: readonly Failure[], total: number): number {
  for (const f of failed) io.stderr.write(`${failureLabel(f)}: ${f.error.message}\n`);
  io.stderr.write(`${failed.length} of ${total} accounts failed. To re-run only those:\n  ${rerunCommand(argv, failedSet(options, failed))}\n`);
  return EXIT_SOME_ACCOUNTS_FAILED;
}

/** `across … audit mfa [its options]`: one audit per account, one document (audit-across.ts). */
async function auditCommandAcross(
  line: Extract<ReturnType<typeof parseAcrossArgs>, { kind: 'run' }>,
  globals: GlobalOptions,
  io: Io,
  argv: readonly string[],
  accountApi: (io: Io, files: SharedFiles) => AccountApi,
): Promise<number> {
  const { parseAuditArgs } = await import('../audit/options.js');
  const parsed = parseAuditArgs(line.rest);
  if (parsed.kind === 'help') {
    const { AUDIT_HELP, MFA_HELP } = await import('../audit/help.js');
    io.stdout.write(parsed.subcommand ? MFA_HELP : AUDIT_HELP);
    return EXIT.ok;
  }
  const query = compileQueryOption(globals);
  const files = await io.loadSharedFiles();
  const callerSettings = resolveSettings({ ...globals, profile: line.options.source.kind === 'profiles' ? undefined : globals.profile }, io.env, files);
  const plan = outputPlan(globals, callerSettings, io, 'AuditMfa', query);
  const progress = createProgress(io, globals, 'across audit mfa');
  const note = (message: string) => {
    progress.clear();
    io.stderr.write(`note: ${message}\n`);
  };
  const accounts = await planAccounts(line.options.source, globals, { api: accountApi(io, files), env: io.env, files, profileNames: () => profileNames(io.env), note });
  const run = { plan: accounts, options: parsed.options, io, files, note, ioFor: (c: Connection) => withCredentials(io, c) };
  const organization = await learnFeatures(run);
  let done = 0;
  progress.stage(`0/${accounts.targets.length} accounts`);
  const outcomes = await mapWithLimit(accounts.targets, line.options.maxConcurrency, async (target) => {
    const outcome = await auditOne(run, target, organization);
    progress.stage(`${++done}/${accounts.targets.length} accounts`);
    return { target, outcome };
  });
  progress.clear();
  const documents = outcomes.flatMap(({ outcome }) => (outcome.ok ? [outcome.document] : []));
  writeSingle(mergeReports(documents), plan.format(), query, plan.context, io.stdout);
  const failed: Failure[] = outcomes.flatMap(({ target, outcome }) => (outcome.ok ? [] : [{ ok: false as const, target, accountId: outcome.accountId, error: asCliError(outcome.error) }]));
  if (failed.length > 0) return reportFailures(io, argv, line.options, failed, accounts.targets.length);
  const findings = outcomes.reduce((n, { outcome }) => n + (outcome.ok ? outcome.findings : 0), 0);
  return parsed.options.failOnFindings && findings > 0 ? EXIT_FINDINGS : EXIT.ok;
}

export const acrossCommand = makeAcrossCommand();

/** The account's IAM sender: its credentials, the adaptive retry mode (throttling waits). */
function withCredentials(io: Io, connection: Connection): Io {
  return {
    ...io,
    createSender: (settings, globals) =>
      io.createSender({ ...settings, retryMode: 'adaptive', maxAttempts: settings.maxAttempts ?? ACROSS_MAX_ATTEMPTS }, globals, connection.credentials),
  };
}

/** The list members of a response that has no paginator (list-saml-providers, …): its items. */
function listMembers(operation: OperationSpec): string[] {
  const shape = shapes[operation.output];
  if (shape?.type !== 'structure') return [];
  return shape.members.filter(([, type]) => shapes[type]?.type === 'list').map(([name]) => name);
}

function failureLabel(f: Failure): string {
  if (f.target.profile === undefined) return `account ${f.accountId}`;
  return f.accountId ? `profile ${f.target.profile} (account ${f.accountId})` : `profile ${f.target.profile}`;
}

function failedSet(options: AcrossOptions, failed: readonly Failure[]) {
  return options.source.kind === 'profiles'
    ? ({ kind: 'profiles', names: failed.map((f) => f.target.profile!) } as const)
    : ({ kind: 'organization', ids: failed.map((f) => f.target.accountId!) } as const);
}

function asCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof PaginationError || error instanceof TokenError) return new CliError('general', error.message);
  return new CliError('general', error instanceof Error ? error.message : String(error));
}
