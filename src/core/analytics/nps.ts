// Net Promoter Score and a guess at which rating scale an outcome column uses.

export interface NpsResult {
  /** % promoters − % detractors, in −100 … 100; null when there are no valid answers. */
  nps: number | null;
  /** Answers of 9 or 10. */
  promoters: number;
  /** Answers above 6 and below 9 (7 or 8 on the usual integer scale). */
  passives: number;
  /** Answers of 0 to 6. */
  detractors: number;
  /** Finite answers within 0 … 10; anything else is ignored. */
  n: number;
}

/** NPS over the finite values in 0 … 10 (NaN = missing). */
export function nps(values: ArrayLike<number>): NpsResult {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v) || v < 0 || v > 10) continue;
    if (v >= 9) promoters++;
    else if (v <= 6) detractors++;
    else passives++;
  }
  const n = promoters + passives + detractors;
  const score = n === 0 ? null : ((promoters - detractors) / n) * 100;
  return { nps: score, promoters, passives, detractors, n };
}

export type OutcomeScale = 'nps-0-10' | 'likert-1-5' | 'other';

/**
 * Which scale the finite values look like. Integers within 1 … 5 read as a 1–5 rating;
 * integers within 0 … 10 that use 0 or go above 5 read as 0–10; anything else is 'other'.
 */
export function outcomeScale(values: ArrayLike<number>): OutcomeScale {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    if (!Number.isInteger(v)) return 'other';
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  if (min > max || min < 0 || max > 10) return 'other';
  return min >= 1 && max <= 5 ? 'likert-1-5' : 'nps-0-10';
}

/** True when the values look like 0–10 likelihood-to-recommend answers. */
export function looksLikeNpsScale(values: ArrayLike<number>): boolean {
  return outcomeScale(values) === 'nps-0-10';
}
