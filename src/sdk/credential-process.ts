/**
 * `credential_process`: botocore's ProcessProvider. The command line is split with shlex (no
 * shell), run with stdout and stderr captured; a non-zero exit reports the program's stderr;
 * stdout must be a JSON object with `"Version": 1`, `AccessKeyId` and `SecretAccessKey`
 * (SessionToken, Expiration and AccountId optional; AccountId falls back to the profile's
 * `aws_account_id`). Every failure reads as the CLI prints it, including Python's own texts
 * (`Expecting value: …`, `'list' object has no attribute 'get'`, `[Errno 2] …`).
 */
import { shlexSplit } from '../cli/shlex.js';
import type { Profile } from '../config/settings.js';
import { CliError } from '../errors/cli-error.js';
import { parseJson } from '../value/json.js';
import { pyStr, pyStringRepr } from '../value/python-repr.js';
import { PyFloat, type Value } from '../value/value.js';
import { osErrorMessage, type Credentials } from './credential-types.js';

export interface ProcessResult {
  readonly status: number;
  readonly stdout: Buffer;
  readonly stderr: Buffer;
}

/** Runs a program without a shell; rejects with the spawn error (ENOENT, EACCES, …). */
export type RunProgram = (argv: readonly string[]) => Promise<ProcessResult>;

export const runProgram: RunProgram = (argv) =>
  new Promise((resolve, reject) => {
    // node:child_process is loaded only when a profile names a credential_process.
    const child = process.getBuiltinModule('node:child_process').spawn(argv[0]!, argv.slice(1), { stdio: ['inherit', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.once('error', reject);
    child.once('close', (code, signal) =>
      // Python's returncode for a signal is its negative number: non-zero either way.
      resolve({ status: code ?? (signal ? -1 : 0), stdout: Buffer.concat(out), stderr: Buffer.concat(err) }),
    );
  });

const failure = (message: string) => new CliError('general', `Error when retrieving credentials from custom-process: ${message}`);

/** Python's type names for `'<type>' object has no attribute 'get'`. */
function pyTypeName(v: Value): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'int';
  if (v instanceof PyFloat) return 'float';
  if (typeof v === 'string') return 'str';
  if (Array.isArray(v)) return 'list';
  return 'dict';
}

/** Python's `version != 1` (True and 1.0 equal 1). */
const isVersionOne = (v: Value | undefined): boolean =>
  v === 1 || v === true || (v instanceof PyFloat && v.value === 1);

export async function processCredentials(commandLine: string, profile: Profile, run: RunProgram): Promise<Credentials> {
  let argv: string[];
  try {
    argv = shlexSplit(commandLine);
  } catch (error) {
    throw new CliError('general', (error as Error).message);
  }
  // Popen([]) fails in Python before anything runs.
  if (argv.length === 0) throw new CliError('general', 'list index out of range');
  let result: ProcessResult;
  try {
    result = await run(argv);
  } catch (error) {
    throw new CliError('general', osErrorMessage(error, argv[0]!, pyStringRepr));
  }
  if (result.status !== 0) throw failure(result.stderr.toString('utf8'));
  let parsed: Value;
  try {
    parsed = parseJson(result.stdout.toString('utf8'));
  } catch (error) {
    throw new CliError('general', (error as Error).message);
  }
  if (!(parsed instanceof Map)) throw new CliError('general', `'${pyTypeName(parsed)}' object has no attribute 'get'`);
  const version = parsed.has('Version') ? parsed.get('Version')! : '<Version key not provided>';
  if (!isVersionOne(version)) {
    throw failure(`Unsupported version '${pyStr(version)}' for credential process provider, supported versions: 1`);
  }
  for (const key of ['AccessKeyId', 'SecretAccessKey']) {
    if (!parsed.has(key)) throw failure(`Missing required key in response: '${key}'`);
  }
  const text = (key: string) => {
    const v = parsed.get(key);
    return v === undefined || v === null ? undefined : pyStr(v);
  };
  const expiration = text('Expiration');
  return {
    accessKeyId: text('AccessKeyId') ?? '',
    secretAccessKey: text('SecretAccessKey') ?? '',
    sessionToken: text('SessionToken'),
    expiration: expiration === undefined ? undefined : parseExpiry(expiration),
    accountId: text('AccountId') || profile.aws_account_id,
  };
}

/** An ISO 8601 expiry as dateutil reads the usual forms; an unreadable one counts as expired. */
export function parseExpiry(text: string): Date {
  const ms = Date.parse(text);
  return new Date(Number.isNaN(ms) ? 0 : ms);
}
