// /cx-issue: log an issue (or open the form), list issues, show one.
import { z } from 'zod';
import { ISSUE_SOURCES, type IssueSource } from '../domain/types.js';
import type { IssueCommand, IssueLogCommand } from './command-types.js';
import { joinText, takeOptions, takeThemes, unexpected, validateCommand } from './options.js';
import { fail, ok, quote, type Outcome } from './outcome.js';
import { tokenize, type Token } from './tokenize.js';
import {
  choiceValue,
  dateValue,
  moneyValue,
  parseIssueNumber,
  textValue,
  timeSpecValue,
} from './value-schemas.js';
import { slugify } from './values.js';
import {
  centsSchema as cents,
  isoDateSchema as isoDate,
  slugSchema as slug,
  timeSpecSchema,
} from './shared-schemas.js';

export const MAX_SUMMARY_LENGTH = 300;
const WHERE = '/cx-issue';

const SOURCE_ALIASES: Readonly<Record<string, IssueSource>> = {
  complaints: 'complaint',
  returns: 'return',
  inquiries: 'inquiry',
  enquiry: 'inquiry',
  question: 'inquiry',
  surveys: 'survey',
};

export const issueLogOptions = {
  customer: textValue('customer name', 200),
  cost: moneyValue,
  'company-cost': moneyValue,
  source: choiceValue('source', ISSUE_SOURCES, SOURCE_ALIASES),
  driver: textValue('driver name', 100),
  date: dateValue,
};
const LOG_ALIASES = { 'customer-cost': 'cost', companycost: 'company-cost' } as const;

const summary = z.string().superRefine((text, ctx) => {
  const length = Array.from(text).length;
  if (length === 0) {
    ctx.addIssue({
      code: 'custom',
      message: `${WHERE} needs a summary, e.g. /cx-issue Parcel arrived late #late-delivery.`,
    });
  } else if (length > MAX_SUMMARY_LENGTH) {
    ctx.addIssue({
      code: 'custom',
      message: `The summary ${quote(text)} is ${length} characters long; the limit is ${MAX_SUMMARY_LENGTH}. Shorten it.`,
    });
  }
});

export const issueLogSchema = z.object({
  kind: z.literal('issue.log'),
  summary,
  themeSlug: slug.exactOptional(),
  themeName: z.string().min(1).exactOptional(),
  customer: z.string().min(1).exactOptional(),
  customerCostCents: cents.exactOptional(),
  companyCostCents: cents.exactOptional(),
  source: z.enum(ISSUE_SOURCES),
  driver: z.string().min(1).exactOptional(),
  date: isoDate.exactOptional(),
}) satisfies z.ZodType<IssueLogCommand>;

export const issueListSchema = z.object({
  kind: z.literal('issue.list'),
  themeSlug: slug.exactOptional(),
  customer: z.string().min(1).exactOptional(),
  since: timeSpecSchema.exactOptional(),
  search: z
    .string()
    .min(1)
    .max(200, { error: 'The search text is limited to 200 characters.' })
    .exactOptional(),
}) satisfies z.ZodType<IssueCommand>;

export const issueShowSchema = z.object({
  kind: z.literal('issue.show'),
  number: z.number().int().positive(),
}) satisfies z.ZodType<IssueCommand>;

export function parseIssueCommand(text: string): Outcome<IssueCommand> {
  const tokens = tokenize(text);
  if (!tokens.ok) return tokens;
  const [first, ...rest] = tokens.value;
  if (first === undefined) return ok({ kind: 'issue.form' });
  const verb = first.type === 'word' && !first.quoted ? first.value.toLowerCase() : '';
  if (verb === 'list') return parseList(rest);
  if (verb === 'show') return parseShow(rest);
  return parseLog(tokens.value);
}

/** The slug of a `#theme` token, or a message when nothing of it survives slugify. */
export function themeSlugOf(theme: Token & { type: 'theme' }): Outcome<string> {
  const themeSlug = slugify(theme.name);
  if (themeSlug !== '') return ok(themeSlug);
  return fail('invalid-value', `The theme ${quote(theme.raw)} has no letters or digits.`);
}

function parseLog(tokens: readonly Token[]): Outcome<IssueCommand> {
  const taken = takeOptions(tokens, issueLogOptions, WHERE, LOG_ALIASES);
  if (!taken.ok) return taken;
  const split = takeThemes(taken.value.rest, WHERE);
  if (!split.ok) return split;
  const theme = split.value.themes[0];
  const themeSlug = theme === undefined ? undefined : themeSlugOf(theme);
  if (themeSlug?.ok === false) return themeSlug;
  const v = taken.value.values;
  const summaryText = joinText(split.value.rest);
  if (summaryText === '') {
    return fail(
      'missing-argument',
      `${quote(tokens.map((t) => t.raw).join(' '))} has no summary. Start with a few words, e.g. /cx-issue Parcel arrived late #late-delivery.`,
    );
  }
  return validateCommand(issueLogSchema, {
    kind: 'issue.log',
    summary: summaryText,
    themeSlug: themeSlug?.value,
    themeName: theme?.name,
    customer: v.customer,
    customerCostCents: v.cost,
    companyCostCents: v['company-cost'],
    source: v.source ?? 'complaint',
    driver: v.driver,
    date: v.date,
  });
}

const listOptions = { customer: issueLogOptions.customer, since: timeSpecValue };

function parseList(tokens: readonly Token[]): Outcome<IssueCommand> {
  const where = `${WHERE} list`;
  const taken = takeOptions(tokens, listOptions, where);
  if (!taken.ok) return taken;
  const split = takeThemes(taken.value.rest, where);
  if (!split.ok) return split;
  const theme = split.value.themes[0];
  const themeSlug = theme === undefined ? undefined : themeSlugOf(theme);
  if (themeSlug?.ok === false) return themeSlug;
  const search = joinText(split.value.rest);
  return validateCommand(issueListSchema, {
    kind: 'issue.list',
    themeSlug: themeSlug?.value,
    customer: taken.value.values.customer,
    since: taken.value.values.since,
    search: search === '' ? undefined : search,
  });
}

function parseShow(tokens: readonly Token[]): Outcome<IssueCommand> {
  const [id, extra] = tokens;
  if (id === undefined) {
    return fail(
      'missing-argument',
      `${quote(`${WHERE} show`)} needs an issue id, e.g. /cx-issue show CX-12.`,
    );
  }
  if (extra !== undefined) return unexpected(extra, `${WHERE} show`, 'Give one issue id.');
  const number = parseIssueNumber(id.raw);
  if (!number.ok) return number;
  return validateCommand(issueShowSchema, { kind: 'issue.show', number: number.value });
}
