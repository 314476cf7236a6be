/** Beyond this many differing lines the middle of two texts is treated as wholly different. */
const MAX_EDIT_DISTANCE = 4000;

/**
 * Pairs of equal lines `[indexInA, indexInB]` of a longest common subsequence (Myers' O(ND)
 * algorithm after trimming the common start and end), in increasing order.
 */
export function matchLines(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const pairs: Array<[number, number]> = [];
  for (let index = 0; index < start; index += 1) pairs.push([index, index]);
  pairs.push(...middleMatches(a, b, start, endA, start, endB));
  for (let offset = 0; offset < a.length - endA; offset += 1) pairs.push([endA + offset, endB + offset]);
  return pairs;
}

function middleMatches(
  a: readonly string[],
  b: readonly string[],
  startA: number,
  endA: number,
  startB: number,
  endB: number,
): Array<[number, number]> {
  const n = endA - startA;
  const m = endB - startB;
  if (n === 0 || m === 0) return [];
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d += 1) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[startA + x] === b[startB + y]) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  if (!found) return [];
  // Walk the trace back from the end, collecting the diagonal (equal) steps.
  const pairs: Array<[number, number]> = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d -= 1) {
    const previous = trace[d]!;
    const k = x - y;
    const previousK = k === -d || (k !== d && previous[offset + k - 1]! < previous[offset + k + 1]!) ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : previous[offset + previousK]!;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      x -= 1;
      y -= 1;
      pairs.push([startA + x, startB + y]);
    }
    if (d === 0) break;
    x = previousX;
    y = previousY;
  }
  return pairs.reverse();
}
