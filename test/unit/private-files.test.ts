/**
 * The filesystem security suite: private files written and read on a machine where other users
 * plant symlinks, own folders, share cache folders (1777) and fill the disk. Folders and files
 * of "another user" are chowned to nobody (65534): these cases need root, as tests run here and
 * in CI; elsewhere they are skipped.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import {
  chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { privateFolder, readPrivateFile, writePrivateFile } from '../../src/fs/private-files.js';
import { readCachedCredentials, writeCachedCredentials } from '../../src/sdk/credential-cache.js';
import { fileNameCache } from '../../src/completion/name-cache.js';

const OTHER = 65534;
const asRoot = process.getuid?.() === 0;
const rootOnly = asRoot ? it : it.skip;

let base: string;
afterEach(() => rmSync(base, { recursive: true, force: true }));
const newBase = () => (base = mkdtempSync(join(tmpdir(), 'aws-iam-private-')));
const mode = (path: string) => lstatSync(path).mode & 0o7777;

/** A victim's file an attacker wants overwritten (the authorized_keys). */
function victim(): string {
  const file = join(base, 'authorized_keys');
  writeFileSync(file, 'ssh-ed25519 AAAA victim\n', { mode: 0o644 });
  return file;
}
const untouched = (file: string) => {
  expect(readFileSync(file, 'utf8')).toBe('ssh-ed25519 AAAA victim\n');
  expect(mode(file)).toBe(0o644);
};

describe('writePrivateFile: never through a symlink, never into a folder others control', () => {
  it('replaces a symlink planted at the final name instead of writing through it', () => {
    newBase();
    const target = victim();
    const folder = join(base, 'cache');
    mkdirSync(folder, { mode: 0o700 });
    symlinkSync(target, join(folder, 'k.json'));
    expect(writePrivateFile(folder, 'k.json', 'secret').ok).toBe(true);
    untouched(target);
    expect(lstatSync(join(folder, 'k.json')).isFile()).toBe(true);
    expect(mode(join(folder, 'k.json'))).toBe(0o600);
    expect(readFileSync(join(folder, 'k.json'), 'utf8')).toBe('secret');
  });

  it('fails, and leaves the target alone, when a symlink sits at the temporary name', () => {
    newBase();
    const target = victim();
    const folder = join(base, 'cache');
    mkdirSync(folder, { mode: 0o700 });
    symlinkSync(target, join(folder, '.k.json.guess.tmp'));
    const written = writePrivateFile(folder, 'k.json', 'secret', undefined, () => 'guess');
    expect(written.ok).toBe(false);
    untouched(target);
    expect(existsSync(join(folder, 'k.json'))).toBe(false);
  });

  it('leaves no temporary file behind', () => {
    newBase();
    const folder = join(base, 'cache');
    writePrivateFile(folder, 'a.json', '1');
    writePrivateFile(folder, 'a.json', '2');
    expect(readdirSync(folder)).toEqual(['a.json']);
  });

  it('creates missing folders 0700, and narrows a 0755 folder of the user\'s', () => {
    newBase();
    expect(writePrivateFile(join(base, 'a', 'b'), 'f', 'x').ok).toBe(true);
    expect([mode(join(base, 'a')), mode(join(base, 'a', 'b')), mode(join(base, 'a', 'b', 'f'))]).toEqual([0o700, 0o700, 0o600]);
    const open = join(base, 'open');
    mkdirSync(open);
    chmodSync(open, 0o755);
    expect(writePrivateFile(open, 'f', 'x').ok).toBe(true);
    expect(mode(open)).toBe(0o700);
  });

  it('creates its folder inside a shared sticky folder (1777, as /tmp or a shared XDG_CACHE_HOME)', () => {
    newBase();
    const shared = join(base, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    expect(writePrivateFile(join(shared, 'aws-iam', 'completion'), 'f', 'x').ok).toBe(true);
    expect(mode(join(shared, 'aws-iam'))).toBe(0o700);
  });

  it.each([
    ['a symlink to a folder', (folder: string) => {
      mkdirSync(join(base, 'elsewhere'), { mode: 0o700 });
      symlinkSync(join(base, 'elsewhere'), folder);
    }, 'is a symbolic link'],
    ['a file', (folder: string) => writeFileSync(folder, ''), 'is not a directory'],
    ['world-writable', (folder: string) => {
      mkdirSync(folder);
      chmodSync(folder, 0o777);
    }, 'writable by group or others (mode 0777)'],
    ['group-writable', (folder: string) => {
      mkdirSync(folder);
      chmodSync(folder, 0o770);
    }, 'writable by group or others (mode 0770)'],
    ['shared and sticky (1777): others can still plant names in it', (folder: string) => {
      mkdirSync(folder);
      chmodSync(folder, 0o1777);
    }, 'writable by group or others (mode 1777)'],
  ])('refuses a cache folder that is %s', (_name, plant, reason) => {
    newBase();
    const folder = join(base, 'cache');
    plant(folder);
    const written = writePrivateFile(folder, 'f', 'x');
    expect(written).toEqual({ ok: false, reason: expect.stringContaining(reason) });
    expect(existsSync(join(base, 'elsewhere', 'f'))).toBe(false);
  });

  it('refuses to create its folder in a folder anyone may write to and that is not sticky', () => {
    newBase();
    const open = join(base, 'open');
    mkdirSync(open);
    chmodSync(open, 0o777);
    expect(writePrivateFile(join(open, 'aws-iam'), 'f', 'x')).toEqual({ ok: false, reason: expect.stringContaining('not sticky (mode 0777)') });
    expect(existsSync(join(open, 'aws-iam'))).toBe(false);
  });

  it('refuses an existing folder of its own below a folder anyone may rename things in', () => {
    newBase();
    const open = join(base, 'open');
    mkdirSync(join(open, 'mine'), { recursive: true, mode: 0o700 });
    chmodSync(open, 0o777);
    expect(writePrivateFile(join(open, 'mine'), 'f', 'x').ok).toBe(false);
  });

  rootOnly('refuses a folder another user owns, and one inside a folder another user owns', () => {
    newBase();
    const theirs = join(base, 'theirs');
    mkdirSync(theirs, { mode: 0o700 });
    chownSync(theirs, OTHER, OTHER);
    expect(writePrivateFile(theirs, 'f', 'x')).toEqual({ ok: false, reason: expect.stringContaining(`owned by uid ${OTHER}, not 0`) });
    const parent = join(base, 'parent');
    mkdirSync(parent, { mode: 0o755 });
    chownSync(parent, OTHER, OTHER);
    expect(writePrivateFile(join(parent, 'cache'), 'f', 'x')).toEqual({ ok: false, reason: expect.stringContaining(`owned by uid ${OTHER}`) });
    expect(existsSync(join(parent, 'cache'))).toBe(false);
  });

  rootOnly('refuses a folder another user made first in a shared sticky folder', () => {
    newBase();
    const shared = join(base, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    mkdirSync(join(shared, 'aws-iam'), { mode: 0o700 });
    chownSync(join(shared, 'aws-iam'), OTHER, OTHER);
    expect(writePrivateFile(join(shared, 'aws-iam', 'completion'), 'f', 'x').ok).toBe(false);
  });

  rootOnly('reports a full disk (a 16 KB tmpfs) and leaves no temporary file behind', () => {
    newBase();
    const disk = join(base, 'disk');
    mkdirSync(disk, { mode: 0o700 });
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k,mode=0700', 'tmpfs', disk], { stdio: 'ignore' });
    } catch {
      return; // no mount here: the output suite covers a full disk through /dev/full
    }
    try {
      expect(writePrivateFile(disk, 'f', 'x'.repeat(64 * 1024))).toEqual({ ok: false, reason: expect.stringContaining('ENOSPC') });
      expect(readdirSync(disk)).toEqual([]);
    } finally {
      execFileSync('umount', [disk]);
    }
  });
});

describe('readPrivateFile: only what the user wrote', () => {
  const fifo = (path: string) => execFileSync('mkfifo', [path]);
  it.each([
    ['a symlink (even to a file of the user\'s)', (file: string) => {
      writeFileSync(join(base, 'real'), 'x', { mode: 0o600 });
      symlinkSync(join(base, 'real'), file);
    }, 'is a symbolic link'],
    ['group-writable', (file: string) => {
      writeFileSync(file, 'x');
      chmodSync(file, 0o620);
    }, 'writable by group or others (mode 0620)'],
    ['world-writable', (file: string) => {
      writeFileSync(file, 'x');
      chmodSync(file, 0o666);
    }, 'writable by group or others (mode 0666)'],
    ['a FIFO (read without blocking)', (file: string) => fifo(file), 'is not a regular file'],
    ['a folder', (file: string) => mkdirSync(file), 'is not a regular file'],
    ['missing', () => {}, 'does not exist'],
  ])('refuses a file that is %s', (_name, plant, reason) => {
    newBase();
    const folder = join(base, 'cache');
    mkdirSync(folder, { mode: 0o700 });
    plant(join(folder, 'f'));
    expect(readPrivateFile(folder, 'f')).toEqual({ ok: false, reason: expect.stringContaining(reason) });
  });

  it('reads a file of the user\'s (0600 or 0644) in a folder of the user\'s', () => {
    newBase();
    writeFileSync(join(base, 'f'), 'text', { mode: 0o644 });
    expect(readPrivateFile(base, 'f')).toEqual({ ok: true, value: 'text' });
  });

  it('does not create the folder it reads from', () => {
    newBase();
    expect(readPrivateFile(join(base, 'none'), 'f').ok).toBe(false);
    expect(existsSync(join(base, 'none'))).toBe(false);
  });

  rootOnly('refuses a file another user owns, and any file in a folder another user owns', () => {
    newBase();
    writeFileSync(join(base, 'f'), 'x', { mode: 0o600 });
    chownSync(join(base, 'f'), OTHER, OTHER);
    expect(readPrivateFile(base, 'f')).toEqual({ ok: false, reason: expect.stringContaining(`owned by uid ${OTHER}`) });
    const theirs = join(base, 'theirs');
    mkdirSync(theirs, { mode: 0o755 });
    writeFileSync(join(theirs, 'g'), 'x', { mode: 0o600 });
    chownSync(theirs, OTHER, OTHER);
    expect(readPrivateFile(theirs, 'g').ok).toBe(false);
  });

  it('refuses an existing symlinked folder', () => {
    newBase();
    mkdirSync(join(base, 'real'), { mode: 0o700 });
    writeFileSync(join(base, 'real', 'f'), 'x', { mode: 0o600 });
    symlinkSync(join(base, 'real'), join(base, 'link'));
    expect(readPrivateFile(join(base, 'link'), 'f').ok).toBe(false);
  });

  it('works with ownership unchecked where there are no uids (Windows)', () => {
    newBase();
    writeFileSync(join(base, 'f'), 'x', { mode: 0o600 });
    expect(readPrivateFile(base, 'f', { uid: undefined }).ok).toBe(true);
    expect(privateFolder(base, { uid: undefined }).ok).toBe(true);
  });
});

describe('the caches built on it', () => {
  const credentials = { accessKeyId: 'ASIA', secretAccessKey: 'S', sessionToken: 'T', expiration: new Date(Date.UTC(2030, 0, 1)) };
  const now = Date.UTC(2029, 0, 1);

  it('the credential cache never writes through a symlink at its cache path (the issue\'s authorized_keys)', () => {
    newBase();
    const target = victim();
    const cache = join(base, 'cli', 'cache');
    mkdirSync(cache, { recursive: true, mode: 0o700 });
    symlinkSync(target, join(cache, 'k.json'));
    const lines: string[] = [];
    expect(writeCachedCredentials(cache, 'k', credentials, (l) => lines.push(l))).toBe(true);
    untouched(target);
    expect(readCachedCredentials(cache, 'k', now)?.accessKeyId).toBe('ASIA');
    expect(lines).toEqual([]);
  });

  it('the credential cache says why on --debug when its folder is not safe, and the command goes on', () => {
    newBase();
    const cache = join(base, 'cache');
    mkdirSync(cache);
    chmodSync(cache, 0o777);
    const lines: string[] = [];
    expect(writeCachedCredentials(cache, 'k', credentials, (l) => lines.push(l))).toBe(false);
    writeFileSync(join(cache, 'k.json'), JSON.stringify({ Credentials: { AccessKeyId: 'PLANTED', SecretAccessKey: 'S', SessionToken: 'T', Expiration: '2030-01-01T00:00:00Z' } }));
    expect(readCachedCredentials(cache, 'k', now, (l) => lines.push(l))).toBeUndefined();
    expect(lines).toEqual([
      `Not caching the credentials: ${cache} is writable by group or others (mode 0777)`,
      `Not using the cached credentials: ${cache} is writable by group or others (mode 0777)`,
    ]);
  });

  rootOnly('the completion cache serves no entry another user planted in its folder', () => {
    newBase();
    const folder = join(base, 'completion');
    const cache = fileNameCache(folder, () => 1000);
    cache.set('key', ['alice']);
    expect(cache.get('key')).toEqual(['alice']);
    const [file] = readdirSync(folder);
    rmSync(join(folder, file));
    writeFileSync(join(folder, file), JSON.stringify({ key: 'key', at: 1000, names: ['$(id>/tmp/x)'] }), { mode: 0o644 });
    chownSync(join(folder, file), OTHER, OTHER);
    expect(cache.get('key')).toBeUndefined();
    expect(statSync(folder).mode & 0o777).toBe(0o700);
  });
});
