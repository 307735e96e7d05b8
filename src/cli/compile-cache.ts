/**
 * V8's code cache for aws-iam's own modules (`module.enableCompileCache`, Node ≥ 22.8): a list
 * call compiles ~560 KB of bundled JavaScript, which costs more than anything else aws-iam does
 * before its first request; with the cache, V8 deserializes the compiled code instead.
 *
 * Node keys what it stores to its own version, V8's flags and each file's contents (a changed
 * bundle or another Node never reads a stale entry) and checks every entry's checksum when it
 * reads it, so concurrent runs that write the same entry cannot hand each other a torn one.
 * What is left to aws-iam is where the cache lives: `$XDG_CACHE_HOME/aws-iam/compile-cache`
 * (else `~/.cache/…`), and only when every directory from `aws-iam/` down is a real directory
 * that this user owns and nobody else can write (a cache planted by someone else is code that
 * would run as this user). Anything wrong (a read-only home, a foreign owner, a symlink, an old
 * Node) and aws-iam runs without the cache, silently: it only costs time.
 *
 * These checks are deliberately small and local to this file (bin/aws-iam loads it before the
 * bundle, so it must not pull anything else in).
 */
import { lstatSync, mkdirSync } from 'node:fs';
import nodeModule from 'node:module';
import { join } from 'node:path';

/** The filesystem calls the checks make (injected by the tests). */
export interface CacheFs {
  mkdir(path: string): void;
  lstat(path: string): { isDirectory(): boolean; isSymbolicLink(): boolean; uid: number; mode: number } | undefined;
}

const GROUP_OR_WORLD_WRITABLE = 0o022;
const STICKY = 0o1000;

/** The cache directory to use, or undefined when there is none that is safe to use. */
export function compileCacheDir(env: NodeJS.ProcessEnv, uid: number | undefined, fs: CacheFs): string | undefined {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && xdg.startsWith('/') ? xdg : env.HOME ? join(env.HOME, '.cache') : undefined;
  if (!base) return undefined;
  const own = join(base, 'aws-iam');
  const dir = join(own, 'compile-cache');
  try {
    fs.mkdir(dir);
  } catch {
    // Read-only home, no permission, or a file in the way: checked below all the same.
  }
  // The base (~/.cache) may be shared, but then only with the sticky bit (nobody can rename
  // our aws-iam/ away and put theirs in its place).
  const parent = fs.lstat(base);
  if (!parent || !parent.isDirectory() || ((parent.mode & GROUP_OR_WORLD_WRITABLE) !== 0 && (parent.mode & STICKY) === 0)) return undefined;
  for (const path of [own, dir]) {
    const stat = fs.lstat(path);
    if (!stat || stat.isSymbolicLink() || !stat.isDirectory()) return undefined;
    if (uid !== undefined && stat.uid !== uid) return undefined;
    if ((stat.mode & GROUP_OR_WORLD_WRITABLE) !== 0) return undefined;
  }
  return dir;
}

const realFs: CacheFs = {
  mkdir: (path) => void mkdirSync(path, { recursive: true, mode: 0o700 }),
  lstat: (path) => {
    try {
      return lstatSync(path);
    } catch {
      return undefined;
    }
  },
};

/** Turns the cache on for the modules loaded from now on, where Node has it and it is safe. */
export function startCompileCache(): void {
  // Node 20 has no compile cache (and no way to add one to ES modules).
  if (typeof nodeModule.enableCompileCache !== 'function') return;
  // Node's own switches: NODE_COMPILE_CACHE already turned it on, NODE_DISABLE_COMPILE_CACHE off.
  if (process.env.NODE_COMPILE_CACHE || process.env.NODE_DISABLE_COMPILE_CACHE) return;
  const dir = compileCacheDir(process.env, process.getuid?.(), realFs);
  if (!dir) return;
  try {
    nodeModule.enableCompileCache(dir);
  } catch {
    // Never worth an error: the command runs the same without it.
  }
}
