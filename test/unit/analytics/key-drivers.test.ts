import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  keyDrivers,
  type AspectResult,
  type KeyDriverReport,
} from '../../../src/core/analytics/index.js';
import type { SurveyColumns } from '../../../src/core/ports/repositories.js';
import {
  closeTo,
  goldenPath,
  readGoldenJson,
  readSurveyColumns,
  type GoldenSegment,
  type KeyDriverGolden,
} from './golden-fixtures.js';

const golden = readGoldenJson<KeyDriverGolden>('key-drivers.json');
const columns = readSurveyColumns(readFileSync(goldenPath('survey.csv'), 'utf8'));
const report = keyDrivers(columns, { naValue: golden.naValue });

/** Every figure of every aspect within 1e-9 of scipy. */
function expectSegmentMatches(actual: AspectResult[] | null, expected: GoldenSegment): void {
  expect(actual).not.toBeNull();
  const byAspect = new Map((actual ?? []).map((a) => [a.aspect, a]));
  for (const [aspect, want] of Object.entries(expected.aspects)) {
    const got = byAspect.get(aspect);
    expect(got, aspect).toBeDefined();
    if (!got) continue;
    expect(got.n, `${aspect} n`).toBe(want.n);
    expect(got.tooFew, `${aspect} tooFew`).toBe(want.tooFew);
    expect(closeTo(got.r, want.pearson?.statistic ?? null), `${aspect} r`).toBe(true);
    expect(closeTo(got.p, want.pearson?.pvalue ?? null), `${aspect} p`).toBe(true);
    expect(closeTo(got.rho, want.spearman?.statistic ?? null), `${aspect} rho`).toBe(true);
    expect(closeTo(got.rhoP, want.spearman?.pvalue ?? null), `${aspect} rhoP`).toBe(true);
    const wantCi = want.pearson?.ci95 ?? null;
    expect(got.ci95 === null, `${aspect} ci null`).toBe(wantCi === null);
    if (got.ci95 && wantCi) {
      expect(closeTo(got.ci95[0], wantCi[0]), `${aspect} ci lo`).toBe(true);
      expect(closeTo(got.ci95[1], wantCi[1]), `${aspect} ci hi`).toBe(true);
    }
  }
  expect((actual ?? []).map((a) => a.aspect)).toEqual(expected.ranking);
}

describe('keyDrivers against scipy golden values', () => {
  it('reads the golden survey', () => {
    expect(columns.outcome.length).toBe(golden.rows);
    expect(columns.aspects).toHaveLength(6);
  });

  it('matches overall Pearson, Spearman, p, CI and ranking to 1e-9', () => {
    expectSegmentMatches(report.overall, golden.overall);
  });

  it('matches the core-growth segment', () => {
    expectSegmentMatches(report.segments.coreGrowth, golden.segments.coreGrowth);
  });

  it('matches the rest segment', () => {
    expectSegmentMatches(report.segments.rest, golden.segments.rest);
  });

  it('flags the sparse aspect as too few and reports NPS and n', () => {
    const sparse = report.overall.find((a) => a.aspect === 'billing_clarity');
    expect(sparse?.tooFew).toBe(true);
    expect(report.outcomeScale).toBe('nps-0-10');
    expect(report.n).toBe(golden.n);
    expect(report.rows).toBe(golden.rows);
    expect(report.nps?.promoters).toBe(golden.nps.promoters);
    expect(report.nps?.passives).toBe(golden.nps.passives);
    expect(report.nps?.detractors).toBe(golden.nps.detractors);
    expect(closeTo(report.nps?.nps ?? null, golden.nps.nps)).toBe(true);
  });
});

const survey = (
  outcome: number[],
  ratings: Record<string, number[]>,
  coreGrowth: number[] = outcome.map(() => -1),
): SurveyColumns => ({
  aspects: Object.keys(ratings),
  outcome: Float64Array.from(outcome),
  coreGrowth: Int8Array.from(coreGrowth),
  ratings: Object.fromEntries(Object.entries(ratings).map(([k, v]) => [k, Float64Array.from(v)])),
});

describe('keyDrivers rules', () => {
  it('treats the not-applicable value as missing in aspects, but keeps 0 as a real outcome score', () => {
    const columns = survey([0, 2, 3, 4, 5, 1], { a: [5, 2, 3, 0, 5, 1] });
    const withNa: KeyDriverReport = keyDrivers(columns, { naValue: 0 });
    expect(withNa.overall[0]?.n).toBe(5);
    expect(withNa.n).toBe(6);
    expect(keyDrivers(columns).overall[0]?.n).toBe(6);
  });

  it('ranks by r descending with null r last, and splits segments', () => {
    const outcome = [1, 2, 3, 4, 5, 6];
    const report = keyDrivers(
      survey(
        outcome,
        { flat: [3, 3, 3, 3, 3, 3], weak: [1, 3, 2, 2, 5, 4], strong: outcome },
        [1, 1, 1, 0, 0, 0],
      ),
      { minN: 5 },
    );
    expect(report.overall.map((a) => a.aspect)).toEqual(['strong', 'weak', 'flat']);
    expect(report.overall[2]?.reason).toBe('zero-variance');
    expect(report.overall[0]?.tooFew).toBe(false);
    expect(report.segments.coreGrowth?.[0]?.n).toBe(3);
    expect(report.segments.rest?.[0]?.n).toBe(3);
    expect(report.outcomeScale).toBe('nps-0-10');
  });

  it('gives null segments without rows, and no NPS for a 1-5 outcome', () => {
    const report = keyDrivers(survey([1, 2, 3, 4, 5], { a: [1, 2, 3, 4, 5] }));
    expect(report.segments).toEqual({ coreGrowth: null, rest: null });
    expect(report.outcomeScale).toBe('likert-1-5');
    expect(report.nps).toBeNull();
  });

  it('treats an aspect with no column as all missing, and rejects ragged columns', () => {
    const columns = survey([1, 2, 3], { a: [1, 2, 3] });
    columns.aspects.push('ghost');
    const ghost = keyDrivers(columns).overall.find((a) => a.aspect === 'ghost');
    expect(ghost).toMatchObject({ n: 0, r: null, reason: 'too-few-pairs', tooFew: true });
    columns.ratings.bad = Float64Array.from([1]);
    columns.aspects.push('bad');
    expect(() => keyDrivers(columns)).toThrow(RangeError);
  });
});
