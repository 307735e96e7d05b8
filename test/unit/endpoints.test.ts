/**
 * IAM's endpoint in every region the reference CLI knows, with and without FIPS and dual-stack:
 * each case is the reference's own connect error (tools/capture-endpoints.py recorded it with no
 * network), and aws-iam must name the same URL, or fail with the same message.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSender } from '../../src/sdk/iam-client.js';
import type { Settings } from '../../src/config/settings.js';
import { CliError } from '../../src/errors/cli-error.js';
import { checkEndpointUrl, checkRegion } from '../../src/sdk/endpoint.js';

interface Recorded {
  region: string;
  fips: boolean;
  dualstack: boolean;
  stderr: string;
  code: number;
}
const recorded: { cases: Recorded[] } = JSON.parse(
  readFileSync(new URL('../fixtures/endpoints/iam-endpoints.json', import.meta.url), 'utf8'),
);

/** A network where no host answers: every request fails as an unreachable host does. */
const unreachable = {
  handle: async () => {
    throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
  },
  updateHttpClientConfig() {},
  httpHandlerConfigs: () => ({}),
  destroy() {},
} as never;

const settings = (region: string, fips: boolean, dualstack: boolean): Settings => ({
  profileName: 'default',
  profileFromCommandLine: false,
  region: region || undefined,
  output: 'json',
  outputSource: 'default',
  timestampFormat: 'iso8601',
  retryMode: 'standard',
  maxAttempts: 1,
  useFipsEndpoint: fips,
  useDualstackEndpoint: dualstack,
  profile: {},
});

process.env.AWS_ACCESS_KEY_ID ??= 'testing';
process.env.AWS_SECRET_ACCESS_KEY ??= 'testing';

/** The line aws-iam prints for a failure, as the CLI's enhanced error format prints it. */
async function failureOf(region: string, fips: boolean, dualstack: boolean): Promise<string> {
  try {
    const send = createSender(settings(region, fips, dualstack), { verifySsl: true, signRequest: true, requestHandler: unreachable });
    await send('ListUsers', new Map());
    return 'no failure';
  } catch (error) {
    return `\naws: [ERROR]: ${(error as CliError).message}\n`;
  }
}

/**
 * Where aws-iam differs on purpose: the SDK's endpoint rules are newer than the reference's,
 * and name the European Sovereign Cloud's dual-stack IAM endpoint `iam.global.api.…`.
 */
const NEWER_RULES: Record<string, string> = {
  'eusc-de-east-1 false true': 'https://iam.global.api.amazonwebservices.eu/',
  'eusc-de-west-2 false true': 'https://iam.global.api.amazonwebservices.eu/',
};

describe('IAM endpoint per region, FIPS and dual-stack (recorded from the reference)', () => {
  it.each(recorded.cases.map((c) => [c.region || '(empty)', c.fips, c.dualstack, c] as const))(
    '%s fips=%s dualstack=%s',
    async (_name, fips, dualstack, c) => {
      const newer = NEWER_RULES[`${c.region} ${fips} ${dualstack}`];
      const expected = newer ? `\naws: [ERROR]: Could not connect to the endpoint URL: "${newer}"\n` : c.stderr;
      expect(await failureOf(c.region, fips, dualstack)).toBe(expected);
    },
  );
});

describe('botocore checks a region and a configured endpoint before anything else', () => {
  it.each([
    ['us-east-1', undefined],
    ['', undefined],
    ['local', undefined],
    ['a'.repeat(63), undefined],
    ['a'.repeat(64), "Provided region_name 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' doesn't match a supported format."],
    ['us east', "Provided region_name 'us east' doesn't match a supported format."],
    ['123', "Provided region_name '123' doesn't match a supported format."],
    ['-us', "Provided region_name '-us' doesn't match a supported format."],
    ['us-', "Provided region_name 'us-' doesn't match a supported format."],
    ['us_east_1', "Provided region_name 'us_east_1' doesn't match a supported format."],
  ])('region %j', (region, message) => {
    const check = () => checkRegion(region);
    if (message === undefined) expect(check).not.toThrow();
    else expect(check).toThrow(message);
  });

  it.each([
    ['http://127.0.0.1:1', undefined],
    ['http://localhost:1/a/b?x=1', undefined],
    ['https://iam.amazonaws.com.', undefined],
    ['http://[::1]:1/', undefined],
    ['http://[fe80::1%25eth0]:1/', undefined],
    ['http://u:p@127.0.0.1:1/', undefined],
    ['HTTP://127.0.0.1:1', undefined],
    ['ftp://x/', undefined],
    ['http://', 'Invalid endpoint: http://'],
    ['foo', 'Invalid endpoint: foo'],
    ['127.0.0.1:1', 'Invalid endpoint: 127.0.0.1:1'],
    ['http:foo', 'Invalid endpoint: http:foo'],
    ['http://a b/', 'Invalid endpoint: http://a b/'],
    ['http://-bad.com/', 'Invalid endpoint: http://-bad.com/'],
    ['http://x\t/', 'Invalid endpoint: http://x\t/'],
    ['http://[::1', 'Invalid IPv6 URL'],
    ['http://::1]/', 'Invalid IPv6 URL'],
    ['http://[::g]/', 'Invalid endpoint: http://[::g]/'],
  ])('endpoint %j', (url, message) => {
    const check = () => checkEndpointUrl(url);
    if (message === undefined) expect(check).not.toThrow();
    else expect(check).toThrow(message);
  });
});
