import { expect } from 'vitest';

/** The lines of one section of a plain help page (from its title to the next title), without the title. */
export function section(text: string, title: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(title);
  expect(start, `section ${title}`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && /^[A-Z]/.test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}
