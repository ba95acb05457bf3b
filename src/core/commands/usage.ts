// The usage and help copy for every command. User-visible: Slack, Teams, the CLI and the
// playground all show these exact words, so edit them here and nowhere else.
import type { CommandName } from './command-types.js';

export const COMMAND_SUMMARIES: Readonly<Record<CommandName, string>> = {
  'cx-issue': 'Log a customer issue, or list and show issues.',
  'cx-pareto': 'Rank themes and mark the vital few and the useful many.',
  'cx-impact': 'Show the money at stake for the vital few.',
  'cx-drivers': 'Find which survey aspects drive loyalty.',
  'cx-why': 'Start a 5-why dialog on a theme or an issue.',
  'cx-action': 'Add, list, update or complete action plans.',
  'cx-metric': 'Define internal metrics, record readings and see the trend.',
  'cx-digest': "Schedule, preview or stop this channel's staff-meeting digest.",
  cx: 'Help, settings, admins, themes, drivers and customers.',
};

const lines = (...all: string[]): string => all.join('\n');

export const COMMAND_USAGE: Readonly<Record<CommandName, string>> = {
  'cx-issue': lines(
    '/cx-issue [summary] [#theme] [customer:"Name"] [cost:N] [company-cost:N] [source:complaint|return|inquiry|survey|other] [driver:"Name"] [date:YYYY-MM-DD]',
    '/cx-issue (no text) opens a form',
    '/cx-issue list [#theme] [customer:"Name"] [since:30d] [search words]',
    '/cx-issue show CX-12',
    'Example: /cx-issue Parcel arrived two days late #late-delivery customer:"Acme Ltd" cost:45.50',
  ),
  'cx-pareto': lines(
    '/cx-pareto [driver name | all] [by:count|customer-cost|company-cost|revenue] [since:30d|12w|6m|1y|all|YYYY-MM-DD] [until:YYYY-MM-DD]',
    'Example: /cx-pareto Delivery by:revenue since:6m',
  ),
  'cx-impact': lines(
    '/cx-impact [#theme] [driver name] [since:30d|12w|6m|1y|all|YYYY-MM-DD]',
    'Example: /cx-impact #late-delivery since:1y',
  ),
  'cx-drivers': lines(
    '/cx-drivers [survey:"Name"] [segment:all|core|rest]',
    'Example: /cx-drivers survey:"Q3 NPS" segment:core',
  ),
  'cx-why': lines(
    '/cx-why #theme    starts a 5-why dialog on a theme',
    '/cx-why CX-12     starts one on an issue',
    '/cx-why           lists the dialogs in progress',
  ),
  'cx-action': lines(
    '/cx-action add "Title" #theme [owner:@user] due:DATE level:resolve|recurrence|occurrence',
    '/cx-action list [mine|overdue|week|#theme]',
    '/cx-action update A-7 [status:planned|in-progress|blocked|done] [owner:@user] [due:DATE] [level:…]',
    '/cx-action done A-7 | reopen A-7 | comment A-7 your text',
    'DATE: 2026-12-01, today, tomorrow, friday, +3d or next-week',
    'Example: /cx-action add "Print labels at packing" #late-delivery owner:@ana due:friday level:recurrence',
  ),
  'cx-metric': lines(
    '/cx-metric define "Name" #theme unit:"…" direction:lower|higher target:N [current:N]',
    '/cx-metric record "Name" VALUE [date:YYYY-MM-DD]',
    '/cx-metric show "Name"',
    '/cx-metric list',
    'Example: /cx-metric define "Parcels shipped late" #late-delivery unit:"%" direction:lower target:2',
  ),
  'cx-digest': lines(
    '/cx-digest                      shows the schedule',
    '/cx-digest weekly mon 09:00 [tz:Europe/Paris] [driver:"Name"]',
    '/cx-digest daily 08:30 [tz:…]   (or weekdays 08:30)',
    '/cx-digest before fri 14:00 [tz:…]   posts 30 minutes before a 14:00 meeting',
    '/cx-digest every "0 9 * * 1" [tz:America/New_York]   (cron: minute hour day month weekday)',
    '/cx-digest preview | now | off',
  ),
  cx: lines(
    '/cx help [command]',
    '/cx admins [add|remove @user]',
    '/cx nudges on|off',
    '/cx theme list | add #slug ["Name"] [driver:"Name"] | rename #old #new | move #slug driver:"Name" | merge #from #into',
    '/cx driver list | add "Name" | rename "Old" "New" | delete "Name"',
    '/cx customer list | add "Name" [revenue:N] [core-growth:yes|no] | update "Name" [revenue:N] [core-growth:yes|no]',
  ),
};

/** The usage block shown with every error about a command. */
export function usageFor(name: CommandName): string {
  return `Usage:\n${COMMAND_USAGE[name]}`;
}

/** The list of all commands, shown by /cx and with errors about unknown commands. */
export const GENERAL_HELP = lines(
  'Commands:',
  ...Object.entries(COMMAND_SUMMARIES).map(([name, summary]) => `/${name}  ${summary}`),
  'Type /cx help <command> for details, e.g. /cx help cx-issue.',
);

/** The help for one command: what it does, then its usage. */
export function helpFor(name: CommandName): string {
  return `/${name}: ${COMMAND_SUMMARIES[name]}\n${usageFor(name)}`;
}

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const dayName = (weekday: number): string => DAY_NAMES[weekday % 7] ?? 'Sunday';

/** Plain-words descriptions of a digest schedule, stored with it and shown back. */
export const DIGEST_LABELS = {
  weekly: (weekday: number, time: string): string => `Every ${dayName(weekday)} at ${time}`,
  daily: (time: string): string => `Every day at ${time}`,
  weekdays: (time: string): string => `Every weekday at ${time}`,
  before: (weekday: number, meeting: string, postAt: string, postDay: number): string =>
    `Every ${dayName(postDay)} at ${postAt}, 30 minutes before the ${dayName(weekday)} ${meeting} meeting`,
  cron: (expression: string): string => `On the cron schedule \`${expression}\``,
};

export const CRON_EXAMPLES = lines(
  'Cron has 5 fields: minute hour day-of-month month day-of-week. Examples:',
  '"0 9 * * 1" every Monday at 09:00',
  '"30 8 * * 1-5" weekdays at 08:30',
  '"0 14 1 * *" the 1st of each month at 14:00',
);

export const TIME_ZONE_EXAMPLES =
  'Use an IANA time zone such as Europe/Paris, America/New_York, Asia/Tokyo or UTC.';
