// A parsed 5-field cron expression: the allowed values of each field as sets.
// Validation (with friendly messages) happens in the command grammar; this assumes a
// valid expression and throws RangeError otherwise, which is a programming error.

export interface CronExpression {
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  /** 0 = Sunday … 6 = Saturday (7 is folded into 0). */
  daysOfWeek: ReadonlySet<number>;
  /** Classic cron: when both day fields are restricted, a day matches if EITHER matches. */
  dayOfMonthRestricted: boolean;
  dayOfWeekRestricted: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const value = (text: string, names: string[] | null, offset: number): number => {
  const named = names?.indexOf(text.toLowerCase()) ?? -1;
  if (named >= 0) return named + offset;
  if (!/^\d+$/.test(text)) throw new RangeError(`bad cron value ${text}`);
  return Number(text);
};

const expand = (
  field: string,
  min: number,
  max: number,
  names: string[] | null,
  offset: number,
): Set<number> => {
  const out = new Set<number>();
  for (const part of field.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new RangeError(`bad cron step ${part}`);
    const [lo, hi] =
      range === '*'
        ? [min, max]
        : range.includes('-')
          ? (range.split('-').map((v) => value(v, names, offset)) as [number, number])
          : [
              value(range, names, offset),
              stepText === undefined ? value(range, names, offset) : max,
            ];
    if (lo < min || hi > max || lo > hi) throw new RangeError(`cron value out of range: ${part}`);
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
};

export const parseCron = (expression: string): CronExpression => {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) throw new RangeError(`cron needs 5 fields: ${expression}`);
  const [minute, hour, dom, month, dow] = fields as [string, string, string, string, string];
  const daysOfWeek = new Set([...expand(dow, 0, 7, DAYS, 0)].map((d) => d % 7));
  return {
    minutes: expand(minute, 0, 59, null, 0),
    hours: expand(hour, 0, 23, null, 0),
    daysOfMonth: expand(dom, 1, 31, null, 0),
    months: expand(month, 1, 12, MONTHS, 1),
    daysOfWeek,
    dayOfMonthRestricted: !dom.startsWith('*'),
    dayOfWeekRestricted: !dow.startsWith('*'),
  };
};

/** Whether a local calendar day matches the day fields. */
export const matchesDay = (
  cron: CronExpression,
  month: number,
  day: number,
  weekday: number,
): boolean => {
  if (!cron.months.has(month)) return false;
  const dom = cron.daysOfMonth.has(day);
  const dow = cron.daysOfWeek.has(weekday);
  if (cron.dayOfMonthRestricted && cron.dayOfWeekRestricted) return dom || dow;
  return dom && dow;
};
