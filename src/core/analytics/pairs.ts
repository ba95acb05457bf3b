// Pairwise deletion: a pair takes part only when both of its values are finite numbers.
// NaN (and ±Infinity) mean "missing", which is how SurveyColumns encodes blanks.

export interface CompletePairs {
  x: Float64Array;
  y: Float64Array;
}

/** The pairs (x[i], y[i]) where both values are finite, in their original order. */
export function completePairs(x: ArrayLike<number>, y: ArrayLike<number>): CompletePairs {
  if (x.length !== y.length) {
    throw new RangeError(`Paired series differ in length: ${x.length} vs ${y.length}.`);
  }
  const outX = new Float64Array(x.length);
  const outY = new Float64Array(x.length);
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const yi = y[i] as number;
    if (Number.isFinite(xi) && Number.isFinite(yi)) {
      outX[n] = xi;
      outY[n] = yi;
      n++;
    }
  }
  // subarray shares the buffer: no second copy.
  return { x: outX.subarray(0, n), y: outY.subarray(0, n) };
}
