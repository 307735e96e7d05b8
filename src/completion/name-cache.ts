/**
 * A short-lived cache of live names, so that pressing Tab again (or completing the next
 * option of the same kind) does not call IAM again. One file per key under
 * `$XDG_CACHE_HOME/aws-iam/completion/` (or `~/.cache/...`), readable by the user only (names
 * of an account's users and roles are not for other local users). Every failure is a miss.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Env } from '../config/settings.js';

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
      try {
        const entry = JSON.parse(readFileSync(join(directory, cacheFileName(key)), 'utf8')) as { key: string; at: number; names: string[] };
        const age = now() - entry.at;
        if (entry.key !== key || age < 0 || age >= ttlMs || !Array.isArray(entry.names)) return undefined;
        return entry.names;
      } catch {
        return undefined;
      }
    },
    set(key, names) {
      if (ttlMs <= 0) return;
      try {
        mkdirSync(directory, { recursive: true, mode: 0o700 });
        const file = join(directory, cacheFileName(key));
        // Written aside and renamed, so that a concurrent Tab never reads half a file.
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, JSON.stringify({ key, at: now(), names }), { mode: 0o600 });
        renameSync(temporary, file);
      } catch {
        // A cache that cannot be written only makes the next Tab slower.
      }
    },
  };
}
