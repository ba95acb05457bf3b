// /cx-metric: define an internal metric, record readings, show one, list them.
import { z } from 'zod';
import { METRIC_DIRECTIONS, type MetricCommand, type MetricDirection } from './command-types.js';
import { closest } from './edit-distance.js';
import { themeSlugOf } from './issue-command.js';
import { joinText, takeOptions, takeThemes, unexpected, validateCommand } from './options.js';
import { fail, listChoices, ok, quote, type Outcome } from './outcome.js';
import { isoDateSchema, nameSchema, slugSchema } from './shared-schemas.js';
import { tokenize, type Token } from './tokenize.js';
import { choiceValue, dateValue, numberValue, parseText, textValue } from './value-schemas.js';
import { parseNumber } from './values.js';

const WHERE = '/cx-metric';
const VERBS = ['define', 'record', 'show', 'list'] as const;
const MAX_NAME = 200;

const DIRECTION_ALIASES: Readonly<Record<string, MetricDirection>> = {
  'lower-is-better': 'lower',
  down: 'lower',
  less: 'lower',
  'higher-is-better': 'higher',
  up: 'higher',
  more: 'higher',
};

const defineOptions = {
  unit: textValue('unit', 40),
  direction: choiceValue('direction', METRIC_DIRECTIONS, DIRECTION_ALIASES),
  target: numberValue,
  current: numberValue,
};

const finite = z.number().refine(Number.isFinite);

export const metricDefineSchema = z.object({
  kind: z.literal('metric.define'),
  name: nameSchema,
  themeSlug: slugSchema,
  unit: z.string().min(1).max(40),
  direction: z.enum(METRIC_DIRECTIONS),
  target: finite,
  current: finite.exactOptional(),
}) satisfies z.ZodType<MetricCommand>;

export const metricRecordSchema = z.object({
  kind: z.literal('metric.record'),
  name: nameSchema,
  value: finite,
  date: isoDateSchema.exactOptional(),
}) satisfies z.ZodType<MetricCommand>;

export function parseMetricCommand(text: string): Outcome<MetricCommand> {
  const tokens = tokenize(text);
  if (!tokens.ok) return tokens;
  const [first, ...rest] = tokens.value;
  if (first === undefined) return ok({ kind: 'metric.list' });
  const verb = first.type === 'word' && !first.quoted ? first.value.toLowerCase() : '';
  switch (VERBS.find((v) => v === verb)) {
    case 'define':
      return parseDefine(rest);
    case 'record':
      return parseRecord(rest);
    case 'show':
      return parseShow(rest);
    case 'list':
      return rest[0] === undefined
        ? ok({ kind: 'metric.list' })
        : unexpected(rest[0], `${WHERE} list`);
    default: {
      const suggestion = closest(verb, VERBS);
      const hint = suggestion === undefined ? '' : ` Did you mean ${quote(suggestion)}?`;
      return fail(
        'unknown-subcommand',
        `${quote(first.raw)} is not a ${WHERE} subcommand. Use ${listChoices(VERBS)}.${hint}`,
      );
    }
  }
}

/** The metric's name from the words; mentions, links and themes are not part of it. */
function nameFrom(tokens: readonly Token[], where: string, example: string): Outcome<string> {
  const stray = tokens.find((t) => t.type !== 'word');
  if (stray !== undefined) return unexpected(stray, where);
  const name = parseText(joinText(tokens), 'metric name', MAX_NAME);
  if (name.ok || name.code !== 'missing-value') return name;
  return fail('missing-argument', `${quote(where)} needs the metric's name, e.g. ${example}.`);
}

function parseDefine(tokens: readonly Token[]): Outcome<MetricCommand> {
  const where = `${WHERE} define`;
  const taken = takeOptions(tokens, defineOptions, where);
  if (!taken.ok) return taken;
  const split = takeThemes(taken.value.rest, where);
  if (!split.ok) return split;
  const name = nameFrom(
    split.value.rest,
    where,
    '/cx-metric define "Parcels shipped late" #late-delivery',
  );
  if (!name.ok) return name;
  const theme = split.value.themes[0];
  if (theme === undefined)
    return fail('missing-argument', `${quote(where)} needs the #theme the metric predicts.`);
  const themeSlug = themeSlugOf(theme);
  if (!themeSlug.ok) return themeSlug;
  const v = taken.value.values;
  const missing = [
    v.unit === undefined ? 'unit:"…"' : '',
    v.direction === undefined ? 'direction:lower|higher' : '',
    v.target === undefined ? 'target:N' : '',
  ].filter((m) => m !== '');
  if (missing.length > 0) {
    return fail('missing-argument', `${quote(where)} also needs ${listChoices(missing, 'and')}.`);
  }
  return validateCommand(metricDefineSchema, {
    kind: 'metric.define',
    name: name.value,
    themeSlug: themeSlug.value,
    unit: v.unit,
    direction: v.direction,
    target: v.target,
    current: v.current,
  });
}

function parseRecord(tokens: readonly Token[]): Outcome<MetricCommand> {
  const where = `${WHERE} record`;
  const taken = takeOptions(tokens, { date: dateValue }, where);
  if (!taken.ok) return taken;
  const words = taken.value.rest;
  const last = words[words.length - 1];
  const value = last?.type === 'word' && !last.quoted ? parseNumber(last.value) : undefined;
  if (value === undefined || !value.ok) {
    const got = last === undefined ? '' : ` The last word, ${quote(last.raw)}, is not a number.`;
    return fail(
      'missing-argument',
      `${quote(where)} needs the metric's name and then a number, e.g. /cx-metric record "Parcels shipped late" 3.5.${got}`,
    );
  }
  const name = nameFrom(words.slice(0, -1), where, '/cx-metric record "Parcels shipped late" 3.5');
  if (!name.ok) return name;
  return validateCommand(metricRecordSchema, {
    kind: 'metric.record',
    name: name.value,
    value: value.value,
    date: taken.value.values.date,
  });
}

function parseShow(tokens: readonly Token[]): Outcome<MetricCommand> {
  const name = nameFrom(tokens, `${WHERE} show`, '/cx-metric show "Parcels shipped late"');
  return name.ok ? ok({ kind: 'metric.show', name: name.value }) : name;
}
