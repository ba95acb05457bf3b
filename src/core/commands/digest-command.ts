// /cx-digest: show, schedule (cron or plain words), preview, send now, or stop the digest.
import { z } from 'zod';
import type { DigestCommand } from './command-types.js';
import { validateCron } from './cron.js';
import { closest } from './edit-distance.js';
import { joinText, takeOptions, unexpected, validateCommand } from './options.js';
import { fail, listChoices, ok, quote, type Outcome } from './outcome.js';
import { nameSchema } from './shared-schemas.js';
import { parseTimeZone } from './time-zone.js';
import { tokenize, type Token } from './tokenize.js';
import { DIGEST_LABELS } from './usage.js';
import { fromParser, textValue } from './value-schemas.js';
import { WEEKDAYS } from './values.js';

const WHERE = '/cx-digest';
const VERBS = [
  'show',
  'every',
  'weekly',
  'daily',
  'weekdays',
  'before',
  'preview',
  'now',
  'off',
] as const;
type Verb = (typeof VERBS)[number];
const VERB_ALIASES: Readonly<Record<string, Verb>> = { cron: 'every', stop: 'off', status: 'show' };
const SIMPLE: Readonly<Partial<Record<Verb, DigestCommand>>> = {
  show: { kind: 'digest.show' },
  preview: { kind: 'digest.preview' },
  now: { kind: 'digest.now' },
  off: { kind: 'digest.off' },
};
// 9, 09:00, 9:30, 9am, 2:30pm, 14h, 14h30.
const CLOCK = /^(\d{1,2})(?:[:h](\d{2})?)?(am|pm)?$/;
const MEETING_LEAD_MINUTES = 30;

const setOptions = { tz: fromParser(parseTimeZone), driver: textValue('driver name', 200) };
const OPTION_ALIASES = { timezone: 'tz', zone: 'tz', 'time-zone': 'tz' } as const;

export const digestSetSchema = z.object({
  kind: z.literal('digest.set'),
  cron: z.string().min(9).max(120),
  tz: z.string().min(1).exactOptional(),
  driver: nameSchema.exactOptional(),
  label: z.string().min(1),
}) satisfies z.ZodType<DigestCommand>;

interface Schedule {
  cron: string;
  label: string;
}

export function parseDigestCommand(text: string): Outcome<DigestCommand> {
  const tokens = tokenize(text);
  if (!tokens.ok) return tokens;
  const [first, ...rest] = tokens.value;
  if (first === undefined) return ok({ kind: 'digest.show' });
  const word = first.type === 'word' && !first.quoted ? first.value.toLowerCase() : '';
  const verb =
    VERBS.find((v) => v === word) ??
    (Object.hasOwn(VERB_ALIASES, word) ? VERB_ALIASES[word] : undefined);
  if (verb === undefined) {
    const suggestion = closest(word, VERBS);
    const hint = suggestion === undefined ? '' : ` Did you mean ${quote(suggestion)}?`;
    return fail(
      'unknown-subcommand',
      `${quote(first.raw)} is not a ${WHERE} subcommand. Use ${listChoices(VERBS)}.${hint}`,
    );
  }
  const simple = SIMPLE[verb];
  if (simple !== undefined)
    return rest[0] === undefined ? ok(simple) : unexpected(rest[0], `${WHERE} ${verb}`);
  return parseSchedule(verb, rest);
}

function parseSchedule(verb: Verb, tokens: readonly Token[]): Outcome<DigestCommand> {
  const where = `${WHERE} ${verb}`;
  const taken = takeOptions(tokens, setOptions, where, OPTION_ALIASES);
  if (!taken.ok) return taken;
  const stray = taken.value.rest.find((t) => t.type !== 'word');
  if (stray !== undefined) return unexpected(stray, where);
  const words = taken.value.rest.map((t) => (t.type === 'word' ? t.value : t.raw));
  const schedule =
    verb === 'every' ? everySchedule(joinText(taken.value.rest)) : wordSchedule(verb, words, where);
  if (!schedule.ok) return schedule;
  return validateCommand(digestSetSchema, {
    kind: 'digest.set',
    cron: schedule.value.cron,
    tz: taken.value.values.tz,
    driver: taken.value.values.driver,
    label: schedule.value.label,
  });
}

function everySchedule(expression: string): Outcome<Schedule> {
  if (expression === '') {
    return fail(
      'missing-argument',
      `${quote(`${WHERE} every`)} needs a cron schedule in quotes, e.g. /cx-digest every "0 9 * * 1" tz:Europe/Paris.`,
    );
  }
  const cron = validateCron(expression);
  return cron.ok ? ok({ cron: cron.value, label: DIGEST_LABELS.cron(cron.value) }) : cron;
}

function wordSchedule(verb: Verb, words: readonly string[], where: string): Outcome<Schedule> {
  const needsDay = verb === 'weekly' || verb === 'before';
  const example = needsDay ? `${WHERE} ${verb} mon 09:00` : `${WHERE} ${verb} 08:30`;
  const expected = needsDay ? 2 : 1;
  if (words.length !== expected) {
    const got = words.length === 0 ? '' : ` Got ${quote(words.join(' '))}.`;
    return fail(
      'missing-argument',
      `${quote(where)} needs ${needsDay ? 'a day and a time' : 'a time'}, e.g. ${example}.${got}`,
    );
  }
  const day = needsDay ? parseDay(words[0] ?? '') : ok(0);
  if (!day.ok) return day;
  const clock = parseClock(words[expected - 1] ?? '');
  if (!clock.ok) return clock;
  const { hour, minute } = clock.value;
  const time = formatClock(hour, minute);
  switch (verb) {
    case 'weekly':
      return ok({
        cron: `${minute} ${hour} * * ${day.value}`,
        label: DIGEST_LABELS.weekly(day.value, time),
      });
    case 'weekdays':
      return ok({ cron: `${minute} ${hour} * * 1-5`, label: DIGEST_LABELS.weekdays(time) });
    case 'before':
      return ok(beforeMeeting(day.value, hour, minute));
    default:
      return ok({ cron: `${minute} ${hour} * * *`, label: DIGEST_LABELS.daily(time) });
  }
}

/** The digest goes out 30 minutes ahead, on the previous day if the meeting is just after midnight. */
function beforeMeeting(weekday: number, hour: number, minute: number): Schedule {
  const total = hour * 60 + minute - MEETING_LEAD_MINUTES;
  const postDay = total < 0 ? (weekday + 6) % 7 : weekday;
  const postTotal = (total + 24 * 60) % (24 * 60);
  const postHour = Math.floor(postTotal / 60);
  const postMinute = postTotal % 60;
  return {
    cron: `${postMinute} ${postHour} * * ${postDay}`,
    label: DIGEST_LABELS.before(
      weekday,
      formatClock(hour, minute),
      formatClock(postHour, postMinute),
      postDay,
    ),
  };
}

function parseDay(raw: string): Outcome<number> {
  const key = raw.toLowerCase().replace(/s$/, '');
  const day = WEEKDAYS.get(key);
  if (day !== undefined) return ok(day);
  return fail(
    'invalid-value',
    `${quote(raw)} is not a day of the week. Use mon, tue, wed, thu, fri, sat or sun.`,
  );
}

export function parseClock(raw: string): Outcome<{ hour: number; minute: number }> {
  const match = raw.length <= 10 ? CLOCK.exec(raw.toLowerCase()) : null;
  let hour = Number(match?.[1] ?? NaN);
  const minute = Number(match?.[2] ?? 0);
  const half = match?.[3];
  if (half !== undefined && hour >= 1 && hour <= 12) hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  else if (half !== undefined) hour = NaN;
  if (!match || !(hour >= 0 && hour <= 23) || minute > 59) {
    return fail(
      'invalid-value',
      `${quote(raw)} is not a time of day. Use 24-hour HH:MM, e.g. 09:00 or 14:30.`,
    );
  }
  return ok({ hour, minute });
}

const formatClock = (hour: number, minute: number): string =>
  `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
