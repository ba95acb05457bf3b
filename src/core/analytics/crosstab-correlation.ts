// Pearson and Spearman over a frequency table, where cell i stands for w[i] identical pairs
// (x[i], y[i]). They give what pearson() and spearman() in correlation.ts give on the expanded
// pairs, at a cost that grows with the distinct pairs instead of the rows: survey ratings on
// a 0–10 scale have at most 121 distinct pairs per aspect, however many responses there are.
import {
  coefficientFromSums,
  type CorrelationNullReason,
  type CorrelationResult,
} from './correlation.js';
import { correlationPValue, fisherCi95 } from './distributions.js';

/** Cells of a frequency table; repeated (x, y) cells are allowed and simply add up. */
export interface CountTable {
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  /** How many pairs each cell stands for. */
  readonly w: ArrayLike<number>;
}

/** Total count of the table's pairs. */
export function tableSize(table: CountTable): number {
  let total = 0;
  for (let i = 0; i < table.w.length; i++) total += table.w[i] as number;
  return total;
}

/**
 * Weighted r. Like pearsonCoefficient: means first, then centred sums, so large values do not
 * cancel; one square root of sxx·syy, so exactly linear data gives exactly ±1.
 */
function weightedCoefficient(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  w: ArrayLike<number>,
  total: number,
): { r: number | null; reason: CorrelationNullReason | null } {
  if (total < 2) return { r: null, reason: 'too-few-pairs' };
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < w.length; i++) {
    sumX += (w[i] as number) * (x[i] as number);
    sumY += (w[i] as number) * (y[i] as number);
  }
  const mx = sumX / total;
  const my = sumY / total;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < w.length; i++) {
    const wi = w[i] as number;
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxx += wi * dx * dx;
    syy += wi * dy * dy;
    sxy += wi * dx * dy;
  }
  return coefficientFromSums(sxx, syy, sxy, mx, my);
}

/**
 * Each cell's value replaced by the average rank its value takes among all the table's pairs:
 * a value held by c pairs, with `below` pairs under it, spans ranks below+1 … below+c.
 */
export function weightedAverageRanks(
  values: ArrayLike<number>,
  w: ArrayLike<number>,
): Float64Array {
  const counts = new Map<number, number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    counts.set(v, (counts.get(v) ?? 0) + (w[i] as number));
  }
  const rankOf = new Map<number, number>();
  let below = 0;
  for (const value of Float64Array.from(counts.keys()).sort()) {
    const count = counts.get(value) as number;
    rankOf.set(value, below + (count + 1) / 2);
    below += count;
  }
  return Float64Array.from(values, (v) => rankOf.get(v) as number);
}

function summarise(
  coefficient: { r: number | null; reason: CorrelationNullReason | null },
  n: number,
  withCi: boolean,
): CorrelationResult {
  const { r, reason } = coefficient;
  if (r === null) return { r, n, p: null, ci95: null, reason };
  return { r, n, p: correlationPValue(r, n), ci95: withCi ? fisherCi95(r, n) : null, reason };
}

/** Pearson's r of the table's pairs, with its p-value and Fisher 95% CI (as pearson()). */
export function crosstabPearson(table: CountTable): CorrelationResult {
  const n = tableSize(table);
  return summarise(weightedCoefficient(table.x, table.y, table.w, n), n, true);
}

/** Spearman's ρ of the table's pairs, ties given their average rank (as spearman()). */
export function crosstabSpearman(table: CountTable): CorrelationResult {
  const n = tableSize(table);
  if (n < 2) return summarise({ r: null, reason: 'too-few-pairs' }, n, false);
  const rx = weightedAverageRanks(table.x, table.w);
  const ry = weightedAverageRanks(table.y, table.w);
  return summarise(weightedCoefficient(rx, ry, table.w, n), n, false);
}
