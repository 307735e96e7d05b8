/**
 * One differential case of a browser sign-in: a fresh HOME with a config file and a token cache
 * file, the CLI run in it (aws-iam, or the reference CLI with `iam` and `--no-cli-pager`), and
 * what the scripted server was sent. Each program gets its own HOME with the same files, so the
 * cache file each leaves behind can be compared.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { awsIam, runDetached, type Result } from '../mfa/fixture.js';
import { asAwsIam } from '../support/reference-output.js';
import { findReferenceCli } from '../diff/reference-cli.js';
import type { RecordedRequest, TokenEndpoints } from '../server/token-endpoints.js';

export const reference = findReferenceCli();
export type Program = 'aws-iam' | 'reference';

export interface CaseFiles {
  readonly config: string;
  /** The token file, relative to HOME, and its text. */
  readonly tokenPath: string;
  readonly tokenText: string;
  readonly env: NodeJS.ProcessEnv;
}

export interface CaseRun {
  readonly result: Result;
  readonly requests: RecordedRequest[];
  readonly fileText: string;
  readonly fileMode: number;
  readonly startedAt: number;
}

const homes: string[] = [];
export const removeCaseHomes = () => homes.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));

export async function runCase(program: Program, files: CaseFiles, server: TokenEndpoints, args: readonly string[]): Promise<CaseRun> {
  const dir = mkdtempSync(join(tmpdir(), 'aws-iam-sign-in-'));
  homes.push(dir);
  const home = join(dir, 'home');
  const tokenFile = join(home, files.tokenPath);
  mkdirSync(dirname(tokenFile), { recursive: true });
  writeFileSync(tokenFile, files.tokenText);
  writeFileSync(join(dir, 'config'), files.config);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    AWS_CONFIG_FILE: join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    ...files.env,
  };
  server.requests.length = 0;
  const startedAt = Date.now();
  const result = program === 'aws-iam' ? await awsIam(args, env) : await runDetached(reference.path!, ['iam', ...args, '--no-cli-pager'], env);
  return {
    result: program === 'reference' ? { ...result, stderr: asAwsIam(result.stderr) } : result,
    requests: [...server.requests],
    fileText: readFileSync(tokenFile, 'utf8'),
    fileMode: statSync(tokenFile).mode & 0o777,
    startedAt,
  };
}

/** The programs a row is checked against: the reference first where it is installed. */
export const programs = (): Program[] => (reference.path ? ['reference', 'aws-iam'] : ['aws-iam']);

/** Python's `json.dumps` spacing for the flat JSON the tests write (no separators inside strings). */
export const pyDumps = (value: unknown): string => JSON.stringify(value).replace(/":/g, '": ').replace(/,"/g, ', "');
