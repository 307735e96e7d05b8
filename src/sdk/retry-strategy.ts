/**
 * Retries as AWS CLI v2 makes them, through the SDK's own strategies (@smithy/core/retry):
 * `standard` (default) or `adaptive` (standard plus a client-side rate limiter), 3 attempts in
 * all unless `max_attempts` says otherwise. Both retry the same errors botocore's standard mode
 * does (throttling codes, 500/502/503/504, RequestTimeout*, connection resets and refusals,
 * connect and read timeouts) and keep a retry quota (500 tokens). The SDK's back-off is its own;
 * only tests pass `backoff` to make the waits short.
 */
import { AdaptiveRetryStrategy, StandardRetryStrategy } from '@smithy/core/retry';
import type { Settings } from '../config/settings.js';

/** botocore's DEFAULT_MAX_ATTEMPTS for both modes. */
export const DEFAULT_MAX_ATTEMPTS = 3;

/** The SDK's back-off interface: the delay before retry number `i` (0-based), in ms. */
export interface RetryBackoff {
  computeNextBackoffDelay(i: number): number;
  setDelayBase(delay: number): void;
}

export interface RetryPlan {
  readonly maxAttempts: number;
  readonly strategy: StandardRetryStrategy | AdaptiveRetryStrategy;
}

export function retryPlan(settings: Pick<Settings, 'retryMode' | 'maxAttempts'>, backoff?: RetryBackoff): RetryPlan {
  const maxAttempts = settings.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const options = backoff ? { maxAttempts, backoff } : undefined;
  const strategy =
    settings.retryMode === 'adaptive'
      ? new AdaptiveRetryStrategy(async () => maxAttempts, options as never)
      : options
        ? new StandardRetryStrategy(options)
        : new StandardRetryStrategy(maxAttempts);
  return { maxAttempts, strategy };
}

/**
 * The ` (reached max retries: N)` the CLI puts into a service error's message: botocore marks
 * the response whenever the attempt that failed was the last one allowed — also for errors it
 * would not have retried, so with max_attempts 1 every service error says `0`.
 */
export function retrySuffix(attempts: number | undefined, maxAttempts: number): string {
  const made = attempts ?? 1;
  return made >= maxAttempts ? ` (reached max retries: ${made - 1})` : '';
}
