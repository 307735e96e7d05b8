/**
 * The sender's retries (src/sdk/iam-client.ts + retry-strategy.ts) against the scripted server,
 * with a 1 ms back-off injected (tests only): which answers are retried, how many attempts are
 * made, and the message once they run out. The same counts are checked against the reference
 * CLI in faults.test.ts (with real back-off).
 */
import { describe, expect, it } from 'vitest';
import { createSender } from '../../src/sdk/iam-client.js';
import type { Settings } from '../../src/config/settings.js';
import { CliError } from '../../src/errors/cli-error.js';
import type { RetryBackoff } from '../../src/sdk/retry-strategy.js';
// @ts-expect-error: a plain ES module without types
import { startFaultServer } from './fault-server.mjs';

const SHORT: RetryBackoff = { computeNextBackoffDelay: () => 1, setDelayBase: () => {} };

const settingsFor = (url: string, retry: Pick<Settings, 'retryMode' | 'maxAttempts'>): Settings => ({
  profileName: 'default',
  profileFromCommandLine: false,
  outputSource: 'default',
  region: 'us-east-1',
  endpointUrl: url,
  output: 'json',
  timestampFormat: 'iso8601',
  useFipsEndpoint: false,
  useDualstackEndpoint: false,
  profile: {},
  ...retry,
});

process.env.AWS_ACCESS_KEY_ID ??= 'testing';
process.env.AWS_SECRET_ACCESS_KEY ??= 'testing';

describe('retries', () => {
  it.each([
    // steps, mode, max attempts, requests made, outcome
    [['throttle'], 'standard', undefined, 3, 'An error occurred (Throttling) when calling the ListUsers operation (reached max retries: 2): Rate exceeded'],
    [['throttle'], 'adaptive', undefined, 3, 'An error occurred (Throttling) when calling the ListUsers operation (reached max retries: 2): Rate exceeded'],
    [['throttle'], 'standard', 5, 5, 'An error occurred (Throttling) when calling the ListUsers operation (reached max retries: 4): Rate exceeded'],
    [['throttle'], 'standard', 1, 1, 'An error occurred (Throttling) when calling the ListUsers operation (reached max retries: 0): Rate exceeded'],
    [['throttle', 'throttle', 'page'], 'standard', undefined, 3, 'ok'],
    [['500-xml'], 'standard', undefined, 3, 'An error occurred (InternalFailure) when calling the ListUsers operation (reached max retries: 2): We encountered an internal error. Please try again.'],
    [['503-html'], 'standard', undefined, 3, 'An error occurred (503) when calling the ListUsers operation (reached max retries: 2): Service Unavailable'],
    [['reset'], 'standard', undefined, 3, 'Connection was closed before we received a valid response from endpoint URL: "URL/".'],
    [['reset'], 'adaptive', 2, 2, 'Connection was closed before we received a valid response from endpoint URL: "URL/".'],
    [['access-denied'], 'standard', undefined, 1, 'An error occurred (AccessDenied) when calling the ListUsers operation: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: iam:ListUsers'],
    [['access-denied'], 'standard', 1, 1, 'An error occurred (AccessDenied) when calling the ListUsers operation (reached max retries: 0): User: arn:aws:iam::123456789012:user/ci is not authorized to perform: iam:ListUsers'],
    [['500-json'], 'standard', undefined, 1, `Unable to parse response (not well-formed (invalid token): line 1, column 0), invalid XML received. Further retries may succeed:\nb'{"message": "internal error"}'`],
    [['cut'], 'standard', undefined, 1, 'ok'],
    [['cut-reset'], 'standard', undefined, 3, 'Connection was closed before we received a valid response from endpoint URL: "URL/".'],
    [['cut-chunked', 'page'], 'standard', undefined, 2, 'ok'],
    [['limit-exceeded'], 'standard', undefined, 1, 'An error occurred (LimitExceeded) when calling the ListUsers operation: Cannot exceed quota for UsersPerAccount: 5000'],
    [['empty-message'], 'standard', undefined, 1, 'An error occurred (NoSuchEntity) when calling the ListUsers operation: None'],
  ] as const)('%j %s max %s: %i requests', async (steps, mode, maxAttempts, requests, outcome) => {
    const server = await startFaultServer({ steps, users: 2, port: 0 });
    try {
      const send = createSender(settingsFor(server.url, { retryMode: mode, maxAttempts }), {
        verifySsl: true,
        signRequest: true,
        retryBackoff: SHORT,
      });
      const result = await send('ListUsers', new Map()).then(
        () => 'ok',
        (error: CliError) => error.message.replace(server.url, 'URL'),
      );
      expect(result).toBe(outcome);
      expect(server.requests.length).toBe(requests);
    } finally {
      await server.close();
    }
  });
});
