/**
 * A throw-away HOME with an MFA-protected assume-role profile (`mfa`: role_arn + source_profile
 * + mfa_serial, STS and IAM at the given moto), and a way to run the real binary in it without
 * a controlling terminal (detached: its own session), feeding standard input.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/aws-iam', import.meta.url));
export const ROLE_ARN = 'arn:aws:iam::123456789012:role/admin';
export const MFA_SERIAL = 'arn:aws:iam::123456789012:mfa/alice';
export const SOURCE_SECRET = 'sourceSecretKeyDoNotPrint0123456789abcdef';
export const ENV_SECRET = 'envSecretKeyDoNotPrint0123456789abcdefgh';
export const ENV_TOKEN = 'envSessionTokenDoNotPrint/+=0123456789';

export interface Home {
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly cacheDir: string;
  cacheFiles(): string[];
  /** The assumed role's secrets, as cached (to check they are never printed). */
  cachedSecrets(): string[];
  remove(): void;
}

export function makeHome(motoUrl: string, extraConfig = ''): Home {
  const dir = mkdtempSync(join(tmpdir(), 'aws-iam-mfa-'));
  mkdirSync(join(dir, 'home'));
  writeFileSync(
    join(dir, 'config'),
    [
      '[profile mfa]',
      `role_arn = ${ROLE_ARN}`,
      'source_profile = base',
      `mfa_serial = ${MFA_SERIAL}`,
      'region = us-east-1',
      `endpoint_url = ${motoUrl}`,
      '[profile base]',
      'region = us-east-1',
      extraConfig,
    ].join('\n'),
  );
  writeFileSync(join(dir, 'credentials'), `[base]\naws_access_key_id = AKIDSOURCE\naws_secret_access_key = ${SOURCE_SECRET}\n`);
  const cacheDir = join(dir, 'home', '.aws', 'cli', 'cache');
  const cacheFiles = () => {
    try {
      return readdirSync(cacheDir).filter((f) => f.endsWith('.json'));
    } catch {
      return [];
    }
  };
  return {
    dir,
    cacheDir,
    env: {
      PATH: process.env.PATH,
      HOME: join(dir, 'home'),
      AWS_CONFIG_FILE: join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PAGER: '',
    },
    cacheFiles,
    cachedSecrets: () =>
      cacheFiles().flatMap((f) => {
        const c = JSON.parse(readFileSync(join(cacheDir, f), 'utf8')).Credentials;
        return [c.SecretAccessKey, c.SessionToken];
      }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface Result {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `command args` with no controlling terminal; `input` (if any) is its whole stdin. */
export function runDetached(command: string, args: readonly string[], env: NodeJS.ProcessEnv, input?: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, detached: true, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    if (input !== undefined) child.stdin!.end(input);
  });
}

export const awsIam = (args: readonly string[], env: NodeJS.ProcessEnv, input?: string) =>
  runDetached(process.execPath, [BIN, ...args], env, input);
