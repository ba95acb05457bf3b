// Small pieces every step handler uses, so each handler reads as the rule it applies.
import { promptLine } from '../views/why-views.js';
import type { MessageView } from '../views/message-view.js';
import { MAX_ANSWER_LENGTH } from './why-types.js';
import type { WhyEffect, WhyState, WhyTransition } from './why-types.js';

/** Nothing changes; the sender is told privately what was wrong and what to type. */
export const reject = (state: WhyState, message: string): WhyTransition => ({
  state,
  effects: [{ kind: 'reject', message }],
});

/** The same, ending with the question the dialog is still waiting on. */
export const rejectWithPrompt = (state: WhyState, problem: string): WhyTransition =>
  reject(state, `${problem} ${promptLine(state)}`);

export const reply = (view: MessageView): WhyEffect => ({ kind: 'reply', view });

/** Marks activity: the idle clock restarts and the next item gets a fresh sequence number. */
export const touch = (state: WhyState, now: Date): WhyState => ({
  ...state,
  lastActivityAt: now.toISOString(),
  seq: state.seq + 1,
});

/** Trimmed text, or the message saying why it cannot be used. */
export const checkText = (
  raw: string,
  what: string,
  max: number = MAX_ANSWER_LENGTH,
): { ok: true; text: string } | { ok: false; message: string } => {
  const text = raw.trim();
  if (text === '') return { ok: false, message: `The ${what} is empty; type some words.` };
  const length = Array.from(text).length;
  if (length > max) {
    return {
      ok: false,
      message: `The ${what} is ${length.toLocaleString('en-US')} characters long; the limit is ${max.toLocaleString('en-US')}. Please shorten it.`,
    };
  }
  return { ok: true, text };
};

export const todayOf = (now: Date): string => now.toISOString().slice(0, 10);
