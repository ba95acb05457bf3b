// The one entry point for command text on every platform. It never throws: every
// problem comes back as an error value with a message and the command's usage.
import { parseActionCommand } from './action-command.js';
import { parseAdminCommand } from './admin-command.js';
import {
  parseDriversCommand,
  parseImpactCommand,
  parseParetoCommand,
  parseWhyCommand,
} from './analysis-command.js';
import { resolveCommandName, suggestCommand } from './command-names.js';
import type { Command, CommandName, ParseErrorCode, ParseResult } from './command-types.js';
import { parseDigestCommand } from './digest-command.js';
import { parseIssueCommand } from './issue-command.js';
import { parseMetricCommand } from './metric-command.js';
import { quote, type Outcome } from './outcome.js';
import { cleanInput, splitHead } from './tokenize.js';
import { GENERAL_HELP, usageFor } from './usage.js';

export const MAX_COMMAND_LENGTH = 4000;

const PARSERS: Readonly<Record<CommandName, (text: string) => Outcome<Command>>> = {
  cx: parseAdminCommand,
  'cx-issue': parseIssueCommand,
  'cx-pareto': parseParetoCommand,
  'cx-impact': parseImpactCommand,
  'cx-drivers': parseDriversCommand,
  'cx-why': parseWhyCommand,
  'cx-action': parseActionCommand,
  'cx-metric': parseMetricCommand,
  'cx-digest': parseDigestCommand,
};

// "cx issue …" is read as "cx-issue …" (handy in Teams). "drivers" is not in this list:
// "cx drivers" already means the key-driver catalog.
const SHORTCUTS: readonly string[] = [
  'issue',
  'pareto',
  'impact',
  'why',
  'action',
  'metric',
  'digest',
];

// Leading bot mentions in a message ("@CX Habits cx-why …"); bounded, so linear.
const LEADING_MENTION = /^(?:<at>[^<]{0,200}<\/at>|<@[A-Za-z0-9._-]{1,40}(?:\|[^>]{0,100})?>)\s*/;

/** Parses a slash command: `name` is e.g. "/cx-issue" or "cx-issue", `text` what followed it. */
export function parseCommand(name: string, text: string): ParseResult {
  const command = resolveCommandName(name.slice(0, 100));
  if (command === undefined) return unknownCommand(name);
  return run(command, text);
}

/** Parses a whole message such as `cx-issue late parcel #late-delivery` or `/cx-pareto by:revenue`. */
export function parseLine(line: string): ParseResult {
  if (line.length > MAX_COMMAND_LENGTH) return tooLong(line, undefined);
  let clean = cleanInput(line).trim();
  for (let i = 0; i < 3; i++) clean = clean.replace(LEADING_MENTION, '');
  const { head, rest } = splitHead(clean, 1);
  const first = head[0];
  if (first === undefined) {
    return failure(
      'not-a-command',
      'There is no command in this message. Type cx for the list of commands.',
      undefined,
    );
  }
  const command = resolveCommandName(first);
  if (command !== undefined) return run(command, rest);
  if (/^\/|^cx[-_]/i.test(first)) return unknownCommand(first);
  return failure(
    'not-a-command',
    `${quote(first)} is not a command. Commands start with cx, e.g. cx-issue Parcel arrived late #late-delivery.`,
    undefined,
  );
}

function run(command: CommandName, text: string): ParseResult {
  if (text.length > MAX_COMMAND_LENGTH) return tooLong(text, command);
  const clean = cleanInput(text).trim();
  if (command === 'cx') {
    const { head, rest } = splitHead(clean, 1);
    const shortcut = (head[0] ?? '').toLowerCase();
    if (SHORTCUTS.includes(shortcut)) return run(`cx-${shortcut}` as CommandName, rest);
  }
  const outcome = PARSERS[command](clean);
  if (outcome.ok) return { ok: true, command: outcome.value };
  return failure(outcome.code, outcome.message, command);
}

function failure(
  code: ParseErrorCode,
  message: string,
  command: CommandName | undefined,
): ParseResult {
  if (command === undefined) return { ok: false, error: { code, message, usage: GENERAL_HELP } };
  return { ok: false, error: { code, message, usage: usageFor(command), command } };
}

function unknownCommand(name: string): ParseResult {
  const suggestion = suggestCommand(name.slice(0, 100));
  const hint = suggestion === undefined ? '' : ` Did you mean /${suggestion}?`;
  const shown = name.trim() === '' ? 'An empty name' : quote(name.trim());
  return failure('unknown-command', `${shown} is not a command.${hint}`, undefined);
}

function tooLong(text: string, command: CommandName | undefined): ParseResult {
  const length = text.length.toLocaleString('en-US');
  return failure(
    'too-long',
    `The text starting ${quote(text.slice(0, 60))} is ${length} characters long; the limit is 4,000. Shorten it.`,
    command,
  );
}
