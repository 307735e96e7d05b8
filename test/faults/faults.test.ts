/**
 * Fault tests: the same command against the same scripted IAM (fault-server.mjs), once through
 * the reference AWS CLI and once through aws-iam. Exit code, stdout, stderr (with `aws-iam`
 * where the CLI names itself) and the requests each made (attempts, markers) must match.
 * aws-iam's one addition, the resume hint after a listing that stopped half-way, is checked
 * separately and taken off before comparing; resume-hint tests prove that the hint completes
 * the listing.
 *
 * The reference answers from a pool of long-lived drivers (../diff/reference-driver.ts: no
 * Python start-up per run) unless a run needs a fresh process: what needsFreshProcess names,
 * and Ctrl-C, which only a process of its own can be sent. AWS_IAM_REFERENCE_DRIVER=spawn
 * spawns it for every run, as in the differential suite.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findReferenceCli } from '../diff/reference-cli.js';
import { needsFreshProcess, readLauncher, referencePool } from '../diff/reference-driver.js';
// @ts-expect-error: a plain ES module without types (it also runs alone with node)
import { startFaultServer, userNames } from './fault-server.mjs';
import { ISOLATED_ENV } from '../support/isolated-env.js';
import { freePort } from '../server/moto.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const UNACCEPTING_LISTENER = fileURLToPath(new URL('./unaccepting-listener.py', import.meta.url));
const reference = findReferenceCli();

if (!reference.path) {
  process.stderr.write(`\n*** FAULT SUITE SKIPPED: ${reference.reason} ***\n`);
  if (process.env.CI === 'true') throw new Error(`CI=true and the fault suite cannot run: ${reference.reason}`);
}

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface FaultServer {
  url: string;
  requests: Record<string, string>[];
  close(): Promise<void>;
}

/**
 * Ports: every server here takes one the system picks (URLs are masked in messages before
 * comparing), so this file can run beside any other, or beside itself in another checkout.
 */

const ENV = { ...ISOLATED_ENV, AWS_PAGER: '' };

interface RunOptions {
  env?: Record<string, string>;
  /** Sends SIGINT once the server has seen this many requests. */
  interruptAfter?: { server: FaultServer; requests: number };
}

function runCommand(argv: string[], options: RunOptions = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { env: { ...ENV, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let timer: NodeJS.Timeout | undefined;
    const interrupt = options.interruptAfter;
    if (interrupt) {
      timer = setInterval(() => {
        if (interrupt.server.requests.length >= interrupt.requests) {
          clearInterval(timer);
          // Let the CLI settle into waiting for the stalled answer.
          setTimeout(() => child.kill('SIGINT'), 500);
        }
      }, 50);
    }
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const launcher =
  reference.path && process.env.AWS_IAM_REFERENCE_DRIVER !== 'spawn' ? readLauncher(reference.path) : undefined;
/** Two drivers: aws-iam's side of each case runs meanwhile, on the other core. */
const pool = launcher ? referencePool(launcher, 2) : undefined;
afterAll(() => pool?.stop());

function runReference(args: string[], options: RunOptions = {}): Promise<Outcome> {
  const argv = ['--no-cli-pager', 'iam', 'list-users', ...args];
  const spawned = !pool || options.interruptAfter || needsFreshProcess({ args: argv, env: options.env ?? {}, pager: false });
  if (spawned) return runCommand([reference.path!, ...argv], options);
  return pool.run({ args: argv, env: { ...ENV, ...options.env }, cwd: process.cwd() });
}
const runMine = (args: string[], options?: RunOptions) => runCommand(['node', `${ROOT}bin/aws-iam`, 'list-users', ...args], options);

const asAwsIam = (stderr: string) => stderr.replace(/^aws: \[ERROR\]:/gm, 'aws-iam: [ERROR]:');
const HINT = /^To resume this listing where it stopped, add: --starting-token (\S+)\n/m;

interface Scenario {
  name: string;
  /** The server's script (fault-server.mjs); the last step repeats. */
  steps: string[];
  args?: string[];
  env?: Record<string, string>;
  users?: number;
  /** Whether aws-iam adds the resume hint (a listing that failed after at least one page). */
  hint?: boolean;
  /** Ctrl-C once the server has seen this many requests. */
  interruptAfter?: number;
}

const PAGE3 = ['page', 'page', 'access-denied'];

const SCENARIOS: Scenario[] = [
  // retries: botocore's standard mode, 3 attempts unless max_attempts says otherwise
  { name: 'throttling, retries run out', steps: ['throttle'] },
  { name: 'throttling, then the page', steps: ['throttle', 'page'], users: 3 },
  { name: 'throttling with AWS_MAX_ATTEMPTS=5', steps: ['throttle'], env: { AWS_MAX_ATTEMPTS: '5' } },
  { name: 'throttling, --cli-error-format json (no retry note)', steps: ['throttle'], args: ['--cli-error-format', 'json'] },
  { name: 'throttling, --cli-error-format legacy', steps: ['throttle'], args: ['--cli-error-format', 'legacy'] },
  { name: 'AccessDenied with AWS_MAX_ATTEMPTS=1 (says max retries 0)', steps: ['access-denied'], env: { AWS_MAX_ATTEMPTS: '1' } },
  { name: 'throttling in adaptive mode', steps: ['throttle'], env: { AWS_RETRY_MODE: 'adaptive' } },
  { name: 'AWS_RETRY_MODE=legacy is refused', steps: ['page'], env: { AWS_RETRY_MODE: 'legacy' } },
  { name: 'AWS_RETRY_MODE=bogus is refused', steps: ['page'], env: { AWS_RETRY_MODE: 'bogus' } },
  { name: 'AWS_MAX_ATTEMPTS=0 is refused', steps: ['page'], env: { AWS_MAX_ATTEMPTS: '0' } },
  { name: 'AWS_MAX_ATTEMPTS=abc is refused', steps: ['page'], env: { AWS_MAX_ATTEMPTS: 'abc' } },
  { name: 'bad max_attempts is reported before a bad mode', steps: ['page'], env: { AWS_MAX_ATTEMPTS: '-1', AWS_RETRY_MODE: 'x' } },
  // server errors
  { name: '500 with an XML error', steps: ['500-xml'] },
  { name: '503 with an XML error', steps: ['503-xml'] },
  { name: '500 with an HTML body', steps: ['500-html'] },
  { name: '503 with an HTML body, then the page', steps: ['503-html', 'page'], users: 2 },
  { name: '500 with a JSON body (not retried)', steps: ['500-json'] },
  { name: 'AccessDenied (not retried)', steps: ['access-denied'] },
  { name: '200 with an error body', steps: ['error-200'] },
  // broken answers
  { name: 'a body that is not XML', steps: ['not-xml'] },
  { name: 'a body cut off mid-stream, clean close (urllib3 hands over what came: not retried)', steps: ['cut'] },
  { name: 'a body cut off by a reset (retried)', steps: ['cut-reset'] },
  { name: 'a chunked body cut off (retried)', steps: ['cut-chunked'] },
  { name: 'a chunked body cut off, then the page', steps: ['cut-chunked', 'page'], users: 2 },
  { name: 'a body that stalls half-way (read timeout, retried)', steps: ['cut-stall'], args: ['--cli-read-timeout', '1'] },
  { name: 'reset mid-body on page 2, text', steps: ['page', 'cut-reset'], args: ['--output', 'text'], hint: true },
  // IAM's LimitExceeded is no throttling error to botocore
  { name: 'LimitExceeded (409) is not retried', steps: ['limit-exceeded'] },
  // error shapes with an empty or missing Message or Code, in every error format
  // (test/unit/error-answer.test.ts has the rest of the table, from the same reference runs)
  ...(
    [
      ...['enhanced', 'legacy', 'json', 'yaml', 'text', 'table'].map((f) => ['empty-message', f]),
      ['no-message', 'enhanced'], ['no-message', 'json'], ['no-message', 'table'], ['no-code', 'json'], ['no-code', 'text'],
    ] as const
  ).map(([steps, format]) => ({ name: `${steps}, --cli-error-format ${format}`, steps: [steps], args: ['--cli-error-format', format] })),
  { name: 'NoSuchEntity as real IAM sends it, json (no modeled message key)', steps: ['no-such-entity'], args: ['--cli-error-format', 'json'] },
  { name: 'connection reset', steps: ['reset'] },
  { name: 'connection reset, then the page', steps: ['reset', 'page'], users: 2 },
  { name: '500, then resets until retries run out (the last answer decides)', steps: ['500-xml', 'reset'] },
  { name: 'read timeout', steps: ['stall'], args: ['--cli-read-timeout', '1'] },
  { name: 'the same marker twice', steps: ['same-marker'] },
  { name: 'the same marker twice, text', steps: ['same-marker'], args: ['--output', 'text'] },
  { name: 'the same odd marker twice (quoted by Python repr)', steps: ['same-odd-marker'] },
  { name: '--output off never evaluates --query', steps: ['page'], args: ['--output', 'off', '--query', 'abs(Users)'] },
  { name: 'an error body that is not UTF-8', steps: ['403-latin1'] },
  // an error on page 3 of a listing: merged formats print nothing, streaming ones keep their pages
  ...['json', 'text', 'table', 'yaml', 'yaml-stream'].map((output) => ({
    name: `AccessDenied on page 3, --output ${output}`,
    steps: PAGE3,
    args: ['--output', output],
    hint: true,
  })),
  { name: 'throttling on page 2, text', steps: ['page', 'throttle'], args: ['--output', 'text'], hint: true },
  { name: 'reset on page 2, json', steps: ['page', 'reset'], hint: true },
  { name: 'cut body on page 2, yaml-stream', steps: ['page', 'cut'], args: ['--output', 'yaml-stream'], hint: true },
  { name: 'error on page 3 with --max-items 8, text', steps: PAGE3, args: ['--output', 'text', '--max-items', '8'], hint: true },
  { name: 'error on page 1 gives no hint, text', steps: ['access-denied'], args: ['--output', 'text'] },
  // Ctrl-C while waiting for page 2
  { name: 'Ctrl-C, json', steps: ['page', 'stall'], interruptAfter: 2 },
  { name: 'Ctrl-C, text', steps: ['page', 'stall'], args: ['--output', 'text'], interruptAfter: 2 },
];

async function runOn(scenario: Scenario, run: typeof runMine) {
  const server: FaultServer = await startFaultServer({ steps: scenario.steps, users: scenario.users ?? 10, port: 0 });
  try {
    const outcome = await run(['--endpoint-url', server.url, ...(scenario.args ?? [])], {
      env: scenario.env,
      interruptAfter: scenario.interruptAfter ? { server, requests: scenario.interruptAfter } : undefined,
    });
    return { outcome: { ...outcome, stderr: outcome.stderr.replaceAll(server.url, 'http://127.0.0.1:PORT') }, requests: server.requests };
  } finally {
    await server.close();
  }
}

describe.skipIf(!reference.path)(`faults: aws-iam vs ${reference.reason}`, () => {
  describe.concurrent.each(SCENARIOS)('$name', (scenario) => {
    it('matches exit code, stdout, stderr and requests', async () => {
      // Each CLI has a server of its own, so both run at once (most of a case is waiting).
      const [ref, mine] = await Promise.all([runOn(scenario, runReference), runOn(scenario, runMine)]);
      const hint = HINT.exec(mine.outcome.stderr);
      expect(Boolean(hint), 'resume hint').toBe(Boolean(scenario.hint));
      expect({ ...mine.outcome, stderr: mine.outcome.stderr.replace(HINT, '') }).toEqual({
        ...ref.outcome,
        stderr: asAwsIam(ref.outcome.stderr),
      });
      expect(mine.requests, 'requests (attempts and markers)').toEqual(ref.requests);
    });
  });
});

/** The port unaccepting-listener.py took, from its `ready PORT` line. */
function listeningPort(listener: ChildProcessByStdio<null, Readable, null>): Promise<number> {
  return new Promise((resolve, reject) => {
    let said = '';
    listener.stdout.on('data', (d: Buffer) => {
      said += d;
      const ready = /^ready (\d+)\n/.exec(said);
      if (ready) resolve(Number(ready[1]));
    });
    listener.once('exit', (code) => reject(new Error(`unaccepting-listener.py exited with ${code}: ${said}`)));
  });
}

describe.skipIf(!reference.path)('no connection', () => {
  it.concurrent.each([
    // name, what listens on the port, extra arguments, what the CLI says
    ['connect timeout (a listener that never accepts)', 'unaccepting', ['--cli-connect-timeout', '1'], 'Connect timeout on endpoint URL'],
    ['connection refused (nothing listens)', 'nothing', [], 'Could not connect to the endpoint URL'],
  ] as const)('%s', async (_name, listening, args, says) => {
    // Each CLI gets a port of its own, so both run at once.
    const [ref, mine] = await Promise.all(
      [runReference, runMine].map(async (run) => {
        const listener =
          listening === 'unaccepting' ? spawn('python3', [UNACCEPTING_LISTENER], { stdio: ['ignore', 'pipe', 'inherit'] }) : undefined;
        const port = listener ? await listeningPort(listener) : await freePort();
        try {
          const outcome = await run(['--endpoint-url', `http://127.0.0.1:${port}`, ...args]);
          return { ...outcome, stderr: outcome.stderr.replace(`:${port}/`, ':PORT/') };
        } finally {
          listener?.kill();
        }
      }),
    );
    expect(ref.stderr).toContain(says);
    expect(mine).toEqual({ ...ref, stderr: asAwsIam(ref.stderr) });
  });
});

/** The user names a run printed (text: the USERS lines; yaml-stream: the UserName lines). */
const printedUsers = (stdout: string): string[] =>
  [...stdout.matchAll(/^(?:USERS\t.*\t|\s*UserName: )(user-\d+)$/gm)].map((m) => m[1]);

interface ResumeCase {
  name: string;
  output: 'text' | 'yaml-stream' | 'json';
  /** Extra arguments of the failing run (and of the resumed one). */
  args: string[];
  steps: string[];
  /** What the listing holds from where the failing run started. */
  expected: string[];
}

const ALL = userNames(10) as string[];
const RESUME_CASES: ResumeCase[] = [
  { name: 'text, error on page 3', output: 'text', args: [], steps: PAGE3, expected: ALL },
  { name: 'yaml-stream, error on page 2', output: 'yaml-stream', args: [], steps: ['page', 'throttle'], expected: ALL },
  { name: 'text, --max-items 8, error on page 3', output: 'text', args: ['--max-items', '8'], steps: PAGE3, expected: ALL.slice(0, 10) },
  { name: 'text, --page-size 2, error on page 4', output: 'text', args: ['--page-size', '2'], steps: ['page', 'page', 'page', 'reset'], expected: ALL },
  {
    name: 'text, started from a token mid-page, error on page 3',
    output: 'text',
    // botocore's token for "2 items of the first page were printed"
    args: ['--starting-token', 'eyJNYXJrZXIiOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ=='],
    steps: PAGE3,
    expected: ALL.slice(2),
  },
  { name: 'json (prints nothing), error on page 3', output: 'json', args: [], steps: PAGE3, expected: ALL },
];

describe.concurrent('resume hint completes the listing', () => {
  it.each(RESUME_CASES)('$name', async (c) => {
    const failing: FaultServer = await startFaultServer({ steps: c.steps, users: 10, port: 0 });
    const first = await runMine(['--endpoint-url', failing.url, '--output', c.output, ...c.args]);
    await failing.close();
    expect(first.code).not.toBe(0);
    const token = HINT.exec(first.stderr)?.[1];
    expect(token, first.stderr).toBeDefined();

    const healthy: FaultServer = await startFaultServer({ steps: ['page'], users: 10, port: 0 });
    const resumedArgs = c.args.filter((_, i, a) => a[i] !== '--starting-token' && a[i - 1] !== '--starting-token');
    const resumed = await runMine(['--endpoint-url', healthy.url, '--output', c.output, ...resumedArgs, '--starting-token', token!]);
    await healthy.close();
    expect(resumed.code, resumed.stderr).toBe(0);
    const resumedUsers = c.output === 'json' ? JSON.parse(resumed.stdout).Users.map((u: { UserName: string }) => u.UserName) : printedUsers(resumed.stdout);
    // No gaps, no duplicates: the failed run's pages followed by the resumed run are the listing.
    expect([...printedUsers(first.stdout), ...resumedUsers]).toEqual(c.expected);
  });
});

describe('a reader that goes away (aws-iam list-users | head -1)', () => {
  // aws-iam ends quietly with 0. The reference CLI does not: it says
  // `aws: [ERROR]: [Errno 32] Broken pipe` and exits 255 (checked by hand with 2.36.7).
  it('exits 0 with nothing on stderr', async () => {
    const server: FaultServer = await startFaultServer({ steps: ['page'], users: 300, pageSize: 3, port: 0 });
    try {
      const child = spawn('node', [`${ROOT}bin/aws-iam`, 'list-users', '--output', 'text', '--endpoint-url', server.url], {
        env: ENV,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise((resolve) => child.on('close', resolve));
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(server.requests.length).toBeLessThan(100);
    } finally {
      await server.close();
    }
  });
});
