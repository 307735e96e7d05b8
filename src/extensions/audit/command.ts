/**
 * `aws-iam audit <subcommand>`: the command line, the session (with the adaptive retry mode),
 * progress on stderr, and the report written like any command's result.
 */
import type { ExtensionCommand } from '../registry.js';
import type { Io } from '../../cli/io.js';
import { compileQueryOption, openSession, outputPlan } from '../../cli/session.js';
import { EXIT } from '../../errors/cli-error.js';
import { writeSingle } from '../../output/write-result.js';
import type { ItemLists } from '../../output/items/item-lists.js';
import { createProgress } from '../../progress/progress.js';
import { dumpJson } from '../../value/json.js';
import type { SendRequest } from '../../sdk/iam-client.js';
import { auditAccount } from './audit.js';
import { EXIT_FINDINGS } from './exit-codes.js';
import { AUDIT_HELP, MFA_HELP } from './help.js';
import { createIamReader } from './iam-reader.js';
import { auditDeps } from './index.js';
import { limitConcurrency } from './limit.js';
import { parseAuditArgs } from './options.js';
import { reportValue } from './report.js';

/** The table's title, as an operation's name is for the IAM commands. */
const TABLE_TITLE = 'AuditMfa';
/** For jsonl and csv: one item per user (`--query Findings` gives the findings). */
const AUDIT_ITEMS: ItemLists = { keys: ['Users'] };
/** Attempts per request when the profile does not set max_attempts: throttling waits, it does not fail. */
const AUDIT_MAX_ATTEMPTS = 10;

export const auditCommand: ExtensionCommand = async (args, globals, io) => {
  const commandLine = parseAuditArgs(args);
  if (commandLine.kind === 'help') {
    io.stdout.write(commandLine.subcommand ? MFA_HELP : AUDIT_HELP);
    return EXIT.ok;
  }
  const { options } = commandLine;
  const query = compileQueryOption(globals);
  const session = await openSession(globals, withAdaptiveRetries(io), await io.loadSharedFiles());
  const plan = outputPlan(globals, session.settings, io, TABLE_TITLE, query);
  const progress = createProgress(io, globals, 'audit mfa');
  const send = limitConcurrency(options.maxConcurrency, logged(session.send, session.debug));
  let report;
  try {
    const note = (message: string) => {
      progress.clear();
      io.stderr.write(`note: ${message}\n`);
    };
    const iam = createIamReader(send, session.settings.timestampFormat);
    report = await auditAccount(auditDeps(iam, { note, progress, concurrency: options.maxConcurrency, now: io.now }), {
      source: options.source,
      requireMfa: options.requireMfa,
    });
  } finally {
    // Erased before the report or an error is printed.
    progress.clear();
  }
  writeSingle(reportValue(report), plan.format(), query, plan.context, io.stdout, { lists: AUDIT_ITEMS, notices: io.stderr });
  return options.failOnFindings && report.Findings.length > 0 ? EXIT_FINDINGS : EXIT.ok;
};

/** The same session, with a sender in the adaptive retry mode (client-side rate limiting). */
function withAdaptiveRetries(io: Io): Io {
  return {
    ...io,
    createSender: (settings, globals) =>
      io.createSender({ ...settings, retryMode: 'adaptive', maxAttempts: settings.maxAttempts ?? AUDIT_MAX_ATTEMPTS }, globals),
  };
}

function logged(send: SendRequest, debug?: (message: string) => void): SendRequest {
  if (!debug) return send;
  return async (operationName, params) => {
    debug(`Making request for ${operationName} with params: ${dumpJson(params)}`);
    const body = await send(operationName, params);
    debug(`Response body for ${operationName}: ${body.length} characters`);
    return body;
  };
}
