// Key drivers from frequency tables must equal key drivers computed row by row.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  crosstabPearson,
  crosstabSpearman,
  weightedAverageRanks,
  type CountTable,
} from '../../../src/core/analytics/crosstab-correlation.js';
import { npsOfCounts } from '../../../src/core/analytics/crosstabs.js';
import {
  averageRanks,
  keyDrivers,
  keyDriversFromCrosstabs,
  nps,
  pearson,
  spearman,
  type CorrelationResult,
} from '../../../src/core/analytics/index.js';
import type { SurveyColumns, SurveyCrosstabs } from '../../../src/core/ports/repositories.js';
import {
  directKeyDrivers,
  expectSameReport,
  near,
  nearP,
  ratingCell,
  surveyColumns,
} from './key-driver-match.js';

const finiteCell = ratingCell.filter(Number.isFinite);
/** Cells with counts 1–4; the same (x, y) may appear in several cells. */
const countTable = fc
  .array(fc.tuple(finiteCell, finiteCell, fc.integer({ min: 1, max: 4 })), { maxLength: 40 })
  .map((cells) => ({
    x: cells.map((c) => c[0]),
    y: cells.map((c) => c[1]),
    w: cells.map((c) => c[2]),
  }));

const expand = (t: CountTable): [number[], number[]] => {
  const [x, y]: [number[], number[]] = [[], []];
  for (let i = 0; i < t.w.length; i++)
    for (let k = 0; k < (t.w[i] as number); k++) {
      x.push(t.x[i] as number);
      y.push(t.y[i] as number);
    }
  return [x, y];
};

function expectSameCorrelation(got: CorrelationResult, want: CorrelationResult): void {
  expect([got.n, got.reason, got.r === null, got.ci95 === null]).toEqual([
    want.n,
    want.reason,
    want.r === null,
    want.ci95 === null,
  ]);
  expect(near(got.r, want.r), `r ${got.r} vs ${want.r}`).toBe(true);
  expect(nearP(got.p, want.p, [got.r, want.r], got.n), `p ${got.p} vs ${want.p}`).toBe(true);
  got.ci95?.forEach((end, i) => expect(near(end, want.ci95?.[i])).toBe(true));
}

/** Stored-style tables from columns, each count split in two cells to test repeats too. */
function crosstabsOf(columns: SurveyColumns, naValue: number | null = null): SurveyCrosstabs {
  const pairs: SurveyCrosstabs['pairs'] = [];
  const outcomes: SurveyCrosstabs['outcomes'] = [];
  columns.outcome.forEach((y, i) => {
    const segment = columns.coreGrowth[i] as number;
    outcomes.push({ segment, outcome: Number.isFinite(y) ? y : null, count: 1 });
    if (!Number.isFinite(y)) return;
    for (const aspect of columns.aspects) {
      const rating = columns.ratings[aspect]?.[i] ?? Number.NaN;
      if (Number.isFinite(rating) && rating !== naValue)
        pairs.push({ segment, aspect, rating, outcome: y, count: 1 });
    }
  });
  return { aspects: columns.aspects, pairs, outcomes };
}

describe('correlation over a frequency table', () => {
  it('equals pearson() and spearman() over the expanded pairs', () => {
    fc.assert(
      fc.property(countTable, (table) => {
        const [x, y] = expand(table);
        expectSameCorrelation(crosstabPearson(table), pearson(x, y));
        expectSameCorrelation(crosstabSpearman(table), spearman(x, y));
      }),
      { numRuns: 300 },
    );
  });

  it('ranks ties by the mean of the positions they span, counting every pair', () => {
    fc.assert(
      fc.property(countTable, (table) => {
        const [x] = expand(table);
        const ranks = weightedAverageRanks(table.x, table.w);
        const expanded = averageRanks(x);
        let k = 0;
        for (let i = 0; i < table.w.length; i++)
          for (let c = 0; c < (table.w[i] as number); c++)
            expect(ranks[i]).toBe(expanded[k++] as number);
      }),
    );
  });

  it('gives exactly ±1 on exactly linear data and keeps large offsets accurate', () => {
    const linear = { x: [1, 2, 3, 4], y: [10, 20, 30, 40], w: [3, 1, 2, 5] };
    expect(crosstabPearson(linear).r).toBe(1);
    expect(crosstabSpearman({ ...linear, y: [4, 3, 2, 1] }).r).toBe(-1);
    const offset = { x: [1e9 + 1, 1e9 + 2, 1e9 + 3], y: [1, 3, 2], w: [2, 2, 1] };
    const [x, y] = expand(offset);
    expectSameCorrelation(crosstabPearson(offset), pearson(x, y));
    expect(crosstabPearson({ x: [5, 5], y: [1, 2], w: [1, 1] }).reason).toBe('zero-variance');
    expect(crosstabPearson({ x: [5], y: [1], w: [1] }).reason).toBe('too-few-pairs');
  });

  it('counts NPS as nps() does', () => {
    fc.assert(
      fc.property(fc.array(ratingCell, { maxLength: 60 }), (values) => {
        const counts = new Map<number, number>();
        for (const v of values.filter(Number.isFinite)) counts.set(v, (counts.get(v) ?? 0) + 1);
        expect(npsOfCounts(counts)).toEqual(nps(values));
      }),
    );
  });
});

describe('key drivers from tables', () => {
  it('keyDrivers(columns) equals the row-by-row computation, with and without n/a', () => {
    fc.assert(
      fc.property(
        surveyColumns(),
        fc.constantFrom(null, 0),
        fc.integer({ min: 1, max: 8 }),
        (columns, naValue, minN) => {
          const options = { naValue, minN };
          expectSameReport(keyDrivers(columns, options), directKeyDrivers(columns, options));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keyDriversFromCrosstabs equals the row-by-row computation', () => {
    fc.assert(
      fc.property(surveyColumns(), fc.constantFrom(null, 0, 5), (columns, naValue) => {
        const fromTables = keyDriversFromCrosstabs(crosstabsOf(columns), { naValue, minN: 3 });
        expectSameReport(fromTables, directKeyDrivers(columns, { naValue, minN: 3 }));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees on a large survey with a few distinct ratings', () => {
    const rows = 20_000;
    let seed = 7;
    const next = (m: number) => ((seed = (seed * 48271) % 2147483647) % m) as number;
    const outcome = Float64Array.from({ length: rows }, () => next(11));
    const columns: SurveyColumns = {
      aspects: ['a', 'b'],
      outcome,
      coreGrowth: Int8Array.from({ length: rows }, () => next(3) - 1),
      ratings: {
        a: Float64Array.from(outcome, (y) =>
          next(10) === 0 ? Number.NaN : Math.min(10, y + next(3)),
        ),
        b: Float64Array.from(outcome, () => next(5) + 0.5),
      },
    };
    expectSameReport(keyDrivers(columns), directKeyDrivers(columns));
    expectSameReport(keyDriversFromCrosstabs(crosstabsOf(columns)), directKeyDrivers(columns));
  });
});
