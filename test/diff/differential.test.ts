/**
 * Differential tests: the same command line against the same seeded IAM server, once through
 * the reference AWS CLI v2 and once through bin/aws-iam; stdout, stderr (with `aws-iam` where
 * the CLI names itself) and the exit code must be identical.
 *
 * The reference answers from a small pool of long-lived drivers (reference-driver.ts) unless a
 * case needs a fresh process; AWS_IAM_REFERENCE_DRIVER=spawn spawns it for every case. The last
 * group proves the two ways agree on a sample of every corpus file (AWS_IAM_DRIVER_CHECK=all:
 * on every case).
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type Case } from './corpus.js';
import { startMoto, type MotoServer } from '../server/moto.js';
import { findReferenceCli } from './reference-cli.js';
import { DriverPool, needsFreshProcess, readLauncher, type Outcome } from './reference-driver.js';
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
const pool = launcher ? new DriverPool(launcher, Number(process.env.AWS_IAM_REFERENCE_DRIVERS ?? 2)) : undefined;

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
const runMine = (c: Case, args: string[]) =>
  spawnCase(`${ROOT}bin/aws-iam`, [...endpointArgs(c), ...args], caseEnvironment(c.env, moto.url), c.tty);

const nextTokenOf = (o: Outcome): string => JSON.parse(o.stdout).NextToken;

/** What aws-iam must print: the reference's output, with its own name where the CLI prints `aws`. */
const expected = (c: Case, ref: Outcome): Outcome => ({
  ...ref,
  // On a terminal, stderr is part of what the terminal showed.
  stdout: c.tty && c.tty.streams !== 'stdout' ? asAwsIam(ref.stdout) : ref.stdout,
  stderr: asAwsIam(ref.stderr),
});

/** Up to `perFile` cases of every corpus file that the driver answers, spread over the file. */
function driverSample(perFile: number): Case[] {
  const byFile = new Map<string, Case[]>();
  for (const c of cases.filter((c) => usesDriver(c, c.resumeFrom ?? c.args))) {
    byFile.set(c.file, [...(byFile.get(c.file) ?? []), c]);
  }
  return [...byFile.values()].flatMap((list) =>
    list.length <= perFile ? list : Array.from({ length: perFile }, (_, i) => list[Math.floor((i * list.length) / perFile)]),
  );
}

describe.skipIf(!reference.path)(`aws-iam vs ${reference.reason}`, () => {
  beforeAll(async () => {
    moto = await startMoto();
  }, 90_000);
  afterAll(() => {
    moto?.stop();
    pool?.stop();
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

  const checked = process.env.AWS_IAM_DRIVER_CHECK === 'all' ? cases.filter((c) => usesDriver(c, c.resumeFrom ?? c.args)) : driverSample(4);
  describe.runIf(pool).concurrent.each(checked)('reference driver = spawned reference: $file:$line  $text', (c) => {
    it('prints the same bytes and exit code', async () => {
      const args = c.resumeFrom ?? c.args;
      const [driven, spawned] = await Promise.all([driveReference(c, args), spawnReference(c, args)]);
      expect(driven).toEqual(spawned);
    });
  });
});
