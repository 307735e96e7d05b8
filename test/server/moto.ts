/**
 * Starts the seeded moto IAM server (moto_iam.py: IAM and STS on one port, whole-second
 * timestamps) on a free loopback port; every suite that needs moto starts it through here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const SERVER_SCRIPT = fileURLToPath(new URL('./moto_iam.py', import.meta.url));

export interface MotoServer {
  readonly url: string;
  readonly port: number;
  stop(): void;
}

/** A loopback port that was free a moment ago (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * `seed`: demo (the realistic account of seed.py), none, audit or audit:N (seed_audit.py).
 * Test files run in parallel: a port found free may be taken before moto binds it, so it tries again.
 */
export async function startMoto(seed = 'demo', timeoutMs = 60_000, tries = 3): Promise<MotoServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startMotoOn(await freePort(), seed, timeoutMs);
    } catch (error) {
      if (attempt >= tries) throw error;
    }
  }
}

async function startMotoOn(port: number, seed: string, timeoutMs: number): Promise<MotoServer> {
  const child: ChildProcess = spawn(process.env.PYTHON ?? 'python3', [SERVER_SCRIPT, String(port), '--seed', seed], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`moto did not start in ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    child.stdout!.on('data', (d: Buffer) => {
      const m = /ready (\S+)/.exec(d.toString());
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`moto exited with ${code}:\n${stderr}`));
    });
  });
  return { url, port, stop: () => void child.kill('SIGTERM') };
}
