// The demo: with no AWS credentials, starts a local moto IAM server seeded with a realistic
// account, runs a few aws-iam commands against it and prints what they print, then stops the
// server. With credentials configured (AWS_PROFILE or keys), runs the same commands against AWS.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { DemoError, findMotoPython } from './moto-python.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const hasCredentials = Boolean(process.env.AWS_ACCESS_KEY_ID || process.env.AWS_PROFILE) && !process.env.AWS_IAM_DEMO_LOCAL;

// About one screen: what the seed holds, a page with its NextToken and the resume, a query to
// text, a table, the MFA audit with who and why; then one command through aws and aws-iam.
const NEXT_TOKEN = Symbol('the NextToken the previous command printed');
const commands = [
  ['list-virtual-mfa-devices', '--assignment-status', 'Unassigned', '--query', 'VirtualMFADevices[].SerialNumber', '--output', 'text'],
  ['list-mfa-devices', '--user-name', 'alice', '--query', 'MFADevices[].[UserName, SerialNumber]', '--output', 'text'],
  ['list-users', '--max-items', '2', '--query', '{Users: Users[].UserName, NextToken: NextToken}'],
  ['list-users', '--starting-token', NEXT_TOKEN, '--query', 'Users[].UserName', '--output', 'text'],
  ['list-users', '--output', 'text', '--query', 'Users[].[UserName, Path]'],
  ['list-virtual-mfa-devices', '--output', 'table', '--query', 'VirtualMFADevices[].{Device: SerialNumber, User: User.UserName}'],
  ['audit', 'mfa', '--output', 'text', '--query', 'Findings[].[UserName, Reason]'],
];
const SIDE_BY_SIDE = ['list-users', '--output', 'text', '--query', 'Users[].[UserName, Arn]'];

async function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

let server;
let env = { ...process.env };
const extra = [];
if (!hasCredentials) {
  const port = await freePort();
  let serverLog = '';
  try {
    const python = findMotoPython();
    server = spawn(python, [`${root}test/server/moto_iam.py`, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    server.stderr.on('data', (d) => (serverLog += d));
    await new Promise((resolve, reject) => {
      server.once('error', (error) => reject(new DemoError(`aws-iam demo: could not start ${python}: ${error.message}`)));
      server.stdout.on('data', (d) => /ready/.test(String(d)) && resolve());
      server.once('exit', (code) => {
        const last = serverLog.trim().split('\n').pop() ?? '';
        reject(new DemoError(`aws-iam demo: the local IAM server (moto) exited with ${code}${last ? `: ${last}` : ''}`));
      });
    });
  } catch (error) {
    if (!(error instanceof DemoError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  env = { ...env, AWS_ACCESS_KEY_ID: 'demo', AWS_SECRET_ACCESS_KEY: 'demo', AWS_DEFAULT_REGION: 'us-east-1' };
  extra.push('--endpoint-url', `http://127.0.0.1:${port}`);
  console.log(`No AWS credentials: demo against a local, seeded IAM server (moto) on port ${port}.\n`);
}
const shown = (args) => args.map((a) => (/[\s\[\]{}*?,]/.test(a) ? `'${a}'` : a)).join(' ');
const run = (file, args) => {
  const started = process.hrtime.bigint();
  const r = spawnSync(file, [...args, ...extra], { env, encoding: 'utf8' });
  return { ...r, ms: Number(process.hrtime.bigint() - started) / 1e6 };
};
try {
  let nextToken = '';
  for (const template of commands) {
    const args = template.map((a) => (a === NEXT_TOKEN ? nextToken : a));
    console.log(`$ aws-iam ${shown(args)}`);
    const r = run(`${root}bin/aws-iam`, args);
    process.stdout.write(r.stdout + r.stderr);
    if (r.status !== 0) console.log(`(exit ${r.status})`);
    nextToken = /"NextToken": "([^"]+)"/.exec(r.stdout)?.[1] ?? nextToken;
    console.log('');
  }
  // aws-iam mirrors AWS CLI v2: a v1 `aws` prints other bytes.
  const awsCli = process.env.AWS_IAM_DEMO_AWS || 'aws';
  const aws = spawnSync(awsCli, ['--version'], { encoding: 'utf8' });
  if (!aws.error && aws.status === 0 && aws.stdout.startsWith('aws-cli/2.')) {
    console.log(`$ aws iam ${shown(SIDE_BY_SIDE)}   # and the same through aws-iam`);
    const theirs = run(awsCli, ['--no-cli-pager', 'iam', ...SIDE_BY_SIDE]);
    const mine = run(`${root}bin/aws-iam`, SIDE_BY_SIDE);
    const same = theirs.stdout === mine.stdout && theirs.stderr === mine.stderr && theirs.status === mine.status;
    console.log(
      `${same ? 'byte-identical' : 'DIFFERENT'} output; aws ${Math.round(theirs.ms)} ms, aws-iam ${Math.round(mine.ms)} ms ` +
        `(${(theirs.ms / mine.ms).toFixed(1)}x faster) [${aws.stdout.split(' ')[0]}]`,
    );
    if (!same) process.exitCode = 1;
  } else {
    console.log('(with the AWS CLI v2 as `aws` on PATH, or AWS_IAM_DEMO_AWS, the demo also runs one command through both, timed)');
  }
} finally {
  server?.kill('SIGTERM');
}
