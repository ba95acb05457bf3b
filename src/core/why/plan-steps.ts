// Action plans: title, owner, due date and level, one question each; at least one plan,
// then as many more as people want. Each plan is created as soon as its level is known.
import { promptView } from '../views/why-views.js';
import { whySummaryView } from '../views/why-summary-views.js';
import { mention } from './why-chain.js';
import { saveRootCause } from './root-steps.js';
import { checkText, rejectWithPrompt, reply, todayOf, touch } from './why-step-kit.js';
import { MAX_PLAN_TITLE_LENGTH } from './why-types.js';
import type { WhyEvent, WhyState, WhyTransition } from './why-types.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const advance = (next: WhyState, lead?: string): WhyTransition => ({
  state: next,
  effects: [reply(promptView(next, lead))],
});

const wrongStep = (state: WhyState): WhyTransition =>
  rejectWithPrompt(state, 'That does not fit here: the action plan’s details are needed.');

const createPlan = (state: WhyState, event: WhyEvent, now: Date): WhyTransition => {
  const { title, owner, dueDate } = state.planDraft;
  const rootCause = state.rootCause;
  if (event.kind !== 'plan-level') return wrongStep(state);
  if (!rootCause || !title || !owner || !dueDate) {
    return rejectWithPrompt(state, 'Some of the plan’s details are missing.');
  }
  const plan = { title, owner, dueDate, level: event.level };
  const next: WhyState = {
    ...touch(state, now),
    plans: [...state.plans, { ...plan, by: event.user, at: now.toISOString() }],
    planDraft: {},
    step: 'another-plan',
  };
  const lead = `📌 Plan saved: *${title}* — ${mention(owner)}, due ${dueDate}, level ${event.level}.`;
  return {
    state: next,
    effects: [
      { kind: 'create-plan', rootCauseId: rootCause.id, plan, by: event.user },
      reply(promptView(next, lead)),
    ],
  };
};

const anotherPlan = (state: WhyState, event: WhyEvent, now: Date): WhyTransition => {
  if (event.kind !== 'another-plan') {
    return rejectWithPrompt(state, 'That does not fit here.');
  }
  if (event.another) return advance({ ...touch(state, now), step: 'plan-title' });
  const next: WhyState = {
    ...touch(state, now),
    step: 'finished',
    endedBy: event.user,
    endedAt: now.toISOString(),
  };
  return { state: next, effects: [...saveRootCause(next), reply(whySummaryView(next))] };
};

export const planStep = (state: WhyState, event: WhyEvent, now: Date): WhyTransition => {
  const base = touch(state, now);
  const draft = state.planDraft;
  switch (state.step) {
    case 'plan-title': {
      if (event.kind !== 'plan-title') return wrongStep(state);
      const checked = checkText(event.title, 'plan title', MAX_PLAN_TITLE_LENGTH);
      if (!checked.ok) return rejectWithPrompt(state, checked.message);
      return advance({ ...base, planDraft: { ...draft, title: checked.text }, step: 'plan-owner' });
    }
    case 'plan-owner':
      if (event.kind !== 'plan-owner') return wrongStep(state);
      return advance({ ...base, planDraft: { ...draft, owner: event.owner }, step: 'plan-due' });
    case 'plan-due':
      if (event.kind !== 'plan-due') return wrongStep(state);
      if (!ISO_DATE.test(event.dueDate)) {
        return rejectWithPrompt(state, `“${event.dueDate}” is not a date.`);
      }
      if (event.dueDate < todayOf(now)) {
        return rejectWithPrompt(state, `${event.dueDate} is in the past.`);
      }
      return advance({
        ...base,
        planDraft: { ...draft, dueDate: event.dueDate },
        step: 'plan-level',
      });
    case 'plan-level':
      return createPlan(state, event, now);
    default:
      return anotherPlan(state, event, now);
  }
};
