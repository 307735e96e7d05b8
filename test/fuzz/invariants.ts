/** What every command line must satisfy, however hostile: the CLI's contract with its caller. */

export const EXIT_CODES = new Set([0, 252, 253, 254, 255]);

/** Signs that an exception escaped as a stack trace or an engine error instead of a CLI message. */
const STACK_TRACE = [/^\s{4}at /m, /\bTypeError\b/, /\bReferenceError\b/, /\bRangeError\b/, /node:internal/, /Maximum call stack/];

export interface Outcome {
  readonly code: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
  /** Something thrown out of run() (in process) or a signal (binary). */
  readonly thrown?: string;
}

export function violations(outcome: Outcome, expectJson: boolean): string[] {
  const found: string[] = [];
  if (outcome.thrown !== undefined) found.push(`threw: ${outcome.thrown}`);
  if (outcome.code === undefined || !EXIT_CODES.has(outcome.code)) found.push(`exit code ${outcome.code}`);
  for (const [name, text] of [['stdout', outcome.stdout], ['stderr', outcome.stderr]] as const) {
    const hit = STACK_TRACE.find((re) => re.test(text));
    if (hit) found.push(`${name} matches ${hit}: ${excerpt(text, hit)}`);
  }
  if (outcome.code === 0 && expectJson && outcome.stdout.trim() !== '') {
    try {
      JSON.parse(outcome.stdout);
    } catch (error) {
      found.push(`stdout is not JSON (${(error as Error).message}): ${outcome.stdout.slice(0, 200)}`);
    }
  }
  if (outcome.code !== 0 && outcome.code !== undefined && outcome.stderr.trim() === '') found.push('failed with an empty stderr');
  return found;
}

function excerpt(text: string, re: RegExp): string {
  const m = re.exec(text);
  const at = m ? m.index : 0;
  return JSON.stringify(text.slice(Math.max(0, at - 200), at + 300));
}
