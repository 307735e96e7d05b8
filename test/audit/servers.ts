/**
 * Servers for the audit's tests, on loopback ports the system picks: moto seeded by
 * test/server/seed_audit.py, and a small proxy in front of it that answers chosen requests with
 * IAM errors (a denied permission, throttling), which moto never does on its own.
 */
import { execFile } from 'node:child_process';
import { createServer as createHttpServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const BASE_ENV = {
  AWS_ACCESS_KEY_ID: 'x',
  AWS_SECRET_ACCESS_KEY: 'y',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
};

export interface Running {
  readonly url: string;
  readonly port: number;
  stop(): void;
}

export { startMoto } from '../server/moto.js';

/** Decides per request (its form-encoded Action and UserName) whether to answer with an error. */
export type Fault = (action: string, userName: string | undefined) => { status: number; code: string; message: string } | undefined;

export async function startFaultProxy(target: string, fault: Fault): Promise<Running & { faults: string[] }> {
  const faults: string[] = [];
  const upstream = new URL(target);
  const server: Server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const form = new URLSearchParams(body.toString('utf8'));
      const action = form.get('Action') ?? '';
      const injected = fault(action, form.get('UserName') ?? undefined);
      if (injected) {
        faults.push(`${action}:${injected.code}`);
        res.writeHead(injected.status, { 'content-type': 'text/xml' });
        res.end(
          `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type>` +
            `<Code>${injected.code}</Code><Message>${injected.message}</Message></Error><RequestId>fault</RequestId></ErrorResponse>`,
        );
        return;
      }
      const forward = request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, port, faults, stop: () => void server.close() };
}

export interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a program with the base environment plus `env`. */
export function runProgram(file: string, args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(file, args, { env: { ...process.env, ...BASE_ENV, ...env }, encoding: 'utf8', maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

export const awsIam = (args: string[], env: Record<string, string> = {}) => runProgram(`${ROOT}bin/aws-iam`, args, env);
