/**
 * The text of the progress line: what is being done, how far it got, and for how long.
 * Pure, so its wording is tested apart from the terminal handling (progress.ts).
 */

export interface ProgressState {
  /** What is being done: `list-users`, `audit mfa, checking users`. */
  readonly label: string;
  /** Pages of a listing received so far (0: not a listing, not shown). */
  readonly pages: number;
  /** Items received or processed so far. */
  readonly items: number;
  /** How many items there are in all, when known (`120/300`). */
  readonly total?: number;
  /** Milliseconds since the work started. */
  readonly elapsedMs: number;
}

/** `list-users: 3 pages, 2500 items, 1.2s`, `checking users: 40/100, 0.3s`; counts left out while there are none. */
export function progressLine(state: ProgressState, maxWidth?: number): string {
  const parts: string[] = [];
  if (state.pages > 0) parts.push(`${state.pages} ${state.pages === 1 ? 'page' : 'pages'}`);
  if (state.total !== undefined) parts.push(`${state.items}/${state.total}`);
  else if (state.items > 0 || state.pages > 0) parts.push(`${state.items} ${state.items === 1 ? 'item' : 'items'}`);
  parts.push(`${(Math.max(0, state.elapsedMs) / 1000).toFixed(1)}s`);
  const line = `${state.label}: ${parts.join(', ')}`;
  // A line that wraps cannot be redrawn in place with a carriage return: keep it to one row.
  return maxWidth !== undefined && maxWidth > 1 && line.length >= maxWidth ? line.slice(0, maxWidth - 1) : line;
}
