// Views about a channel's digest schedule.
import type { DigestSchedule } from '../domain/digests.js';
import { localTimeAt } from '../cron/next-runs.js';
import type { MessageView } from './message-view.js';
import { context, text, view } from './view-helpers.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** "Mon 30 Nov 2026, 09:00" in the schedule's own zone, built by hand so every ICU prints the same. */
export const formatInZone = (date: Date, timeZone: string): string => {
  const t = localTimeAt(date.getTime(), timeZone);
  return `${DAYS[t.weekday]} ${t.day} ${MONTHS[t.month - 1]} ${t.year}, ${two(t.hour)}:${two(t.minute)}`;
};

const nextLines = (schedule: DigestSchedule, next: Date[]): string =>
  next.map((d) => `• ${formatInZone(d, schedule.tz)} (${schedule.tz})`).join('\n');

export const scheduleView = (schedule: DigestSchedule, next: Date[], scope: string): MessageView =>
  view(`Digest: ${schedule.label}`, [
    text(
      `*This channel's digest:* ${schedule.label} (${schedule.tz}), covering ${scope}.\nCron: \`${schedule.cron}\``,
    ),
    text(`*Next runs:*\n${nextLines(schedule, next)}`),
    context(
      'Change it with `/cx-digest weekly mon 09:00 tz:Area/City`, preview it with `/cx-digest preview`, stop it with `/cx-digest off`.',
    ),
  ]);

export const noScheduleView = (): MessageView =>
  view('No digest in this channel yet.', [
    text(
      'This channel has no digest yet. Set one before your staff meeting, for example `/cx-digest weekly mon 09:00 tz:Europe/London` or `/cx-digest before fri 14:00 tz:America/New_York`.',
    ),
  ]);

export const scheduleSetView = (
  schedule: DigestSchedule,
  next: Date[],
  scope: string,
  becameAdmin: boolean,
): MessageView =>
  view(
    `Digest set: ${schedule.label}`,
    [
      text(
        `🗓️ This channel's digest is set: *${schedule.label}* (${schedule.tz}), covering ${scope}.`,
      ),
      text(`*Next runs:*\n${nextLines(schedule, next)}`),
      ...(becameAdmin
        ? [
            context(
              'You set the first schedule, so you are now an admin. Manage admins with `/cx admins`.',
            ),
          ]
        : []),
      ...(schedule.tz === 'UTC'
        ? [context('Times are in UTC. Add `tz:Area/City` to use your own time zone.')]
        : []),
    ],
    'public',
  );

export const scheduleOffView = (schedule: DigestSchedule | null): MessageView =>
  schedule
    ? view(
        'Digest stopped.',
        [text(`The digest (${schedule.label}) is stopped for this channel.`)],
        'public',
      )
    : view('No digest to stop.', [text('This channel has no digest to stop.')]);

export const digestPostedView = (): MessageView =>
  view('Digest posted.', [text('The digest is posted to this channel.')]);
