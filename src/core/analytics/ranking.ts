// Ranks with ties averaged ("fractional" ranking), as scipy.stats.rankdata(method='average')
// and therefore as spearmanr. O(n log n): one sort of an index array.

/** 1-based ranks of finite values; tied values share the mean of the positions they span. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((i, j) => (values[i] as number) - (values[j] as number));
  const ranks = new Float64Array(n);
  let start = 0;
  while (start < n) {
    const value = values[order[start] as number];
    let end = start + 1;
    while (end < n && values[order[end] as number] === value) end++;
    // Positions start+1 … end (1-based) are tied; their mean is (start + 1 + end) / 2.
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k] as number] = rank;
    start = end;
  }
  return ranks;
}
