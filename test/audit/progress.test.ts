/**
 * The progress line with an injected clock: exact bytes on stderr for each sequence of events,
 * when it is switched off, and its wording.
 */
import { describe, expect, it } from 'vitest';
import { createProgress, progressEnabled, type Progress, type ProgressOptions } from '../../src/progress/progress.js';
import { progressLine } from '../../src/progress/progress-line.js';

type Step = { at: number; do: (p: Progress) => void };

function play(steps: Step[], options: ProgressOptions = {}, io: { env?: Record<string, string>; stderrIsTTY?: boolean; debug?: boolean; columns?: number } = {}) {
  let now = 1_000_000;
  const start = now;
  let stderr = '';
  const progress = createProgress(
    {
      env: io.env ?? {},
      stderrIsTTY: io.stderrIsTTY ?? true,
      stderr: { write: (t) => void (stderr += t) },
      now: () => now,
      columns: io.columns,
    },
    { debug: io.debug ?? false },
    'list-users',
    options,
  );
  for (const step of steps) {
    now = start + step.at;
    step.do(progress);
  }
  return stderr;
}

const page = (at: number, n: number): Step => ({ at, do: (p) => p.page(n) });
const clear = (at: number): Step => ({ at, do: (p) => p.clear() });
const L = (text: string) => `\r${text}\x1b[K`;
const ERASE = '\r\x1b[K';

describe('what reaches stderr', () => {
  const cases: { name: string; steps: Step[]; options?: ProgressOptions; stderr: string }[] = [
    {
      name: 'every page drawn in place, then erased',
      steps: [page(0, 100), page(140, 100), page(300, 50), clear(310)],
      stderr: L('list-users: 1 page, 100 items, 0.0s') + L('list-users: 2 pages, 200 items, 0.1s') + L('list-users: 3 pages, 250 items, 0.3s') + ERASE,
    },
    {
      name: 'at most one redraw per 100 ms',
      steps: [page(0, 1), page(50, 1), page(99, 1), page(100, 1), page(180, 1), page(240, 1)],
      stderr: L('list-users: 1 page, 1 item, 0.0s') + L('list-users: 4 pages, 4 items, 0.1s') + L('list-users: 6 pages, 6 items, 0.2s'),
    },
    {
      name: 'a listing shows nothing until its second page',
      options: { showAfterPages: 2 },
      steps: [page(0, 1000), page(400, 1000), clear(500)],
      stderr: L('list-users: 2 pages, 2000 items, 0.4s') + ERASE,
    },
    {
      name: 'quick work shows nothing and erases nothing',
      options: { showAfterMs: 250 },
      steps: [page(0, 5), page(200, 5), clear(210)],
      stderr: '',
    },
    {
      name: 'steps with a total, and counts reset per step',
      steps: [
        { at: 0, do: (p) => p.stage('listing users') },
        page(100, 100),
        { at: 200, do: (p) => p.stage('checking users', 100) },
        { at: 300, do: (p) => p.advance(40) },
        { at: 420, do: (p) => p.advance() },
        clear(430),
      ],
      stderr:
        L('list-users, listing users: 0.0s') +
        L('list-users, listing users: 1 page, 100 items, 0.1s') +
        L('list-users, checking users: 0/100, 0.2s') +
        L('list-users, checking users: 40/100, 0.3s') +
        L('list-users, checking users: 41/100, 0.4s') +
        ERASE,
    },
    {
      name: 'after a clear (a note was printed) the next update draws at once',
      steps: [page(0, 1), clear(10), page(20, 1), clear(30), clear(40)],
      stderr: L('list-users: 1 page, 1 item, 0.0s') + ERASE + L('list-users: 2 pages, 2 items, 0.0s') + ERASE,
    },
    { name: 'clear with nothing shown writes nothing', steps: [clear(0)], stderr: '' },
  ];
  for (const c of cases) it(c.name, () => expect(play(c.steps, c.options)).toBe(c.stderr));

  it('a line never wider than the terminal (it could not be redrawn in place)', () => {
    expect(play([page(0, 123456)], {}, { columns: 20 })).toBe(L('list-users: 1 page,'));
  });
});

describe('when progress is off', () => {
  const cases: { name: string; env?: Record<string, string>; stderrIsTTY?: boolean; debug?: boolean; on: boolean }[] = [
    { name: 'stderr on a terminal', on: true },
    { name: 'stderr not a terminal (piped, redirected)', stderrIsTTY: false, on: false },
    { name: '--debug', debug: true, on: false },
    { name: 'CI=true', env: { CI: 'true' }, on: false },
    { name: 'CI=1', env: { CI: '1' }, on: false },
    { name: 'CI set but empty', env: { CI: '' }, on: true },
    { name: 'AWS_IAM_NO_PROGRESS=1', env: { AWS_IAM_NO_PROGRESS: '1' }, on: false },
    { name: 'AWS_IAM_NO_PROGRESS=yes', env: { AWS_IAM_NO_PROGRESS: 'yes' }, on: false },
    { name: 'AWS_IAM_NO_PROGRESS=0', env: { AWS_IAM_NO_PROGRESS: '0' }, on: true },
    { name: 'TERM=dumb', env: { TERM: 'dumb' }, on: false },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const io = { env: c.env ?? {}, stderrIsTTY: c.stderrIsTTY ?? true, debug: c.debug };
      expect(progressEnabled(io, { debug: c.debug ?? false })).toBe(c.on);
      expect(play([page(0, 1), clear(1)], {}, io) !== '').toBe(c.on);
    });
  }
});

describe('the line', () => {
  const cases: [Parameters<typeof progressLine>[0], string][] = [
    [{ label: 'x', pages: 0, items: 0, elapsedMs: 0 }, 'x: 0.0s'],
    [{ label: 'x', pages: 1, items: 0, elapsedMs: 49 }, 'x: 1 page, 0 items, 0.0s'],
    [{ label: 'x', pages: 0, items: 1, elapsedMs: 1050 }, 'x: 1 item, 1.1s'],
    [{ label: 'x', pages: 0, items: 0, total: 0, elapsedMs: 0 }, 'x: 0/0, 0.0s'],
    [{ label: 'x', pages: 12, items: 12000, elapsedMs: 61_234 }, 'x: 12 pages, 12000 items, 61.2s'],
  ];
  for (const [state, line] of cases) it(line, () => expect(progressLine(state)).toBe(line));
});
