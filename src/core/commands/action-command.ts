// /cx-action: add, list, update, complete, reopen and comment on action plans.
import { z } from 'zod';
import {
  ACTION_LEVELS,
  ACTION_STATUSES,
  type ActionCommand,
  type ActionLevel,
  type ActionListFilter,
  type ActionStatus,
  type UserMention,
} from './command-types.js';
import { closest } from './edit-distance.js';
import { themeSlugOf } from './issue-command.js';
import { joinText, takeOptions, takeThemes, unexpected, validateCommand } from './options.js';
import { fail, listChoices, ok, quote, type Outcome } from './outcome.js';
import { dateSpecSchema, idSchema, slugSchema, userMentionSchema } from './shared-schemas.js';
import { splitHead, tokenize, type Token } from './tokenize.js';
import {
  choiceValue,
  dateSpecValue,
  mentionValue,
  parseActionId,
  parseText,
} from './value-schemas.js';

const WHERE = '/cx-action';
const VERBS = ['add', 'list', 'update', 'done', 'reopen', 'comment'] as const;
const MAX_TITLE = 200;
const MAX_COMMENT = 2000;

const LEVEL_ALIASES: Readonly<Record<string, ActionLevel>> = {
  instance: 'resolve',
  'resolve-instance': 'resolve',
  fix: 'resolve',
  'prevent-recurrence': 'recurrence',
  'prevent-occurrence': 'occurrence',
};
const STATUS_ALIASES: Readonly<Record<string, ActionStatus>> = {
  todo: 'planned',
  'to-do': 'planned',
  inprogress: 'in-progress',
  doing: 'in-progress',
  started: 'in-progress',
  complete: 'done',
  completed: 'done',
};

const changeOptions = {
  owner: mentionValue,
  due: dateSpecValue,
  level: choiceValue('level', ACTION_LEVELS, LEVEL_ALIASES),
  status: choiceValue('status', ACTION_STATUSES, STATUS_ALIASES),
};
const { status: _status, ...addOptions } = changeOptions;

export const actionAddSchema = z.object({
  kind: z.literal('action.add'),
  title: z.string().min(1).max(MAX_TITLE),
  themeSlug: slugSchema,
  owner: userMentionSchema.exactOptional(),
  due: dateSpecSchema,
  level: z.enum(ACTION_LEVELS),
}) satisfies z.ZodType<ActionCommand>;

export const actionUpdateSchema = z.object({
  kind: z.literal('action.update'),
  id: idSchema,
  status: z.enum(ACTION_STATUSES).exactOptional(),
  owner: userMentionSchema.exactOptional(),
  due: dateSpecSchema.exactOptional(),
  level: z.enum(ACTION_LEVELS).exactOptional(),
}) satisfies z.ZodType<ActionCommand>;

export function parseActionCommand(text: string): Outcome<ActionCommand> {
  const { head } = splitHead(text, 1);
  const verb = (head[0] ?? '').toLowerCase();
  if (verb === '') return ok({ kind: 'action.list', filter: { kind: 'all' } });
  // A comment is free text: it is taken verbatim, never tokenized.
  if (verb === 'comment') return parseComment(text);
  const tokens = tokenize(text);
  if (!tokens.ok) return tokens;
  const [first, ...rest] = tokens.value;
  const known = first?.type === 'word' && !first.quoted ? VERBS.find((v) => v === verb) : undefined;
  switch (known) {
    case 'add':
      return parseAdd(rest);
    case 'list':
      return parseList(rest);
    case 'update':
      return parseUpdate(rest);
    case 'done':
    case 'reopen':
      return parseIdOnly(rest, known);
    default: {
      const suggestion = closest(verb, VERBS);
      const hint = suggestion === undefined ? '' : ` Did you mean ${quote(suggestion)}?`;
      return fail(
        'unknown-subcommand',
        `${quote(head[0] ?? '')} is not a ${WHERE} subcommand. Use ${listChoices(VERBS)}.${hint}`,
      );
    }
  }
}

/** A standalone @mention is taken as the owner, unless owner: is given too. */
function ownerOf(
  mentions: readonly Token[],
  option: UserMention | undefined,
  where: string,
): Outcome<UserMention | undefined> {
  const [mention, extra] = mentions;
  if (mention === undefined) return ok(option);
  if (option !== undefined || extra !== undefined) {
    return unexpected(extra ?? mention, where, 'Give one owner.');
  }
  return mention.type === 'mention' ? ok(mention.mention) : ok(option);
}

function parseAdd(tokens: readonly Token[]): Outcome<ActionCommand> {
  const where = `${WHERE} add`;
  const taken = takeOptions(tokens, addOptions, where);
  if (!taken.ok) return taken;
  const split = takeThemes(taken.value.rest, where);
  if (!split.ok) return split;
  const v = taken.value.values;
  const mentions = split.value.rest.filter((t) => t.type === 'mention');
  const owner = ownerOf(mentions, v.owner, where);
  if (!owner.ok) return owner;
  const title = titleOf(
    split.value.rest.filter((t) => t.type !== 'mention'),
    where,
  );
  if (!title.ok) return title;
  const theme = split.value.themes[0];
  if (theme === undefined) {
    return fail('missing-argument', `${quote(where)} needs a #theme, e.g. #late-delivery.`);
  }
  const themeSlug = themeSlugOf(theme);
  if (!themeSlug.ok) return themeSlug;
  if (v.due === undefined || v.level === undefined) {
    const need = v.due === undefined ? ADD_NEEDS.due : ADD_NEEDS.level;
    return fail('missing-argument', `${quote(where)} needs ${need}.`);
  }
  return validateCommand(actionAddSchema, {
    kind: 'action.add',
    title: title.value,
    themeSlug: themeSlug.value,
    owner: owner.value,
    due: v.due,
    level: v.level,
  });
}

const ADD_NEEDS = {
  due: 'a due date, e.g. due:friday or due:2026-12-01',
  level: 'a level: level:resolve, level:recurrence or level:occurrence',
};

function titleOf(words: readonly Token[], where: string): Outcome<string> {
  const title = parseText(joinText(words), 'title', MAX_TITLE);
  if (title.ok || title.code !== 'missing-value') return title;
  return fail(
    'missing-argument',
    `${quote(where)} needs a title, e.g. /cx-action add "Print labels at packing" #late-delivery due:friday level:recurrence.`,
  );
}

const LIST_FILTERS: Readonly<Record<string, ActionListFilter>> = {
  all: { kind: 'all' },
  mine: { kind: 'mine' },
  my: { kind: 'mine' },
  overdue: { kind: 'overdue' },
  late: { kind: 'overdue' },
  week: { kind: 'week' },
  'this-week': { kind: 'week' },
};

function parseList(tokens: readonly Token[]): Outcome<ActionCommand> {
  const where = `${WHERE} list`;
  const taken = takeOptions(tokens, {}, where);
  if (!taken.ok) return taken;
  const [filter, extra] = taken.value.rest;
  if (filter === undefined) return ok({ kind: 'action.list', filter: { kind: 'all' } });
  if (extra !== undefined) return unexpected(extra, where, 'Give one filter.');
  if (filter.type === 'theme') {
    const slug = themeSlugOf(filter);
    return slug.ok
      ? ok({ kind: 'action.list', filter: { kind: 'theme', slug: slug.value } })
      : slug;
  }
  const key = filter.type === 'word' ? filter.value.toLowerCase() : '';
  const known = Object.hasOwn(LIST_FILTERS, key) ? LIST_FILTERS[key] : undefined;
  if (known !== undefined) return ok({ kind: 'action.list', filter: known });
  return unexpected(filter, where, 'Use mine, overdue, week or a #theme.');
}

function idFrom(tokens: readonly Token[], where: string): Outcome<number> {
  const [id] = tokens;
  if (id === undefined)
    return fail('missing-argument', `${quote(where)} needs an action id, e.g. A-7.`);
  return parseActionId(id.type === 'word' ? id.value : id.raw);
}

function parseIdOnly(tokens: readonly Token[], verb: 'done' | 'reopen'): Outcome<ActionCommand> {
  const where = `${WHERE} ${verb}`;
  const id = idFrom(tokens, where);
  if (!id.ok) return id;
  const extra = tokens[1];
  if (extra !== undefined) return unexpected(extra, where, 'Give one action id.');
  return ok({ kind: verb === 'done' ? 'action.done' : 'action.reopen', id: id.value });
}

function parseUpdate(tokens: readonly Token[]): Outcome<ActionCommand> {
  const where = `${WHERE} update`;
  const id = idFrom(tokens, where);
  if (!id.ok) return id;
  const taken = takeOptions(tokens.slice(1), changeOptions, where);
  if (!taken.ok) return taken;
  const stray = taken.value.rest.filter((t) => t.type !== 'mention');
  if (stray[0] !== undefined)
    return unexpected(stray[0], where, 'Changes look like status:done or due:friday.');
  const v = taken.value.values;
  const owner = ownerOf(taken.value.rest, v.owner, where);
  if (!owner.ok) return owner;
  const candidate = {
    kind: 'action.update',
    id: id.value,
    status: v.status,
    owner: owner.value,
    due: v.due,
    level: v.level,
  };
  if (Object.values(candidate).filter((x) => x !== undefined).length <= 2) {
    return fail(
      'missing-argument',
      `${quote(where)} needs something to change: status:, owner:, due: or level:.`,
    );
  }
  return validateCommand(actionUpdateSchema, candidate);
}

function parseComment(text: string): Outcome<ActionCommand> {
  const where = `${WHERE} comment`;
  const { head, rest } = splitHead(text, 2);
  const rawId = head[1];
  if (rawId === undefined)
    return fail(
      'missing-argument',
      `${quote(where)} needs an action id and your text, e.g. /cx-action comment A-7 Labels printer arrives Monday.`,
    );
  const id = parseActionId(rawId);
  if (!id.ok) return id;
  const comment = parseText(rest, 'comment', MAX_COMMENT);
  if (!comment.ok) {
    return comment.code === 'missing-value'
      ? fail('missing-argument', `${quote(`${where} ${rawId}`)} needs your comment after the id.`)
      : comment;
  }
  return ok({ kind: 'action.comment', id: id.value, text: comment.value });
}
