// Builds every repository over one database connection: the storage side of the composition root.
import { AppError } from '../core/domain/errors.js';
import { systemClock, type Clock } from '../core/ports/clock.js';
import type { Repositories } from '../core/ports/repositories.js';
import type { Db } from './database.js';
import { SqliteActionPlanRepository } from './repositories/sqlite-action-plan-repository.js';
import { SqliteAuditLog } from './repositories/sqlite-audit-log.js';
import { SqliteDigestRunLedger } from './repositories/sqlite-digest-run-ledger.js';
import { SqliteDigestScheduleRepository } from './repositories/sqlite-digest-schedule-repository.js';
import { SqliteCustomerRepository } from './repositories/sqlite-customer-repository.js';
import { SqliteIssueRepository } from './repositories/sqlite-issue-repository.js';
import { SqliteKeyDriverRepository } from './repositories/sqlite-key-driver-repository.js';
import { SqliteMetricRepository } from './repositories/sqlite-metric-repository.js';
import { SqliteProcessedEventRepository } from './repositories/sqlite-processed-event-repository.js';
import { SqliteConversationRefRepository } from './repositories/sqlite-conversation-ref-repository.js';
import { SqliteSurveyRepository } from './repositories/sqlite-survey-repository.js';
import { SqliteTenantRepository } from './repositories/sqlite-tenant-repository.js';
import { SqliteThemeRepository } from './repositories/sqlite-theme-repository.js';
import { SqliteUserRepository } from './repositories/sqlite-user-repository.js';
import { SqliteRootCauseRepository } from './repositories/sqlite-root-cause-repository.js';
import { SqliteWhySessionRepository } from './repositories/sqlite-why-session-repository.js';

export interface CreateRepositoriesOptions {
  /** Stamps rows the ports create without a time (tenants and users). */
  clock?: Clock;
}

const isPromiseLike = (value: unknown): boolean =>
  typeof (value as { then?: unknown } | null)?.then === 'function';

export function createRepositories(db: Db, options: CreateRepositoriesOptions = {}): Repositories {
  const clock = options.clock ?? systemClock;
  const sqlite = db.$client;
  return {
    tenants: new SqliteTenantRepository(db, clock),
    users: new SqliteUserRepository(db, clock),
    keyDrivers: new SqliteKeyDriverRepository(db),
    themes: new SqliteThemeRepository(db),
    customers: new SqliteCustomerRepository(db),
    issues: new SqliteIssueRepository(db),
    surveys: new SqliteSurveyRepository(db),
    audit: new SqliteAuditLog(db),
    processedEvents: new SqliteProcessedEventRepository(db),
    conversationRefs: new SqliteConversationRefRepository(db),
    digestSchedules: new SqliteDigestScheduleRepository(db),
    digestRuns: new SqliteDigestRunLedger(db),
    actionPlans: new SqliteActionPlanRepository(db),
    metrics: new SqliteMetricRepository(db),
    whySessions: new SqliteWhySessionRepository(db),
    rootCauses: new SqliteRootCauseRepository(db),
    // better-sqlite3 nests inner calls as savepoints; IMMEDIATE avoids lock upgrades failing
    // with SQLITE_BUSY when another process writes between our read and our write.
    transaction<T>(fn: () => T): T {
      return sqlite
        .transaction(() => {
          const result = fn();
          // An async fn would commit before its awaits run; refuse it and roll back.
          if (isPromiseLike(result)) {
            throw new AppError('internal', 'transaction() needs a synchronous function.');
          }
          return result;
        })
        .immediate();
    },
  };
}
