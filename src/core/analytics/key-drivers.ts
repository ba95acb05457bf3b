// Key-driver analysis: how strongly each aspect rating moves with the outcome (loyalty)
// rating, overall and for core-growth customers against the rest.
import type { SurveyColumns } from '../ports/repositories.js';
import { pearson, spearman, type CorrelationNullReason } from './correlation.js';
import { nps, outcomeScale, type NpsResult, type OutcomeScale } from './nps.js';

export interface KeyDriverOptions {
  /** An aspect rating meaning "not applicable" (e.g. 0); treated as missing. The outcome keeps it. */
  naValue?: number | null;
  /** Fewer complete pairs than this flags an aspect as too few to trust. Default 30. */
  minN?: number;
}

export interface AspectResult {
  aspect: string;
  /** Pearson's r against the outcome. */
  r: number | null;
  /** Spearman's ρ against the outcome. */
  rho: number | null;
  /** Rows where both the aspect and the outcome are present. */
  n: number;
  /** Two-sided p-value of r. */
  p: number | null;
  /** Two-sided p-value of ρ (scipy's t approximation). */
  rhoP: number | null;
  /** 95% CI of r from Fisher's z. */
  ci95: readonly [number, number] | null;
  tooFew: boolean;
  /** Why r is null, if it is. */
  reason: CorrelationNullReason | null;
}

export interface KeyDriverReport {
  /** Aspects by r, highest first; aspects with no r come last. */
  overall: AspectResult[];
  /** Null for a segment with no rows. */
  segments: { coreGrowth: AspectResult[] | null; rest: AspectResult[] | null };
  /** NPS of the outcome, when the outcome is on a 0–10 scale. */
  nps: NpsResult | null;
  outcomeScale: OutcomeScale;
  /** Rows with an outcome present (after removing the "not applicable" value). */
  n: number;
  /** All rows. */
  rows: number;
}

export const DEFAULT_MIN_N = 30;
const CORE_GROWTH = 1;
const REST = 0;

/** A copy of `column` with the "not applicable" value turned into NaN. */
function withoutNa(column: Float64Array, naValue: number | null): Float64Array {
  const out = Float64Array.from(column);
  if (naValue === null) return out;
  for (let i = 0; i < out.length; i++) if (out[i] === naValue) out[i] = Number.NaN;
  return out;
}

const select = (column: Float64Array, rows: Uint32Array): Float64Array =>
  Float64Array.from(rows, (row) => column[row] as number);

function rowsOfSegment(coreGrowth: Int8Array, code: number): Uint32Array {
  const rows: number[] = [];
  for (let i = 0; i < coreGrowth.length; i++) if (coreGrowth[i] === code) rows.push(i);
  return Uint32Array.from(rows);
}

// Null r sorts last; equal r falls back to the aspect name so the order is deterministic.
function compareAspects(a: AspectResult, b: AspectResult): number {
  if (a.r === null || b.r === null) return (a.r === null ? 1 : 0) - (b.r === null ? 1 : 0);
  return b.r - a.r || (a.aspect < b.aspect ? -1 : a.aspect > b.aspect ? 1 : 0);
}

function analyseAspect(
  aspect: string,
  rating: Float64Array,
  outcome: Float64Array,
  minN: number,
): AspectResult {
  const r = pearson(rating, outcome);
  const rho = spearman(rating, outcome);
  return {
    aspect,
    r: r.r,
    rho: rho.r,
    n: r.n,
    p: r.p,
    rhoP: rho.p,
    ci95: r.ci95,
    tooFew: r.n < minN,
    reason: r.reason,
  };
}

function analyseAll(
  ratings: ReadonlyMap<string, Float64Array>,
  outcome: Float64Array,
  minN: number,
): AspectResult[] {
  const results = [...ratings].map(([aspect, rating]) =>
    analyseAspect(aspect, rating, outcome, minN),
  );
  return results.sort(compareAspects);
}

function analyseSegment(
  ratings: ReadonlyMap<string, Float64Array>,
  outcome: Float64Array,
  rows: Uint32Array,
  minN: number,
): AspectResult[] | null {
  if (rows.length === 0) return null;
  const subset = new Map([...ratings].map(([aspect, col]) => [aspect, select(col, rows)]));
  return analyseAll(subset, select(outcome, rows), minN);
}

/** Cleaned rating columns; an aspect with no column (absent from an import) is all NaN. */
function cleanRatings(columns: SurveyColumns, naValue: number | null): Map<string, Float64Array> {
  const length = columns.outcome.length;
  const cleaned = new Map<string, Float64Array>();
  for (const aspect of columns.aspects) {
    const column = columns.ratings[aspect] ?? new Float64Array(length).fill(Number.NaN);
    if (column.length !== length) {
      throw new RangeError(`Aspect "${aspect}" has ${column.length} rows; outcome has ${length}.`);
    }
    cleaned.set(aspect, withoutNa(column, naValue));
  }
  return cleaned;
}

/** Key-driver analysis of survey columns: correlations overall and per segment, plus NPS. */
export function keyDrivers(
  columns: SurveyColumns,
  options: KeyDriverOptions = {},
): KeyDriverReport {
  const naValue = options.naValue ?? null;
  const minN = options.minN ?? DEFAULT_MIN_N;
  if (columns.coreGrowth.length !== columns.outcome.length) {
    throw new RangeError('coreGrowth and outcome columns differ in length.');
  }
  // "Not applicable" applies to aspects only: 0 is a real score on an NPS outcome.
  const outcome = Float64Array.from(columns.outcome);
  const ratings = cleanRatings(columns, naValue);
  const scale = outcomeScale(outcome);
  const npsResult = scale === 'nps-0-10' ? nps(outcome) : null;
  return {
    overall: analyseAll(ratings, outcome, minN),
    segments: {
      coreGrowth: analyseSegment(
        ratings,
        outcome,
        rowsOfSegment(columns.coreGrowth, CORE_GROWTH),
        minN,
      ),
      rest: analyseSegment(ratings, outcome, rowsOfSegment(columns.coreGrowth, REST), minN),
    },
    nps: npsResult,
    outcomeScale: scale,
    n: outcome.filter(Number.isFinite).length,
    rows: outcome.length,
  };
}
