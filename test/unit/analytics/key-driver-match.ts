// Test helpers for key drivers: a direct computation from raw columns (pearson() and
// spearman() per aspect and segment, as the definitions read), random survey columns, and a
// comparison of two reports figure by figure.
import fc from 'fast-check';
import { expect } from 'vitest';
import {
  DEFAULT_MIN_N,
  aspectResult,
  compareAspects,
  nps,
  outcomeScale,
  pearson,
  spearman,
  type AspectResult,
  type KeyDriverReport,
} from '../../../src/core/analytics/index.js';
import type { SurveyColumns } from '../../../src/core/ports/repositories.js';

function directSegment(
  columns: SurveyColumns,
  rows: number[],
  naValue: number | null,
  minN: number,
): AspectResult[] {
  const outcome = rows.map((i) => columns.outcome[i] as number);
  const results = [...new Set(columns.aspects)].map((aspect): AspectResult => {
    const column = columns.ratings[aspect];
    const rating = rows.map((i) => {
      const v = column ? (column[i] as number) : Number.NaN;
      return v === naValue ? Number.NaN : v;
    });
    return aspectResult(aspect, pearson(rating, outcome), spearman(rating, outcome), minN);
  });
  return results.sort(compareAspects);
}

/** Key drivers straight from the columns, row by row: the reference the tables must equal. */
export function directKeyDrivers(
  columns: SurveyColumns,
  options: { naValue?: number | null; minN?: number } = {},
): KeyDriverReport {
  const naValue = options.naValue ?? null;
  const minN = options.minN ?? DEFAULT_MIN_N;
  const all = Array.from(columns.outcome, (_, i) => i);
  const segment = (code: number) => {
    const rows = all.filter((i) => columns.coreGrowth[i] === code);
    return rows.length === 0 ? null : directSegment(columns, rows, naValue, minN);
  };
  const scale = outcomeScale(columns.outcome);
  return {
    overall: directSegment(columns, all, naValue, minN),
    segments: { coreGrowth: segment(1), rest: segment(0) },
    nps: scale === 'nps-0-10' ? nps(columns.outcome) : null,
    outcomeScale: scale,
    n: columns.outcome.filter(Number.isFinite).length,
    rows: columns.outcome.length,
  };
}

/** Equal up to rounding: 1e-12 absolute plus 1e-9 relative. */
export const near = (a: number | null | undefined, b: number | null | undefined): boolean =>
  a === b ||
  (typeof a === 'number' &&
    typeof b === 'number' &&
    Math.abs(a - b) <= 1e-12 + 1e-9 * Math.max(Math.abs(a), Math.abs(b)));

/**
 * p-values equal up to what a last-bit difference in r can move them. Near |r| = 1 the t-test
 * p is ill-conditioned (with n = 3, r one ulp below 1 gives p ≈ 1e-8 where r = 1 gives 0), so
 * the allowance grows with n / (1 − |r|).
 */
export function nearP(
  a: number | null,
  b: number | null,
  rs: Array<number | null>,
  n: number,
): boolean {
  if (near(a, b)) return true;
  if (a === null || b === null) return false;
  const r = Math.max(...rs.map((x) => Math.abs(x ?? 0)));
  const slack = (n * 1e-14) / Math.max(1 - r, Number.MIN_VALUE);
  return Math.abs(a - b) <= 1e-12 + Math.max(Math.abs(a), Math.abs(b)) * (1e-9 + slack);
}

function expectSameList(
  actual: AspectResult[] | null,
  expected: AspectResult[] | null,
  label: string,
) {
  expect(actual === null, `${label} null`).toBe(expected === null);
  if (!actual || !expected) return;
  expect(actual.length, label).toBe(expected.length);
  const wanted = new Map(expected.map((a) => [a.aspect, a]));
  actual.forEach((got, i) => {
    const want = wanted.get(got.aspect);
    const where = `${label} ${got.aspect}`;
    expect(want, where).toBeDefined();
    if (!want) return;
    expect([got.n, got.tooFew, got.reason], where).toEqual([want.n, want.tooFew, want.reason]);
    for (const key of ['r', 'rho'] as const)
      expect(near(got[key], want[key]), `${where} ${key}: ${got[key]} vs ${want[key]}`).toBe(true);
    const [p, rhoP] = [
      nearP(got.p, want.p, [got.r, want.r], got.n),
      nearP(got.rhoP, want.rhoP, [got.rho, want.rho], got.n),
    ];
    expect(p, `${where} p: ${got.p} vs ${want.p}`).toBe(true);
    expect(rhoP, `${where} rhoP: ${got.rhoP} vs ${want.rhoP}`).toBe(true);
    expect(got.ci95 === null, `${where} ci`).toBe(want.ci95 === null);
    if (got.ci95 && want.ci95) {
      expect(near(got.ci95[0], want.ci95[0]), `${where} ci lo`).toBe(true);
      expect(near(got.ci95[1], want.ci95[1]), `${where} ci hi`).toBe(true);
    }
    // Same ranking, except that r equal up to rounding may be ordered either way.
    const other = expected[i] as AspectResult;
    expect(other.aspect === got.aspect || near(other.r, got.r), `${where} rank ${i}`).toBe(true);
  });
}

/** Every figure of two reports equal: counts exactly, statistics up to rounding. */
export function expectSameReport(actual: KeyDriverReport, expected: KeyDriverReport): void {
  expectSameList(actual.overall, expected.overall, 'overall');
  expectSameList(actual.segments.coreGrowth, expected.segments.coreGrowth, 'core-growth');
  expectSameList(actual.segments.rest, expected.segments.rest, 'rest');
  expect([actual.n, actual.rows, actual.outcomeScale]).toEqual([
    expected.n,
    expected.rows,
    expected.outcomeScale,
  ]);
  expect(actual.nps).toEqual(expected.nps);
}

/**
 * Small-integer ratings (many ties), non-integers, and gaps. Doubles are kept to a 1e-9 grid:
 * below about 1e-154 squares underflow, and summing a table rounds differently from summing
 * its rows, which no rating ever comes near.
 */
export const ratingCell = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 10 }) },
  {
    weight: 2,
    arbitrary: fc
      .double({ min: -1e4, max: 1e4, noNaN: true, noDefaultInfinity: true })
      .map((v) => Math.round(v * 1e9) / 1e9),
  },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 40 }).map((k) => k / 4) },
  { weight: 1, arbitrary: fc.constant(Number.NaN) },
);

const ASPECT_NAMES = ['speed', 'price', 'support', 'ease'];

/** Random survey columns: up to 4 aspects (one may have no column), segments 1, 0 and -1. */
export const surveyColumns = (maxRows = 60): fc.Arbitrary<SurveyColumns> =>
  fc
    .record({
      width: fc.integer({ min: 1, max: ASPECT_NAMES.length }),
      rows: fc.array(
        fc.record({
          outcome: ratingCell,
          segment: fc.constantFrom(1, 0, -1),
          ratings: fc.array(ratingCell, { minLength: 4, maxLength: 4 }),
        }),
        { maxLength: maxRows },
      ),
      ghost: fc.boolean(),
    })
    .map(({ width, rows, ghost }) => {
      const aspects = ASPECT_NAMES.slice(0, width);
      const ratings: Record<string, Float64Array> = {};
      aspects.forEach((aspect, a) => {
        if (ghost && a === width - 1 && width > 1) return; // listed, but no column at all
        ratings[aspect] = Float64Array.from(rows, (row) => row.ratings[a] as number);
      });
      return {
        aspects,
        outcome: Float64Array.from(rows, (row) => row.outcome),
        coreGrowth: Int8Array.from(rows, (row) => row.segment),
        ratings,
      };
    });
