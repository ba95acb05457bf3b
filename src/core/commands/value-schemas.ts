// zod schemas for option values. Each takes the raw string after `key:` and yields the
// typed value, or one issue whose message quotes the raw text.
import { z } from 'zod';
import type { UserMention } from './command-types.js';
import { closest } from './edit-distance.js';
import { fail, listChoices, ok, quote, type Outcome } from './outcome.js';
import { tokenize } from './tokenize.js';
import { parseDate, parseDateSpec, parseMoney, parseNumber, parseTimeSpec } from './values.js';

export type ValueSchema<T> = z.ZodType<T, string>;

/** Wraps an Outcome-returning parser as a zod schema, keeping the parser's message. */
export function fromParser<T>(parse: (raw: string) => Outcome<T>): ValueSchema<T> {
  return z.string().transform((raw, ctx): T => {
    const result = parse(raw);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  });
}

export const moneyValue = fromParser(parseMoney);
export const numberValue = fromParser(parseNumber);
export const dateValue = fromParser(parseDate);
export const timeSpecValue = fromParser(parseTimeSpec);
export const dateSpecValue = fromParser(parseDateSpec);

/** Free text such as a customer or driver name: trimmed, non-empty, bounded. */
export function textValue(what: string, max: number): ValueSchema<string> {
  return fromParser((raw) => parseText(raw, what, max));
}

export function parseText(raw: string, what: string, max: number): Outcome<string> {
  const text = raw.trim();
  if (text === '') return fail('missing-value', `The ${what} is empty.`);
  const length = Array.from(text).length;
  if (length > max) {
    return fail(
      'invalid-value',
      `The ${what} ${quote(text)} is ${length} characters long; the limit is ${max}.`,
    );
  }
  return ok(text);
}

const normalizeChoice = (raw: string): string =>
  raw.trim().toLowerCase().replaceAll('_', '-').replaceAll(' ', '-');

/** One of a fixed list, with friendly aliases; suggests the nearest choice on a typo. */
export function parseChoice<T extends string>(
  raw: string,
  what: string,
  choices: readonly T[],
  aliases: Readonly<Record<string, T>> = {},
): Outcome<T> {
  const text = normalizeChoice(raw);
  const direct = choices.find((choice) => choice === text);
  if (direct !== undefined) return ok(direct);
  if (Object.hasOwn(aliases, text)) {
    const alias = aliases[text];
    if (alias !== undefined) return ok(alias);
  }
  const suggestion = closest(text, [...choices, ...Object.keys(aliases)]);
  const hint = suggestion === undefined ? '' : ` Did you mean ${quote(suggestion)}?`;
  return fail(
    'invalid-value',
    `${quote(raw)} is not a valid ${what}. Use ${listChoices(choices)}.${hint}`,
  );
}

export function choiceValue<T extends string>(
  what: string,
  choices: readonly T[],
  aliases: Readonly<Record<string, T>> = {},
): ValueSchema<T> {
  return fromParser((raw) => parseChoice(raw, what, choices, aliases));
}

export const yesNoValue = fromParser((raw) => {
  const answer = parseChoice(raw, 'answer', ['yes', 'no'], {
    y: 'yes',
    true: 'yes',
    on: 'yes',
    n: 'no',
    false: 'no',
    off: 'no',
  });
  return answer.ok ? ok(answer.value === 'yes') : answer;
});

/** `<@U123|ana>`, `<@U123>`, `@ana`, `<at>Ana</at>`, `me` or a bare name. */
export function parseMention(raw: string): Outcome<UserMention> {
  const tokens = tokenize(raw.trim());
  const only = tokens.ok && tokens.value.length === 1 ? tokens.value[0] : undefined;
  if (only?.type === 'mention') return ok(only.mention);
  if (only?.type === 'word' && !only.quoted && /^[\p{L}\p{N}._-]{1,80}$/u.test(only.value)) {
    return ok(
      only.value.toLowerCase() === 'me' ? { kind: 'self' } : { kind: 'name', name: only.value },
    );
  }
  return fail(
    'invalid-value',
    `${quote(raw)} is not a person. Mention them, e.g. @ana, or write me.`,
  );
}

export const mentionValue = fromParser(parseMention);

const ACTION_ID = /^(?:#|a-?)?(\d{1,9})$/i;
const ISSUE_NUMBER = /^(?:#|cx-?)?(\d{1,9})$/i;

/** An action plan id: `A-7`, `a7` or `7`. */
export function parseActionId(raw: string): Outcome<number> {
  const match = ACTION_ID.exec(raw.trim());
  const id = match ? Number(match[1]) : 0;
  if (id > 0) return ok(id);
  return fail('invalid-value', `${quote(raw)} is not an action id. Ids look like A-7.`);
}

/** An issue number: `CX-12`, `cx12`, `#12` or `12`. */
export function parseIssueNumber(raw: string): Outcome<number> {
  const match = ISSUE_NUMBER.exec(raw.trim());
  const id = match ? Number(match[1]) : 0;
  if (id > 0) return ok(id);
  return fail('invalid-value', `${quote(raw)} is not an issue id. Ids look like CX-12.`);
}

export const isIssueNumber = (raw: string): boolean => ISSUE_NUMBER.test(raw.trim());
