/**
 * Files that aws-iam keeps for the user alone (assumed-role credentials, completion names, and any
 * other cache), written and read as if other local users were hostile:
 * - a cache folder is used only if it is a real folder (not a symlink), owned by the user and
 *   not writable by group or others; folders aws-iam creates are 0700, and one of the user's
 *   that others can read is narrowed to 0700 when written to; an existing folder above
 *   it must be the user's or root's and, when others may write to it, sticky (as /tmp is), so
 *   that nobody else can swap the path under us;
 * - a file is written to a new temporary name in the same folder (exclusive create, no symlink
 *   followed, 0600), then renamed over the final name, which replaces a planted symlink instead
 *   of writing through it, and never leaves a half-written file for a concurrent reader;
 * - a file is read only if it is a regular file (no symlink, FIFO or device), the user's own, and
 *   not writable by group or others: anything else may have been planted, so it is not trusted.
 * Every refusal comes back as a reason (for a `--debug` line); a cache that cannot be used is a
 * miss, never an error.
 */
import { randomBytes } from 'node:crypto';
import {
  chmodSync, closeSync, constants, fchmodSync, fstatSync, lstatSync, mkdirSync, openSync, readSync, renameSync, statSync, unlinkSync, writeSync, type Stats,
} from 'node:fs';
import { dirname, join } from 'node:path';

/** Either the value, or why there is none. */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/** The process's user; undefined where there are no uids (Windows), where ownership is not checked. */
export interface Owner {
  readonly uid: number | undefined;
}

export const currentOwner = (): Owner => ({ uid: process.getuid?.() });

/** Caches are small; a larger file is not one of ours. */
export const MAX_PRIVATE_FILE_BYTES = 4 * 1024 * 1024;

const S_ISVTX = 0o1000;
const GROUP_OR_OTHER_WRITE = 0o022;
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;

const refuse = (reason: string): Outcome<never> => ({ ok: false, reason });

/** Why a folder that will hold our files cannot be trusted, or undefined when it can. */
function untrustedHolder(path: string, stats: Stats, owner: Owner): string | undefined {
  if (stats.isSymbolicLink()) return `${path} is a symbolic link`;
  if (!stats.isDirectory()) return `${path} is not a directory`;
  if (owner.uid !== undefined && stats.uid !== owner.uid) return `${path} is owned by uid ${stats.uid}, not ${owner.uid}`;
  if (stats.mode & GROUP_OR_OTHER_WRITE) return `${path} is writable by group or others (mode ${octal(stats.mode)})`;
  return undefined;
}

/** Why a folder above ours cannot be trusted: someone else could replace what is inside it. */
function untrustedAncestor(path: string, stats: Stats, owner: Owner): string | undefined {
  if (!stats.isDirectory()) return `${path} is not a directory`;
  if (owner.uid !== undefined && stats.uid !== owner.uid && stats.uid !== 0) return `${path} is owned by uid ${stats.uid}`;
  if (stats.mode & GROUP_OR_OTHER_WRITE && !(stats.mode & S_ISVTX)) {
    return `${path} is writable by group or others and not sticky (mode ${octal(stats.mode)})`;
  }
  return undefined;
}

const octal = (mode: number) => (mode & 0o7777).toString(8).padStart(4, '0');

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The folder `path`, created (0700, with its missing parents) when absent, if it can hold
 * private files: itself by the holder rule, every existing folder above it by the ancestor
 * rule (followed as the system resolves it: a symlinked home is fine).
 */
export function privateFolder(path: string, owner: Owner = currentOwner()): Outcome<string> {
  return prepareFolder(path, owner, true);
}

function prepareFolder(path: string, owner: Owner, create: boolean): Outcome<string> {
  try {
    const existing = lstatOrUndefined(path);
    if (existing) {
      const reason = untrustedHolder(path, existing, owner) ?? untrustedAncestors(dirname(path), owner);
      if (reason) return refuse(reason);
      // A folder of the user's that others may look into (0755, as `aws` makes it) is
      // narrowed when we write: what it holds is as private as the files.
      if (create && existing.mode & 0o077) chmodSync(path, 0o700);
      return { ok: true, value: path };
    }
    const parent = dirname(path);
    if (!create || parent === path) return refuse(`${path} does not exist`);
    if (lstatOrUndefined(parent)) {
      // The parent is only created into: it may be shared (sticky, as /tmp), as long as nobody
      // else can move our new folder out of it.
      const reason = untrustedAncestors(parent, owner);
      if (reason) return refuse(reason);
    } else {
      const made = prepareFolder(parent, owner, true);
      if (!made.ok) return made;
    }
    try {
      mkdirSync(path, { mode: 0o700 });
    } catch (error) {
      // Someone made it first: it is judged as any existing folder below.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const reason = untrustedHolder(path, lstatSync(path), owner);
    return reason ? refuse(reason) : { ok: true, value: path };
  } catch (error) {
    return refuse(`${path}: ${(error as Error).message}`);
  }
}

/** The first of `path` and the folders above it that fails the ancestor rule. */
function untrustedAncestors(path: string, owner: Owner): string | undefined {
  for (let folder = path; ; folder = dirname(folder)) {
    const reason = untrustedAncestor(folder, statSync(folder), owner);
    if (reason) return reason;
    if (dirname(folder) === folder) return undefined;
  }
}

/**
 * Writes `contents` to `folder/name`, 0600, atomically: a new temporary file in the same folder
 * (O_EXCL | O_NOFOLLOW, so a planted file or symlink at that name fails instead of being
 * written through), then rename over `name`.
 */
export function writePrivateFile(
  folder: string,
  name: string,
  contents: string,
  owner: Owner = currentOwner(),
  /** The temporary name's random part (tests pin it to plant a symlink there). */
  randomPart: () => string = () => randomBytes(6).toString('hex'),
): Outcome<string> {
  const usable = privateFolder(folder, owner);
  if (!usable.ok) return usable;
  const file = join(folder, name);
  const temporary = join(folder, `.${name}.${randomPart()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | O_NOFOLLOW, 0o600);
    // The umask can only narrow 0600; this makes sure of it where a filesystem ignores modes.
    fchmodSync(fd, 0o600);
    const bytes = Buffer.from(contents, 'utf8');
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, file);
    return { ok: true, value: file };
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temporary);
    } catch {
      // Never created, or already renamed.
    }
    return refuse(`${file}: ${(error as Error).message}`);
  }
}

/**
 * The text of `folder/name` if it can be trusted: the folder passes privateFolder's rules
 * (without creating it), and the file is a regular file (never through a symlink, never a
 * FIFO that would block), owned by the user, not writable by group or others.
 */
export function readPrivateFile(folder: string, name: string, owner: Owner = currentOwner()): Outcome<string> {
  const file = join(folder, name);
  let fd: number | undefined;
  try {
    const usable = prepareFolder(folder, owner, false);
    if (!usable.ok) return usable;
    fd = openSync(file, constants.O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
    const stats = fstatSync(fd);
    if (!stats.isFile()) return refuse(`${file} is not a regular file`);
    if (owner.uid !== undefined && stats.uid !== owner.uid) return refuse(`${file} is owned by uid ${stats.uid}, not ${owner.uid}`);
    if (stats.mode & GROUP_OR_OTHER_WRITE) return refuse(`${file} is writable by group or others (mode ${octal(stats.mode)})`);
    if (stats.size > MAX_PRIVATE_FILE_BYTES) return refuse(`${file} is larger than ${MAX_PRIVATE_FILE_BYTES} bytes`);
    const buffer = Buffer.alloc(stats.size);
    let done = 0;
    while (done < buffer.length) {
      const n = readSync(fd, buffer, done, buffer.length - done, done);
      if (n === 0) break;
      done += n;
    }
    return { ok: true, value: buffer.toString('utf8', 0, done) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return refuse(`${file} is a symbolic link`);
    if (code === 'ENOENT') return refuse(`${file} does not exist`);
    return refuse(`${file}: ${(error as Error).message}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
