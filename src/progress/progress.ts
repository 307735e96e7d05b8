/**
 * Progress on long work: one line on stderr, redrawn in place (`\r` … `ESC[K`), at most every
 * `minIntervalMs`, erased with `clear()` before anything else is printed. It is shown only when
 * a person is watching a terminal: stderr is a TTY, `--debug` is off (its lines would be torn
 * apart), CI is not set, TERM is not `dumb`, and AWS_IAM_NO_PROGRESS is unset (or `0`). It never
 * writes to stdout, so pipes and captured output are byte for byte what they were without it.
 *
 * Usage (a listing): `const p = createProgress(io, globals, 'list-users', { showAfterPages: 2 });`
 * then `p.page(items.length)` per page and `p.clear()` before the result (or an error) is written.
 */
import type { Io } from '../cli/io.js';
import { progressLine } from './progress-line.js';

export interface Progress {
  /** A page of a listing arrived with `itemCount` items. */
  page(itemCount: number): void;
  /** A new step of the work: a new label, counts back to zero, `total` items expected if known. */
  stage(label: string, total?: number): void;
  /** `count` more items of the current step are done. */
  advance(count?: number): void;
  /** Erases the line if it is shown; the next update draws it again. */
  clear(): void;
}

export interface ProgressOptions {
  /** Draw nothing before this much time has passed (no flash for quick work). Default 0. */
  readonly showAfterMs?: number;
  /** Draw nothing before this many pages have arrived (listings: "more than one page" = 2). Default 0. */
  readonly showAfterPages?: number;
  /** Least time between two redraws. Default 100 ms (at most ~10 redraws a second). */
  readonly minIntervalMs?: number;
}

/** The switches that turn progress off; only what createProgress needs of the global options. */
export interface ProgressSwitches {
  readonly debug: boolean;
}

export const NO_PROGRESS: Progress = { page() {}, stage() {}, advance() {}, clear() {} };

const ERASE = '\r\x1b[K';

/** Whether progress may be drawn at all for this invocation. */
export function progressEnabled(io: Pick<Io, 'env' | 'stderrIsTTY'>, switches: ProgressSwitches): boolean {
  if (!io.stderrIsTTY || switches.debug) return false;
  const { CI, TERM, AWS_IAM_NO_PROGRESS: off } = io.env;
  if (CI) return false;
  if (TERM === 'dumb') return false;
  return !off || off === '0';
}

export function createProgress(
  io: Pick<Io, 'env' | 'stderrIsTTY' | 'stderr' | 'now' | 'columns'>,
  switches: ProgressSwitches,
  label: string,
  options: ProgressOptions = {},
): Progress {
  if (!progressEnabled(io, switches)) return NO_PROGRESS;
  const showAfterMs = options.showAfterMs ?? 0;
  const showAfterPages = options.showAfterPages ?? 0;
  const minIntervalMs = options.minIntervalMs ?? 100;
  const startedAt = io.now();
  let current = label;
  let pages = 0;
  let totalPages = 0;
  let items = 0;
  let total: number | undefined;
  let shown = false;
  let lastDrawAt = -Infinity;

  const redraw = () => {
    const now = io.now();
    if (now - startedAt < showAfterMs || totalPages < showAfterPages) return;
    if (now - lastDrawAt < minIntervalMs) return;
    lastDrawAt = now;
    shown = true;
    const line = progressLine({ label: current, pages, items, total, elapsedMs: now - startedAt }, io.columns);
    io.stderr.write(`\r${line}\x1b[K`);
  };

  return {
    page(itemCount) {
      pages += 1;
      totalPages += 1;
      items += itemCount;
      redraw();
    },
    stage(name, expected) {
      current = `${label}, ${name}`;
      pages = 0;
      items = 0;
      total = expected;
      redraw();
    },
    advance(count = 1) {
      items += count;
      redraw();
    },
    clear() {
      if (shown) io.stderr.write(ERASE);
      shown = false;
      lastDrawAt = -Infinity;
    },
  };
}
