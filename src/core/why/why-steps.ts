// The why steps: answering, branching from an earlier answer, and stopping early.
import { promptView } from '../views/why-views.js';
import { currentWhy, questionFor } from './why-chain.js';
import { checkText, rejectWithPrompt, reply, touch } from './why-step-kit.js';
import { confirmRootCause } from './root-steps.js';
import { branch } from './branch-step.js';
import { MAX_WHYS } from './why-types.js';
import type { Participant, WhyEvent, WhyState, WhyTransition } from './why-types.js';

const answer = (state: WhyState, raw: string, user: Participant, now: Date): WhyTransition => {
  const checked = checkText(raw, 'answer');
  if (!checked.ok) return rejectWithPrompt(state, checked.message);
  const why = currentWhy(state);
  const base = touch(state, now);
  const next: WhyState = {
    ...base,
    chain: [
      ...state.chain,
      {
        seq: base.seq,
        why,
        question: questionFor(state, why),
        text: checked.text,
        by: user,
        at: now.toISOString(),
      },
    ],
    step: why >= MAX_WHYS ? 'confirm-root' : 'why',
  };
  const lead = why >= MAX_WHYS ? `That was the fifth why.` : undefined;
  return { state: next, effects: [reply(promptView(next, lead))] };
};

export const whyStep = (state: WhyState, event: WhyEvent, now: Date): WhyTransition => {
  switch (event.kind) {
    case 'answer':
      return answer(state, event.text, event.user, now);
    case 'branch':
      return branch(state, event.fromWhy, event.user, now);
    case 'root-cause': {
      const checked = checkText(event.text, 'root cause');
      if (!checked.ok) return rejectWithPrompt(state, checked.message);
      return confirmRootCause(state, checked.text, event.user, event.rootCauseId, now, true);
    }
    default:
      return rejectWithPrompt(
        state,
        `That does not fit here: the dialog is still on why ${currentWhy(state)}.`,
      );
  }
};
