// /cx: help, the admins list and nudges. Themes, drivers and customers are in catalog-command.
import type { AdminCommand } from './command-types.js';
import { resolveTopic, suggestCommand } from './command-names.js';
import { closest } from './edit-distance.js';
import { parseCatalogCommand } from './catalog-command.js';
import { takeOptions, unexpected } from './options.js';
import { fail, listChoices, ok, quote, type Outcome } from './outcome.js';
import { tokenize, type Token } from './tokenize.js';
import { parseChoice, parseMention } from './value-schemas.js';

const WHERE = '/cx';
export const CX_SUBCOMMANDS = ['help', 'admins', 'nudges', 'theme', 'driver', 'customer'] as const;
type Subcommand = (typeof CX_SUBCOMMANDS)[number];
const SUBCOMMAND_ALIASES: Readonly<Record<string, Subcommand>> = {
  admin: 'admins',
  nudge: 'nudges',
  themes: 'theme',
  drivers: 'driver',
  'key-driver': 'driver',
  customers: 'customer',
};

export function parseAdminCommand(text: string): Outcome<AdminCommand> {
  const tokens = tokenize(text);
  if (!tokens.ok) return tokens;
  const [first, ...rest] = tokens.value;
  if (first === undefined) return ok({ kind: 'help' });
  const word = first.type === 'word' && !first.quoted ? first.value.toLowerCase() : '';
  const sub =
    CX_SUBCOMMANDS.find((s) => s === word) ??
    (Object.hasOwn(SUBCOMMAND_ALIASES, word) ? SUBCOMMAND_ALIASES[word] : undefined);
  switch (sub) {
    case 'help':
      return parseHelp(rest);
    case 'admins':
      return parseAdmins(rest);
    case 'nudges':
      return parseNudges(rest);
    case 'theme':
    case 'driver':
    case 'customer':
      return parseCatalogCommand(sub, rest);
    default: {
      const suggestion = closest(word, CX_SUBCOMMANDS);
      const hint = suggestion === undefined ? '' : ` Did you mean ${quote(suggestion)}?`;
      return fail(
        'unknown-subcommand',
        `${quote(first.raw)} is not a ${WHERE} subcommand. Use ${listChoices(CX_SUBCOMMANDS)}.${hint}`,
      );
    }
  }
}

function parseHelp(tokens: readonly Token[]): Outcome<AdminCommand> {
  const [topic, extra] = tokens;
  if (topic === undefined) return ok({ kind: 'help' });
  if (extra !== undefined) return unexpected(extra, `${WHERE} help`, 'Ask about one command.');
  const name = resolveTopic(topic.type === 'word' ? topic.value : topic.raw);
  if (name !== undefined) return ok({ kind: 'help', topic: name });
  const suggestion = suggestCommand(topic.raw);
  const hint = suggestion === undefined ? '' : ` Did you mean /${suggestion}?`;
  return fail('unknown-command', `${quote(topic.raw)} is not a command.${hint}`);
}

function parseAdmins(tokens: readonly Token[]): Outcome<AdminCommand> {
  const where = `${WHERE} admins`;
  const taken = takeOptions(tokens, {}, where);
  if (!taken.ok) return taken;
  const [verbToken, user, extra] = taken.value.rest;
  const verb = verbToken?.type === 'word' ? verbToken.value.toLowerCase() : '';
  if (verbToken === undefined || verb === 'list') {
    return user === undefined ? ok({ kind: 'admins.list' }) : unexpected(user, where);
  }
  if (verb !== 'add' && verb !== 'remove') {
    return fail(
      'unknown-subcommand',
      `${quote(verbToken.raw)} is not understood: use ${where} add @user or ${where} remove @user.`,
    );
  }
  if (user === undefined) {
    return fail(
      'missing-argument',
      `${quote(`${where} ${verb}`)} needs a person, e.g. ${where} ${verb} @ana.`,
    );
  }
  if (extra !== undefined)
    return unexpected(extra, `${where} ${verb}`, 'Give one person at a time.');
  const mention = parseMention(user.raw);
  if (!mention.ok) return mention;
  return ok({ kind: verb === 'add' ? 'admins.add' : 'admins.remove', user: mention.value });
}

function parseNudges(tokens: readonly Token[]): Outcome<AdminCommand> {
  const where = `${WHERE} nudges`;
  const [state, extra] = tokens;
  if (state === undefined) return fail('missing-argument', `${quote(where)} needs on or off.`);
  if (extra !== undefined) return unexpected(extra, where);
  const choice = parseChoice(state.raw, 'setting', ['on', 'off'], {
    yes: 'on',
    enable: 'on',
    true: 'on',
    no: 'off',
    disable: 'off',
    false: 'off',
  });
  return choice.ok ? ok({ kind: 'nudges.set', enabled: choice.value === 'on' }) : choice;
}
