// Frequency tables for key-driver analysis, built from stored counts (SurveyCrosstabs) or
// counted from raw columns. Either way key drivers then runs on the tables alone.
import type { SurveyColumns, SurveyCrosstabs } from '../ports/repositories.js';
import type { CountTable } from './crosstab-correlation.js';
import type { NpsResult } from './nps.js';

/** One segment's rows and, per aspect, its table of (rating, outcome) pairs. */
export interface SegmentTables {
  rows: number;
  pairs: Map<string, CountTable>;
}

export interface Tabulation {
  /** Distinct, in first-seen order. */
  aspects: string[];
  /** By segment code: 1 core-growth, 0 the rest, anything else unknown. */
  segments: Map<number, SegmentTables>;
  /** Rows by outcome, over every segment; only present (finite) outcomes. */
  outcomes: Map<number, number>;
  /** All rows, with or without an outcome. */
  rows: number;
}

interface Cells {
  x: number[];
  y: number[];
  w: number[];
}

const newCells = (): Cells => ({ x: [], y: [], w: [] });

function segmentOf(segments: Map<number, SegmentTables>, code: number): SegmentTables {
  let segment = segments.get(code);
  if (!segment) {
    segment = { rows: 0, pairs: new Map() };
    segments.set(code, segment);
  }
  return segment;
}

/** Tables from stored counts, less pairs of an unlisted aspect or the "not applicable" rating. */
export function tabulateCrosstabs(tables: SurveyCrosstabs, naValue: number | null): Tabulation {
  const known = new Set(tables.aspects);
  const segments = new Map<number, SegmentTables>();
  const outcomes = new Map<number, number>();
  let rows = 0;
  for (const { segment, outcome, count } of tables.outcomes) {
    segmentOf(segments, segment).rows += count;
    rows += count;
    if (outcome !== null && Number.isFinite(outcome))
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + count);
  }
  const cells = new Map<number, Map<string, Cells>>();
  for (const { segment, aspect, rating, outcome, count } of tables.pairs) {
    if (!known.has(aspect) || rating === naValue) continue;
    if (!Number.isFinite(rating) || !Number.isFinite(outcome)) continue;
    let byAspect = cells.get(segment);
    if (!byAspect) cells.set(segment, (byAspect = new Map()));
    let table = byAspect.get(aspect);
    if (!table) byAspect.set(aspect, (table = newCells()));
    table.x.push(rating);
    table.y.push(outcome);
    table.w.push(count);
  }
  for (const [code, byAspect] of cells) segmentOf(segments, code).pairs = byAspect;
  return { aspects: [...known], segments, outcomes, rows };
}

/** Rows by segment code and present outcomes by value, in one pass over the columns. */
function countRows(columns: SurveyColumns, segments: Map<number, SegmentTables>) {
  const outcomes = new Map<number, number>();
  const { outcome, coreGrowth } = columns;
  for (let i = 0; i < outcome.length; i++) {
    segmentOf(segments, coreGrowth[i] as number).rows += 1;
    const y = outcome[i] as number;
    if (Number.isFinite(y)) outcomes.set(y, (outcomes.get(y) ?? 0) + 1);
  }
  return outcomes;
}

/**
 * One aspect's complete pairs counted per segment. Cells are found through a number key,
 * (rating id · outcomes + outcome id) · 256 + segment code + 128 (codes are Int8), so counting
 * a million rows costs a couple of Map lookups per row rather than building strings.
 */
function countAspect(
  rating: Float64Array,
  coreGrowth: Int8Array,
  outcomeIds: Int32Array,
  outcomeValues: number[],
  naValue: number | null,
): Map<number, Cells> {
  const ratingIds = new Map<number, number>();
  const cellOf = new Map<number, number>();
  const x: number[] = [];
  const y: number[] = [];
  const code: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < rating.length; i++) {
    const v = rating[i] as number;
    const o = outcomeIds[i] as number;
    if (o < 0 || !Number.isFinite(v) || v === naValue) continue;
    let r = ratingIds.get(v);
    if (r === undefined) ratingIds.set(v, (r = ratingIds.size));
    const segment = coreGrowth[i] as number;
    const key = (r * outcomeValues.length + o) * 256 + segment + 128;
    const cell = cellOf.get(key);
    if (cell !== undefined) (w[cell] as number) += 1;
    else {
      cellOf.set(key, w.length);
      x.push(v);
      y.push(outcomeValues[o] as number);
      code.push(segment);
      w.push(1);
    }
  }
  const bySegment = new Map<number, Cells>();
  for (let c = 0; c < w.length; c++) {
    let cells = bySegment.get(code[c] as number);
    if (!cells) bySegment.set(code[c] as number, (cells = newCells()));
    cells.x.push(x[c] as number);
    cells.y.push(y[c] as number);
    cells.w.push(w[c] as number);
  }
  return bySegment;
}

/** Tables counted from raw columns; NaN (or the "not applicable" rating) is missing. */
export function tabulateColumns(columns: SurveyColumns, naValue: number | null): Tabulation {
  const segments = new Map<number, SegmentTables>();
  const outcomes = countRows(columns, segments);
  const outcomeValues = [...outcomes.keys()];
  const ids = new Map(outcomeValues.map((value, id) => [value, id]));
  const outcomeIds = Int32Array.from(columns.outcome, (y) => ids.get(y) ?? -1);
  const aspects = [...new Set(columns.aspects)];
  for (const aspect of aspects) {
    const rating = columns.ratings[aspect];
    if (!rating) continue; // an aspect with no column has no pairs
    const bySegment = countAspect(rating, columns.coreGrowth, outcomeIds, outcomeValues, naValue);
    for (const [code, cells] of bySegment) segmentOf(segments, code).pairs.set(aspect, cells);
  }
  return { aspects, segments, outcomes, rows: columns.outcome.length };
}

/** One table holding every segment's cells of an aspect: the overall table. */
export function mergedTable(tabulation: Tabulation, aspect: string): CountTable {
  const merged = newCells();
  for (const { pairs } of tabulation.segments.values()) {
    const table = pairs.get(aspect);
    if (!table) continue;
    for (let i = 0; i < table.w.length; i++) {
      merged.x.push(table.x[i] as number);
      merged.y.push(table.y[i] as number);
      merged.w.push(table.w[i] as number);
    }
  }
  return merged;
}

/** NPS from outcome counts, by the same rules as nps(): 9–10 promote, 0–6 detract. */
export function npsOfCounts(outcomes: ReadonlyMap<number, number>): NpsResult {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const [v, count] of outcomes) {
    if (!Number.isFinite(v) || v < 0 || v > 10) continue;
    if (v >= 9) promoters += count;
    else if (v <= 6) detractors += count;
    else passives += count;
  }
  const n = promoters + passives + detractors;
  const score = n === 0 ? null : ((promoters - detractors) / n) * 100;
  return { nps: score, promoters, passives, detractors, n };
}
