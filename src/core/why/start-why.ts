// A new dialog: the root message for the channel and the first question for its thread.
import { promptView } from '../views/why-views.js';
import { whyRootView } from '../views/why-summary-views.js';
import type { Participant, Symptom, SymptomFigures, WhyState, WhyTransition } from './why-types.js';

export interface StartWhyInput {
  sessionId: string;
  symptom: Symptom;
  figures: SymptomFigures | null;
  startedBy: Participant;
}

export const initialWhyState = (input: StartWhyInput, now: Date): WhyState => ({
  v: 1,
  sessionId: input.sessionId,
  symptom: input.symptom,
  figures: input.figures,
  step: 'why',
  chain: [],
  branches: [],
  withdrawn: [],
  notes: [],
  rootCause: null,
  metricDraft: {},
  metric: null,
  planDraft: {},
  plans: [],
  seq: 0,
  startedBy: input.startedBy,
  startedAt: now.toISOString(),
  lastActivityAt: now.toISOString(),
  remindedAt: null,
  endedBy: null,
  endedAt: null,
});

/** Effects: post the root message (its id becomes the thread), then ask why 1 in it. */
export const startWhy = (input: StartWhyInput, now: Date): WhyTransition => {
  const state = initialWhyState(input, now);
  return {
    state,
    effects: [
      { kind: 'post-root', view: whyRootView(state) },
      { kind: 'reply', view: promptView(state) },
    ],
  };
};
