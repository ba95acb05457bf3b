// Turns the grammar's time specs into a concrete window using the injected clock.
import type { TimeWindow } from '../domain/types.js';

export type WindowSpec =
  { kind: 'all' } | { kind: 'relative'; days: number } | { kind: 'date'; date: string };

const DAY_MS = 86_400_000;

export const resolveSince = (spec: WindowSpec | undefined, now: Date): Date | undefined => {
  if (!spec || spec.kind === 'all') return undefined;
  if (spec.kind === 'relative') return new Date(now.getTime() - spec.days * DAY_MS);
  return new Date(`${spec.date}T00:00:00Z`);
};

export const resolveUntil = (spec: WindowSpec | undefined): Date | undefined =>
  spec && spec.kind === 'date'
    ? new Date(new Date(`${spec.date}T00:00:00Z`).getTime() + DAY_MS)
    : undefined;

export const resolveWindow = (
  since: WindowSpec | undefined,
  until: WindowSpec | undefined,
  now: Date,
): TimeWindow => {
  const from = resolveSince(since, now);
  const to = resolveUntil(until);
  return { ...(from ? { since: from } : {}), ...(to ? { until: to } : {}) };
};

/** "last 30 days", "since 2025-01-01", "all time": the same words everywhere. */
export const describeWindow = (
  since: WindowSpec | undefined,
  until: WindowSpec | undefined,
): string => {
  const from =
    !since || since.kind === 'all'
      ? 'all time'
      : since.kind === 'relative'
        ? `last ${since.days} days`
        : `since ${since.date}`;
  return until && until.kind === 'date' ? `${from}, until ${until.date}` : from;
};
