/**
 * The SDK caches every shared file it reads itself (`filePromises` in @smithy/core's
 * shared-ini-file-loader/readFile.js) and does not export that cache. aws-iam hands the SDK
 * its files through the interceptor (src/sdk/sdk-shared-files.ts), so the cache should stay
 * empty; the in-process driver empties it after every case all the same, as a fresh process
 * has it. The worker's bundle publishes the object under this key (aws-iam-driver.ts).
 */
export const SDK_FILE_READS_KEY = 'aws-iam.driver.sdkFileReads';

/** The SDK's file-read cache in this process; an empty record before the SDK is loaded. */
export const SDK_FILE_READS = (): Record<string, unknown> =>
  ((globalThis as Record<symbol, unknown>)[Symbol.for(SDK_FILE_READS_KEY)] as Record<string, unknown> | undefined) ?? {};
