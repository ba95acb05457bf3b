// When a cron schedule fires in an IANA time zone, as UTC instants. Walks local
// calendar days, then the schedule's hours and minutes, and converts each local time to
// UTC with the zone's offset at that moment. Daylight-saving rules: a local time skipped
// by the spring-forward gap runs at the instant it would have been under the old offset
// (02:30 becomes 03:30), so it still runs that day; a local time that occurs twice in the
// autumn runs once, at its first occurrence.
import { matchesDay, parseCron, type CronExpression } from './cron-expression.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Enough for any valid schedule to fire at least once (Feb 29 recurs within 8 years). */
const MAX_DAYS_SCANNED = 8 * 366 + 2;

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatter = (timeZone: string): Intl.DateTimeFormat => {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
};

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

/** The wall-clock time in `timeZone` at the instant `ms`. */
export const localTimeAt = (ms: number, timeZone: string): LocalTime => {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday ?? 'Sun'] ?? 0,
  };
};

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds. */
const offsetAt = (ms: number, timeZone: string): number => {
  const t = localTimeAt(ms, timeZone);
  return (
    Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute) - Math.floor(ms / MINUTE_MS) * MINUTE_MS
  );
};

/**
 * The first UTC instant whose local time is `y-m-d h:min` in the zone; inside a
 * spring-forward gap, that time under the offset in force before the gap.
 */
export const utcFromLocal = (
  y: number,
  m: number,
  d: number,
  h: number,
  min: number,
  timeZone: string,
): number => {
  const naive = Date.UTC(y, m - 1, d, h, min);
  // Try the offsets in force around that time; the earliest that round-trips wins.
  const candidates = [offsetAt(naive - DAY_MS, timeZone), offsetAt(naive + DAY_MS, timeZone)]
    .map((offset) => naive - offset)
    .sort((a, b) => a - b);
  for (const utc of candidates) {
    const back = localTimeAt(utc, timeZone);
    if (back.hour === h && back.minute === min && back.day === d) return utc;
  }
  // In the gap: use the offset from before the jump (the later of the two instants).
  return Math.max(...candidates);
};

const sorted = (set: ReadonlySet<number>): number[] => [...set].sort((a, b) => a - b);

/** The next `count` instants strictly after `after` at which the schedule fires. */
export const nextRuns = (
  expression: string | CronExpression,
  timeZone: string,
  after: Date,
  count = 1,
): Date[] => {
  const cron = typeof expression === 'string' ? parseCron(expression) : expression;
  const hours = sorted(cron.hours);
  const minutes = sorted(cron.minutes);
  const start = localTimeAt(after.getTime(), timeZone);
  const runs: Date[] = [];
  let dayMs = Date.UTC(start.year, start.month - 1, start.day);
  for (let i = 0; i < MAX_DAYS_SCANNED && runs.length < count; i++, dayMs += DAY_MS) {
    const date = new Date(dayMs);
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    if (!matchesDay(cron, m, d, date.getUTCDay())) continue;
    for (const h of hours) {
      for (const min of minutes) {
        const utc = utcFromLocal(y, m, d, h, min, timeZone);
        const last = runs.at(-1)?.getTime() ?? -Infinity;
        if (utc > after.getTime() && utc > last) runs.push(new Date(utc));
        if (runs.length >= count) return runs;
      }
    }
  }
  return runs;
};

/** Every instant in (from, to] at which the schedule fired: what a restart must catch up on. */
export const runsBetween = (
  expression: string,
  timeZone: string,
  from: Date,
  to: Date,
  limit = 1000,
): Date[] => {
  const cron = parseCron(expression);
  const out: Date[] = [];
  let cursor = from;
  while (out.length < limit) {
    const [next] = nextRuns(cron, timeZone, cursor, 1);
    if (!next || next.getTime() > to.getTime()) break;
    out.push(next);
    cursor = next;
  }
  return out;
};
