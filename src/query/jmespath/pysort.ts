/**
 * Python's `sorted`, `min` and `max` in terms of a `<` that may be inconsistent (NaN), so that
 * even those inputs come out as in Python.
 */

/**
 * Python's list sort: stable and driven only by `lt`. Below 64 items CPython's timsort is a
 * single run detection plus binary insertion, reproduced here exactly; longer lists use a stable
 * merge sort, identical whenever `lt` is a consistent order.
 */
export function pySorted<T>(items: readonly T[], lt: (a: T, b: T) => boolean): T[] {
  const a = [...items];
  const n = a.length;
  if (n < 2) return a;
  if (n >= 64) return mergeSort(a, lt);
  // count_run: a strictly descending run is reversed, otherwise take the non-descending run.
  let run = 2;
  if (lt(a[1], a[0])) {
    while (run < n && lt(a[run], a[run - 1])) run++;
    a.splice(0, run, ...a.slice(0, run).reverse());
  } else {
    while (run < n && !lt(a[run], a[run - 1])) run++;
  }
  // binarysort: insert each remaining item after any equal ones.
  for (let i = run; i < n; i++) {
    const pivot = a[i];
    let l = 0;
    let r = i;
    do {
      const mid = l + ((r - l) >> 1);
      if (lt(pivot, a[mid])) r = mid;
      else l = mid + 1;
    } while (l < r);
    a.splice(i, 1);
    a.splice(l, 0, pivot);
  }
  return a;
}

function mergeSort<T>(a: T[], lt: (a: T, b: T) => boolean): T[] {
  if (a.length < 2) return a;
  const mid = a.length >> 1;
  const left = mergeSort(a.slice(0, mid), lt);
  const right = mergeSort(a.slice(mid), lt);
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    out.push(lt(right[j], left[i]) ? right[j++] : left[i++]);
  }
  return out.concat(left.slice(i), right.slice(j));
}

/**
 * `max(items)` / `min(items)`: the first item wins ties; an item replaces the best one only if
 * `better(item, best)` (Python's `>` for max, `<` for min).
 */
export function pyBest<T>(items: Iterable<T>, better: (item: T, best: T) => boolean): T | undefined {
  let best: T | undefined;
  let first = true;
  for (const item of items) {
    if (first || better(item, best as T)) best = item;
    first = false;
  }
  return best;
}
