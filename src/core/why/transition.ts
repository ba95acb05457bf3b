// The 5-why dialog as a pure state machine: (state, event, now) → (state, effects).
// No I/O, no clock, no id generation: ids arrive in events, time in `now`. Bad input
// returns the same state with a `reject` effect, so the step never advances on it.
import { promptView } from '../views/why-views.js';
import { whyReminderView, whyStatusView, whySummaryView } from '../views/why-summary-views.js';
import { currentWhy, isClosed, mention, quoted, stepLabel } from './why-chain.js';
import { metricStep } from './metric-steps.js';
import { planStep } from './plan-steps.js';
import { rootStep, saveRootCause } from './root-steps.js';
import { checkText, reject, rejectWithPrompt, reply, touch } from './why-step-kit.js';
import { whyStep } from './why-steps.js';
import type { Participant, WhyEvent, WhyState, WhyStep, WhyTransition } from './why-types.js';

/** Where `back` goes from each detail question; a why step goes back by withdrawing an answer. */
const PREVIOUS: Partial<Record<WhyStep, WhyStep>> = {
  'metric-unit': 'metric-name',
  'metric-direction': 'metric-unit',
  'metric-target': 'metric-direction',
  'metric-current': 'metric-target',
  'plan-owner': 'plan-title',
  'plan-due': 'plan-owner',
  'plan-level': 'plan-due',
};

const back = (state: WhyState, user: Participant, now: Date): WhyTransition => {
  const previous = PREVIOUS[state.step];
  if (previous) {
    const next: WhyState = { ...touch(state, now), step: previous };
    return { state: next, effects: [reply(promptView(next, '↩️ Going back one question.'))] };
  }
  const inWhys =
    state.step === 'why' || state.step === 'confirm-root' || state.step === 'edit-root';
  const last = state.chain.at(-1);
  if (!inWhys) {
    return rejectWithPrompt(
      state,
      'The root cause is already confirmed, so back cannot reopen the whys here.',
    );
  }
  if (!last) return reject(state, 'There is nothing to go back to yet: answer why 1 first.');
  const next: WhyState = {
    ...touch(state, now),
    chain: state.chain.slice(0, -1),
    withdrawn: [...state.withdrawn, { ...last, withdrawnBy: user, withdrawnAt: now.toISOString() }],
    step: 'why',
  };
  const lead = `↩️ ${mention(user)} reopened why ${last.why}; the answer ${quoted(last.text)} is kept in the record.`;
  return { state: next, effects: [reply(promptView(next, lead))] };
};

const note = (state: WhyState, raw: string, user: Participant, now: Date): WhyTransition => {
  const checked = checkText(raw, 'note');
  if (!checked.ok) return reject(state, `${checked.message} Type *note <text>*.`);
  const base = touch(state, now);
  const context = state.step === 'why' ? `why ${currentWhy(state)}` : stepLabel(state);
  const next: WhyState = {
    ...base,
    notes: [
      ...state.notes,
      { seq: base.seq, context, text: checked.text, by: user, at: now.toISOString() },
    ],
  };
  // A note is a side remark: no thread reply, so the question stays the last bot message.
  return { state: next, effects: [] };
};

const cancel = (state: WhyState, user: Participant, now: Date): WhyTransition => {
  const next: WhyState = {
    ...touch(state, now),
    step: 'cancelled',
    endedBy: user,
    endedAt: now.toISOString(),
  };
  return { state: next, effects: [...saveRootCause(next), reply(whySummaryView(next))] };
};

/** A "still open" reminder once the dialog has been idle `idleMs`, once per idle period. */
const idleCheck = (state: WhyState, idleMs: number, now: Date): WhyTransition => {
  const last = Date.parse(state.lastActivityAt);
  const remindedSince = state.remindedAt !== null && Date.parse(state.remindedAt) >= last;
  if (isClosed(state) || now.getTime() - last < idleMs || remindedSince) {
    return { state, effects: [] };
  }
  const next: WhyState = { ...state, remindedAt: now.toISOString() };
  return { state: next, effects: [{ kind: 'remind', view: whyReminderView(next, idleMs) }] };
};

const byStep = (state: WhyState, event: WhyEvent, now: Date): WhyTransition => {
  if (state.step === 'why') return whyStep(state, event, now);
  if (state.step === 'confirm-root' || state.step === 'edit-root') {
    return rootStep(state, event, now);
  }
  if (state.step.startsWith('metric-')) return metricStep(state, event, now);
  return planStep(state, event, now);
};

export const transition = (state: WhyState, event: WhyEvent, now: Date): WhyTransition => {
  if (event.kind === 'idle-check') return idleCheck(state, event.idleMs, now);
  if (event.kind === 'status') return { state, effects: [reply(whyStatusView(state))] };
  if (isClosed(state)) {
    return reject(state, `This 5-why is ${state.step}. Type *status* to see its summary.`);
  }
  switch (event.kind) {
    case 'cancel':
      return cancel(state, event.user, now);
    case 'note':
      return note(state, event.text, event.user, now);
    case 'back':
      return back(state, event.user, now);
    default:
      return byStep(state, event, now);
  }
};
