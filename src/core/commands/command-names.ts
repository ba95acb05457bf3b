// Recognizing command names as users type them: "/cx-issue", "CX-ISSUE", "cx_issue", "issue".
import { COMMAND_NAMES, type CommandName } from './command-types.js';
import { closest } from './edit-distance.js';

/** The command a name refers to, or undefined. Accepts a leading '/', any case, '_' for '-'. */
export function resolveCommandName(raw: string): CommandName | undefined {
  const name = raw.trim().replace(/^\//, '').toLowerCase().replaceAll('_', '-');
  return COMMAND_NAMES.find((known) => known === name);
}

/** Like resolveCommandName, but also accepts the short form after "cx " (e.g. "issue"). */
export function resolveTopic(raw: string): CommandName | undefined {
  return resolveCommandName(raw) ?? resolveCommandName(`cx-${raw.trim().replace(/^\//, '')}`);
}

/** The nearest command name, for "did you mean". */
export function suggestCommand(raw: string): CommandName | undefined {
  const name = raw.trim().replace(/^\//, '').toLowerCase().replaceAll('_', '-');
  const direct = closest(name, COMMAND_NAMES);
  if (direct !== undefined) return direct;
  const short = closest(
    name,
    COMMAND_NAMES.map((n) => n.replace(/^cx-/, '')),
  );
  return short === undefined ? undefined : resolveTopic(short);
}
