/**
 * The AWS CLI's paginator for IAM (input and output token `Marker`, more-results flag
 * `IsTruncated`, limit key `MaxItems`), as botocore's PageIterator behaves: pages are fetched
 * lazily, `--page-size` becomes `MaxItems` on every request, `--max-items` is a client-side cap
 * on the first result key only, and a run cut mid-page resumes with a token that says how many
 * items of that page were already printed.
 */
import { PyFloat, type Value, type ValueMap } from '../value/value.js';
import { decodeToken, encodeToken, TokenError } from './token.js';
import { pyRepr } from '../value/python-repr.js';

/** One request: the shaped response of the operation for these request members. */
export type FetchPage = (params: ValueMap) => Promise<ValueMap>;

export interface PaginationConfig {
  /** `--max-items`: client-side cap on the primary result key. */
  readonly maxItems?: bigint;
  /** `--page-size`: sent as MaxItems on every request. */
  readonly pageSize?: bigint;
  /** `--starting-token`. */
  readonly startingToken?: string;
}

export class PaginationError extends Error {}

/**
 * How far a listing got, kept up to date while it runs, so that a listing stopped by a failed
 * request can say where to resume (see resume-hint.ts).
 */
export interface ListingProgress {
  /** Pages received (and handed to the caller) so far. */
  pages: number;
  /** Set when a request failed: the token that asks for the page that request was fetching. */
  failedAt?: string;
}

/** Yields the pages to print; returns the NextToken to print, if the run was cut short. */
export async function* paginate(
  resultKeys: readonly string[],
  fetch: FetchPage,
  baseParams: ValueMap,
  config: PaginationConfig,
  progress: ListingProgress = { pages: 0 },
): AsyncGenerator<ValueMap, string | undefined> {
  const [primaryKey, ...secondaryKeys] = resultKeys;
  const params = new Map(baseParams);
  let requestToken: ValueMap = new Map([['Marker', null]]);
  let skip: Value = 0;
  if (config.startingToken !== undefined) {
    const decoded = decodeToken(config.startingToken);
    requestToken = decoded.params;
    skip = decoded.skip;
    injectToken(params, requestToken);
  }
  if (config.pageSize !== undefined) params.set('MaxItems', Number(config.pageSize));

  const maxItems = config.maxItems;
  let total = 0n;
  let firstPage = true;
  let previousToken: string | undefined;
  for (;;) {
    let page: ValueMap;
    try {
      page = await fetch(params);
    } catch (error) {
      // The page this request asked for was not printed: resuming means asking for it again.
      // (Only meaningful once a page came: the first request re-asks for the starting token.)
      progress.failedAt = encodeToken(requestToken);
      throw error;
    }
    progress.pages++;
    let startingTruncation = 0n;
    if (firstPage && config.startingToken !== undefined) {
      startingTruncation = applyResumeSkip(page, primaryKey, secondaryKeys, skip);
    }
    firstPage = false;
    const items = page.get(primaryKey);
    const count = BigInt(Array.isArray(items) ? items.length : typeof items === 'string' ? [...items].length : 0);
    if (maxItems !== undefined && total + count - maxItems > 0n) {
      const keep = count - (total + count - maxItems);
      page.set(primaryKey, pySlice(Array.isArray(items) ? items : [], keep));
      yield page;
      const token = new Map(requestToken);
      token.set('boto_truncate_amount', Number(keep + startingTruncation));
      return encodeToken(token);
    }
    yield page;
    total += count;
    const next = nextToken(page);
    if (next === undefined) return undefined;
    if (maxItems !== undefined && total === maxItems) return encodeToken(next);
    const fingerprint = pyDictRepr(next);
    if (previousToken === fingerprint) {
      throw new PaginationError(`Error during pagination: The same next token was received twice: ${fingerprint}`);
    }
    previousToken = fingerprint;
    injectToken(params, next);
    requestToken = next;
  }
}

/** Sets the token's members on the request; a null or 'None' value removes the member. */
function injectToken(params: ValueMap, token: ValueMap): void {
  for (const [name, value] of token) {
    if (value !== null && value !== 'None') params.set(name, value);
    else params.delete(name);
  }
}

/** The marker for the next request, or undefined when the listing is complete. */
function nextToken(page: ValueMap): ValueMap | undefined {
  if (!isPyTruthy(page.get('IsTruncated'))) return undefined;
  const marker = page.get('Marker');
  if (!isPyTruthy(marker)) return undefined;
  return new Map([['Marker', marker!]]);
}

const isPyTruthy = (v: Value | undefined): boolean =>
  !(v === undefined || v === null || v === false || v === '' || v === 0 || (Array.isArray(v) && v.length === 0));

/**
 * First page of a resumed run: drop the items already printed from the primary key and blank
 * the other result keys (they were printed in full before). Returns the skip as an integer.
 */
function applyResumeSkip(page: ValueMap, primaryKey: string, secondaryKeys: readonly string[], skip: Value): bigint {
  const items = page.get(primaryKey);
  const amount = sliceIndex(skip);
  if (Array.isArray(items)) page.set(primaryKey, amount === null ? items : items.slice(Number(amount)));
  else page.set(primaryKey, null);
  for (const key of secondaryKeys) {
    const sample = page.get(key);
    page.set(key, Array.isArray(sample) ? [] : typeof sample === 'string' ? '' : typeof sample === 'number' ? sample : null);
  }
  return amount ?? 0n;
}

/** Python slice-index rules for the token's truncate amount (ints and bools; None = no skip). */
function sliceIndex(v: Value): bigint | null {
  if (v === null) return null;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'number') return BigInt(v);
  throw new TokenError('slice indices must be integers or None or have an __index__ method');
}

/** Python's `items[:keep]`, including negative `keep`. */
function pySlice(items: Value[], keep: bigint): Value[] {
  return keep >= 0n ? items.slice(0, Number(keep)) : items.slice(0, Math.max(0, items.length + Number(keep)));
}

/** Python's repr of a small dict of strings, as PaginationError prints the token. */
/** Python's repr of the token dict (strings escaped and quoted as repr does). */
function pyDictRepr(token: ValueMap): string {
  return pyRepr(token);
}
