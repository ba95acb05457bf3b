// Buttons and pickers in the 5-why thread carry the session, the step they were shown at
// and a choice, so one used after the dialog moved on is recognised as stale, not misread.
import type { WhyState, WhyStep } from './why-types.js';
import { WHY_STEPS } from './why-types.js';

export const WHY_ACTION_PREFIX = 'why.';

export const WHY_ACTIONS = {
  confirm: 'why.confirm',
  edit: 'why.edit',
  direction: 'why.direction',
  skip: 'why.skip',
  level: 'why.level',
  another: 'why.another',
  status: 'why.status',
  /** A people picker: the plan's owner. */
  owner: 'why.owner',
  /** A date picker: the plan's due date. */
  due: 'why.due',
} as const;

export interface WhyActionValue {
  sessionId: string;
  step: WhyStep;
  choice: string;
}

export const whyActionValue = (state: WhyState, choice = ''): string =>
  [state.sessionId, state.step, choice].join('|');

export const parseWhyActionValue = (value: string): WhyActionValue | null => {
  const parts = value.split('|');
  if (parts.length < 3) return null;
  const choice = parts.pop() ?? '';
  const step = parts.pop() ?? '';
  const sessionId = parts.join('|');
  const known = (WHY_STEPS as readonly string[]).includes(step);
  return known && sessionId !== '' ? { sessionId, step: step as WhyStep, choice } : null;
};
