/**
 * The paginator over a scripted client (moto paginates only some operations): pages are what
 * each case says the server returns for a Marker; the expectations are botocore's.
 */
import { describe, expect, it } from 'vitest';
import { paginate, PaginationError } from '../../src/paginate/paginator.js';
import { decodeToken, encodeToken } from '../../src/paginate/token.js';
import type { Value, ValueMap } from '../../src/value/value.js';

/** A server holding `items`, answering `MaxItems` (default `serverPage`) per page, Marker = index. */
function scriptedServer(items: string[], serverPage = 100) {
  const requests: Record<string, Value>[] = [];
  const fetch = async (params: ValueMap): Promise<ValueMap> => {
    requests.push(Object.fromEntries(params));
    const start = Number(params.get('Marker') ?? 0);
    const size = Number(params.get('MaxItems') ?? serverPage);
    const page = items.slice(start, start + size);
    const truncated = start + size < items.length;
    return new Map<string, Value>([
      ['Items', page],
      ['IsTruncated', truncated],
      ...(truncated ? [['Marker', String(start + size)] as [string, Value]] : []),
    ]);
  };
  return { fetch, requests };
}

async function runPaginator(items: string[], config: Parameters<typeof paginate>[3], serverPage?: number) {
  const server = scriptedServer(items, serverPage);
  const gen = paginate(['Items'], server.fetch, new Map(), config);
  const printed: Value[] = [];
  let step = await gen.next();
  while (!step.done) {
    printed.push(...(step.value.get('Items') as Value[]));
    step = await gen.next();
  }
  const token = step.value ? Object.fromEntries(decodeToken(step.value).params) : undefined;
  const skip = step.value ? decodeToken(step.value).skip : undefined;
  return { printed: printed.join(' '), token, skip, requests: server.requests };
}

const five = ['d1', 'd2', 'd3', 'd4', 'd5'];
const t = (marker: string | null, amount?: number) =>
  encodeToken(new Map<string, Value>([['Marker', marker], ...(amount === undefined ? [] : [['boto_truncate_amount', amount] as [string, Value]])]));

describe('paginate', () => {
  it.each([
    ['no flags', {}, 100, 'd1 d2 d3 d4 d5', undefined, undefined],
    ['server pages of 2', {}, 2, 'd1 d2 d3 d4 d5', undefined, undefined],
    ['--max-items 2', { maxItems: 2n }, 100, 'd1 d2', { Marker: null }, 2],
    ['--max-items 5 (ends exactly: no token)', { maxItems: 5n }, 100, 'd1 d2 d3 d4 d5', undefined, undefined],
    ['--max-items 2 --page-size 2 (page boundary)', { maxItems: 2n, pageSize: 2n }, 100, 'd1 d2', { Marker: '2' }, 0],
    ['--max-items 3 --page-size 2', { maxItems: 3n, pageSize: 2n }, 100, 'd1 d2 d3', { Marker: '2' }, 1],
    ['--max-items 0', { maxItems: 0n }, 100, '', { Marker: null }, 0],
    ['--max-items -2 (Python slice)', { maxItems: -2n }, 100, 'd1 d2 d3', { Marker: null }, -2],
    ['resume amount 2, --max-items 2', { startingToken: t(null, 2), maxItems: 2n }, 100, 'd3 d4', { Marker: null }, 4],
    ['resume amount 4', { startingToken: t(null, 4) }, 100, 'd5', undefined, undefined],
    ['resume Marker 2 amount 1, --page-size 2', { startingToken: t('2', 1), pageSize: 2n }, 100, 'd4 d5', undefined, undefined],
    ['resume amount 4 with --page-size 1 (skip on first page only)', { startingToken: t(null, 4), pageSize: 1n }, 100, 'd2 d3 d4 d5', undefined, undefined],
    ['legacy token 2___1', { startingToken: '2___1' }, 100, 'd4 d5', undefined, undefined],
    ['legacy token None___2', { startingToken: 'None___2' }, 100, 'd3 d4 d5', undefined, undefined],
  ])('%s', async (_name, config, serverPage, printed, token, skip) => {
    const r = await runPaginator(five, config, serverPage);
    expect(r.printed).toBe(printed);
    expect(r.token).toEqual(token);
    if (token) expect(r.skip).toBe(skip);
  });

  it('sends --page-size as MaxItems on every request and never sends --max-items', async () => {
    const r = await runPaginator(five, { maxItems: 3n, pageSize: 2n });
    expect(r.requests).toEqual([{ MaxItems: 2 }, { MaxItems: 2, Marker: '2' }]);
  });

  it('fails when the server sends the same marker twice', async () => {
    const fetch = async (): Promise<ValueMap> => new Map<string, Value>([['Items', ['x']], ['IsTruncated', true], ['Marker', 'm']]);
    const gen = paginate(['Items'], fetch, new Map(), {});
    await expect(async () => {
      for (let s = await gen.next(); !s.done; s = await gen.next());
    }).rejects.toThrow(new PaginationError("Error during pagination: The same next token was received twice: {'Marker': 'm'}"));
  });

  it('counts only the first result key and blanks the others on resume', async () => {
    const fetch = async (): Promise<ValueMap> =>
      new Map<string, Value>([['G', ['g1', 'g2', 'g3']], ['U', ['u1']], ['IsTruncated', false]]);
    const first = paginate(['G', 'U'], fetch, new Map(), { maxItems: 1n });
    const page = (await first.next()).value as ValueMap;
    expect([page.get('G'), page.get('U')]).toEqual([['g1'], ['u1']]);
    const token = (await first.next()).value as string;
    const resumed = paginate(['G', 'U'], fetch, new Map(), { startingToken: token });
    const page2 = (await resumed.next()).value as ValueMap;
    expect([page2.get('G'), page2.get('U')]).toEqual([['g2', 'g3'], []]);
  });
});

describe('NextToken bytes', () => {
  it.each([
    [t(null, 1), 'eyJNYXJrZXIiOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ=='],
    [t(null, 2), 'eyJNYXJrZXIiOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ=='],
    [t('2'), 'eyJNYXJrZXIiOiAiMiJ9'],
    [t('2', 1), 'eyJNYXJrZXIiOiAiMiIsICJib3RvX3RydW5jYXRlX2Ftb3VudCI6IDF9'],
  ])('%s', (ours, cli) => expect(ours).toBe(cli));
});
