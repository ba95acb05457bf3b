// /cx-pareto, /cx-impact, /cx-drivers and /cx-why: the analysis commands.
import { z } from 'zod';
import {
  DRIVER_SEGMENTS,
  PARETO_MEASURES,
  type AnalysisCommand,
  type DriverFilter,
  type ParetoMeasure,
} from './command-types.js';
import { themeSlugOf } from './issue-command.js';
import { joinText, takeOptions, takeThemes, unexpected, validateCommand } from './options.js';
import { fail, ok, quote, type Outcome } from './outcome.js';
import {
  driverFilterSchema,
  isoDateSchema,
  nameSchema,
  slugSchema,
  timeSpecSchema,
} from './shared-schemas.js';
import { tokenize, type Token } from './tokenize.js';
import {
  choiceValue,
  dateValue,
  isIssueNumber,
  parseIssueNumber,
  textValue,
  timeSpecValue,
} from './value-schemas.js';
import { slugify } from './values.js';

const MEASURE_ALIASES: Readonly<Record<string, ParetoMeasure>> = {
  frequency: 'count',
  issues: 'count',
  cost: 'customer-cost',
  customercost: 'customer-cost',
  companycost: 'company-cost',
  'revenue-at-risk': 'revenue',
};

const paretoOptions = {
  by: choiceValue('measure', PARETO_MEASURES, MEASURE_ALIASES),
  since: timeSpecValue,
  until: dateValue,
  driver: textValue('driver name', 200),
};

export const paretoSchema = z.object({
  kind: z.literal('pareto'),
  driver: driverFilterSchema.exactOptional(),
  by: z.enum(PARETO_MEASURES),
  since: timeSpecSchema,
  until: isoDateSchema.exactOptional(),
}) satisfies z.ZodType<AnalysisCommand>;

export const impactSchema = z.object({
  kind: z.literal('impact'),
  themeSlug: slugSchema.exactOptional(),
  driver: driverFilterSchema.exactOptional(),
  since: timeSpecSchema,
}) satisfies z.ZodType<AnalysisCommand>;

export const driversSchema = z.object({
  kind: z.literal('drivers'),
  survey: nameSchema.exactOptional(),
  segment: z.enum(DRIVER_SEGMENTS),
}) satisfies z.ZodType<AnalysisCommand>;

export const whySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('why.list') }),
  z.object({
    kind: z.literal('why.start'),
    target: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('theme'), slug: slugSchema }),
      z.object({ kind: z.literal('issue'), number: z.number().int().positive() }),
    ]),
  }),
]) satisfies z.ZodType<AnalysisCommand>;

/** The driver named by bare words or by driver:"…", but not both. */
function driverFilter(
  words: readonly Token[],
  option: string | undefined,
  where: string,
): Outcome<DriverFilter | undefined> {
  const text = joinText(words);
  if (text !== '' && option !== undefined) {
    return fail(
      'duplicate-option',
      `${where} got two drivers, ${quote(text)} and ${quote(`driver:${option}`)}; give one.`,
    );
  }
  const name = option ?? text;
  if (name === '') return ok(undefined);
  return ok(name.toLowerCase() === 'all' ? { kind: 'all' } : { kind: 'named', name });
}

function onlyWords(tokens: readonly Token[], where: string): Outcome<Token[]> {
  const stray = tokens.find((t) => t.type !== 'word');
  return stray === undefined ? ok([...tokens]) : unexpected(stray, where);
}

export function parseParetoCommand(text: string): Outcome<AnalysisCommand> {
  const where = '/cx-pareto';
  const tokens = tokenize(text);
  if (!tokens.ok) return tokens;
  const taken = takeOptions(tokens.value, paretoOptions, where, { measure: 'by' });
  if (!taken.ok) return taken;
  const words = onlyWords(taken.value.rest, where);
  if (!words.ok) return words;
  const v = taken.value.values;
  const driver = driverFilter(words.value, v.driver, where);
  if (!driver.ok) return driver;
  if (v.since?.kind === 'date' && v.until !== undefined && v.since.date > v.until) {
    return fail('invalid-value', `since:${v.since.date} is after until:${v.until}; swap them.`);
  }
  return validateCommand(paretoSchema, {
    kind: 'pareto',
    driver: driver.value,
    by: v.by ?? 'count',
    since: v.since ?? { kind: 'all' },
    until: v.until,
  });
}

export function parseImpactCommand(text: string): Outcome<AnalysisCommand> {
  const where = '/cx-impact';
  const tokens = tokenize(text);
  if (!tokens.ok) return tokens;
  const taken = takeOptions(
    tokens.value,
    { since: timeSpecValue, driver: paretoOptions.driver },
    where,
  );
  if (!taken.ok) return taken;
  const split = takeThemes(taken.value.rest, where);
  if (!split.ok) return split;
  const words = onlyWords(split.value.rest, where);
  if (!words.ok) return words;
  const driver = driverFilter(words.value, taken.value.values.driver, where);
  if (!driver.ok) return driver;
  const theme = split.value.themes[0];
  const themeSlug = theme === undefined ? undefined : themeSlugOf(theme);
  if (themeSlug?.ok === false) return themeSlug;
  return validateCommand(impactSchema, {
    kind: 'impact',
    themeSlug: themeSlug?.value,
    driver: driver.value,
    since: taken.value.values.since ?? { kind: 'all' },
  });
}

const driversOptions = {
  survey: textValue('survey name', 200),
  segment: choiceValue('segment', DRIVER_SEGMENTS, { 'core-growth': 'core', others: 'rest' }),
};

export function parseDriversCommand(text: string): Outcome<AnalysisCommand> {
  const where = '/cx-drivers';
  const tokens = tokenize(text);
  if (!tokens.ok) return tokens;
  const taken = takeOptions(tokens.value, driversOptions, where);
  if (!taken.ok) return taken;
  const stray = taken.value.rest[0];
  if (stray !== undefined) {
    const value = stray.type === 'word' ? stray.value.toLowerCase() : '';
    const segment = DRIVER_SEGMENTS.find((s) => s === value);
    const hint = segment ? `Did you mean segment:${segment}?` : 'Name a survey with survey:"Name".';
    return unexpected(stray, where, hint);
  }
  return validateCommand(driversSchema, {
    kind: 'drivers',
    survey: taken.value.values.survey,
    segment: taken.value.values.segment ?? 'all',
  });
}

export function parseWhyCommand(text: string): Outcome<AnalysisCommand> {
  const where = '/cx-why';
  const tokens = tokenize(text);
  if (!tokens.ok) return tokens;
  const taken = takeOptions(tokens.value, {}, where);
  if (!taken.ok) return taken;
  const rest = taken.value.rest;
  const [first, second] = rest;
  if (first === undefined) return ok({ kind: 'why.list' });
  if (first.type === 'theme') {
    if (second !== undefined) return unexpected(second, where, 'Give one #theme or one issue id.');
    const slug = themeSlugOf(first);
    if (!slug.ok) return slug;
    return validateCommand(whySchema, {
      kind: 'why.start',
      target: { kind: 'theme', slug: slug.value },
    });
  }
  const words = onlyWords(rest, where);
  if (!words.ok) return words;
  const phrase = joinText(words.value);
  if (rest.length === 1 && phrase.toLowerCase() === 'list') return ok({ kind: 'why.list' });
  if (rest.length === 1 && isIssueNumber(phrase)) {
    const number = parseIssueNumber(phrase);
    if (!number.ok) return number;
    return validateCommand(whySchema, {
      kind: 'why.start',
      target: { kind: 'issue', number: number.value },
    });
  }
  // Forgive a missing '#': "/cx-why late delivery" means the theme late-delivery.
  const slug = slugify(phrase);
  if (slug === '') {
    return fail(
      'invalid-value',
      `${quote(phrase)} is neither a #theme nor an issue id like CX-12.`,
    );
  }
  return validateCommand(whySchema, { kind: 'why.start', target: { kind: 'theme', slug } });
}
