/**
 * A short-lived cache of live names, so that pressing Tab again (or completing the next
 * option of the same kind) does not call IAM again. One file per key under
 * `$XDG_CACHE_HOME/aws-iam/completion/` (or `~/.cache/...`), readable by the user only (names
 * of an account's users and roles are not for other local users), written and read by
 * fs/private-files.ts: in a shared cache folder, a planted entry or symlink is never used.
 * Every failure is a miss.
 */
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Env } from '../config/settings.js';
import { readPrivateFile, writePrivateFile } from '../fs/private-files.js';

export const DEFAULT_TTL_MS = 60_000;

export interface NameCache {
  get(key: string): string[] | undefined;
  set(key: string, names: readonly string[]): void;
}

export function cacheDirectory(env: Env, home = env.HOME ?? homedir()): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(home, '.cache');
  return join(base, 'aws-iam', 'completion');
}

/** The file name of a key: a hash, so that profile names and URLs need no escaping. */
export function cacheFileName(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 32) + '.json';
}

export function fileNameCache(directory: string, now: () => number, ttlMs = DEFAULT_TTL_MS): NameCache {
  return {
    get(key) {
      const text = readPrivateFile(directory, cacheFileName(key));
      if (!text.ok) return undefined;
      try {
        const entry = JSON.parse(text.value) as { key: string; at: number; names: string[] };
        const age = now() - entry.at;
        if (entry.key !== key || age < 0 || age >= ttlMs || !Array.isArray(entry.names)) return undefined;
        return entry.names.filter((name) => typeof name === 'string');
      } catch {
        return undefined;
      }
    },
    set(key, names) {
      // A cache that cannot be written only makes the next Tab slower.
      if (ttlMs > 0) writePrivateFile(directory, cacheFileName(key), JSON.stringify({ key, at: now(), names }));
    },
  };
}
