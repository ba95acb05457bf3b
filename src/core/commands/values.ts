// Parsers for the values users type after a key: money, windows, due dates, numbers and
// theme names. Each returns a value or a message that quotes what the user typed.
import { addDays, formatIsoDate, parseIsoDate, weekdayOf, type CalendarDay } from './calendar.js';
import type { DateSpec, TimeSpec } from './command-types.js';
import { fail, ok, quote, type Outcome } from './outcome.js';

/** 100 billion in currency units: beyond any real cost, well inside exact-integer range. */
export const MAX_CENTS = 1e13;
export const MAX_SLUG_LENGTH = 60;
const MAX_RELATIVE_DAYS = 36_500;
// Values are short; anything longer is rejected before a regex sees it.
const MAX_VALUE_LENGTH = 40;

const MONEY = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?([kmb])?$/i;
const DECIMAL_COMMA = /^\d+,\d{1,2}$/;
const CURRENCY_SYMBOLS = '$€£¥₹';
const MONEY_SCALE: Readonly<Record<string, number>> = { k: 3, m: 6, b: 9 };
const NUMBER = /^([-+]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?%?$/;
const RELATIVE = /^(\d{1,5})(d|days?|w|weeks?|m|months?|y|years?)$/;
const OFFSET = /^\+(\d{1,4})(d|days?|w|weeks?)$/;
const LOOKS_LIKE_DATE = /^\d{4}-\d{1,2}-\d{1,2}$/;
const SLUG_CHAR = /[\p{L}\p{N}\p{M}]/u;

const DAYS_PER_UNIT: Readonly<Record<string, number>> = { d: 1, w: 7, m: 30, y: 365 };

// A Map, not an object, so that typing "constructor" cannot reach Object.prototype.
export const WEEKDAYS: ReadonlyMap<string, number> = new Map(
  // prettier-ignore
  Object.entries({
    sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3,
    thu: 4, thur: 4, thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6,
  }),
);

const MONEY_HINT = 'Try 1200, 1,200.50, $99.90 or 1.5k.';

function stripCurrency(text: string): string {
  if (CURRENCY_SYMBOLS.includes(text[0] ?? '')) return text.slice(1).trim();
  if (CURRENCY_SYMBOLS.includes(text[text.length - 1] ?? '')) return text.slice(0, -1).trim();
  return text;
}

/** An amount in integer cents: `1200`, `1,200.50`, `$1200`, `€99.90`, `1.5k`, `2m`. */
export function parseMoney(raw: string): Outcome<number> {
  const text = raw.trim();
  if (text.length > MAX_VALUE_LENGTH)
    return fail('invalid-value', `${quote(raw)} is not an amount. ${MONEY_HINT}`);
  if (text.startsWith('-') || text.startsWith('−')) {
    return fail('invalid-value', `${quote(raw)} is negative; amounts must be zero or more.`);
  }
  const plain = stripCurrency(text.startsWith('+') ? text.slice(1) : text);
  const match = MONEY.exec(plain);
  if (!match) {
    const hint = DECIMAL_COMMA.test(plain) ? 'Use a dot for decimals, e.g. 99.90.' : MONEY_HINT;
    return fail('invalid-value', `${quote(raw)} is not an amount. ${hint}`);
  }
  const whole = (match[1] ?? '0').replaceAll(',', '');
  const fraction = match[2] ?? '';
  const exponent = (MONEY_SCALE[(match[3] ?? '').toLowerCase()] ?? 0) + 2 - fraction.length;
  // BigInt keeps 1,200.50 exact; floats would turn it into 120049.99999.
  const digits = BigInt(whole + fraction);
  const divisor = exponent < 0 ? 10n ** BigInt(-exponent) : 1n;
  if (digits % divisor !== 0n) {
    return fail('invalid-value', `${quote(raw)} has fractions of a cent; use at most 2 decimals.`);
  }
  const cents = exponent < 0 ? digits / divisor : digits * 10n ** BigInt(exponent);
  if (cents > BigInt(MAX_CENTS)) {
    return fail('invalid-value', `${quote(raw)} is too large; the limit is 100,000,000,000.`);
  }
  return ok(Number(cents));
}

/** A plain number for metric readings and targets: `42`, `-3.5`, `1,250`, `97.5%`. */
export function parseNumber(raw: string): Outcome<number> {
  const text = raw.trim().replace('−', '-');
  const match = text.length <= MAX_VALUE_LENGTH ? NUMBER.exec(text) : null;
  if (!match || (match[2] === '' && match[3] === undefined)) {
    return fail('invalid-value', `${quote(raw)} is not a number. Try 42, 3.5 or 97.5%.`);
  }
  const value = Number(`${match[1] ?? ''}${(match[2] ?? '').replaceAll(',', '')}${match[3] ?? ''}`);
  if (!Number.isFinite(value) || Math.abs(value) > 1e15) {
    return fail('invalid-value', `${quote(raw)} is too large.`);
  }
  return ok(value === 0 ? 0 : value);
}

/** A real calendar date written YYYY-MM-DD. */
export function parseDate(raw: string): Outcome<string> {
  const text = raw.trim();
  const date = parseIsoDate(text);
  if (date) return ok(formatIsoDate(date));
  const why = LOOKS_LIKE_DATE.test(text) ? 'is not a real date' : 'is not a date';
  return fail('invalid-value', `${quote(raw)} ${why}. Write dates as YYYY-MM-DD, e.g. 2025-01-31.`);
}

/** The start of a window: `30d`, `12w`, `6m`, `1y`, `all` or a date. */
export function parseTimeSpec(raw: string): Outcome<TimeSpec> {
  const text = raw.trim().toLowerCase();
  if (text === 'all' || text === 'ever') return ok({ kind: 'all' });
  const match = RELATIVE.exec(text);
  if (match) {
    const days = Number(match[1]) * (DAYS_PER_UNIT[(match[2] ?? 'd')[0] ?? 'd'] ?? 1);
    if (days < 1 || days > MAX_RELATIVE_DAYS) {
      return fail('invalid-value', `${quote(raw)} is out of range; use 1d to 100y.`);
    }
    return ok({ kind: 'relative', days });
  }
  if (/^\d/.test(text)) {
    const date = parseDate(text);
    if (date.ok) return ok({ kind: 'date', date: date.value });
    if (LOOKS_LIKE_DATE.test(text)) return date;
  }
  return fail(
    'invalid-value',
    `${quote(raw)} is not a time window. Use 30d, 12w, 6m, 1y, all or a date like 2025-01-01.`,
  );
}

/** A due date: a date, `today`, `tomorrow`, a weekday, `+3d`, `+2w` or `next-week`. */
export function parseDateSpec(raw: string): Outcome<DateSpec> {
  const text = raw.trim().toLowerCase().replaceAll('_', '-');
  if (text === 'today') return ok({ kind: 'today' });
  if (text === 'tomorrow') return ok({ kind: 'tomorrow' });
  if (text === 'next-week' || text === 'nextweek') return ok({ kind: 'next-week' });
  const weekday = WEEKDAYS.get(text);
  if (weekday !== undefined) return ok({ kind: 'weekday', weekday });
  const offset = OFFSET.exec(text);
  if (offset) {
    const days = Number(offset[1]) * ((offset[2] ?? 'd').startsWith('w') ? 7 : 1);
    if (days >= 1 && days <= MAX_RELATIVE_DAYS) return ok({ kind: 'offset', days });
  }
  const date = parseIsoDate(text);
  if (date) return ok({ kind: 'date', date: formatIsoDate(date) });
  const why = LOOKS_LIKE_DATE.test(text) ? 'is not a real date' : 'is not a due date';
  return fail(
    'invalid-value',
    `${quote(raw)} ${why}. Use a date like 2026-12-01, today, tomorrow, friday, +3d or next-week.`,
  );
}

/** Turns a due date into YYYY-MM-DD, given today as seen in the team's time zone. */
export function resolveDateSpec(spec: DateSpec, today: CalendarDay): string {
  switch (spec.kind) {
    case 'date':
      return spec.date;
    case 'today':
      return formatIsoDate(today);
    case 'tomorrow':
      return formatIsoDate(addDays(today, 1));
    case 'offset':
      return formatIsoDate(addDays(today, spec.days));
    case 'weekday': {
      // "friday" said on a Friday means next week's: a due date is always ahead.
      const ahead = (spec.weekday - weekdayOf(today) + 7) % 7 || 7;
      return formatIsoDate(addDays(today, ahead));
    }
    case 'next-week': {
      const ahead = (1 - weekdayOf(today) + 7) % 7 || 7;
      return formatIsoDate(addDays(today, ahead));
    }
  }
}

/**
 * The handle of a theme: lowercase, accents and non-Latin letters kept, every run of
 * spaces or punctuation turned into one '-', trimmed, at most 60 characters.
 * Used for `#theme` tokens and for theme names imported from CSV, so both agree.
 */
export function slugify(name: string): string {
  let slug = '';
  let gap = false;
  let length = 0;
  for (const ch of name.normalize('NFC').toLowerCase()) {
    if (!SLUG_CHAR.test(ch)) {
      gap = length > 0;
      continue;
    }
    if (length + (gap ? 2 : 1) > MAX_SLUG_LENGTH) break;
    if (gap) slug += '-';
    slug += ch;
    length += gap ? 2 : 1;
    gap = false;
  }
  return slug;
}
