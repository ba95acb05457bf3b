// Domain types shared by the core, storage and adapters. Money is held in integer
// minor units (cents) so that sums over a million rows stay exact.

export type Platform = 'slack' | 'teams' | 'local' | 'cli';

export interface UserRef {
  platform: Platform;
  tenantId: string;
  userId: string;
  name?: string;
}

export interface ConversationRef {
  platform: Platform;
  tenantId: string;
  channelId: string;
  threadId?: string;
}

export interface Tenant {
  id: string;
  platform: Platform;
  name: string | null;
  createdAt: Date;
}

export interface User {
  tenantId: string;
  id: string;
  name: string | null;
  isAdmin: boolean;
  nudges: boolean;
  createdAt: Date;
}

export interface KeyDriver {
  id: string;
  tenantId: string;
  name: string;
  createdAt: Date;
}

export interface Theme {
  id: string;
  tenantId: string;
  /** The kebab-case handle users type after '#'. Unique within a tenant. */
  slug: string;
  /** The name as first written, e.g. "Incorrect information on your report". */
  name: string;
  keyDriverId: string | null;
  createdAt: Date;
}

export interface Customer {
  id: string;
  tenantId: string;
  name: string;
  annualRevenueCents: number | null;
  coreGrowth: boolean;
  createdAt: Date;
}

export const ISSUE_SOURCES = ['complaint', 'return', 'inquiry', 'survey', 'other'] as const;
export type IssueSource = (typeof ISSUE_SOURCES)[number];

export interface Issue {
  id: string;
  tenantId: string;
  /** Per-tenant sequence number, shown to users as CX-<number>. */
  number: number;
  summary: string;
  description: string | null;
  themeId: string;
  /** The key driver the issue was logged under; defaults to its theme's driver. */
  keyDriverId: string | null;
  customerId: string | null;
  source: IssueSource;
  customerCostCents: number | null;
  companyCostCents: number | null;
  reporterId: string | null;
  reporterName: string | null;
  /** An id from the system the issue came from (e.g. a CFPB Complaint ID); unique per tenant. */
  externalId: string | null;
  occurredAt: Date;
  createdAt: Date;
}

export type NewIssue = Omit<Issue, 'id' | 'tenantId' | 'number' | 'createdAt'>;

export interface SurveyImport {
  id: string;
  tenantId: string;
  name: string;
  outcomeColumn: string;
  outcomeKind: 'numeric' | 'categorical';
  positiveValue: string | null;
  aspects: string[];
  naValue: number | null;
  rowCount: number;
  createdBy: string | null;
  createdAt: Date;
}

export interface SurveyResponse {
  importId: string;
  tenantId: string;
  rowNumber: number;
  customerId: string | null;
  /** true: a core-growth customer; false: the rest; null: unknown. */
  coreGrowth: boolean | null;
  outcome: number | null;
  /** Aspect name to rating; null where the cell was empty or "not applicable". */
  ratings: Record<string, number | null>;
}

export interface AuditEntry {
  tenantId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  detail: Record<string, unknown> | null;
  at: Date;
}

/** One theme's totals over a window, the input of Pareto and impact. */
export interface ThemeTotals {
  themeId: string;
  slug: string;
  name: string;
  keyDriverId: string | null;
  count: number;
  customerCostCents: number;
  companyCostCents: number;
  /** Sum of annual revenue of the distinct customers affected. */
  affectedRevenueCents: number;
  affectedCustomers: number;
}

export interface TimeWindow {
  since?: Date;
  until?: Date;
}
