// Reading the dialog's state: the question each why asks, where the dialog stands, and
// the transcript that becomes the root-cause record.
import { truncate } from '../views/format.js';
import type { ChainEntry, Participant, WhyState, WhyStatus, WhyStep } from './why-types.js';

const QUOTE_LIMIT = 300;

export const quoted = (text: string): string => `“${truncate(text, QUOTE_LIMIT)}”`;

/** Why 1 asks about the symptom; each later why asks about the answer before it. */
export const questionFor = (state: WhyState, why: number): string => {
  const previous = state.chain[why - 2];
  return why <= 1 || !previous
    ? `Why are we allowing ${quoted(state.symptom.text)} to happen?`
    : `Why does ${quoted(previous.text)} happen?`;
};

/** The why being asked now (1-based). */
export const currentWhy = (state: WhyState): number => state.chain.length + 1;

export const isClosed = (state: WhyState): boolean =>
  state.step === 'finished' || state.step === 'cancelled';

export const statusOf = (state: WhyState): WhyStatus =>
  state.step === 'finished' ? 'finished' : state.step === 'cancelled' ? 'cancelled' : 'open';

const STEP_LABELS: Readonly<Record<WhyStep, string>> = {
  why: 'why',
  'confirm-root': 'Root cause: confirm or edit',
  'edit-root': 'Root cause: new wording',
  'metric-name': 'Metric: name',
  'metric-unit': 'Metric: unit',
  'metric-direction': 'Metric: direction',
  'metric-target': 'Metric: target',
  'metric-current': 'Metric: current value',
  'plan-title': 'Plan: title',
  'plan-owner': 'Plan: owner',
  'plan-due': 'Plan: due date',
  'plan-level': 'Plan: level',
  'another-plan': 'Another plan?',
  finished: 'Finished',
  cancelled: 'Cancelled',
};

/** A short name for where the dialog stands, e.g. "Why 3: Why does “…” happen?". */
export const stepLabel = (state: WhyState): string =>
  state.step === 'why'
    ? `Why ${currentWhy(state)}: ${questionFor(state, currentWhy(state))}`
    : STEP_LABELS[state.step];

/**
 * Changes whenever an answer would mean something else: two people answering the same why
 * at once must not have the second answer land on the next why.
 */
export const positionKey = (state: WhyState): string =>
  `${state.step}:${state.chain.length}:${state.branches.length}:${state.plans.length}`;

export const mention = (p: Participant): string =>
  p.name ? `<@${p.userId}|${p.name}>` : `<@${p.userId}>`;

const entry = (
  kind: ChainEntry['kind'],
  branchId: string,
  item: { seq: number; text: string; by: Participant; at: string },
  why: number | null,
  question: string,
): ChainEntry => ({
  seq: item.seq,
  kind,
  branchId,
  why,
  question,
  text: item.text,
  userId: item.by.userId,
  userName: item.by.name,
  at: item.at,
});

/** Every answer, branch, withdrawn answer and note, in the order they were given. */
export const whyTranscript = (state: WhyState): ChainEntry[] =>
  [
    ...state.chain.map((a) => entry('answer', 'main', a, a.why, a.question)),
    ...state.branches.flatMap((b) =>
      b.answers.map((a) => entry('branch', b.id, a, a.why, a.question)),
    ),
    ...state.withdrawn.map((a) => entry('back', 'main', a, a.why, a.question)),
    ...state.notes.map((n) => entry('note', 'main', n, null, n.context)),
  ].sort((a, b) => a.seq - b.seq);
