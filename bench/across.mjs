#!/usr/bin/env node
/**
 * Benchmark: `aws-iam across --profiles 'acct-*' list-users` against the shell loop people
 * write today,
 *
 *   for p in acct-01 … acct-50; do aws iam list-users --profile "$p"; done
 *
 * with /usr/bin/aws, on the same moto server (test/server/seed_org.py: an organization of 50
 * member accounts with 200 users each), in the same run, alternating. Each profile holds the
 * temporary keys of OrganizationAccountAccessRole in its account (assumed once, before timing),
 * so both sides read the same accounts with the same static credentials; across also makes one
 * GetCallerIdentity per profile (for AccountId). It checks that both listed the same users.
 *
 *   node bench/across.mjs [--accounts 50] [--users 200] [--runs 3] [--aws /usr/bin/aws] [--concurrency 8]
 *
 * Needs `npm run build` first (it runs bin/aws-iam) and python3 with moto.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const accounts = Number(option('accounts', '50'));
const users = Number(option('users', '200'));
const runs = Number(option('runs', '3'));
const aws = option('aws', '/usr/bin/aws');
const concurrency = option('concurrency', '8');

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

function startMoto(port) {
  const child = spawn('python3', [join(ROOT, 'test/server/moto_iam.py'), String(port), '--seed', `org:${accounts}:${users}`], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (/ready (\S+)/.test(out)) resolve({ child, url: /ready (\S+)/.exec(out)[1], ids: Object.fromEntries([.../(\S+)=(\d{12})/g[Symbol.matchAll](out)].map((m) => [m[1], m[2]])) });
    });
    child.once('exit', (code) => reject(new Error(`moto exited with ${code}`)));
  });
}

const run = (file, args, env) =>
  new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    execFile(file, args, { env, encoding: 'utf8', maxBuffer: 256 << 20, shell: false }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${file} ${args.join(' ')}: ${stderr}`));
      else resolve({ stdout, ms: Number(process.hrtime.bigint() - started) / 1e6 });
    });
  });

/** Each member account's role, assumed once: static keys per profile, for both sides. */
function assumeAll(url, ids) {
  const script = `
import boto3, json, sys
sts = boto3.client("sts", endpoint_url=sys.argv[1], region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing")
for i, account in enumerate(json.loads(sys.argv[2])):
    c = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/OrganizationAccountAccessRole", RoleSessionName="aws-iam-bench")["Credentials"]
    print(f"[acct-{i + 1:02d}]\\naws_access_key_id = {c['AccessKeyId']}\\naws_secret_access_key = {c['SecretAccessKey']}\\naws_session_token = {c['SessionToken']}")
`;
  return run('python3', ['-c', script, url, JSON.stringify(Object.values(ids))], process.env).then((r) => r.stdout);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const port = await freePort();
const seedStart = Date.now();
const moto = await startMoto(port);
try {
  const home = mkdtempSync(join(tmpdir(), 'aws-iam-bench-across-'));
  writeFileSync(join(home, 'credentials'), await assumeAll(moto.url, moto.ids));
  writeFileSync(join(home, 'config'), '[default]\nregion = us-east-1\n');
  console.log(`seeded ${accounts} accounts x ${users} users in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')));
  const env = { ...clean, HOME: home, AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'), AWS_ENDPOINT_URL: moto.url, AWS_DEFAULT_REGION: 'us-east-1', AWS_IAM_NO_PROGRESS: '1' };
  const profiles = Array.from({ length: accounts }, (_, i) => `acct-${String(i + 1).padStart(2, '0')}`);
  const across = () => run(join(ROOT, 'bin/aws-iam'), ['across', '--profiles', 'acct-*', '--max-concurrency', concurrency, 'list-users', '--output', 'json'], env);
  const loop = async () => {
    const started = process.hrtime.bigint();
    const outputs = [];
    for (const p of profiles) outputs.push((await run(aws, ['--no-cli-pager', 'iam', 'list-users', '--profile', p, '--endpoint-url', moto.url, '--output', 'json'], env)).stdout);
    return { outputs, ms: Number(process.hrtime.bigint() - started) / 1e6 };
  };
  const times = { across: [], loop: [] };
  for (let r = 0; r < runs; r++) {
    const a = await across();
    const l = await loop();
    const acrossUsers = JSON.parse(a.stdout).Users.map((u) => `${u.AccountId} ${u.UserName}`).sort();
    const loopUsers = l.outputs.flatMap((o) => JSON.parse(o).Users.map((u) => `${u.Arn.split(':')[4]} ${u.UserName}`)).sort();
    if (JSON.stringify(acrossUsers) !== JSON.stringify(loopUsers)) throw new Error(`different answers: across ${acrossUsers.length} users, loop ${loopUsers.length}`);
    times.across.push(a.ms);
    times.loop.push(l.ms);
    console.log(`run ${r + 1}: across ${(a.ms / 1000).toFixed(2)} s, loop ${(l.ms / 1000).toFixed(2)} s (${acrossUsers.length} users each)`);
  }
  const a = median(times.across);
  const l = median(times.loop);
  console.log(`median: across ${(a / 1000).toFixed(2)} s, shell loop over ${aws} ${(l / 1000).toFixed(2)} s: ${(l / a).toFixed(1)}x faster`);
} finally {
  moto.child.kill('SIGTERM');
}
