/**
 * What every credential source hands back, and botocore's rules for credentials that expire
 * (RefreshableCredentials): within 15 minutes of expiry they are refreshed once before use;
 * a refresh that fails is an error only within 10 minutes of expiry; refreshed credentials
 * that are still expired are refused with botocore's RuntimeError text.
 */
import { CliError } from '../errors/cli-error.js';

export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiration?: Date;
  readonly accountId?: string;
}

const ADVISORY_MS = 15 * 60 * 1000;
const MANDATORY_MS = 10 * 60 * 1000;

export const STILL_EXPIRED = 'Credentials were refreshed, but the refreshed credentials are still expired.';

/** Python's errno texts for the failures a credential source meets opening a file or program. */
const ERRNO: Record<string, [number, string]> = {
  ENOENT: [2, 'No such file or directory'],
  EACCES: [13, 'Permission denied'],
  EPERM: [1, 'Operation not permitted'],
  EISDIR: [21, 'Is a directory'],
  ENOTDIR: [20, 'Not a directory'],
  ELOOP: [40, 'Too many levels of symbolic links'],
  ENAMETOOLONG: [36, 'File name too long'],
  ENOEXEC: [8, 'Exec format error'],
};

/** `[Errno 2] No such file or directory: '<path>'`, as Python's OSError prints, for a Node error. */
export function osErrorMessage(error: unknown, path: string, repr: (s: string) => string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const known = ERRNO[code];
  if (!known) return `${(error as Error)?.message ?? String(error)}`;
  return `[Errno ${known[0]}] ${known[1]}: ${repr(path)}`;
}

/**
 * Credentials as botocore uses them once loaded: refreshed first when they expire within the
 * advisory window (the source is asked again), refused when still expired afterwards.
 */
export async function usable(
  initial: Credentials,
  refresh: (() => Promise<Credentials>) | undefined,
  now: () => number,
): Promise<Credentials> {
  const remaining = (c: Credentials) => (c.expiration ? c.expiration.getTime() - now() : Infinity);
  if (remaining(initial) >= ADVISORY_MS) return initial;
  let next = initial;
  if (refresh) {
    try {
      next = await refresh();
    } catch (error) {
      if (remaining(initial) < MANDATORY_MS) throw error;
      return initial;
    }
  }
  if (remaining(next) < 0) throw new CliError('general', STILL_EXPIRED);
  return next;
}
