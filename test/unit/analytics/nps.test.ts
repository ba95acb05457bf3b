import { describe, expect, it } from 'vitest';
import { looksLikeNpsScale, nps, outcomeScale } from '../../../src/core/analytics/index.js';

describe('nps', () => {
  it('is % promoters minus % detractors', () => {
    // 3 promoters (9, 10, 10), 2 passives (7, 8), 5 detractors (0..6) → 30% − 50% = −20
    const result = nps([9, 10, 10, 7, 8, 0, 3, 5, 6, 6]);
    expect(result).toEqual({ nps: -20, promoters: 3, passives: 2, detractors: 5, n: 10 });
  });

  it('puts 6 with the detractors, 7–8 with the passives and 9 with the promoters', () => {
    expect(nps([6]).detractors).toBe(1);
    expect(nps([7, 8]).passives).toBe(2);
    expect(nps([9]).nps).toBe(100);
    expect(nps([0]).nps).toBe(-100);
    expect(nps([7, 8]).nps).toBe(0);
  });

  it('ignores missing and out-of-range values, and is null with no answers', () => {
    const result = nps(Float64Array.from([Number.NaN, -1, 11, Number.POSITIVE_INFINITY, 10]));
    expect(result).toEqual({ nps: 100, promoters: 1, passives: 0, detractors: 0, n: 1 });
    expect(nps([])).toEqual({ nps: null, promoters: 0, passives: 0, detractors: 0, n: 0 });
    expect(nps([Number.NaN]).nps).toBeNull();
  });
});

describe('outcomeScale', () => {
  it('tells 0–10 from 1–5', () => {
    expect(outcomeScale([0, 5, 10, Number.NaN])).toBe('nps-0-10');
    expect(outcomeScale([1, 7, 9])).toBe('nps-0-10');
    expect(outcomeScale([0, 3, 5])).toBe('nps-0-10');
    expect(outcomeScale([1, 2, 5, Number.NaN])).toBe('likert-1-5');
    expect(looksLikeNpsScale([3, 8])).toBe(true);
    expect(looksLikeNpsScale([3, 4])).toBe(false);
  });

  it("says 'other' for fractions, out-of-range or no values", () => {
    expect(outcomeScale([1.5, 3])).toBe('other');
    expect(outcomeScale([1, 12])).toBe('other');
    expect(outcomeScale([-1, 3])).toBe('other');
    expect(outcomeScale([])).toBe('other');
    expect(outcomeScale([Number.NaN])).toBe('other');
  });
});
