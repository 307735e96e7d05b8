/**
 * Python orders `str` by code point; JavaScript's `<` orders UTF-16 code units, which puts
 * astral characters (surrogates, U+D800…) before U+E000–U+FFFF. Both the text and the YAML
 * formatters sort keys, so both use this comparator.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Only a surrogate against a non-surrogate at or above U+E000 orders differently.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** Keys of a map sorted as Python's `sorted()` sorts them. */
export const sortedKeys = (keys: Iterable<string>): string[] => [...keys].sort(compareCodePoints);
