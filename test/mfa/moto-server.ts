/**
 * The seeded moto server (test/server/moto_iam.py: IAM and STS on one port) on a port of this
 * suite's own range (6550-6649), so it never collides with servers other suites start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const SERVER_SCRIPT = fileURLToPath(new URL('../server/moto_iam.py', import.meta.url));
const FIRST_PORT = 6550;
const LAST_PORT = 6649;

export interface MotoServer {
  readonly url: string;
  readonly port: number;
  stop(): void;
}

const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

export async function freePortInRange(): Promise<number> {
  const start = FIRST_PORT + Math.floor(Math.random() * (LAST_PORT - FIRST_PORT + 1));
  for (let i = 0; i <= LAST_PORT - FIRST_PORT; i++) {
    const port = FIRST_PORT + ((start - FIRST_PORT + i) % (LAST_PORT - FIRST_PORT + 1));
    if (await portIsFree(port)) return port;
  }
  throw new Error(`no free port in ${FIRST_PORT}-${LAST_PORT}`);
}

/** Test files run in parallel: a port found free may be taken before moto binds it, so try again. */
export async function startMotoInRange(seed = 'demo', tries = 3): Promise<MotoServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startMotoOn(await freePortInRange(), seed);
    } catch (error) {
      if (attempt >= tries) throw error;
    }
  }
}

async function startMotoOn(port: number, seed: string): Promise<MotoServer> {
  const child: ChildProcess = spawn(process.env.PYTHON ?? 'python3', [SERVER_SCRIPT, String(port), '--seed', seed], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`moto did not start in 60 s:\n${stderr}`));
    }, 60_000);
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
