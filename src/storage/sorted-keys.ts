/** Keys kept in ascending order (by character code, as both stores order them), found by binary search. */

/** Where `key` is in ascending `keys`, or where it would go. */
export function sortedIndex(keys: readonly string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (keys[mid] < key) low = mid + 1;
    else high = mid;
  }
  return low;
}
