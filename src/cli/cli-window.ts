// --since/--until for reports, parsed with the same value grammar as the chat commands.
import { AppError } from '../core/domain/errors.js';
import { parseDate, parseTimeSpec } from '../core/commands/index.js';
import { describeWindow, resolveWindow } from '../core/use-cases/time-window.js';
import type { TimeWindow } from '../core/domain/types.js';

export const cliWindow = (
  values: Record<string, string | boolean | undefined>,
  now: Date,
): { window: TimeWindow; windowLabel: string } => {
  const sinceRaw = values.since;
  const untilRaw = values.until;
  const since = typeof sinceRaw === 'string' ? parseTimeSpec(sinceRaw) : undefined;
  if (since && !since.ok) throw new AppError('cli.since', `--since: ${since.message}`);
  const until = typeof untilRaw === 'string' ? parseDate(untilRaw) : undefined;
  if (until && !until.ok) throw new AppError('cli.until', `--until: ${until.message}`);
  const untilSpec = until ? { kind: 'date' as const, date: until.value } : undefined;
  return {
    window: resolveWindow(since?.value, untilSpec, now),
    windowLabel: describeWindow(since?.value, untilSpec),
  };
};
