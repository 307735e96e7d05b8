/**
 * Where a listing that stopped on a failed request resumes (paginate's progress, resume-hint.ts):
 * pages are what a scripted server returns for a Marker; the request numbered `failOn` fails.
 */
import { describe, expect, it } from 'vitest';
import { paginate, type ListingProgress } from '../../src/paginate/paginator.js';
import { resumeHint, START_TOKEN } from '../../src/paginate/resume-hint.js';
import { decodeToken, encodeToken } from '../../src/paginate/token.js';
import type { Value, ValueMap } from '../../src/value/value.js';

const ITEMS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7'];

/** A server of ITEMS, `serverPage` a page (Marker = index), whose request number `failOn` fails. */
function scriptedServer(failOn: number, serverPage = 3) {
  let requests = 0;
  return async (params: ValueMap): Promise<ValueMap> => {
    if (++requests === failOn) throw new Error('Throttling');
    const start = Number(params.get('Marker') ?? 0);
    const size = Number(params.get('MaxItems') ?? serverPage);
    const truncated = start + size < ITEMS.length;
    return new Map<string, Value>([
      ['Items', ITEMS.slice(start, start + size)],
      ['IsTruncated', truncated],
      ...(truncated ? [['Marker', String(start + size)] as [string, Value]] : []),
    ]);
  };
}

type Config = Parameters<typeof paginate>[3];

/** Runs a listing whose request number `failOn` fails; returns what was yielded and the progress. */
async function stoppedListing(failOn: number, config: Config = {}) {
  const progress: ListingProgress = { pages: 0 };
  const yielded: Value[] = [];
  const listing = paginate(['Items'], scriptedServer(failOn), new Map(), config, progress);
  await expect(async () => {
    for (let s = await listing.next(); !s.done; s = await listing.next()) yielded.push(...(s.value.get('Items') as Value[]));
  }).rejects.toThrow('Throttling');
  return { yielded, progress };
}

/** The items of a healthy listing from a token. */
async function listFrom(token: string, config: Config = {}) {
  const yielded: Value[] = [];
  for await (const page of paginate(['Items'], scriptedServer(0), new Map(), { ...config, startingToken: token })) {
    yielded.push(...(page.get('Items') as Value[]));
  }
  return yielded;
}

const tokenOf = (hint: string | undefined) => /--starting-token (\S+)\n$/.exec(hint ?? '')?.[1];
const started = encodeToken(new Map<string, Value>([['Marker', null], ['boto_truncate_amount', 1]]));

describe('resume hint', () => {
  it.each([
    // name, failing request, config, format, yielded before the failure, the hint's token (decoded) or none
    ['first request fails: no hint', 1, {}, 'text', [], undefined],
    ['page 3 fails, text: the page that failed', 3, {}, 'text', ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'], { Marker: '6' }],
    ['page 2 fails, yaml-stream', 2, {}, 'yaml-stream', ['u1', 'u2', 'u3'], { Marker: '3' }],
    ['page 3 fails, --page-size 2', 3, { pageSize: 2n }, 'text', ['u1', 'u2', 'u3', 'u4'], { Marker: '4' }],
    ['page 3 fails, json: from the start', 3, {}, 'json', ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'], { Marker: null }],
    ['page 2 fails, table: from the start', 2, {}, 'table', ['u1', 'u2', 'u3'], { Marker: null }],
    ['page 2 fails, yaml, run started from a token: that token', 2, { startingToken: started }, 'yaml', ['u2', 'u3'], { Marker: null, skip: 1 }],
    ['page 2 fails, text, run started from a token: the failed page', 2, { startingToken: started }, 'text', ['u2', 'u3'], { Marker: '3' }],
  ] as const)('%s', async (_name, failOn, config, format, yielded, token) => {
    const run = await stoppedListing(failOn, config);
    expect(run.yielded).toEqual(yielded);
    const hint = resumeHint(run.progress, format, (config as { startingToken?: string }).startingToken);
    if (token === undefined) return void expect(hint).toBeUndefined();
    const decoded = decodeToken(tokenOf(hint)!);
    expect({ ...Object.fromEntries(decoded.params), ...(decoded.skip ? { skip: decoded.skip } : {}) }).toEqual(token);
  });

  it.each([
    ['text', 3, {}],
    ['yaml-stream', 2, { pageSize: 2n }],
    ['text', 2, { startingToken: started }],
  ] as const)('%s: the failed run plus the resumed run is the whole listing (request %i fails)', async (format, failOn, config) => {
    const run = await stoppedListing(failOn, config);
    const rest = await listFrom(tokenOf(resumeHint(run.progress, format, (config as { startingToken?: string }).startingToken))!, config);
    const from = (config as { startingToken?: string }).startingToken ? 1 : 0;
    expect([...run.yielded, ...rest]).toEqual(ITEMS.slice(from));
  });

  it('json printed nothing, so its token lists everything', async () => {
    const run = await stoppedListing(3, {});
    expect(tokenOf(resumeHint(run.progress, 'json', undefined))).toBe(START_TOKEN);
    expect(await listFrom(START_TOKEN)).toEqual(ITEMS);
  });
});
