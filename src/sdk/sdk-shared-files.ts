/**
 * aws-iam reads the shared files itself (config/config-file.ts) and hands the SDK every
 * setting it needs; the SDK's clients must not read them again with their own parser: a FIFO
 * would hang them, a huge file would be parsed twice, and their rules differ from botocore's.
 * The SDK's file loader has an interceptor for exactly this: the paths it would read are
 * given the text aws-iam chooses (nothing, or the few settings an SDK provider needs).
 */
import { externalDataInterceptor } from '@smithy/core/config';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Env } from '../config/settings.js';

/** The two paths as the SDK's loader resolves them (getConfigFilepath, getCredentialsFilepath). */
function sdkPaths(env: Env): { config: string; credentials: string } {
  const home = env.HOME || env.USERPROFILE || homedir();
  const resolve = (path: string) => (path.startsWith('~/') ? join(home, path.slice(2)) : path);
  return {
    config: resolve(env.AWS_CONFIG_FILE || join(home, '.aws', 'config')),
    credentials: resolve(env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials')),
  };
}

/** What the SDK sees as the files' contents from now on (both empty by default). */
export function showSdkSharedFiles(env: Env, contents: { config?: string; credentials?: string } = {}): void {
  const paths = sdkPaths(env);
  externalDataInterceptor.interceptFile(paths.config, contents.config ?? '');
  externalDataInterceptor.interceptFile(paths.credentials, contents.credentials ?? '');
}
