// Completion latency, median of 10 runs of `aws-iam __complete` as the shells call it:
//   node test/completion/measure-latency.mjs            (needs `npm run build` and python3 with moto)
// Starts a seeded moto on a free port of 6400-6449 and a private cache directory.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = 10;

const free = (port) =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
let port = 6430;
while (!(await free(port))) if (++port > 6449) throw new Error('no free port in 6400-6449');

const moto = spawn('python3', [join(ROOT, 'test/server/moto_iam.py'), String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve) => moto.stdout.on('data', (d) => /ready (\S+)/.test(d) && resolve(/ready (\S+)/.exec(d)[1])));

const cache = mkdtempSync(join(tmpdir(), 'aws-iam-latency-'));
const env = { ...process.env, XDG_CACHE_HOME: cache, AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y', AWS_DEFAULT_REGION: 'us-east-1' };
const complete = (line) => {
  const started = process.hrtime.bigint();
  const result = spawnSync(join(ROOT, 'bin/aws-iam'), ['__complete', '--', 'bash', line], { env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, out: result.stdout.trim().split('\n').filter(Boolean) };
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
};
const measure = (label, line, before = () => {}) => {
  complete(line); // one run to warm the OS file cache, not counted
  const times = [];
  let out = [];
  for (let i = 0; i < RUNS; i++) {
    before();
    const r = complete(line);
    times.push(r.ms);
    out = r.out;
  }
  console.log(`${label.padEnd(34)} median ${median(times).toFixed(0).padStart(4)} ms  (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})  → ${out.length} candidates: ${out.slice(0, 5).join(' ')}`);
};

const usersLine = `aws-iam list-groups-for-user --endpoint-url ${url} --user-name `;
try {
  const baseline = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    baseline.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  console.log(`${'(node -e 0, for scale)'.padEnd(34)} median ${median(baseline).toFixed(0).padStart(4)} ms`);
  measure('command name (list-us)', 'aws-iam list-us');
  measure('option (list-users --)', 'aws-iam list-users --');
  measure('live user names, cold cache', usersLine, () => rmSync(join(cache, 'aws-iam'), { recursive: true, force: true }));
  measure('live user names, warm cache', usersLine);
} finally {
  moto.kill('SIGTERM');
  rmSync(cache, { recursive: true, force: true });
}
