import { describe, expect, it } from 'vitest';
import { sparkline } from '../../../src/core/views/sparkline.js';
import { levelSplitLine } from '../../../src/core/views/plan-views.js';
import { levelSplit, endOfWeek } from '../../../src/core/use-cases/plan-lists.js';
import { weeklyAverages } from '../../../src/core/use-cases/metric-trend.js';
import { weekStartOf, weekStartsBetween } from '../../../src/core/domain/iso-weeks.js';

describe('sparkline', () => {
  it('scales values between the smallest and the largest', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([10, -10])).toBe('█▁');
  });
  it('draws a flat series mid-height and nothing for no values', () => {
    expect(sparkline([3, 3, 3])).toBe('▄▄▄');
    expect(sparkline([])).toBe('');
  });
});

describe('level split', () => {
  it('counts levels and the prevention share', () => {
    const levels = [
      'resolve',
      'resolve',
      'resolve',
      'recurrence',
      'recurrence',
      'occurrence',
    ] as const;
    const split = levelSplit(levels.map((level) => ({ level })));
    expect(levelSplitLine(split)).toBe(
      'Resolve 3 · Prevent recurrence 2 · Prevent occurrence 1 — 50% prevention',
    );
    expect(levelSplitLine(levelSplit([]))).toBe(
      'Resolve 0 · Prevent recurrence 0 · Prevent occurrence 0',
    );
  });
});

describe('weeks', () => {
  it('starts weeks on Monday and ends "this week" on Sunday', () => {
    expect(weekStartOf('2026-11-08')).toBe('2026-11-02'); // Sunday
    expect(weekStartOf('2026-11-02')).toBe('2026-11-02'); // Monday
    expect(weekStartOf('2027-01-01')).toBe('2026-12-28'); // across the year
    expect(endOfWeek('2026-11-04')).toBe('2026-11-08');
    expect(endOfWeek('2026-11-08')).toBe('2026-11-08');
    expect(weekStartsBetween('2026-11-04', '2026-11-16')).toEqual([
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
    ]);
  });

  it('averages readings per week, NaN where a week has none', () => {
    const reading = (measuredOn: string, value: number) => ({
      metricId: 'm',
      value,
      measuredOn,
      recordedBy: null,
      recordedAt: new Date(0),
    });
    const weekly = weeklyAverages(
      [reading('2026-11-02', 2), reading('2026-11-08', 4), reading('2026-11-16', 7)],
      ['2026-11-02', '2026-11-09', '2026-11-16'],
    );
    expect(Array.from(weekly)).toEqual([3, Number.NaN, 7]);
  });
});
