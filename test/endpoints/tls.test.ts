/**
 * TLS against an HTTPS loopback server with a self-signed certificate for `localhost`: the
 * reference CLI and aws-iam run the same command line; stdout, stderr and exit code must match.
 * Covers verification failures, --no-verify-ssl (IAM only, with urllib3's warning), CA bundles
 * (read only for HTTPS), and the STS call of an assume-role profile, which stays verified.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findReferenceCli } from '../diff/reference-cli.js';
import { EMPTY_LIST_USERS } from './empty-listing.js';
import { asAwsIam } from '../support/reference-output.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TLS = fileURLToPath(new URL('../fixtures/tls/', import.meta.url));
const reference = findReferenceCli();

let server: Server;
let port: number;
const dir = mkdtempSync(join(tmpdir(), 'aws-iam-tls-'));
const files = {
  cert: `${TLS}localhost.pem`,
  garbage: join(dir, 'garbage.pem'),
  config: join(dir, 'config'),
};

beforeAll(async () => {
  writeFileSync(files.garbage, 'not a certificate\n');
  writeFileSync(
    files.config,
    '[profile role]\nrole_arn = arn:aws:iam::123456789012:role/audit\nsource_profile = base\n' +
      '[profile base]\naws_access_key_id = testing\naws_secret_access_key = testing\n',
  );
  server = createServer({ key: readFileSync(`${TLS}localhost.key`), cert: readFileSync(files.cert) }, (request, response) => {
    request.resume();
    response.end(EMPTY_LIST_USERS);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => server?.close());

interface Outcome {
  stdout: string;
  stderr: string;
  code: number;
}

function run(file: string, args: string[], env: Record<string, string>): Promise<Outcome> {
  const fullEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_REGION: 'us-east-1',
    AWS_CONFIG_FILE: files.config,
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_MAX_ATTEMPTS: '1',
    ...env,
  };
  return new Promise((resolve) =>
    execFile(file, args, { env: fullEnv, encoding: 'utf8' }, (error, stdout, stderr) =>
      resolve({ stdout, stderr, code: error ? Number(error.code) : 0 }),
    ),
  );
}

/** Each case: the endpoint (`{port}` is the server's), more arguments, more environment. */
const CASES: [string, string, string[], Record<string, string>][] = [
  ['self-signed certificate', 'https://localhost:{port}', [], {}],
  ['self-signed, by IP address', 'https://127.0.0.1:{port}', [], {}],
  ['--no-verify-ssl: warning, then the listing', 'https://localhost:{port}', ['--no-verify-ssl'], {}],
  ['--no-verify-ssl on plain HTTP: no warning', 'http://127.0.0.1:9', ['--no-verify-ssl'], {}],
  ['CA bundle that trusts it', 'https://localhost:{port}', [], { AWS_CA_BUNDLE: files.cert }],
  ['--ca-bundle that trusts it', 'https://localhost:{port}', ['--ca-bundle', files.cert], {}],
  ['CA bundle, host name mismatch', 'https://127.0.0.1:{port}', [], { AWS_CA_BUNDLE: files.cert }],
  ['CA bundle missing', 'https://localhost:{port}', [], { AWS_CA_BUNDLE: '/no/such/bundle.pem' }],
  ['CA bundle is a folder', 'https://localhost:{port}', [], { AWS_CA_BUNDLE: dir }],
  ['CA bundle without certificates', 'https://localhost:{port}', [], { AWS_CA_BUNDLE: files.garbage }],
  ['CA bundle missing, plain HTTP: never read', 'http://127.0.0.1:9', [], { AWS_CA_BUNDLE: '/no/such/bundle.pem' }],
  ['STS stays verified under --no-verify-ssl', 'http://127.0.0.1:9', ['--no-verify-ssl', '--profile', 'role'], { AWS_ENDPOINT_URL_STS: 'https://localhost:{port}' }],
  ['STS unreachable: its own URL', 'http://127.0.0.1:9', ['--profile', 'role'], { AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:7' }],
];

describe.skipIf(!reference.path)('TLS as the CLI does it', () => {
  it.concurrent.each(CASES)('%s', async (_name, endpoint, extra, env) => {
    const at = (s: string) => s.replace('{port}', String(port));
    const args = ['list-users', '--endpoint-url', at(endpoint), ...extra];
    const environment = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, at(v)]));
    const [ref, mine] = await Promise.all([
      run(reference.path!, ['--no-cli-pager', 'iam', ...args], environment),
      run(`${ROOT}bin/aws-iam`, args, environment),
    ]);
    expect(mine).toEqual({ ...ref, stderr: asAwsIam(ref.stderr) });
  });
});
