// Storage ports. Every call takes the tenant id first: data never crosses tenants.
// Calls are synchronous because the store (SQLite) is, which keeps transactions simple.
import type { DigestRunLedger, DigestScheduleRepository } from './digest-repositories.js';
import type {
  AuditEntry,
  Customer,
  Issue,
  IssueSource,
  KeyDriver,
  NewIssue,
  SurveyImport,
  SurveyResponse,
  Tenant,
  Theme,
  ThemeTotals,
  TimeWindow,
  User,
  Platform,
} from '../domain/types.js';
import type { ConversationRefRepository } from './conversation-ref-repository.js';
import type { ActionPlanRepository, MetricRepository } from './plan-repositories.js';
import type { RootCauseRepository, WhySessionRepository } from './why-repositories.js';

export interface TenantRepository {
  ensure(tenantId: string, platform: Platform, name?: string | null): Tenant;
  get(tenantId: string): Tenant | null;
  /** Every tenant; only the scheduler's per-tenant jobs (nudges) start from this. */
  listAll(): Tenant[];
}

export interface UserRepository {
  ensure(tenantId: string, userId: string, name?: string | null): User;
  get(tenantId: string, userId: string): User | null;
  list(tenantId: string): User[];
  setAdmin(tenantId: string, userId: string, isAdmin: boolean): void;
  setNudges(tenantId: string, userId: string, on: boolean): void;
}

export interface KeyDriverRepository {
  create(tenantId: string, driver: { id: string; name: string; createdAt: Date }): KeyDriver;
  findByName(tenantId: string, name: string): KeyDriver | null;
  get(tenantId: string, id: string): KeyDriver | null;
  list(tenantId: string): KeyDriver[];
  rename(tenantId: string, id: string, name: string): void;
  /** Deletes the driver; its themes and issues keep existing with no driver. */
  delete(tenantId: string, id: string): void;
}

export interface ThemeRepository {
  create(
    tenantId: string,
    theme: { id: string; slug: string; name: string; keyDriverId: string | null; createdAt: Date },
  ): Theme;
  findBySlug(tenantId: string, slug: string): Theme | null;
  get(tenantId: string, id: string): Theme | null;
  list(tenantId: string, filter?: { keyDriverId?: string }): Theme[];
  update(
    tenantId: string,
    id: string,
    patch: { name?: string; slug?: string; keyDriverId?: string | null },
  ): void;
  /** Moves every issue of `fromId` to `intoId`, then deletes `fromId`. */
  merge(tenantId: string, fromId: string, intoId: string): number;
}

export interface CustomerRepository {
  create(
    tenantId: string,
    customer: {
      id: string;
      name: string;
      annualRevenueCents: number | null;
      coreGrowth: boolean;
      createdAt: Date;
    },
  ): Customer;
  /** Case-insensitive match on the name. */
  findByName(tenantId: string, name: string): Customer | null;
  get(tenantId: string, id: string): Customer | null;
  list(tenantId: string): Customer[];
  update(
    tenantId: string,
    id: string,
    patch: { name?: string; annualRevenueCents?: number | null; coreGrowth?: boolean },
  ): void;
}

export interface IssueQuery extends TimeWindow {
  themeId?: string;
  keyDriverId?: string;
  customerId?: string;
  source?: IssueSource;
  /** Case-insensitive substring over summary and description. */
  text?: string;
  limit?: number;
  offset?: number;
}

export interface IssueRepository {
  /** Inserts and assigns the next per-tenant number. */
  create(tenantId: string, issue: NewIssue & { id: string; createdAt: Date }): Issue;
  /**
   * Inserts many issues in one transaction; rows whose externalId already exists are skipped.
   * Returns how many were inserted.
   */
  createMany(tenantId: string, issues: Array<NewIssue & { id: string; createdAt: Date }>): number;
  getByNumber(tenantId: string, number: number): Issue | null;
  search(tenantId: string, query: IssueQuery): { total: number; issues: Issue[] };
  /** Streams every issue in number order, for export, without holding them all in memory. */
  iterate(tenantId: string, query: IssueQuery): IterableIterator<Issue>;
  /**
   * Per-theme totals for Pareto and impact. All-time totals are kept up to date as issues
   * change (a row per theme to read); a time window aggregates the window's issues.
   */
  totalsByTheme(tenantId: string, filter: TimeWindow & { keyDriverId?: string }): ThemeTotals[];
  /**
   * Issue counts per theme in a window (themes with none are left out). Much cheaper than
   * totalsByTheme over a short window: it reads only the window's rows, by date.
   */
  countsByTheme(
    tenantId: string,
    filter: TimeWindow & { keyDriverId?: string },
  ): Array<{ themeId: string; count: number }>;
  /**
   * Annual revenue of the distinct customers affected by any of `themeIds` in the window:
   * a customer hit by two themes counts once.
   */
  affectedRevenue(
    tenantId: string,
    themeIds: string[],
    filter: TimeWindow & { keyDriverId?: string },
  ): number;
  /**
   * Issues of one theme per ISO week (Monday start, UTC), for every week that overlaps
   * [from, to], oldest first and zero-filled. Weeks are counted whole.
   */
  weeklyCounts(
    tenantId: string,
    themeId: string,
    from: Date,
    to: Date,
  ): Array<{ weekStart: string; count: number }>;
}

export interface SurveyRepository {
  createImport(tenantId: string, survey: Omit<SurveyImport, 'tenantId' | 'rowCount'>): SurveyImport;
  /** Appends responses in one transaction and bumps the import's row count. */
  addResponses(
    tenantId: string,
    importId: string,
    responses: Omit<SurveyResponse, 'tenantId' | 'importId'>[],
  ): void;
  listImports(tenantId: string): SurveyImport[];
  getImport(tenantId: string, importId: string): SurveyImport | null;
  /** All responses of one import (or of every import) as columns, for key-driver analysis. */
  columns(tenantId: string, importId?: string): SurveyColumns;
  /** The same responses as frequency tables, kept up to date as responses are added. */
  crosstabs(tenantId: string, importId?: string): SurveyCrosstabs;
  deleteImport(tenantId: string, importId: string): void;
}

/**
 * Survey responses as columns: one Float64Array per rating, NaN where missing or
 * "not applicable". coreGrowth is 1 (core-growth customer), 0 (the rest) or -1 (unknown).
 * Aspects missing from an import are NaN in its rows.
 */
export interface SurveyColumns {
  aspects: string[];
  outcome: Float64Array;
  coreGrowth: Int8Array;
  ratings: Record<string, Float64Array>;
}

/**
 * Survey responses as counts, which is all key-driver analysis needs: the same aspects as
 * SurveyColumns; `pairs` counts rows by segment (SurveyColumns.coreGrowth codes), aspect,
 * rating and outcome where both are present; `outcomes` counts every row by segment and
 * outcome (null when missing).
 */
export interface SurveyCrosstabs {
  aspects: string[];
  pairs: Array<{ segment: number; aspect: string; rating: number; outcome: number; count: number }>;
  outcomes: Array<{ segment: number; outcome: number | null; count: number }>;
}

export interface AuditLog {
  record(entry: AuditEntry): void;
  list(
    tenantId: string,
    filter?: { entityType?: string; entityId?: string; limit?: number },
  ): AuditEntry[];
}

export interface ProcessedEventRepository {
  /** Records an inbound event id; false if it was seen before (a retry). */
  markProcessed(tenantId: string, eventKey: string, at: Date): boolean;
  /** Forgets events older than `before`, so the table stays small. */
  prune(before: Date): number;
}

/** Runs `fn` in one database transaction: all of its writes land, or none do. */
export interface UnitOfWork {
  transaction<T>(fn: () => T): T;
}

/** Everything the core needs from storage, built once by the composition root. */
export interface Repositories extends UnitOfWork {
  tenants: TenantRepository;
  users: UserRepository;
  keyDrivers: KeyDriverRepository;
  themes: ThemeRepository;
  customers: CustomerRepository;
  issues: IssueRepository;
  surveys: SurveyRepository;
  audit: AuditLog;
  processedEvents: ProcessedEventRepository;
  /** Teams conversation references, for proactive posts. */
  conversationRefs: ConversationRefRepository;
  digestSchedules: DigestScheduleRepository;
  digestRuns: DigestRunLedger;
  actionPlans: ActionPlanRepository;
  metrics: MetricRepository;
  whySessions: WhySessionRepository;
  rootCauses: RootCauseRepository;
}
