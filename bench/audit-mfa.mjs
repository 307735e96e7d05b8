#!/usr/bin/env node
/**
 * Benchmark: `aws-iam audit mfa` against the shell loop people write today,
 *
 *   for u in $(aws iam list-users --query 'Users[].UserName' --output text); do
 *     aws iam list-mfa-devices --user-name "$u"; done
 *
 * on the same moto server (seeded once per run with test/server/seed_audit.py: 1,000 users by
 * default), in the same run, and prints the times and the ratios. It also checks that the audit
 * found the same MFA devices as the loop, so the comparison is between equal answers.
 *
 *   node bench/audit-mfa.mjs [--users 1000] [--runs 3] [--loop-users N] [--aws /usr/bin/aws] [--port 6740]
 *
 * --loop-users N runs the loop over the first N users only and scales its time to all users
 * (said so in the output); by default the loop covers every user (about 0.6 s per user).
 * Needs `npm run build` first (it runs bin/aws-iam) and python3 with moto.
 */
import { spawn, execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const NAMED_USERS = 10; // seed_audit.py's named users; the rest are generated

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const users = Number(option('users', '1000'));
const runs = Number(option('runs', '3'));
const aws = option('aws', '/usr/bin/aws');
const loopUsers = option('loop-users') === undefined ? users : Number(option('loop-users'));
const firstPort = Number(option('port', '6740'));

const env = {
  ...process.env,
  AWS_ACCESS_KEY_ID: 'x',
  AWS_SECRET_ACCESS_KEY: 'y',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  AWS_PAGER: '',
  AWS_IAM_NO_PROGRESS: '1',
};

const portIsFree = (port) =>
  new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });

async function startMoto() {
  let port = firstPort;
  while (!(await portIsFree(port))) port++;
  const child = spawn('python3', [`${ROOT}test/server/moto_iam.py`, String(port), '--seed', `audit:${users - NAMED_USERS}`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      const m = /ready (\S+)/.exec(String(d));
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`moto exited with ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/** Runs a command; returns its wall time in seconds and its output. */
function timed(file, args) {
  const start = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    execFile(file, args, { env, encoding: 'utf8', maxBuffer: 1 << 30 }, (error, stdout, stderr) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (error) reject(new Error(`${file} ${args.join(' ')} failed (${error.code}):\n${stderr}`));
      else resolve({ seconds, stdout });
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (s) => `${s.toFixed(2)} s`;

async function main() {
  if (!existsSync(`${ROOT}dist/aws-iam.js`)) throw new Error('run `npm run build` first');
  if (!existsSync(aws)) throw new Error(`no AWS CLI at ${aws} (use --aws PATH)`);
  const seedStart = Date.now();
  const moto = await startMoto();
  console.log(`moto ${moto.url}: seeded ${users} users in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);
  try {
    const awsVersion = (await timed(aws, ['--version'])).stdout.trim();
    const audit = (source) => timed(`${ROOT}bin/aws-iam`, ['audit', 'mfa', '--source', source, '--endpoint-url', moto.url]);
    await audit('api'); // warm-up: file cache, moto's first requests
    const times = { api: [], 'credential-report': [] };
    let report;
    for (let i = 0; i < runs; i++) {
      for (const source of Object.keys(times)) {
        const r = await audit(source);
        times[source].push(r.seconds);
        report = JSON.parse(r.stdout);
      }
    }
    if (report.Users.length !== users) throw new Error(`the audit saw ${report.Users.length} users, not ${users}`);

    const loopScript =
      `AWS="$1"; EP="$2"; N="$3"; ` +
      `for u in $("$AWS" iam list-users --endpoint-url "$EP" --query 'Users[].UserName' --output text | tr '\\t' '\\n' | head -n "$N"); do ` +
      `"$AWS" iam list-mfa-devices --endpoint-url "$EP" --user-name "$u"; done`;
    console.log(`shell loop with ${awsVersion} over ${loopUsers} users (about ${Math.round(loopUsers * 0.6)} s)...`);
    const loop = await timed('bash', ['-c', loopScript, 'loop', aws, moto.url, String(loopUsers)]);
    const loopAll = loop.seconds * (users / loopUsers);

    // Same answers: every device the loop listed is in the audit, for the users the loop covered.
    const listed = loop.stdout.split(/\n(?=\{)/).filter((t) => t.trim()).map((t) => JSON.parse(t).MFADevices);
    const fromLoop = listed.flat().map((d) => `${d.UserName} ${d.SerialNumber}`).sort();
    const covered = new Set(report.Users.slice(0, loopUsers).map((u) => u.UserName));
    const fromAudit = report.Users.filter((u) => covered.has(u.UserName)).flatMap((u) => u.MfaDevices.map((d) => `${u.UserName} ${d.SerialNumber}`)).sort();
    const same = listed.length === loopUsers && JSON.stringify(fromLoop) === JSON.stringify(fromAudit);

    const api = median(times.api);
    const fromReport = median(times['credential-report']);
    console.log('');
    console.log(`users                               ${users}`);
    console.log(`aws-iam audit mfa --source api      ${fmt(api)}  (median of ${runs}: ${times.api.map(fmt).join(', ')})`);
    console.log(`aws-iam audit mfa --source credential-report  ${fmt(fromReport)}  (median of ${runs}: ${times['credential-report'].map(fmt).join(', ')})`);
    console.log(`shell loop (list-users + ${loopUsers} x list-mfa-devices)  ${fmt(loop.seconds)}${loopUsers < users ? `, scaled to ${users} users: ${fmt(loopAll)}` : ''}`);
    console.log(`same MFA devices as the loop        ${same ? 'yes' : 'NO'} (${fromLoop.length} devices)`);
    console.log('');
    console.log(`ratio loop / audit (api)                ${(loopAll / api).toFixed(1)}x`);
    console.log(`ratio loop / audit (credential-report)  ${(loopAll / fromReport).toFixed(1)}x`);
    console.log(`  (the audit also answers console access, access keys, root MFA and unassigned devices; the loop only lists devices)`);
    if (!same) process.exitCode = 1;
  } finally {
    moto.stop();
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exitCode = 1;
});
