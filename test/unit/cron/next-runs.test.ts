import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nextRuns, runsBetween, localTimeAt } from '../../../src/core/cron/next-runs.js';

const iso = (dates: Date[]): string[] => dates.map((d) => d.toISOString());

describe('nextRuns', () => {
  it('fires weekly on Monday 09:00 in Los Angeles across the end of daylight saving', () => {
    // US daylight saving ends on Sunday 1 November 2026.
    const runs = nextRuns('0 9 * * 1', 'America/Los_Angeles', new Date('2026-10-20T00:00:00Z'), 3);
    expect(iso(runs)).toEqual([
      '2026-10-26T16:00:00.000Z',
      '2026-11-02T17:00:00.000Z',
      '2026-11-09T17:00:00.000Z',
    ]);
  });

  it('fires weekly across the start of daylight saving', () => {
    // US daylight saving starts on Sunday 8 March 2026.
    const runs = nextRuns('0 9 * * 1', 'America/Los_Angeles', new Date('2026-03-01T00:00:00Z'), 2);
    expect(iso(runs)).toEqual(['2026-03-02T17:00:00.000Z', '2026-03-09T16:00:00.000Z']);
  });

  it('runs a time skipped by the spring-forward gap once, an hour later on the wall clock', () => {
    const runs = nextRuns('30 2 * * *', 'America/Los_Angeles', new Date('2026-03-07T12:00:00Z'), 3);
    expect(iso(runs)).toEqual([
      '2026-03-08T10:30:00.000Z',
      '2026-03-09T09:30:00.000Z',
      '2026-03-10T09:30:00.000Z',
    ]);
    expect(localTimeAt(runs[0]!.getTime(), 'America/Los_Angeles')).toMatchObject({
      day: 8,
      hour: 3,
      minute: 30,
    });
  });

  it('runs a time that occurs twice in the autumn only once', () => {
    const runs = nextRuns('30 1 * * *', 'America/Los_Angeles', new Date('2026-10-31T12:00:00Z'), 2);
    expect(iso(runs)).toEqual(['2026-11-01T08:30:00.000Z', '2026-11-02T09:30:00.000Z']);
  });

  it('handles every-15-minutes, named days, and a zone east of UTC', () => {
    expect(iso(nextRuns('*/15 * * * *', 'UTC', new Date('2026-01-01T10:07:00Z'), 2))).toEqual([
      '2026-01-01T10:15:00.000Z',
      '2026-01-01T10:30:00.000Z',
    ]);
    expect(
      iso(nextRuns('30 13 * * fri', 'Asia/Kolkata', new Date('2026-11-23T00:00:00Z'), 1)),
    ).toEqual(['2026-11-27T08:00:00.000Z']);
  });

  it('uses classic cron OR semantics when both day fields are set', () => {
    const runs = nextRuns('0 0 1 * 1', 'UTC', new Date('2026-11-23T12:00:00Z'), 3);
    expect(iso(runs)).toEqual([
      '2026-11-30T00:00:00.000Z',
      '2026-12-01T00:00:00.000Z',
      '2026-12-07T00:00:00.000Z',
    ]);
  });

  it('finds Feb 29', () => {
    expect(
      iso(nextRuns('0 12 29 2 *', 'Europe/Paris', new Date('2026-11-23T00:00:00Z'), 1)),
    ).toEqual(['2028-02-29T11:00:00.000Z']);
  });

  it('lists the runs missed while down', () => {
    const missed = runsBetween(
      '0 9 * * *',
      'Europe/London',
      new Date('2026-11-20T10:00:00Z'),
      new Date('2026-11-23T09:30:00Z'),
    );
    expect(iso(missed)).toEqual([
      '2026-11-21T09:00:00.000Z',
      '2026-11-22T09:00:00.000Z',
      '2026-11-23T09:00:00.000Z',
    ]);
  });

  it('always returns strictly increasing instants after the start that match the minute and hour', () => {
    const zones = [
      'UTC',
      'America/Los_Angeles',
      'Europe/Berlin',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 5 * 365 }),
        (m, h, zone, days) => {
          const after = new Date(Date.UTC(2025, 0, 1) + days * 86_400_000);
          const runs = nextRuns(`${m} ${h} * * *`, zone, after, 3);
          expect(runs).toHaveLength(3);
          let last = after.getTime();
          for (const run of runs) {
            expect(run.getTime()).toBeGreaterThan(last);
            last = run.getTime();
            const local = localTimeAt(run.getTime(), zone);
            // Only a gap (spring forward) moves the wall-clock time, and only forward.
            const asked = h * 60 + m;
            const got = local.hour * 60 + local.minute;
            expect(got === asked || (got > asked && got - asked <= 60)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
