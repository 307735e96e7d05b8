import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileCacheDir, type CacheFs } from '../../src/cli/compile-cache.js';

const ME = 1000;
type Entry = { uid?: number; mode?: number; symlink?: boolean; file?: boolean };

/** A filesystem of directories (path → entry); mkdir creates what is missing, owned by ME, 0700. */
function fakeFs(entries: Record<string, Entry>, { readOnly = false } = {}): CacheFs {
  const tree = new Map(Object.entries(entries));
  return {
    mkdir(path) {
      if (readOnly) throw new Error('EROFS');
      for (let p = path; p !== '/' && !tree.has(p); p = p.slice(0, p.lastIndexOf('/')) || '/') tree.set(p, {});
    },
    lstat(path) {
      const e = tree.get(path);
      if (!e) return undefined;
      return {
        uid: e.uid ?? ME,
        mode: (e.mode ?? 0o700) | (e.file ? 0o100000 : 0o040000),
        isDirectory: () => !e.file && !e.symlink,
        isSymbolicLink: () => Boolean(e.symlink),
      };
    },
  };
}

const HOME = { HOME: '/home/me' };
const CACHE = '/home/me/.cache/aws-iam/compile-cache';

describe('compileCacheDir: only a directory this user owns and nobody else can write', () => {
  it.each<[string, NodeJS.ProcessEnv, Record<string, Entry>, string | undefined, { readOnly?: boolean }?]>([
    ['created under ~/.cache', HOME, { '/home/me/.cache': {} }, CACHE],
    ['already there', HOME, { '/home/me/.cache': {}, '/home/me/.cache/aws-iam': {}, [CACHE]: {} }, CACHE],
    ['XDG_CACHE_HOME wins', { ...HOME, XDG_CACHE_HOME: '/xdg' }, { '/xdg': {} }, '/xdg/aws-iam/compile-cache'],
    ['a relative XDG_CACHE_HOME is ignored (XDG spec)', { ...HOME, XDG_CACHE_HOME: 'rel' }, { '/home/me/.cache': {} }, CACHE],
    ['no HOME', {}, {}, undefined],
    ['read-only home, nothing there', HOME, { '/home/me/.cache': {} }, undefined, { readOnly: true }],
    ['read-only home, cache made before', HOME, { '/home/me/.cache': {}, '/home/me/.cache/aws-iam': {}, [CACHE]: {} }, CACHE, { readOnly: true }],
    ['cache dir owned by someone else', HOME, { '/home/me/.cache': {}, '/home/me/.cache/aws-iam': {}, [CACHE]: { uid: 0 } }, undefined],
    ['aws-iam dir owned by someone else', HOME, { '/home/me/.cache': {}, '/home/me/.cache/aws-iam': { uid: 0 }, [CACHE]: {} }, undefined],
    ['cache dir group-writable', HOME, { '/home/me/.cache': {}, '/home/me/.cache/aws-iam': {}, [CACHE]: { mode: 0o770 } }, undefined],
    ['cache dir world-writable', HOME, { '/home/me/.cache': {}, '/home/me/.cache/aws-iam': {}, [CACHE]: { mode: 0o707 } }, undefined],
    ['aws-iam dir world-writable', HOME, { '/home/me/.cache': {}, '/home/me/.cache/aws-iam': { mode: 0o777 }, [CACHE]: {} }, undefined],
    ['cache dir is a symlink', HOME, { '/home/me/.cache': {}, '/home/me/.cache/aws-iam': {}, [CACHE]: { symlink: true } }, undefined],
    ['cache dir is a file', HOME, { '/home/me/.cache': {}, '/home/me/.cache/aws-iam': {}, [CACHE]: { file: true } }, undefined],
    ['~/.cache world-writable without the sticky bit', HOME, { '/home/me/.cache': { mode: 0o777 } }, undefined],
    ['~/.cache world-writable with the sticky bit (as /tmp)', HOME, { '/home/me/.cache': { mode: 0o1777, uid: 0 } }, CACHE],
  ])('%s', (_, env, entries, expected, options = {}) => {
    expect(compileCacheDir(env, ME, fakeFs(entries, options))).toBe(expected);
  });
});

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Node 22.8+ only (module.enableCompileCache); run this file under such a Node (e.g. `node22 node_modules/vitest/vitest.mjs run …`) to cover it.
const hasCompileCache = typeof (await import('node:module')).default.enableCompileCache === 'function';

describe('bin/aws-iam with the compile cache', () => {
  const run = (home: string, extra: Record<string, string> = {}) =>
    execFileSync(process.execPath, [join(ROOT, 'bin/aws-iam'), 'list-users', '--generate-cli-skeleton'], {
      env: { PATH: process.env.PATH, HOME: home, ...extra },
      encoding: 'utf8',
    });

  it.skipIf(!hasCompileCache)('fills the cache on the first run and prints the same with it, without it, and with an unusable one', () => {
    const home = mkdtempSync(join(tmpdir(), 'aws-iam-cc-'));
    try {
      const cold = run(home);
      const dir = join(home, '.cache/aws-iam/compile-cache');
      expect(readdirSync(dir).length).toBeGreaterThan(0);
      expect(run(home)).toBe(cold);
      expect(run(home, { NODE_DISABLE_COMPILE_CACHE: '1' })).toBe(cold);
      // Somebody else's writable cache: not used (nothing new is written into it).
      const other = mkdtempSync(join(tmpdir(), 'aws-iam-cc-'));
      mkdirSync(join(other, '.cache/aws-iam/compile-cache'), { recursive: true });
      chmodSync(join(other, '.cache/aws-iam/compile-cache'), 0o777);
      expect(run(other)).toBe(cold);
      expect(readdirSync(join(other, '.cache/aws-iam/compile-cache'))).toEqual([]);
      rmSync(other, { recursive: true, force: true });
      // A symlink in place of the cache: not followed.
      const linked = mkdtempSync(join(tmpdir(), 'aws-iam-cc-'));
      mkdirSync(join(linked, '.cache/aws-iam'), { recursive: true, mode: 0o700 });
      mkdirSync(join(linked, 'target'));
      symlinkSync(join(linked, 'target'), join(linked, '.cache/aws-iam/compile-cache'));
      expect(run(linked)).toBe(cold);
      expect(readdirSync(join(linked, 'target'))).toEqual([]);
      rmSync(linked, { recursive: true, force: true });
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('runs with a home it cannot write', () => {
    const home = mkdtempSync(join(tmpdir(), 'aws-iam-cc-'));
    try {
      chmodSync(home, 0o500);
      const out = run(home);
      expect(out).toContain('"PathPrefix"');
      // root ignores the mode bits; elsewhere nothing could be created
      if (process.getuid?.() !== 0) expect(existsSync(join(home, '.cache'))).toBe(false);
    } finally {
      chmodSync(home, 0o700);
      rmSync(home, { recursive: true, force: true });
    }
  });
});
