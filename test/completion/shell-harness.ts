/**
 * What the shell tests share: a seeded moto on a port of this suite's range (6400-6449), a
 * home directory with config and credentials files, `aws-iam` on PATH (bin/aws-iam, so the
 * built dist/ is what runs), and a way to find the shells (missing ones skip loudly, and fail
 * under CI=true).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMoto as startDemoMoto } from '../server/moto.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PORT_RANGE = [6400, 6449] as const;

export const SEEDED_USERS = ['alice', 'bob', 'carol', 'Zoë', 'svc-ci'];

export interface Moto {
  readonly url: string;
  stop(): void;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function freePortInRange(from: number = PORT_RANGE[0]): Promise<number> {
  for (let port = from; port <= PORT_RANGE[1]; port++) if (await portIsFree(port)) return port;
  throw new Error(`no free port in ${PORT_RANGE.join('-')}`);
}

export async function startMoto(): Promise<Moto> {
  return startDemoMoto('demo');
}

export interface Sandbox {
  readonly dir: string;
  readonly env: Record<string, string>;
  remove(): void;
}

/** A user's world: HOME with ~/.aws files, a cache directory, aws-iam on PATH, environment credentials. */
export function makeSandbox(): Sandbox {
  if (!existsSync(join(ROOT, 'dist/aws-iam.js'))) throw new Error('dist/ is not built: run `npm run build` first');
  const dir = mkdtempSync(join(tmpdir(), 'aws-iam-completion-'));
  mkdirSync(join(dir, 'home/.aws'), { recursive: true });
  mkdirSync(join(dir, 'bin'));
  symlinkSync(join(ROOT, 'bin/aws-iam'), join(dir, 'bin/aws-iam'));
  writeFileSync(join(dir, 'home/.aws/config'), '[default]\nregion = us-east-1\n[profile work]\nregion = eu-west-1\n[sso-session corp]\n');
  writeFileSync(join(dir, 'home/.aws/credentials'), '[default]\naws_access_key_id = x\n[ci]\naws_access_key_id = y\n');
  const env: Record<string, string> = {
    PATH: `${join(dir, 'bin')}:${process.env.PATH}`,
    HOME: join(dir, 'home'),
    XDG_CACHE_HOME: join(dir, 'cache'),
    AWS_ACCESS_KEY_ID: 'x',
    AWS_SECRET_ACCESS_KEY: 'y',
    AWS_DEFAULT_REGION: 'us-east-1',
    LANG: 'C.UTF-8',
    TERM: 'dumb',
    // The 1.5 s deadline for live names is for a person at a prompt; on a loaded test machine
    // moto can take longer, and an empty answer would fail a case that is not about the deadline
    // (the deadline has tests of its own: helpers.test.ts, and shells.test.ts sets it back).
    AWS_IAM_COMPLETION_TIMEOUT: '30',
  };
  return { dir, env, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The shell's path, or undefined (with a loud banner; an error under CI=true) when it is not installed. */
export function findShell(name: 'bash' | 'zsh' | 'fish'): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    const message = `${name} is not installed (apt-get install -y ${name})`;
    process.stderr.write(`\n*** COMPLETION TESTS FOR ${name.toUpperCase()} SKIPPED: ${message} ***\n`);
    if (process.env.CI === 'true') throw new Error(`CI=true and ${message}`);
    return undefined;
  }
}

/** How readline splits a line into COMP_WORDS: blanks separate, runs of `=` or `:` are words of their own. */
export function bashCompWords(line: string): string[] {
  const words = line.split(/[ \t]+/).filter((w, i, all) => w !== '' || i === all.length - 1);
  return words.flatMap((word) => word.match(/[=:]+|[^=:]+/g) ?? ['']);
}
