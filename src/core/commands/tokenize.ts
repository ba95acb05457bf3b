// Splits command text into tokens in one left-to-right pass. No regex runs over the
// whole input, so the cost stays linear even for a 4,000-character paste.
import type { UserMention } from './command-types.js';
import { fail, ok, quote, type Outcome } from './outcome.js';

interface Span {
  raw: string;
  start: number;
  end: number;
}

export type Token =
  | (Span & { type: 'word'; value: string; quoted: boolean })
  | (Span & { type: 'pair'; key: string; value: string; quoted: boolean })
  | (Span & { type: 'theme'; name: string })
  | (Span & { type: 'mention'; mention: UserMention })
  | (Span & { type: 'link'; url: string; label?: string });

// Each opening quote and the characters that may close it (phones and word processors
// mix their smart quotes, so “…“ and „…“ are accepted too).
const CLOSERS: Readonly<Record<string, string>> = {
  '"': '"',
  "'": "'",
  '“': '”“',
  '”': '”',
  '‘': '’',
  '„': '“”',
  '«': '»',
};
const SPACE = /\s/;
const KEY = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;
const THEME_CHARS = /^[\p{L}\p{N}\p{M}_-]+$/u;
const DIGITS = /^\d+$/;
const SLACK_ID = /^[A-Za-z0-9._-]+$/;
const LINK = /^(?:https?:\/\/|mailto:)/i;
const TRAILING_PUNCTUATION = '.,;:!?)]}';
// Slack's <…> forms are short; a window keeps stray '<' characters from rescanning the input.
const ANGLE_WINDOW = 512;

const isSpace = (ch: string | undefined): boolean => ch !== undefined && SPACE.test(ch);
const isOpener = (ch: string | undefined): boolean => ch !== undefined && ch in CLOSERS;

/** Removes control characters (keeping tabs and newlines) and invisible zero-width junk. */
export function cleanInput(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const control = code < 0x20 || (code >= 0x7f && code <= 0x9f);
    if (ch === '\t' || ch === '\n') out += ch;
    else if (!control && ch !== '\u200b' && ch !== '\ufeff') out += ch;
  }
  return out;
}

export function tokenize(text: string): Outcome<Token[]> {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (isSpace(text[i])) {
      i++;
      continue;
    }
    const read = readToken(text, i);
    if (!read.ok) return read;
    tokens.push(read.value);
    i = read.value.end;
  }
  return ok(tokens);
}

/** The first `count` whitespace-separated words and the untouched text after them. */
export function splitHead(text: string, count: number): { head: string[]; rest: string } {
  const head: string[] = [];
  let i = 0;
  while (head.length < count) {
    while (i < text.length && isSpace(text[i])) i++;
    if (i >= text.length) break;
    const start = i;
    while (i < text.length && !isSpace(text[i])) i++;
    head.push(text.slice(start, i));
  }
  return { head, rest: text.slice(i).trim() };
}

function readToken(text: string, start: number): Outcome<Token> {
  const ch = text[start];
  if (isOpener(ch)) {
    const quoted = readQuoted(text, start);
    if (!quoted.ok) return quoted;
    const { value, end } = quoted.value;
    return ok({ type: 'word', value, quoted: true, raw: text.slice(start, end), start, end });
  }
  if (ch === '<') {
    const angle = readAngle(text, start);
    if (angle) return ok(angle);
  }
  if (ch === '#') return readTheme(text, start);
  if (ch === '@') return ok(readAtMention(text, start));
  return readBare(text, start);
}

function readQuoted(text: string, start: number): Outcome<{ value: string; end: number }> {
  const opener = text[start] ?? '"';
  const closers = CLOSERS[opener] ?? '"';
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === '\\' && i + 1 < text.length) {
      value += text[i + 1];
      i += 2;
      continue;
    }
    if (closers.includes(c)) return ok({ value, end: i + 1 });
    value += c;
    i++;
  }
  return fail(
    'unterminated-quote',
    `The quote ${quote(text.slice(start))} is never closed. Add a closing ${closers[0] ?? '"'} or remove the opening ${opener}.`,
  );
}

function runEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length && !isSpace(text[i])) i++;
  return i;
}

function trimPunctuation(run: string): string {
  let end = run.length;
  while (end > 0 && TRAILING_PUNCTUATION.includes(run[end - 1] ?? '')) end--;
  return run.slice(0, end);
}

function readAngle(text: string, start: number): Token | undefined {
  const window = text.slice(start, start + ANGLE_WINDOW);
  if (window.startsWith('<at>')) {
    // Teams writes mentions as <at>Name</at>.
    const close = window.indexOf('</at>');
    const name = close > 4 ? window.slice(4, close).trim() : '';
    if (name === '') return undefined;
    const end = start + close + 5;
    return {
      type: 'mention',
      mention: { kind: 'name', name },
      raw: text.slice(start, end),
      start,
      end,
    };
  }
  const close = window.indexOf('>');
  if (close < 2) return undefined;
  const end = start + close + 1;
  const span = { raw: text.slice(start, end), start, end };
  const inner = window.slice(1, close);
  const bar = inner.indexOf('|');
  const head = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? '' : inner.slice(bar + 1).trim();
  if (head.startsWith('@')) {
    const mention = parseSlackMention(head.slice(1), label);
    return mention ? { type: 'mention', mention, ...span } : undefined;
  }
  // Slack turns #channel-like words into <#C123|name>; the name is what the user typed.
  if (head.startsWith('#')) return label ? { type: 'theme', name: label, ...span } : undefined;
  if (head.startsWith('!')) return { type: 'word', value: span.raw, quoted: false, ...span };
  if (LINK.test(head)) {
    return label
      ? { type: 'link', url: head, label, ...span }
      : { type: 'link', url: head, ...span };
  }
  return undefined;
}

function parseSlackMention(id: string, label: string): UserMention | undefined {
  if (!SLACK_ID.test(id)) return undefined;
  return label ? { kind: 'id', userId: id, name: label } : { kind: 'id', userId: id };
}

function readTheme(text: string, start: number): Outcome<Token> {
  if (isOpener(text[start + 1])) {
    const quoted = readQuoted(text, start + 1);
    if (!quoted.ok) return quoted;
    const { value, end } = quoted.value;
    return ok({ type: 'theme', name: value.trim(), raw: text.slice(start, end), start, end });
  }
  const end = runEnd(text, start);
  const raw = text.slice(start, end);
  const name = trimPunctuation(raw.slice(1));
  // "#" alone and "#12345" (an order or ticket number) are words, not themes.
  if (name === '' || DIGITS.test(name)) {
    return ok({ type: 'word', value: raw, quoted: false, raw, start, end });
  }
  if (!THEME_CHARS.test(name)) {
    return fail(
      'invalid-value',
      `The theme ${quote(raw)} can only use letters, digits, - and _. For a name with spaces or punctuation, quote it: #"Late delivery".`,
    );
  }
  return ok({ type: 'theme', name, raw, start, end });
}

function readAtMention(text: string, start: number): Token {
  const end = runEnd(text, start);
  const raw = text.slice(start, end);
  const name = trimPunctuation(raw.slice(1));
  if (name === '') return { type: 'word', value: raw, quoted: false, raw, start, end };
  const mention: UserMention =
    name.toLowerCase() === 'me' ? { kind: 'self' } : { kind: 'name', name };
  return { type: 'mention', mention, raw, start, end };
}

function readBare(text: string, start: number): Outcome<Token> {
  const end = runEnd(text, start);
  let sep = start;
  while (sep < end && text[sep] !== ':' && text[sep] !== '=') sep++;
  const key = text.slice(start, sep);
  if (sep < end && KEY.test(key) && !text.startsWith('//', sep + 1)) {
    return readPairValue(text, start, sep, key.toLowerCase().replaceAll('_', '-'));
  }
  const raw = text.slice(start, end);
  return ok({ type: 'word', value: raw, quoted: false, raw, start, end });
}

function readPairValue(text: string, start: number, sep: number, key: string): Outcome<Token> {
  const valueStart = sep + 1;
  const first = text[valueStart];
  if (isOpener(first)) {
    const quoted = readQuoted(text, valueStart);
    if (!quoted.ok) return quoted;
    const { value, end } = quoted.value;
    return ok({ type: 'pair', key, value, quoted: true, raw: text.slice(start, end), start, end });
  }
  let end = runEnd(text, valueStart);
  if (first === '<') {
    // owner:<@U123|Ana Lima>: the label may contain spaces.
    const close = text.slice(valueStart, valueStart + ANGLE_WINDOW).indexOf('>');
    if (close > 0) end = Math.max(end, valueStart + close + 1);
  }
  const value = text.slice(valueStart, end);
  return ok({ type: 'pair', key, value, quoted: false, raw: text.slice(start, end), start, end });
}
