/**
 * The fuzzer: thousands of random command lines (real commands and options, hostile values)
 * through `run()` in process with a scripted IAM, and a few hundred through the real binary
 * against moto. Whatever the line, aws-iam must end with one of the CLI's exit codes, never
 * show a stack trace, never throw out of run(), and print valid JSON on success with
 * `--output json`. FUZZ_SEED replays a run (the seed is printed with every failure),
 * FUZZ_COUNT and FUZZ_BINARY_COUNT set the sizes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, type Io } from '../../src/cli/run.js';
import { createSender } from '../../src/sdk/iam-client.js';
import { operations } from '../../src/model/operations.js';
import type { SharedFiles } from '../../src/config/settings.js';
import { createRng, seedFromEnv, type Rng } from './prng.js';
import { randomCommandLine } from './command-lines.js';
import { fakeSender } from './fake-sender.js';
import { violations, type Outcome } from './invariants.js';
import { REGRESSIONS } from './regressions.js';
import { startMotoInRange, type MotoServer } from '../mfa/moto-server.js';

const SEED = seedFromEnv();
const COUNT = Number(process.env.FUZZ_COUNT ?? 3000);
// The binary half costs a Node start a line (~0.2 s of CPU): 100 fresh lines a run, as many as wanted with FUZZ_BINARY_COUNT.
const BINARY_COUNT = Number(process.env.FUZZ_BINARY_COUNT ?? 100);
const BIN = fileURLToPath(new URL('../../bin/aws-iam', import.meta.url));
const HANG_MS = 15_000;

const byName = new Map(operations.map((op) => [op.name, op]));
const work = mkdtempSync(join(tmpdir(), 'aws-iam-fuzz-'));
const existingFile = join(work, 'value.txt');
writeFileSync(existingFile, 'alice\n');
writeFileSync(join(work, 'config'), '[default]\nregion = us-east-1\n[profile fuzz]\noutput = table\n[profile wire]\ncli_timestamp_format = wire\noutput = text\n');
writeFileSync(join(work, 'credentials'), '[default]\naws_access_key_id = AKIDFUZZ\naws_secret_access_key = fuzzsecret\n');

const SHARED_FILES: SharedFiles = {
  configFile: { default: { region: 'us-east-1' }, fuzz: { output: 'table' }, wire: { cli_timestamp_format: 'wire', output: 'text' } },
  credentialsFile: { default: { aws_access_key_id: 'AKIDFUZZ', aws_secret_access_key: 'fuzzsecret' } },
};

/** Words shortened for a failure report; the seed and index replay the exact line. */
const describeArgv = (argv: readonly string[]) =>
  JSON.stringify(argv.map((w) => (w.length > 120 ? `<${w.length} chars: ${JSON.stringify(w.slice(0, 20))}…>` : w)));

/** Settings from the environment are user input too. */
function hostileEnv(rng: Rng): Record<string, string> {
  if (!rng.chance(0.15)) return {};
  const name = rng.pick([
    'AWS_DEFAULT_OUTPUT', 'AWS_CLI_ERROR_FORMAT', 'AWS_RETRY_MODE', 'AWS_MAX_ATTEMPTS', 'AWS_PROFILE', 'AWS_REGION',
    'AWS_DEFAULT_REGION', 'AWS_ENDPOINT_URL_IAM', 'AWS_PAGER', 'AWS_CA_BUNDLE', 'AWS_DEFAULT_PROFILE',
  ]);
  return { [name]: rng.pick(['', 'json', 'table', 'fuzz', 'wire', 'nope', '0', '-1', 'x'.repeat(1000), 'legacy', 'adaptive', ' ', 'http://127.0.0.1:1']) };
}

async function runInProcess(argv: string[], rng: Rng): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const tty = rng.chance(0.1);
  const io: Io = {
    stdout: { write: (t) => void (stdout += t) },
    stderr: { write: (t) => void (stderr += t) },
    env: { AWS_PAGER: '', HOME: work, AWS_ACCESS_KEY_ID: 'AKIDFUZZ', AWS_SECRET_ACCESS_KEY: 'fuzzsecret', ...hostileEnv(rng) },
    stdoutIsTTY: tty,
    stderrIsTTY: false,
    columns: tty ? rng.pick([20, 80, 200]) : undefined,
    now: () => Date.UTC(2026, 10, 23, 4, 0, 0),
    loadSharedFiles: async () => SHARED_FILES,
    // The real sender is built (its checks of endpoint, region, timeouts and CA bundle run),
    // then the scripted IAM answers in its place.
    createSender: (settings, globals) => {
      createSender(settings, {
        verifySsl: globals.verifySsl,
        signRequest: globals.signRequest,
        readTimeout: globals.readTimeout,
        connectTimeout: globals.connectTimeout,
      });
      return fakeSender(rng, byName);
    },
  };
  let timer: NodeJS.Timeout | undefined;
  try {
    const code = await Promise.race([
      run(argv, io),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`hung for ${HANG_MS} ms`)), HANG_MS))),
    ]);
    return { code, stdout, stderr };
  } catch (error) {
    return { code: undefined, stdout, stderr, thrown: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

function runBinary(argv: string[], moto: MotoServer): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...argv], {
      cwd: work,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH,
        HOME: work,
        AWS_CONFIG_FILE: join(work, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(work, 'credentials'),
        AWS_ACCESS_KEY_ID: 'AKIDFUZZ',
        AWS_SECRET_ACCESS_KEY: 'fuzzsecret',
        AWS_DEFAULT_REGION: 'us-east-1',
        // Every request stays on loopback: moto unless the line names another loopback endpoint.
        AWS_ENDPOINT_URL_IAM: moto.url,
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_PAGER: '',
        AWS_MAX_ATTEMPTS: '1',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? undefined, stdout, stderr, thrown: signal ? `killed by ${signal}` : undefined });
    });
  });
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('regressions found by the fuzzer', () => {
  it.each(REGRESSIONS.map((r) => [r.note, r]))('%s', async (_note, regression) => {
    const outcome = await runInProcess([...regression.argv], createRng(1));
    expect(violations(outcome, regression.expectJson ?? false), describeArgv(regression.argv)).toEqual([]);
    if (regression.code !== undefined) expect(outcome.code).toBe(regression.code);
    if (regression.stderr !== undefined) expect(outcome.stderr).toBe(regression.stderr);
  });
});

describe(`fuzz in process (seed ${SEED}, ${COUNT} lines)`, () => {
  it('every line ends with a CLI exit code, no stack trace, JSON on success', async () => {
    const rng = createRng(SEED);
    const failures: string[] = [];
    const codes = new Map<number | undefined, number>();
    let jsonChecked = 0;
    for (let i = 0; i < COUNT && failures.length < 20; i++) {
      const { argv, expectJson } = randomCommandLine(rng, { forProcess: false, existingFile });
      // A crash of the process itself (V8 out of memory) reports nothing: FUZZ_TRACE keeps the line.
      if (process.env.FUZZ_TRACE) writeFileSync(process.env.FUZZ_TRACE, JSON.stringify({ seed: SEED, line: i, argv }));
      const outcome = await runInProcess(argv, rng);
      codes.set(outcome.code, (codes.get(outcome.code) ?? 0) + 1);
      if (expectJson && outcome.code === 0 && outcome.stdout.trim() !== '') jsonChecked++;
      const found = violations(outcome, expectJson);
      if (found.length) failures.push(`FUZZ_SEED=${SEED} line #${i}: ${describeArgv(argv)}\n  ${found.join('\n  ')}`);
    }
    console.log(`fuzz in process: seed ${SEED}, exit codes ${JSON.stringify([...codes].sort())}, ${jsonChecked} JSON outputs parsed`);
    // Not vacuous: the lines reach success, usage errors and service errors alike.
    expect(failures, `seed ${SEED}`).toEqual([]);
    if (COUNT >= 500) {
      for (const code of [0, 252, 254, 255]) expect(codes.get(code) ?? 0, `exit ${code} never seen (seed ${SEED})`).toBeGreaterThan(0);
      expect(jsonChecked, `no JSON output was checked (seed ${SEED})`).toBeGreaterThan(0);
    }
  }, 600_000);
});

describe.skipIf(BINARY_COUNT <= 0)(`fuzz through the binary against moto (seed ${SEED}, ${BINARY_COUNT} lines)`, () => {
  let moto: MotoServer;
  beforeAll(async () => {
    if (!existsSync(join(BIN, '../../dist/aws-iam.js'))) throw new Error('dist/ is missing: run `npm run build` first');
    moto = await startMotoInRange();
  }, 90_000);
  afterAll(() => moto?.stop());

  it('every line ends with a CLI exit code and no stack trace', async () => {
    const rng = createRng(SEED ^ 0x5eed);
    const cases = Array.from({ length: BINARY_COUNT }, () => randomCommandLine(rng, { forProcess: true, existingFile }));
    const failures: string[] = [];
    const codes = new Map<number | undefined, number>();
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const i = next++;
        const outcome = await runBinary(cases[i].argv, moto);
        codes.set(outcome.code, (codes.get(outcome.code) ?? 0) + 1);
        const found = violations(outcome, cases[i].expectJson);
        if (found.length) failures.push(`FUZZ_SEED=${SEED} binary line #${i}: ${describeArgv(cases[i].argv)}\n  ${found.join('\n  ')}`);
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    console.log(`fuzz binary: seed ${SEED}, exit codes ${JSON.stringify([...codes].sort())}`);
    expect(failures, `seed ${SEED}`).toEqual([]);
    expect(codes.get(0) ?? 0, `no line succeeded against moto (seed ${SEED})`).toBeGreaterThan(0);
  }, 600_000);
});
