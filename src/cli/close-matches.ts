/**
 * Python's `difflib.get_close_matches(word, choices, n=3, cutoff=0.8)`, which the CLI uses for
 * "Maybe you meant": ratio 2·M/T from the longest-matching-block recursion, best first.
 */
export function closeMatches(word: string, choices: readonly string[], n = 3, cutoff = 0.8): string[] {
  const scored = choices
    .map((choice) => ({ choice, score: ratio(choice, word) }))
    .filter((s) => s.score >= cutoff);
  // Python sorts by (score, choice) descending and keeps the first n.
  scored.sort((a, b) => b.score - a.score || (a.choice < b.choice ? 1 : a.choice > b.choice ? -1 : 0));
  return scored.slice(0, n).map((s) => s.choice);
}

function ratio(a: string, b: string): number {
  const total = a.length + b.length;
  return total === 0 ? 1 : (2 * matchingCharacters(a, 0, a.length, b, 0, b.length)) / total;
}

/** Characters in matching blocks, found as SequenceMatcher finds them (no junk heuristics). */
function matchingCharacters(a: string, alo: number, ahi: number, b: string, blo: number, bhi: number): number {
  let bestI = alo;
  let bestJ = blo;
  let bestSize = 0;
  for (let i = alo; i < ahi; i++) {
    for (let j = blo; j < bhi; j++) {
      let k = 0;
      while (i + k < ahi && j + k < bhi && a[i + k] === b[j + k]) k++;
      if (k > bestSize) {
        bestI = i;
        bestJ = j;
        bestSize = k;
      }
    }
  }
  if (bestSize === 0) return 0;
  return (
    bestSize +
    matchingCharacters(a, alo, bestI, b, blo, bestJ) +
    matchingCharacters(a, bestI + bestSize, ahi, b, bestJ + bestSize, bhi)
  );
}
