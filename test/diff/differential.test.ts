/**
 * Differential tests: the same command line against the same seeded IAM server, once through
 * the reference AWS CLI v2 and once through aws-iam; stdout, stderr (with `aws-iam` where the
 * CLI names itself) and the exit code must be identical.
 *
 * Both sides answer from small pools of long-lived drivers unless a case needs a fresh process:
 * the reference's (reference-driver.ts; AWS_IAM_REFERENCE_DRIVER=spawn spawns it for every
 * case) and aws-iam's (aws-iam-driver.ts, bundled from src; AWS_IAM_DRIVER=spawn spawns
 * bin/aws-iam for every case). The last two groups prove that each driver and its spawned CLI
 * agree on a sample of every corpus file (AWS_IAM_DRIVER_CHECK=all: on every case).
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type Case } from './corpus.js';
import { startMoto, type MotoServer } from '../server/moto.js';
import { findReferenceCli } from './reference-cli.js';
import { needsFreshProcess, readLauncher, referencePool } from './reference-driver.js';
import { awsIamPool, buildWorker, needsFreshProcess as awsIamNeedsFreshProcess, type BuiltWorker } from './aws-iam-driver.js';
import type { DriverPool, Outcome } from './driver-pool.js';
import { caseEnvironment, spawnCase } from './run-cli.js';
import { asAwsIam } from '../support/reference-output.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const reference = findReferenceCli();
const cases = loadCorpus();

if (!reference.path) {
  const banner = `\n*** DIFFERENTIAL SUITE SKIPPED: ${reference.reason} ***\n`;
  process.stderr.write(banner);
  if (process.env.CI === 'true') throw new Error(`CI=true and the differential suite cannot run: ${reference.reason}`);
}

const launcher =
  reference.path && process.env.AWS_IAM_REFERENCE_DRIVER !== 'spawn' ? readLauncher(reference.path) : undefined;
/** One driver per core: the aws-iam side of each case runs meanwhile. */
const pool = launcher ? referencePool(launcher, Number(process.env.AWS_IAM_REFERENCE_DRIVERS ?? 2)) : undefined;
/** aws-iam's pool, started once its worker is bundled (beforeAll). */
const awsIamDriven = process.env.AWS_IAM_DRIVER !== 'spawn';
let worker: BuiltWorker | undefined;
let awsIam: DriverPool | undefined;

let moto: MotoServer;
const endpointArgs = (c: Case) => (c.endpoint ? ['--endpoint-url', moto.url] : []);
const referenceArgs = (c: Case, args: string[]) => [
  ...(c.pager ? [] : ['--no-cli-pager']),
  ...endpointArgs(c),
  'iam',
  ...args,
];
const spawnReference = (c: Case, args: string[]) =>
  spawnCase(reference.path!, referenceArgs(c, args), caseEnvironment(c.env, moto.url), c.tty);
const driveReference = (c: Case, args: string[]) =>
  pool!.run({ args: referenceArgs(c, args), env: caseEnvironment(c.env, moto.url), cwd: process.cwd(), tty: c.tty });
const usesDriver = (c: Case, args: string[]) => pool !== undefined && !needsFreshProcess({ ...c, args });
const runReference = (c: Case, args: string[]) =>
  usesDriver(c, args) ? driveReference(c, args) : spawnReference(c, args);
const spawnMine = (c: Case, args: string[]) =>
  spawnCase(`${ROOT}bin/aws-iam`, [...endpointArgs(c), ...args], caseEnvironment(c.env, moto.url), c.tty);
const driveMine = (c: Case, args: string[]) =>
  awsIam!.run({ args: [...endpointArgs(c), ...args], env: caseEnvironment(c.env, moto.url), cwd: process.cwd(), tty: c.tty });
const usesAwsIamDriver = (c: Case) => awsIamDriven && !awsIamNeedsFreshProcess(c);
const runMine = (c: Case, args: string[]) => (usesAwsIamDriver(c) ? driveMine(c, args) : spawnMine(c, args));

const nextTokenOf = (o: Outcome): string => JSON.parse(o.stdout).NextToken;

/** What aws-iam must print: the reference's output, with its own name where the CLI prints `aws`. */
const expected = (c: Case, ref: Outcome): Outcome => ({
  ...ref,
  // On a terminal, stderr is part of what the terminal showed.
  stdout: c.tty && c.tty.streams !== 'stdout' ? asAwsIam(ref.stdout) : ref.stdout,
  stderr: asAwsIam(ref.stderr),
});

/** Up to `perFile` cases of every corpus file that a driver answers, spread over the file. */
function driverSample(driven: (c: Case) => boolean, perFile: number): Case[] {
  const byFile = new Map<string, Case[]>();
  for (const c of cases.filter(driven)) {
    byFile.set(c.file, [...(byFile.get(c.file) ?? []), c]);
  }
  return [...byFile.values()].flatMap((list) =>
    list.length <= perFile ? list : Array.from({ length: perFile }, (_, i) => list[Math.floor((i * list.length) / perFile)]),
  );
}

describe.skipIf(!reference.path)(`aws-iam vs ${reference.reason}`, () => {
  beforeAll(async () => {
    [moto, worker] = await Promise.all([startMoto(), awsIamDriven ? buildWorker() : undefined]);
    if (worker) awsIam = awsIamPool(worker, Number(process.env.AWS_IAM_DRIVERS ?? 2));
  }, 90_000);
  afterAll(() => {
    moto?.stop();
    pool?.stop();
    awsIam?.stop();
    worker?.remove();
  });

  describe.concurrent.each(cases)('$file:$line  $text', (c) => {
    it('matches stdout, stderr and exit code', async () => {
      if (c.resumeFrom) {
        const [refFirst, myFirst] = await Promise.all([runReference(c, c.resumeFrom), runMine(c, c.resumeFrom)]);
        const refToken = nextTokenOf(refFirst);
        expect(nextTokenOf(myFirst), 'NextToken bytes').toBe(refToken);
        const args = [...c.args, '--starting-token', refToken];
        const [ref, mine, refOnMine] = await Promise.all([
          runReference(c, args),
          runMine(c, args),
          runReference(c, [...c.args, '--starting-token', nextTokenOf(myFirst)]),
        ]);
        expect(mine).toEqual(expected(c, ref));
        expect(refOnMine.stdout, 'aws resumes a token aws-iam printed').toBe(ref.stdout);
        return;
      }
      const [ref, mine] = await Promise.all([runReference(c, c.args), runMine(c, c.args)]);
      if (!c.compareStderr) return void expect({ ...mine, stderr: '' }).toEqual({ ...ref, stderr: '' });
      expect(mine).toEqual(expected(c, ref));
    });
  });

  /** The cases a driver's equality check runs: a sample of every file, or all it answers. */
  const checked = (driven: (c: Case) => boolean) =>
    process.env.AWS_IAM_DRIVER_CHECK === 'all' ? cases.filter(driven) : driverSample(driven, 4);

  const referenceDriven = (c: Case) => usesDriver(c, c.resumeFrom ?? c.args);
  describe.runIf(pool).concurrent.each(checked(referenceDriven))('reference driver = spawned reference: $file:$line  $text', (c) => {
    it('prints the same bytes and exit code', async () => {
      const args = c.resumeFrom ?? c.args;
      const [driven, spawned] = await Promise.all([driveReference(c, args), spawnReference(c, args)]);
      expect(driven).toEqual(spawned);
    });
  });

  /** --debug's lines start with the time they were written: two runs differ only there. */
  const untimed = (o: Outcome): Outcome => ({ ...o, stderr: o.stderr.replace(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} /gm, '<time> ') });
  describe.runIf(awsIamDriven).concurrent.each(checked(usesAwsIamDriver))('aws-iam driver = spawned aws-iam: $file:$line  $text', (c) => {
    it('prints the same bytes and exit code', async () => {
      const args = c.resumeFrom ?? c.args;
      const [driven, spawned] = await Promise.all([driveMine(c, args), spawnMine(c, args)]);
      expect(untimed(driven)).toEqual(untimed(spawned));
    });
  });
});
