/**
 * `aws-iam across … audit mfa`: the audit once per account, each with the account's own
 * credentials; under `--organization` the organization's features are learned once from the
 * caller's account (extensions/audit/index.ts) and given to every member's audit, so a centrally
 * managed member root without credentials is not a finding. One document:
 * `{"Accounts": [<each account's audit document>], "Findings": [<every account's findings>]}`,
 * each finding carrying its AccountId; `--fail-on-findings` looks at all of them.
 */
import type { Io } from '../../cli/io.js';
import { openSession } from '../../cli/session.js';
import type { SharedFiles } from '../../config/settings.js';
import type { Value, ValueMap } from '../../value/value.js';
import { auditAccount, auditDeps, createIamReader, learnOrganizationContext, reportValue, type OrganizationContext } from '../audit/index.js';
import type { MfaOptions } from '../audit/options.js';
import type { AccountPlan, AccountTarget } from './accounts.js';

export interface AuditRun {
  readonly plan: AccountPlan;
  readonly options: MfaOptions;
  readonly io: Io;
  readonly files: SharedFiles;
  readonly note: (message: string) => void;
  /** The account's Io: its credentials and the adaptive retry mode. */
  readonly ioFor: (connection: Awaited<ReturnType<AccountPlan['connect']>>) => Io;
}

export type AuditOutcome = { readonly ok: true; readonly document: ValueMap; readonly findings: number } | { readonly ok: false; readonly error: unknown; readonly accountId?: string };

async function readerFor(run: AuditRun, target: AccountTarget) {
  const connection = await run.plan.connect(target);
  const session = await openSession(connection.globals, run.ioFor(connection), run.files);
  return { connection, iam: createIamReader(session.send, session.settings.timestampFormat) };
}

/** The organization's features, read once with the caller's credentials (none with --profiles). */
export async function learnFeatures(run: AuditRun): Promise<OrganizationContext | undefined> {
  const id = run.plan.callerAccountId;
  if (id === undefined) return undefined;
  const { iam } = await readerFor(run, { accountId: id, label: id });
  const learned = await learnOrganizationContext(iam, id);
  if ('context' in learned) return learned.context;
  run.note(`the organization's root management is not known (${learned.unavailable}); each account's root is judged as if it managed it`);
  return undefined;
}

export async function auditOne(run: AuditRun, target: AccountTarget, organization: OrganizationContext | undefined): Promise<AuditOutcome> {
  let accountId = target.accountId;
  try {
    const { connection, iam } = await readerFor(run, target);
    accountId = connection.accountId;
    const report = await auditAccount(auditDeps(iam, { note: (m) => run.note(`${target.label}: ${m}`), concurrency: run.options.maxConcurrency, now: run.io.now }), {
      source: run.options.source,
      requireMfa: run.options.requireMfa,
      accountId: connection.accountId,
      organization,
    });
    const document = reportValue(report);
    const tagged: ValueMap = new Map([['AccountId', connection.accountId] as [string, Value]]);
    if (target.profile !== undefined) tagged.set('Profile', target.profile);
    for (const [k, v] of document) if (k !== 'AccountId') tagged.set(k, v);
    return { ok: true, document: tagged, findings: report.Findings.length };
  } catch (error) {
    return { ok: false, error, accountId };
  }
}

/** The accounts' documents as one: each account's, then every finding. */
export function mergeReports(documents: readonly ValueMap[]): ValueMap {
  const findings = documents.flatMap((d) => (Array.isArray(d.get('Findings')) ? (d.get('Findings') as Value[]) : []));
  return new Map<string, Value>([
    ['Accounts', [...documents]],
    ['Findings', findings],
  ]);
}
