// The internal result of each parsing step. Errors are values so that no input, however
// odd, can reach users as a stack trace.
import type { ParseErrorCode } from './command-types.js';

export type Failure = { ok: false; code: ParseErrorCode; message: string };
export type Outcome<T> = { ok: true; value: T } | Failure;

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });

export const fail = (code: ParseErrorCode, message: string): Failure => ({
  ok: false,
  code,
  message,
});

const QUOTE_LIMIT = 40;

/** Quotes a user's token for an error message, shortened so a 4,000-char paste stays readable. */
export function quote(token: string): string {
  const chars = Array.from(token);
  const shown = chars.length > QUOTE_LIMIT ? `${chars.slice(0, QUOTE_LIMIT).join('')}…` : token;
  return `“${shown}”`;
}

/** Joins choices as "a, b or c" (or "a, b and c") for messages. */
export function listChoices(choices: readonly string[], conjunction = 'or'): string {
  if (choices.length <= 1) return choices.join('');
  return `${choices.slice(0, -1).join(', ')} ${conjunction} ${choices[choices.length - 1] ?? ''}`;
}
