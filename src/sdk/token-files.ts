/**
 * The JSON token caches of the browser sign-ins (~/.aws/sso/cache, ~/.aws/login/cache), read as
 * botocore's JSONFileCache reads them: a file that is not there is a miss, one that is not a
 * JSON object is unreadable. Values keep Python's JSON semantics (key order, int or float), so
 * a refreshed token written back keeps every field it did not change exactly as it was.
 */
import { dumpJson, parseJson } from '../value/json.js';
import { isMap, type Value, type ValueMap } from '../value/value.js';
import { writePrivateFile } from '../fs/private-files.js';

export type TokenFile = ValueMap | undefined | 'unreadable';

export function readTokenFile(path: string, readText: (p: string) => string): TokenFile {
  let text: string;
  try {
    text = readText(path);
  } catch {
    return undefined;
  }
  try {
    const parsed = parseJson(text);
    return isMap(parsed) ? parsed : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** A field that is a string, else undefined. */
export const stringField = (token: ValueMap, key: string): string | undefined => {
  const value = token.get(key);
  return typeof value === 'string' ? value : undefined;
};

/**
 * Writes a refreshed token as the CLI does (one line of `json.dumps`), but through the
 * private-file rules (a new 0600 file renamed into place). Undefined when written, else why not.
 */
export function writeTokenFile(folder: string, name: string, token: Value): string | undefined {
  const written = writePrivateFile(folder, name, dumpJson(token));
  return written.ok ? undefined : written.reason;
}

/** `strftime('%Y-%m-%dT%H:%M:%SZ')` of a UTC time: whole seconds, truncated. */
export function utcSeconds(epochMs: number): string {
  return `${new Date(Math.floor(epochMs / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

/**
 * A time in a token file, read as dateutil reads the ones the CLIs write: ISO 8601 with `Z` or an
 * offset, and the `…T05:52:29UTC` of older caches (strftime's `%Z`); NaN when unreadable.
 */
export function parseTokenTime(text: string): number {
  return Date.parse(text.trim().replace(/ ?(UTC|GMT)$/i, 'Z'));
}
