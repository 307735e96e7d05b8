/**
 * The credential report: GenerateCredentialReport until it says COMPLETE (waiting with a
 * doubling delay while IAM builds it), then GetCredentialReport, then its CSV rows by user name.
 */
import { csvRecords } from './csv.js';
import { serviceErrorCode, type IamReader } from './iam-reader.js';

export type ReportRow = Readonly<Record<string, string>>;

export interface ReportWait {
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
  /** Called while waiting, so progress can show the time going by. */
  readonly onWait?: () => void;
  /** Give up after this long. */
  readonly timeoutMs: number;
}

export class ReportNotReadyError extends Error {}

/** Answers of GetCredentialReport that mean "generate, wait and ask again". */
const NOT_READY = new Set(['ReportInProgress', 'ReportNotPresent', 'ReportExpired']);
const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 4000;

export interface CredentialReport {
  /** Rows by user name (the root row is `<root_account>`). */
  readonly rows: ReadonlyMap<string, ReportRow>;
  /** GeneratedTime as the CLI prints it; IAM reuses a report for up to four hours. */
  readonly generatedTime: string;
}

export async function fetchCredentialReport(iam: IamReader, wait: ReportWait): Promise<CredentialReport> {
  const deadline = wait.now() + wait.timeoutMs;
  let delay = FIRST_DELAY_MS;
  for (;;) {
    const state = await iam.generateCredentialReport();
    if (state === 'COMPLETE') {
      try {
        const { csv, generatedTime } = await iam.getCredentialReport();
        return { rows: rowsByUser(csv), generatedTime };
      } catch (error) {
        if (!NOT_READY.has(serviceErrorCode(error) ?? '')) throw error;
      }
    }
    if (wait.now() + delay > deadline) {
      throw new ReportNotReadyError(`the credential report was not ready after ${Math.round(wait.timeoutMs / 1000)} seconds`);
    }
    wait.onWait?.();
    await wait.sleep(delay);
    wait.onWait?.();
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }
}

export function rowsByUser(csv: string): Map<string, ReportRow> {
  return new Map(csvRecords(csv).map((row) => [row.user, row]));
}
