/**
 * A small pool of long-lived aws-iams (aws-iam-worker.ts): each is one Node process running the
 * CLI's own `run(argv, io)` case after case, so a case costs what the command does, not the
 * ~0.25 s of CPU a spawned `bin/aws-iam` spends starting Node and compiling the bundle. Cases
 * that need a fresh process are spawned as before (`needsFreshProcess`); the group
 * `aws-iam driver = spawned aws-iam` of differential.test.ts proves on a sample of every corpus
 * file that both ways print the same bytes and exit codes.
 *
 * The worker is bundled from src when the suite starts (esbuild, ~1 s) into a temporary
 * directory: it is a test tool, never part of dist/ or the package.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { DriverPool, type DriverProcess } from './driver-pool.js';
import { SDK_FILE_READS_KEY } from './sdk-file-reads.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORKER_SOURCE = fileURLToPath(new URL('./aws-iam-worker.ts', import.meta.url));

/**
 * What Node reads once, at start-up (its options, libuv's and OpenSSL's settings, the ICU
 * locale): a case that changes it needs a new process.
 */
const STARTUP_ENV = /^(NODE_\w+|UV_\w+|OPENSSL_\w+|SSL_CERT_\w+|LANG|LANGUAGE|LC_\w+)$/;

/**
 * `@pager`: a pager is a child on the terminal; it is spawned, as are cases that change what
 * Node reads at start-up. `@tty` cases are driven on the worker's stand-in terminal (isTTY and
 * the width, which is all aws-iam asks of one; aws-iam-worker.ts onTerminal): none of the corpus
 * prompts on /dev/tty, which the worker has not got.
 */
export function needsFreshProcess(c: { env: Record<string, string | null>; pager: boolean }): boolean {
  return c.pager || Object.keys(c.env).some((k) => STARTUP_ENV.test(k));
}

/** The SDK's shared-file cache, published for the worker to empty after every case (sdk-file-reads.ts). */
function publishSdkFileReads(): { plugin: Plugin; applied: () => boolean } {
  let applied = false;
  const plugin: Plugin = {
    name: 'publish-sdk-file-reads',
    setup(b) {
      b.onLoad({ filter: /[\\/]@smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]config[\\/]shared-ini-file-loader[\\/]readFile\.js$/ }, (args) => {
        applied = true;
        const source = readFileSync(args.path, 'utf8');
        return { contents: `${source}\nglobalThis[Symbol.for(${JSON.stringify(SDK_FILE_READS_KEY)})] = filePromises;\n`, loader: 'js' };
      });
    },
  };
  return { plugin, applied: () => applied };
}

export interface BuiltWorker {
  readonly path: string;
  remove(): void;
}

/** Bundles the worker from src into a temporary directory, as tools/build.mjs bundles the CLI. */
export async function buildWorker(): Promise<BuiltWorker> {
  const dir = mkdtempSync(join(tmpdir(), 'aws-iam-driver-'));
  const path = join(dir, 'aws-iam-worker.mjs');
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const sdkFileReads = publishSdkFileReads();
  try {
    await build({
      absWorkingDir: ROOT,
      entryPoints: [WORKER_SOURCE],
      outfile: path,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      mainFields: ['module', 'main'],
      logLevel: 'warning',
      plugins: [sdkFileReads.plugin],
      // Some SDK dependencies are CommonJS and call require(): give the ES module one.
      banner: { js: "import { createRequire as __awsIamRequire } from 'node:module'; const require = __awsIamRequire(import.meta.url);" },
    });
    if (!sdkFileReads.applied()) throw new Error("the SDK's readFile.js was not bundled where sdk-file-reads.ts expects it");
  } catch (error) {
    remove();
    throw error;
  }
  return { path, remove };
}

/**
 * The pool of aws-iam drivers: `node` as bin/aws-iam finds it (on PATH), fds 0-2 as a spawned
 * aws-iam has them, requests on fd 3 and answers on fd 4.
 */
export function awsIamPool(worker: BuiltWorker, size: number): DriverPool {
  const start = (): DriverProcess => {
    const child = spawn('node', [worker.path], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      stdio: ['pipe', 'pipe', 'pipe', 'pipe', 'pipe'],
    });
    return { child, requests: child.stdio[3] as Writable, outcomes: child.stdio[4] as Readable };
  };
  return new DriverPool('aws-iam driver', start, size);
}
