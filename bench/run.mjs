// The benchmark: aws-iam against the packaged AWS CLI v2 (/usr/bin/aws), side by side in the
// same run, alternating, after a warm-up. Per workload: median wall time, median peak RSS (from
// GNU time), and the ratio aws-iam/aws as the median of the pairwise ratios.
//
//   npm run bench                 every workload (about 10 minutes on 2 cores)
//   npm run bench -- --quick      fewer runs and a smaller huge listing
//   npm run bench -- --only single,skeleton
//
// The server is bench/fast-iam-server.mjs (a scripted IAM of real IAM's shape), so what is timed
// is the clients. Results go to stdout and bench/results/latest.md.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const AWS = process.env.AWS_IAM_BENCH_AWS ?? '/usr/bin/aws';
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;
const RUNS = quick ? 3 : 7;
const HUGE = quick ? [10_000, 30_000] : [10_000, 30_000, 100_000];
const HUGE_AWS = 10_000; // aws takes minutes at 100,000 users; it is measured at this size only
const DEVICES = 3000;
/** The streamed formats, measured alone over growing listings (jsonl and csv: aws-iam's own). */
const SCALING_FORMATS = ['text', 'yaml-stream', 'jsonl', 'csv'];

const scratch = mkdtempSync(join(tmpdir(), 'aws-iam-bench-'));
const env = {
  PATH: process.env.PATH,
  HOME: scratch,
  LANG: 'C.UTF-8',
  AWS_ACCESS_KEY_ID: 'AKIDBENCH',
  AWS_SECRET_ACCESS_KEY: 'bench-secret',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_CONFIG_FILE: join(scratch, 'config'),
  AWS_SHARED_CREDENTIALS_FILE: join(scratch, 'credentials'),
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_PAGER: '',
};

function startServer(users) {
  return new Promise((resolve, reject) => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn(process.execPath, [join(ROOT, 'bench/fast-iam-server.mjs'), String(port), String(users), String(DEVICES)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (d) => {
      const m = /ready (\S+)/.exec(String(d));
      if (m) resolve({ url: m[1], stop: () => child.kill() });
    });
    child.once('exit', (code) => reject(new Error(`benchmark server exited with ${code}`)));
  });
}

/** One run under GNU time: wall seconds (our clock) and peak RSS in KB (GNU time's %M). */
function measure(argv) {
  const timeFile = join(scratch, 'time.txt');
  const started = process.hrtime.bigint();
  execFileSync('/usr/bin/time', ['-f', '%M', '-o', timeFile, ...argv], { env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  const rss = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop());
  return { wall, rss };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const mine = (url, words) => [join(ROOT, 'bin/aws-iam'), '--endpoint-url', url, ...words];
const theirs = (url, words) => [AWS, '--endpoint-url', url, 'iam', ...words];

/** Alternates the two commands (after one warm-up each) and summarises. */
function compare(name, url, words, target, runs = RUNS) {
  measure(mine(url, words));
  measure(theirs(url, words));
  const pairs = [];
  for (let i = 0; i < runs; i++) pairs.push([measure(mine(url, words)), measure(theirs(url, words))]);
  const row = {
    name,
    command: words.join(' '),
    mineWall: median(pairs.map(([m]) => m.wall)),
    awsWall: median(pairs.map(([, a]) => a.wall)),
    wallRatio: median(pairs.map(([m, a]) => m.wall / a.wall)),
    mineRss: median(pairs.map(([m]) => m.rss)),
    awsRss: median(pairs.map(([, a]) => a.rss)),
    rssRatio: median(pairs.map(([m, a]) => m.rss / a.rss)),
    target,
  };
  process.stderr.write(`  ${name}: ${row.mineWall.toFixed(0)} ms vs ${row.awsWall.toFixed(0)} ms (${row.wallRatio.toFixed(2)})\n`);
  return row;
}


const rows = [];
const scalingRows = [];
const wanted = (name) => !only || only.some((o) => name.startsWith(o));
const server = await startServer(HUGE_AWS);
try {
  process.stderr.write(`benchmark: aws-iam vs ${execFileSync(AWS, ['--version'], { env }).toString().trim()}, ${RUNS} runs each\n`);
  if (wanted('single')) rows.push(compare('single', server.url, ['list-virtual-mfa-devices', '--max-items', '5'], 'wall ≤ 0.20'));
  if (wanted('skeleton')) rows.push(compare('skeleton', server.url, ['list-virtual-mfa-devices', '--generate-cli-skeleton'], 'wall ≤ 0.15'));
  const bulk = ['list-virtual-mfa-devices', '--page-size', '100'];
  if (wanted('bulk')) {
    rows.push(compare('bulk json', server.url, [...bulk, '--output', 'json'], 'wall ≤ 0.5, RSS ≤ 0.6'));
    rows.push(compare('bulk text', server.url, [...bulk, '--output', 'text'], 'wall ≤ 0.5, RSS ≤ 0.6'));
    rows.push(
      compare('bulk text --query', server.url, [...bulk, '--output', 'text', '--query', 'VirtualMFADevices[].SerialNumber'], 'wall ≤ 0.5, RSS ≤ 0.6'),
    );
  }
  if (wanted('huge')) {
    for (const format of ['text', 'yaml-stream']) {
      rows.push(compare(`huge ${format} (${HUGE_AWS.toLocaleString('en')} users)`, server.url, ['list-users', '--output', format], 'RSS flat', quick ? 1 : 3));
    }
  }
} finally {
  server.stop();
}

if (wanted('huge')) {
  for (const users of HUGE) {
    const big = await startServer(users);
    try {
      for (const format of SCALING_FORMATS) {
        const run = measure(mine(big.url, ['list-users', '--output', format]));
        scalingRows.push({ users, format, ...run });
        process.stderr.write(`  aws-iam list-users --output ${format}, ${users} users: ${run.wall.toFixed(0)} ms, ${(run.rss / 1024).toFixed(1)} MB\n`);
      }
    } finally {
      big.stop();
    }
  }
}
rmSync(scratch, { recursive: true, force: true });

const mb = (kb) => (kb / 1024).toFixed(1);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
const lines = [
  `Machine: ${machine}. aws-iam \`bin/aws-iam\` vs \`${AWS}\` (AWS CLI v2 ${execFileSync(AWS, ['--version'], { env }).toString().split(' ')[0].split('/')[1]}), `,
  `same run, alternating after a warm-up; ${RUNS} pairs per workload; server: bench/fast-iam-server.mjs.`,
  '',
  '| workload | aws-iam | aws | wall ratio | aws-iam RSS | aws RSS | RSS ratio | target |',
  '|---|---:|---:|---:|---:|---:|---:|---|',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${r.mineWall.toFixed(0)} ms | ${r.awsWall.toFixed(0)} ms | **${r.wallRatio.toFixed(2)}** | ${mb(r.mineRss)} MB | ${mb(r.awsRss)} MB | ${r.rssRatio.toFixed(2)} | ${r.target} |`,
  ),
];
if (scalingRows.length > 0) {
  lines.push('', 'aws-iam alone, `list-users` over growing listings (peak RSS must not grow with the items):', '');
  lines.push(`| users | ${SCALING_FORMATS.join(' | ')} |`, `|---:|${SCALING_FORMATS.map(() => '---:').join('|')}|`);
  for (const users of HUGE) {
    const cell = (f) => {
      const r = scalingRows.find((x) => x.users === users && x.format === f);
      return r ? `${(r.wall / 1000).toFixed(1)} s, ${mb(r.rss)} MB` : '';
    };
    lines.push(`| ${users.toLocaleString('en')} | ${SCALING_FORMATS.map(cell).join(' | ')} |`);
  }
}
const table = lines.join('\n') + '\n';
process.stdout.write(table);
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/latest.md'), table);
