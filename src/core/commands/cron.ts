// A small validator for 5-field cron expressions (minute hour day month weekday), so a bad
// schedule is refused when typed rather than failing later inside the scheduler.
import { fail, ok, quote, type Outcome } from './outcome.js';
import { CRON_EXAMPLES } from './usage.js';

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  // 7 is Sunday too, as in most crons.
  { name: 'day-of-week', min: 0, max: 7, names: DAYS },
];
const MAX_CRON_LENGTH = 120;
const NUMBER = /^\d{1,2}$/;

const bad = (message: string): Outcome<never> =>
  fail('invalid-value', `${message}\n${CRON_EXAMPLES}`);

/** Checks a cron expression and returns it normalized (single spaces, lowercase names). */
export function validateCron(expression: string): Outcome<string> {
  const text = expression.trim().toLowerCase();
  if (text.length > MAX_CRON_LENGTH)
    return bad(`${quote(expression)} is too long for a cron schedule.`);
  const fields = text.split(/\s+/).filter((field) => field !== '');
  if (fields.length !== FIELDS.length) {
    return bad(`${quote(expression)} has ${fields.length} fields; a cron schedule needs 5.`);
  }
  for (const [index, field] of fields.entries()) {
    const spec = FIELDS[index];
    if (spec === undefined) continue;
    const checked = validateField(field, spec);
    if (!checked.ok) return checked;
  }
  return ok(fields.join(' '));
}

function validateField(field: string, spec: FieldSpec): Outcome<true> {
  for (const part of field.split(',')) {
    const checked = validatePart(part, spec);
    if (!checked.ok) {
      return bad(`The ${spec.name} field ${quote(field)} is not valid: ${checked.message}`);
    }
  }
  return ok(true);
}

function validatePart(part: string, spec: FieldSpec): Outcome<true> {
  const pieces = part.split('/');
  const [range = '', step, ...extra] = pieces;
  if (extra.length > 0 || range === '')
    return fail('invalid-value', `${quote(part)} is malformed.`);
  if (step !== undefined) {
    const size = NUMBER.test(step) ? Number(step) : 0;
    if (size < 1 || size > spec.max) {
      return fail('invalid-value', `the step ${quote(step)} must be between 1 and ${spec.max}.`);
    }
  }
  if (range === '*') return ok(true);
  const [from = '', to, ...more] = range.split('-');
  if (more.length > 0) return fail('invalid-value', `${quote(range)} is malformed.`);
  const low = fieldValue(from, spec);
  if (!low.ok) return low;
  if (to === undefined) return ok(true);
  const high = fieldValue(to, spec);
  if (!high.ok) return high;
  if (high.value < low.value) {
    return fail('invalid-value', `the range ${quote(range)} runs backwards.`);
  }
  return ok(true);
}

function fieldValue(text: string, spec: FieldSpec): Outcome<number> {
  const named = spec.names?.indexOf(text) ?? -1;
  if (named >= 0) return ok(named + (spec.min === 1 ? 1 : 0));
  const value = NUMBER.test(text) ? Number(text) : NaN;
  if (Number.isNaN(value) || value < spec.min || value > spec.max) {
    const names = spec.names ? ` or ${spec.names[0]}–${spec.names[spec.names.length - 1]}` : '';
    return fail('invalid-value', `${quote(text)} is not in ${spec.min}–${spec.max}${names}.`);
  }
  return ok(value);
}
