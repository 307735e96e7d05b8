/** Starts the seeded moto IAM server (test/server/moto_iam.py) on a free loopback port. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const SERVER_SCRIPT = fileURLToPath(new URL('../server/moto_iam.py', import.meta.url));

export interface MotoServer {
  readonly url: string;
  stop(): void;
}

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

export async function startMoto(seed = 'demo'): Promise<MotoServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.env.PYTHON ?? 'python3', [SERVER_SCRIPT, String(port), '--seed', seed], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`moto did not start in 60 s:\n${stderr}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      const m = /ready (\S+)/.exec(d.toString());
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`moto exited with ${code}:\n${stderr}`)));
  });
  return { url, stop: () => void child.kill('SIGTERM') };
}
