// The benchmark: aws-iam on each Node version against the packaged AWS CLI v2 (/usr/bin/aws,
// 2.9.19) and the reference CLI (2.36.7), in the same run, alternating round by round after a
// warm-up. Per workload and Node version: median wall time, median peak RSS (GNU time's %M), and
// the ratios aws-iam/aws as the median of the ratios within each round.
//
//   npm run bench                 every workload (about 10 minutes on 2 idle cores)
//   npm run bench -- --quick      fewer rounds, no 200,000-item listing, smaller scaling sizes
//   npm run bench -- --only single,skeleton
//
// Node versions: AWS_IAM_BENCH_NODES (paths, separated by ':'), else this node plus the Node 22
// and 24 of ../nodes (the development machine's layout) where present. The server is
// bench/fast-iam-server.mjs (a scripted IAM of real IAM's shape), so what is timed is the clients.
// Results go to stdout, and for a full run to bench/results/latest.md.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;
const ROUNDS = quick ? 3 : 7;
const USERS = 5000;
const DEVICES = 3000;
const HUGE_JSON = 200_000;
const HUGE_ROUNDS = 3;
const SCALING = quick ? [10_000, 30_000] : [10_000, 30_000, 100_000];
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

const version = (argv) => execFileSync(argv[0], [...argv.slice(1), '--version'], { env }).toString().trim();

/** The CLIs compared against: the packaged one (the goals' yardstick) and the reference. */
const CLIS = [
  { label: '2.9.19', path: process.env.AWS_IAM_BENCH_AWS ?? '/usr/bin/aws' },
  { label: '2.36.7', path: process.env.AWS_IAM_REFERENCE_CLI ?? '/opt/awscli-v2.36.7/aws' },
].filter((c) => existsSync(c.path));
for (const cli of CLIS) cli.label = version([cli.path]).split(' ')[0].split('/')[1];

function nodeVersions() {
  const listed = process.env.AWS_IAM_BENCH_NODES?.split(':').filter(Boolean);
  const candidates = listed ?? [
    process.execPath,
    ...['n22', 'n24'].map((n) => join(ROOT, '../../nodes', n, 'node_modules/.bin/node')),
    ...['n22', 'n24'].map((n) => join(ROOT, '../nodes', n, 'node_modules/.bin/node')),
  ];
  const seen = new Map();
  for (const path of candidates) {
    if (!existsSync(path)) continue;
    const v = version([path]);
    if (!seen.has(v)) seen.set(v, { label: `Node ${v.slice(1).split('.')[0]}`, version: v, path });
  }
  return [...seen.values()].sort((a, b) => Number(a.version.slice(1).split('.')[0]) - Number(b.version.slice(1).split('.')[0]));
}
const NODES = nodeVersions();

function startServer(users, devices = DEVICES) {
  return new Promise((resolve, reject) => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn(process.execPath, [join(ROOT, 'bench/fast-iam-server.mjs'), String(port), String(users), String(devices)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (d) => {
      const m = /ready (\S+)/.exec(String(d));
      if (m) resolve({ url: m[1], stop: () => child.kill() });
    });
    child.once('exit', (code) => reject(new Error(`benchmark server exited with ${code}`)));
  });
}

/**
 * One run under GNU time: wall milliseconds (our clock), CPU milliseconds (user + system, GNU
 * time's %U %S, 10 ms steps) and peak RSS in KB (%M). CPU time is the figure that survives a
 * machine shared with other work, where wall times of the same run move by 2× and more.
 */
function measure(argv) {
  const timeFile = join(scratch, 'time.txt');
  const started = process.hrtime.bigint();
  execFileSync('/usr/bin/time', ['-f', '%U %S %M', '-o', timeFile, ...argv], { env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  const [user, system, rss] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: (user + system) * 1000, rss };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const mine = (node, url, words) => [node.path, join(ROOT, 'bin/aws-iam'), '--endpoint-url', url, ...words];
const theirs = (cli, url, words) => [cli.path, '--endpoint-url', url, 'iam', ...words];

/**
 * Rounds of: each CLI, then aws-iam on each Node version (one warm-up round first, which also
 * fills the compile cache). Ratios are taken within a round, then the median over rounds.
 */
function compare(workload, url, rounds = ROUNDS, warmUp = true) {
  const { name, words } = workload;
  const round = () => ({
    clis: CLIS.map((cli) => measure(theirs(cli, url, words))),
    nodes: NODES.map((node) => measure(mine(node, url, words))),
  });
  if (warmUp) round();
  const runs = Array.from({ length: rounds }, round);
  const result = {
    ...workload,
    clis: CLIS.map((cli, c) => ({ label: cli.label, wall: median(runs.map((r) => r.clis[c].wall)), rss: median(runs.map((r) => r.clis[c].rss)) })),
    nodes: NODES.map((node, n) => ({
      label: node.label,
      wall: median(runs.map((r) => r.nodes[n].wall)),
      rss: median(runs.map((r) => r.nodes[n].rss)),
      wallRatios: CLIS.map((_, c) => median(runs.map((r) => r.nodes[n].wall / r.clis[c].wall))),
      cpuRatios: CLIS.map((_, c) => median(runs.map((r) => r.nodes[n].cpu / r.clis[c].cpu))),
      rssRatios: CLIS.map((_, c) => median(runs.map((r) => r.nodes[n].rss / r.clis[c].rss))),
    })),
  };
  const ratios = (xs) => xs.map((x) => x.toFixed(2)).join('/');
  const summary = result.nodes.map((n) => `${n.label} ${n.wall.toFixed(0)} ms (${ratios(n.wallRatios)}; CPU ${ratios(n.cpuRatios)})`).join(', ');
  process.stderr.write(`  ${name}: aws ${result.clis.map((c) => `${c.wall.toFixed(0)} ms`).join('/')}; ${summary}\n`);
  return result;
}

const devices = ['list-virtual-mfa-devices', '--page-size', '100'];
const WORKLOADS = [
  { name: 'single', words: ['list-virtual-mfa-devices', '--max-items', '5'], wallGoal: 0.12, rssGoal: 0.8 },
  { name: 'skeleton', words: ['list-virtual-mfa-devices', '--generate-cli-skeleton'], wallGoal: 0.08 },
  { name: `devices json (${DEVICES.toLocaleString('en')})`, words: [...devices, '--output', 'json'], wallGoal: 0.25 },
  { name: `devices text (${DEVICES.toLocaleString('en')})`, words: [...devices, '--output', 'text'], wallGoal: 0.25 },
  {
    name: `devices text --query (${DEVICES.toLocaleString('en')})`,
    words: [...devices, '--output', 'text', '--query', 'VirtualMFADevices[].SerialNumber'],
    wallGoal: 0.25,
  },
  { name: `users json (${USERS.toLocaleString('en')})`, words: ['list-users', '--output', 'json'], wallGoal: 0.25, rssGoal: 1.0 },
  { name: `users table (${USERS.toLocaleString('en')})`, words: ['list-users', '--output', 'table'], wallGoal: 0.25 },
];
const HUGE = { name: `users json (${HUGE_JSON.toLocaleString('en')})`, words: ['list-users', '--output', 'json'], rssGoal: 1.0 };

const wanted = (name) => !only || only.some((o) => name.startsWith(o));
const rows = [];
const scalingRows = [];
process.stderr.write(
  `benchmark: aws-iam on ${NODES.map((n) => n.version).join(', ')} vs aws ${CLIS.map((c) => c.label).join(', ')}; ${ROUNDS} rounds; load ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}\n`,
);
const loadBefore = loadavg();
const server = await startServer(USERS);
try {
  for (const workload of WORKLOADS) if (wanted(workload.name)) rows.push(compare(workload, server.url));
} finally {
  server.stop();
}
if (!quick && wanted(HUGE.name)) {
  const big = await startServer(HUGE_JSON, 0);
  try {
    // Three rounds, no warm-up: one round's peak RSS on Node 24 ranged 223–336 MB between runs.
    rows.push(compare(HUGE, big.url, HUGE_ROUNDS, false));
  } finally {
    big.stop();
  }
}
if (wanted('scaling')) {
  for (const users of SCALING) {
    const big = await startServer(users, 0);
    try {
      for (const node of NODES) {
        for (const format of SCALING_FORMATS) {
          const run = measure(mine(node, big.url, ['list-users', '--output', format]));
          scalingRows.push({ users, node: node.label, format, ...run });
          process.stderr.write(`  ${node.label} list-users --output ${format}, ${users} users: ${run.wall.toFixed(0)} ms, ${(run.rss / 1024).toFixed(1)} MB\n`);
        }
      }
    } finally {
      big.stop();
    }
  }
}
const loadAfter = loadavg();
rmSync(scratch, { recursive: true, force: true });

const mb = (kb) => `${(kb / 1024).toFixed(1)} MB`;
const ms = (x) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`);
const goal = (ratio, limit) => (limit === undefined ? '' : `${ratio <= limit ? '✓' : '✗'} ≤ ${limit.toFixed(2)}`);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${new Date().toISOString().slice(0, 10)}`;
const load = (l) => l.map((x) => x.toFixed(2)).join(' ');
const lines = [
  `Machine: ${machine}; load average ${load(loadBefore)} before, ${load(loadAfter)} after.`,
  `aws-iam \`bin/aws-iam\` on ${NODES.map((n) => n.version).join(', ')} vs AWS CLI v2 ${CLIS.map((c) => c.label).join(' and ')}, same run, alternating`,
  `round by round after a warm-up round; ${ROUNDS} rounds per workload (${HUGE_ROUNDS} for the ${HUGE_JSON.toLocaleString('en')}-item listing);`,
  `ratios are medians of the per-round ratios; goals are against ${CLIS[0]?.label} (wall time). CPU is user + system time, which a`,
  'loaded machine disturbs far less than wall time (Node counts its compiler and GC threads too). Server: bench/fast-iam-server.mjs.',
  '',
  `| workload | ${CLIS.map((c) => `aws ${c.label}`).join(' | ')} |`,
  `|---|${CLIS.map(() => '---:').join('|')}|`,
  ...rows.map((r) => `| ${r.name} | ${r.clis.map((c) => `${ms(c.wall)}, ${mb(c.rss)}`).join(' | ')} |`),
  '',
  `| workload | Node | aws-iam | wall ÷ ${CLIS.map((c) => c.label).join(' / ')} | wall goal | CPU ÷ ${CLIS.map((c) => c.label).join(' / ')} | RSS | RSS ÷ ${CLIS.map((c) => c.label).join(' / ')} | RSS goal |`,
  '|---|---|---:|---:|---|---:|---:|---:|---|',
  ...rows.flatMap((r) =>
    r.nodes.map(
      (n) =>
        `| ${r.name} | ${n.label} | ${ms(n.wall)} | **${n.wallRatios.map((x) => x.toFixed(2)).join(' / ')}** | ${goal(n.wallRatios[0], r.wallGoal)} | ${n.cpuRatios.map((x) => x.toFixed(2)).join(' / ')} | ${mb(n.rss)} | ${n.rssRatios
          .map((x) => x.toFixed(2))
          .join(' / ')} | ${goal(n.rssRatios[0], r.rssGoal)} |`,
    ),
  ),
];
if (scalingRows.length > 0) {
  lines.push('', 'aws-iam alone, `list-users` over growing listings (streamed formats: peak RSS must stay flat):', '');
  lines.push(
    `| users | ${NODES.flatMap((n) => SCALING_FORMATS.map((f) => `${n.label} ${f}`)).join(' | ')} |`,
    `|---:|${NODES.flatMap(() => SCALING_FORMATS.map(() => '---:')).join('|')}|`,
  );
  for (const users of SCALING) {
    const cell = (node, format) => {
      const r = scalingRows.find((x) => x.users === users && x.node === node.label && x.format === format);
      return r ? `${(r.wall / 1000).toFixed(1)} s, ${mb(r.rss)}` : '';
    };
    lines.push(`| ${users.toLocaleString('en')} | ${NODES.flatMap((n) => SCALING_FORMATS.map((f) => cell(n, f))).join(' | ')} |`);
  }
}
const table = lines.join('\n') + '\n';
process.stdout.write(table);
if (!only && !quick) {
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/latest.md'), table);
}
