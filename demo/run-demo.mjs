// The demo: with no AWS credentials, starts a local moto IAM server seeded with a realistic
// account, runs a few aws-iam commands against it and prints what they print, then stops the
// server. With credentials configured (AWS_PROFILE or keys), runs the same commands against AWS.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { DemoError, findMotoPython } from './moto-python.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const hasCredentials = Boolean(process.env.AWS_ACCESS_KEY_ID || process.env.AWS_PROFILE) && !process.env.AWS_IAM_DEMO_LOCAL;

const commands = [
  ['list-users'],
  ['list-virtual-mfa-devices', '--assignment-status', 'Unassigned', '--query', 'VirtualMFADevices[].SerialNumber'],
  ['list-mfa-devices', '--user-name', 'alice'],
  ['list-users', '--path-prefix', '/eng/', '--region', 'eu-west-1'],
  ['list-roles', '--max-items', '1', '--query', 'Roles[].{Name: RoleName, Trust: AssumeRolePolicyDocument.Statement[0].Principal}'],
  ['list-mfa-devices', '--user-name', 'nobody'],
  ['list-virtual-mfa-devices', '--output', 'table', '--query', 'VirtualMFADevices[].{Device: SerialNumber, User: User.UserName}'],
  ['list-users', '--output', 'text', '--query', 'Users[].[UserName, Arn]'],
  ['audit', 'mfa', '--query', 'Findings[].[Type, Reason]', '--output', 'text'],
  ['audit', 'mfa', '--output', 'table', '--query', 'Users[].{User: UserName, Console: ConsoleAccess, MFA: MfaActive}'],
];

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
try {
  for (const args of commands) {
    const shown = args.map((a) => (/[\s\[\]{}*?]/.test(a) ? `'${a}'` : a)).join(' ');
    console.log(`$ aws-iam ${shown}`);
    const r = spawnSync(`${root}bin/aws-iam`, [...args, ...extra], { env, encoding: 'utf8' });
    process.stdout.write(r.stdout);
    process.stdout.write(r.stderr);
    console.log(`(exit ${r.status})\n`);
  }
} finally {
  server?.kill('SIGTERM');
}
