/**
 * The SigV4 scope a request is signed for, with a configured endpoint in each partition: a
 * loopback server records the Authorization header of the same command line sent by the
 * reference CLI and by aws-iam. (Without a configured endpoint the host is AWS's own, out of
 * reach here; test/unit/endpoints.test.ts checks those URLs.)
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findReferenceCli } from '../diff/reference-cli.js';
import { EMPTY_LIST_USERS } from './empty-listing.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const reference = findReferenceCli();

let server: Server;
let url: string;
/** The credential scope of each request, by the `x-case` path segment it was sent to. */
const scopes = new Map<string, string>();

beforeAll(async () => {
  server = createServer((request, response) => {
    const scope = /Credential=[^/]+\/\d{8}\/([^,]+),/.exec(request.headers.authorization ?? '')?.[1] ?? '(unsigned)';
    scopes.set(request.url ?? '', scope);
    request.resume();
    response.end(EMPTY_LIST_USERS);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server?.close());

function run(file: string, args: string[], path: string, region: string | undefined): Promise<number> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: '/nonexistent',
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...(region ? { AWS_REGION: region } : {}),
  };
  return new Promise((resolve) =>
    execFile(file, [...args, '--endpoint-url', `${url}${path}`], { env }, (error) => resolve(error ? Number(error.code) : 0)),
  );
}

describe.skipIf(!reference.path)('signing scope with a configured endpoint, per partition', () => {
  it.concurrent.each(['us-east-1', 'eu-west-1', 'cn-north-1', 'us-gov-west-1', 'us-iso-east-1', 'us-isob-east-1', 'eu-isoe-west-1', 'eusc-de-east-1', 'xx-fake-1'])(
    '%s',
    async (region) => {
      const [refCode, myCode] = await Promise.all([
        run(reference.path!, ['--no-cli-pager', 'iam', 'list-users'], `/ref-${region}/`, region),
        run(`${ROOT}bin/aws-iam`, ['list-users'], `/mine-${region}/`, region),
      ]);
      expect([myCode, refCode]).toEqual([0, 0]);
      expect(scopes.get(`/mine-${region}/`)).toBe(scopes.get(`/ref-${region}/`));
      expect(scopes.get(`/mine-${region}/`)).toBe(`${region}/iam/aws4_request`);
    },
  );
});
