// Shared steps of every command parser: pull `key:value` options out of the tokens,
// sort the remaining tokens, and validate the assembled command with its zod schema.
import type { z } from 'zod';
import { closest } from './edit-distance.js';
import { fail, ok, quote, type Outcome } from './outcome.js';
import type { Token } from './tokenize.js';
import type { ValueSchema } from './value-schemas.js';

export type OptionSchemas = Readonly<Record<string, ValueSchema<unknown>>>;
export type OptionValues<S extends OptionSchemas> = { [K in keyof S]?: z.output<S[K]> };

export interface Taken<S extends OptionSchemas> {
  values: OptionValues<S>;
  /** Everything that was not an option, in order. */
  rest: Token[];
}

/**
 * Parses the `key:value` tokens this command knows. `where` names the command in
 * messages (e.g. "/cx-action add"); `aliases` maps alternative keys to canonical ones.
 */
export function takeOptions<S extends OptionSchemas>(
  tokens: readonly Token[],
  schemas: S,
  where: string,
  aliases: Readonly<Record<string, keyof S & string>> = {},
): Outcome<Taken<S>> {
  const values: Record<string, unknown> = {};
  const rest: Token[] = [];
  for (const token of tokens) {
    if (token.type !== 'pair') {
      rest.push(token);
      continue;
    }
    const key = Object.hasOwn(aliases, token.key) ? (aliases[token.key] ?? token.key) : token.key;
    const schema = Object.hasOwn(schemas, key) ? schemas[key] : undefined;
    if (schema === undefined) {
      // "Note:" with nothing after it is prose, not an option.
      if (token.value === '' && !token.quoted) rest.push(asWord(token));
      else return fail('unknown-option', unknownOption(token, Object.keys(schemas), where));
      continue;
    }
    const parsed = parseOption(token, key, schema, values);
    if (!parsed.ok) return parsed;
    values[key] = parsed.value;
  }
  return ok({ values: values as OptionValues<S>, rest });
}

function parseOption(
  token: Token & { type: 'pair' },
  key: string,
  schema: ValueSchema<unknown>,
  seen: Record<string, unknown>,
): Outcome<unknown> {
  if (Object.hasOwn(seen, key)) {
    return fail(
      'duplicate-option',
      `${quote(`${key}:`)} is given twice (${quote(token.raw)}); give it once.`,
    );
  }
  if (token.value.trim() === '') {
    return fail(
      'missing-value',
      `${quote(token.raw)} has no value. Put the value right after the colon, e.g. ${key}:"…".`,
    );
  }
  const parsed = schema.safeParse(token.value);
  if (parsed.success) return ok(parsed.data);
  const message = parsed.error.issues[0]?.message ?? `${quote(token.value)} is not valid.`;
  return fail('invalid-value', `${key}: ${message}`);
}

function unknownOption(
  token: Token & { type: 'pair' },
  keys: readonly string[],
  where: string,
): string {
  const asText = 'To use it as text, put it in quotes.';
  if (keys.length === 0) {
    return `${quote(token.raw)} is not understood: ${where} takes no key:value options. ${asText}`;
  }
  const suggestion = closest(token.key, keys);
  const hint = suggestion === undefined ? '' : ` Did you mean ${suggestion}:?`;
  const valid = keys.map((key) => `${key}:`).join(', ');
  return `${quote(token.raw)} is not understood: ${where} has no ${token.key}: option. Valid options: ${valid}.${hint} ${asText}`;
}

export function asWord(token: Token): Token {
  return {
    type: 'word',
    value: token.raw,
    quoted: false,
    raw: token.raw,
    start: token.start,
    end: token.end,
  };
}

/** The text a token stands for inside free text: a quoted phrase's content, else the raw token. */
export const tokenText = (token: Token): string =>
  token.type === 'word' ? token.value : token.raw;

export const joinText = (tokens: readonly Token[]): string =>
  tokens.map(tokenText).join(' ').trim();

export function unexpected(token: Token, where: string, hint = ''): Outcome<never> {
  const extra = hint === '' ? '' : ` ${hint}`;
  return fail('unexpected-argument', `${quote(token.raw)} was not expected in ${where}.${extra}`);
}

/** Splits the themes from the other tokens; at most `max` themes are allowed. */
export function takeThemes(
  tokens: readonly Token[],
  where: string,
  max = 1,
): Outcome<{ themes: (Token & { type: 'theme' })[]; rest: Token[] }> {
  const themes = tokens.filter((t): t is Token & { type: 'theme' } => t.type === 'theme');
  const extra = themes[max];
  if (extra !== undefined) {
    const shown = themes.map((t) => t.raw).join(' ');
    return fail(
      'unexpected-argument',
      `${where} takes ${max === 1 ? 'one theme' : `${max} themes`}, but got ${quote(shown)}. Extra: ${quote(extra.raw)}.`,
    );
  }
  return ok({ themes, rest: tokens.filter((t) => t.type !== 'theme') });
}

/** Validates an assembled command with its schema. Undefined fields are dropped first. */
export function validateCommand<T>(
  schema: z.ZodType<T>,
  candidate: Record<string, unknown>,
): Outcome<T> {
  const compact = Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined));
  const parsed = schema.safeParse(compact);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const field = issue?.path[0];
  const missing = typeof field === 'string' && compact[field] === undefined;
  return fail(
    missing ? 'missing-argument' : 'invalid-value',
    issue?.message ?? 'That command is not valid.',
  );
}
