// The command parser's public surface.
export { parseCommand, parseLine, MAX_COMMAND_LENGTH } from './parse-command.js';
export * from './command-types.js';
export { resolveCommandName, resolveTopic, suggestCommand } from './command-names.js';
export {
  COMMAND_SUMMARIES,
  COMMAND_USAGE,
  CRON_EXAMPLES,
  DIGEST_LABELS,
  GENERAL_HELP,
  TIME_ZONE_EXAMPLES,
  helpFor,
  usageFor,
} from './usage.js';
export {
  MAX_CENTS,
  MAX_SLUG_LENGTH,
  parseDate,
  parseDateSpec,
  parseMoney,
  parseNumber,
  parseTimeSpec,
  resolveDateSpec,
  slugify,
} from './values.js';
export type { CalendarDay } from './calendar.js';
export { validateCron } from './cron.js';
export { parseTimeZone } from './time-zone.js';
export { tokenize, type Token } from './tokenize.js';
export type { Outcome } from './outcome.js';
