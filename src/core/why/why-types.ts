// The 5-why dialog's data: the persisted state, the events that move it and the effects
// it asks the outside world to carry out. Everything here is plain JSON, so the state can
// be saved after every step and a restarted process resumes exactly where it stopped.
import type { ActionLevel, MetricDirection } from '../commands/command-types.js';
import type { MessageView } from '../views/message-view.js';

export const MAX_WHYS = 5;
/** Longest answer, note or root cause we accept: a paragraph, not a pasted document. */
export const MAX_ANSWER_LENGTH = 2000;
export const MAX_METRIC_NAME_LENGTH = 200;
export const MAX_METRIC_UNIT_LENGTH = 40;
export const MAX_PLAN_TITLE_LENGTH = 200;
export const DEFAULT_IDLE_MS = 48 * 60 * 60 * 1000;

/** Someone in the thread. */
export interface Participant {
  userId: string;
  name: string | null;
}

/** What the dialog is about: a theme, or one issue of it. */
export interface Symptom {
  text: string;
  themeId: string;
  themeSlug: string;
  themeName: string;
  issueId: string | null;
  issueNumber: number | null;
}

/** The theme's weight from the Pareto and impact data, shown in the root message. */
export interface SymptomFigures {
  count: number;
  totalCount: number;
  share: number;
  rank: number | null;
  themeCount: number;
  vital: boolean;
  customerCostCents: number;
  companyCostCents: number;
  affectedRevenueCents: number;
}

export interface WhyAnswer {
  seq: number;
  /** 1-based: the why this answers. */
  why: number;
  question: string;
  text: string;
  by: Participant;
  at: string;
}

/** An answer taken back with `back`; kept so the record shows who said what. */
export interface WithdrawnAnswer extends WhyAnswer {
  withdrawnBy: Participant;
  withdrawnAt: string;
}

/** The tail of the chain set aside by `branch`. */
export interface WhyBranch {
  id: string;
  /** The answer the chain went on from instead. */
  fromWhy: number;
  answers: WhyAnswer[];
  by: Participant;
  at: string;
}

export interface WhyNote {
  seq: number;
  /** Where the dialog was when the note was written. */
  context: string;
  text: string;
  by: Participant;
  at: string;
}

export interface RootCauseState {
  id: string;
  text: string;
  confirmedBy: Participant;
  confirmedAt: string;
  /** True when someone stopped before the fifth why with `root cause: …`. */
  early: boolean;
}

export interface MetricDraft {
  name?: string;
  unit?: string;
  direction?: MetricDirection;
  target?: number;
}

export interface MetricRecord {
  name: string;
  unit: string;
  direction: MetricDirection;
  target: number;
  current: number | null;
  by: Participant;
  at: string;
}

export interface PlanDraft {
  title?: string;
  owner?: Participant;
  dueDate?: string;
}

export interface PlanRecord {
  title: string;
  owner: Participant;
  dueDate: string;
  level: ActionLevel;
  by: Participant;
  at: string;
}

export const WHY_STEPS = [
  'why',
  'confirm-root',
  'edit-root',
  'metric-name',
  'metric-unit',
  'metric-direction',
  'metric-target',
  'metric-current',
  'plan-title',
  'plan-owner',
  'plan-due',
  'plan-level',
  'another-plan',
  'finished',
  'cancelled',
] as const;
export type WhyStep = (typeof WHY_STEPS)[number];

export type WhyStatus = 'open' | 'finished' | 'cancelled';

export interface WhyState {
  /** The shape's version, so a later release can upgrade saved states. */
  v: 1;
  sessionId: string;
  symptom: Symptom;
  figures: SymptomFigures | null;
  step: WhyStep;
  /** The live chain: chain[i] answers why i + 1. */
  chain: WhyAnswer[];
  branches: WhyBranch[];
  withdrawn: WithdrawnAnswer[];
  notes: WhyNote[];
  rootCause: RootCauseState | null;
  metricDraft: MetricDraft;
  metric: MetricRecord | null;
  planDraft: PlanDraft;
  plans: PlanRecord[];
  /** Orders answers and notes in the transcript. */
  seq: number;
  startedBy: Participant;
  startedAt: string;
  lastActivityAt: string;
  /** The last "still open" reminder; at most one per idle period. */
  remindedAt: string | null;
  endedBy: Participant | null;
  endedAt: string | null;
}

export type WhyEvent =
  | { kind: 'answer'; text: string; user: Participant }
  | { kind: 'note'; text: string; user: Participant }
  | { kind: 'back'; user: Participant }
  | { kind: 'branch'; fromWhy: number; user: Participant }
  /** `root cause: …` to stop early, or the new wording when editing the proposal. */
  | { kind: 'root-cause'; text: string; user: Participant; rootCauseId: string }
  | { kind: 'confirm'; user: Participant; rootCauseId: string }
  /** `edit` with no text: ask for the new wording. */
  | { kind: 'edit'; user: Participant }
  | { kind: 'status'; user: Participant }
  | { kind: 'cancel'; user: Participant }
  | { kind: 'metric-name'; text: string; user: Participant }
  | { kind: 'metric-unit'; text: string; user: Participant }
  | { kind: 'metric-direction'; direction: MetricDirection; user: Participant }
  | { kind: 'metric-target'; target: number; user: Participant }
  /** null: skipped. */
  | { kind: 'metric-current'; current: number | null; user: Participant }
  | { kind: 'plan-title'; title: string; user: Participant }
  | { kind: 'plan-owner'; owner: Participant; user: Participant }
  | { kind: 'plan-due'; dueDate: string; user: Participant }
  | { kind: 'plan-level'; level: ActionLevel; user: Participant }
  | { kind: 'another-plan'; another: boolean; user: Participant }
  | { kind: 'idle-check'; idleMs: number };

export type WhyEventKind = WhyEvent['kind'];

/** The record the dialog hands to storage once a root cause is confirmed (and again at the end). */
export interface RootCauseRecord {
  id: string;
  text: string;
  confirmedBy: Participant;
  confirmedAt: string;
  chain: ChainEntry[];
}

/** One line of the transcript: who said what, when, and on which branch. */
export interface ChainEntry {
  seq: number;
  kind: 'answer' | 'branch' | 'back' | 'note';
  /** 'main' for the live chain, else the branch id. */
  branchId: string;
  why: number | null;
  question: string;
  text: string;
  userId: string;
  userName: string | null;
  at: string;
}

export type WhyEffect =
  /** A public message in the dialog's thread. */
  | { kind: 'reply'; view: MessageView }
  /** The thread's first message, in the channel; its id becomes the thread id. */
  | { kind: 'post-root'; view: MessageView }
  /** A "still open" nudge in the thread. */
  | { kind: 'remind'; view: MessageView }
  /** Bad input or a step that does not fit: told privately, nothing changes. */
  | { kind: 'reject'; message: string }
  | { kind: 'save-root-cause'; rootCause: RootCauseRecord }
  | {
      kind: 'create-metric';
      rootCauseId: string;
      metric: Omit<MetricRecord, 'by' | 'at'>;
      by: Participant;
    }
  | {
      kind: 'create-plan';
      rootCauseId: string;
      plan: Omit<PlanRecord, 'by' | 'at'>;
      by: Participant;
    };

export interface WhyTransition {
  state: WhyState;
  effects: WhyEffect[];
}
