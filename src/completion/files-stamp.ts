/**
 * The shared config and credentials files as the completion cache key sees them: where they are
 * and which version of them (size and modification time), without reading them.
 */
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Env } from '../config/settings.js';

export function sharedFilesStamp(env: Env, home = env.HOME ?? homedir()): string {
  const paths = [env.AWS_CONFIG_FILE || join(home, '.aws', 'config'), env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials')];
  return paths
    .map((path) => {
      try {
        const stats = statSync(path);
        return `${path}:${stats.size}:${stats.mtimeMs}:${stats.ino}`;
      } catch {
        return `${path}:-`;
      }
    })
    .join('|');
}
