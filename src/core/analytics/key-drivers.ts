// Key-driver analysis: how strongly each aspect rating moves with the outcome (loyalty)
// rating, overall and for core-growth customers against the rest.
//
// Every figure is a function of frequency tables (per segment and aspect, the counts of each
// (rating, outcome) pair; per segment, the counts of each outcome), so both entry points
// build those tables and share one analysis. Ranks with ties need only the counts too.
import type { SurveyColumns, SurveyCrosstabs } from '../ports/repositories.js';
import type { CorrelationNullReason, CorrelationResult } from './correlation.js';
import { crosstabPearson, crosstabSpearman, type CountTable } from './crosstab-correlation.js';
import {
  mergedTable,
  npsOfCounts,
  tabulateColumns,
  tabulateCrosstabs,
  type Tabulation,
} from './crosstabs.js';
import { outcomeScale, type NpsResult, type OutcomeScale } from './nps.js';

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
const NO_PAIRS: CountTable = { x: [], y: [], w: [] };

// Null r sorts last; equal r falls back to the aspect name so the order is deterministic.
export function compareAspects(a: AspectResult, b: AspectResult): number {
  if (a.r === null || b.r === null) return (a.r === null ? 1 : 0) - (b.r === null ? 1 : 0);
  return b.r - a.r || (a.aspect < b.aspect ? -1 : a.aspect > b.aspect ? 1 : 0);
}

/** One aspect's line of the report from its two coefficients (either path computes them). */
export function aspectResult(
  aspect: string,
  r: CorrelationResult,
  rho: CorrelationResult,
  minN: number,
): AspectResult {
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

const analyseAspect = (aspect: string, table: CountTable, minN: number): AspectResult =>
  aspectResult(aspect, crosstabPearson(table), crosstabSpearman(table), minN);

/** Every aspect in `aspects` order (which a stable sort keeps for ties of null r), then by r. */
function analyseAll(
  aspects: string[],
  tableOf: (aspect: string) => CountTable | undefined,
  minN: number,
): AspectResult[] {
  const results = aspects.map((aspect) => analyseAspect(aspect, tableOf(aspect) ?? NO_PAIRS, minN));
  return results.sort(compareAspects);
}

function analyseSegment(tabulation: Tabulation, code: number, minN: number): AspectResult[] | null {
  const segment = tabulation.segments.get(code);
  if (!segment || segment.rows === 0) return null;
  return analyseAll(tabulation.aspects, (aspect) => segment.pairs.get(aspect), minN);
}

/** The report from frequency tables: the one analysis both entry points share. */
function analyse(tabulation: Tabulation, minN: number): KeyDriverReport {
  const outcomes = [...tabulation.outcomes.keys()];
  const scale = outcomeScale(outcomes); // depends only on which values occur
  let n = 0;
  for (const count of tabulation.outcomes.values()) n += count;
  return {
    overall: analyseAll(tabulation.aspects, (aspect) => mergedTable(tabulation, aspect), minN),
    segments: {
      coreGrowth: analyseSegment(tabulation, CORE_GROWTH, minN),
      rest: analyseSegment(tabulation, REST, minN),
    },
    nps: scale === 'nps-0-10' ? npsOfCounts(tabulation.outcomes) : null,
    outcomeScale: scale,
    n,
    rows: tabulation.rows,
  };
}

/** Key-driver analysis of survey columns: correlations overall and per segment, plus NPS. */
export function keyDrivers(
  columns: SurveyColumns,
  options: KeyDriverOptions = {},
): KeyDriverReport {
  const length = columns.outcome.length;
  if (columns.coreGrowth.length !== length) {
    throw new RangeError('coreGrowth and outcome columns differ in length.');
  }
  for (const aspect of columns.aspects) {
    const column = columns.ratings[aspect];
    if (column && column.length !== length) {
      throw new RangeError(`Aspect "${aspect}" has ${column.length} rows; outcome has ${length}.`);
    }
  }
  // "Not applicable" applies to aspects only: 0 is a real score on an NPS outcome.
  const tabulation = tabulateColumns(columns, options.naValue ?? null);
  return analyse(tabulation, options.minN ?? DEFAULT_MIN_N);
}

/** The same analysis from stored frequency tables (SurveyRepository.crosstabs). */
export function keyDriversFromCrosstabs(
  tables: SurveyCrosstabs,
  options: KeyDriverOptions = {},
): KeyDriverReport {
  const tabulation = tabulateCrosstabs(tables, options.naValue ?? null);
  return analyse(tabulation, options.minN ?? DEFAULT_MIN_N);
}
