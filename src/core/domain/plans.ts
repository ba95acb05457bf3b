// Action plans and internal metrics: what a team does about a theme's root cause, and the
// number that tells them whether it is working.
import type { ActionLevel, ActionStatus, MetricDirection } from '../commands/command-types.js';

export type { ActionLevel, ActionStatus, MetricDirection };

export interface ActionPlan {
  id: string;
  tenantId: string;
  /** Per-tenant sequence number, shown to users as A-<number>. */
  number: number;
  themeId: string;
  rootCauseId: string | null;
  title: string;
  ownerId: string;
  ownerName: string | null;
  /** A calendar date, YYYY-MM-DD. */
  dueDate: string;
  level: ActionLevel;
  status: ActionStatus;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

export const PLAN_UPDATE_KINDS = [
  'created',
  'status',
  'owner',
  'due',
  'level',
  'comment',
  'completed',
  'reopened',
] as const;
export type PlanUpdateKind = (typeof PLAN_UPDATE_KINDS)[number];

/** One entry in a plan's history: a change or a comment. */
export interface ActionPlanUpdate {
  planId: string;
  kind: PlanUpdateKind;
  actorId: string | null;
  /** For a change, { from, to }; for a comment, { text }. */
  detail: Record<string, unknown> | null;
  at: Date;
}

export interface Metric {
  id: string;
  tenantId: string;
  themeId: string;
  rootCauseId: string | null;
  name: string;
  unit: string;
  direction: MetricDirection;
  target: number;
  createdBy: string | null;
  createdAt: Date;
}

export interface MetricReading {
  metricId: string;
  value: number;
  /** The day the value describes, YYYY-MM-DD (UTC). One reading per metric per day. */
  measuredOn: string;
  recordedBy: string | null;
  recordedAt: Date;
}
