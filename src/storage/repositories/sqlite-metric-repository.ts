import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Metric, MetricReading } from '../../core/domain/plans.js';
import { dayStart, utcDay } from '../../core/domain/iso-weeks.js';
import type { MetricRepository } from '../../core/ports/plan-repositories.js';
import type { Db } from '../database.js';
import { metricReadings, metrics } from '../schema/index.js';
import { nameKey, withConflict } from '../storage-errors.js';

type MetricRow = typeof metrics.$inferSelect;
type ReadingRow = typeof metricReadings.$inferSelect;
type ReadingFilter = { from?: string; to?: string; last?: number };

const toMetric = (row: MetricRow): Metric => ({
  id: row.id,
  tenantId: row.tenantId,
  themeId: row.themeId,
  rootCauseId: row.rootCauseId,
  name: row.name,
  unit: row.unit ?? '',
  direction: row.direction,
  target: row.target ?? 0,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
});

// measured_at holds UTC midnight of the day measured, so the day round-trips exactly.
const toReading = (row: ReadingRow): MetricReading => ({
  metricId: row.metricId,
  value: row.value,
  measuredOn: utcDay(row.measuredAt),
  recordedBy: row.recordedBy,
  recordedAt: row.recordedAt,
});

export class SqliteMetricRepository implements MetricRepository {
  constructor(private readonly db: Db) {}

  create(tenantId: string, metric: Omit<Metric, 'tenantId'>): Metric {
    const row = { ...metric, tenantId, nameKey: nameKey(metric.name) };
    withConflict(`A metric called "${metric.name.trim()}"`, () =>
      this.db.insert(metrics).values(row).run(),
    );
    return { ...metric, tenantId };
  }

  get(tenantId: string, id: string): Metric | null {
    return this.one(tenantId, eq(metrics.id, id));
  }

  findByName(tenantId: string, name: string): Metric | null {
    return this.one(tenantId, eq(metrics.nameKey, nameKey(name)));
  }

  list(tenantId: string, filter: { themeId?: string } = {}): Metric[] {
    const byTheme = filter.themeId === undefined ? undefined : eq(metrics.themeId, filter.themeId);
    return this.db
      .select()
      .from(metrics)
      .where(and(eq(metrics.tenantId, tenantId), byTheme))
      .orderBy(asc(metrics.nameKey))
      .all()
      .map(toMetric);
  }

  recordReading(tenantId: string, reading: MetricReading): MetricReading | null {
    const measuredAt = dayStart(reading.measuredOn);
    return this.db.$client
      .transaction(() => {
        const previous = this.readingRows(tenantId, reading.metricId, {
          from: reading.measuredOn,
          to: reading.measuredOn,
        })[0];
        const values = {
          tenantId,
          metricId: reading.metricId,
          value: reading.value,
          measuredAt,
          recordedBy: reading.recordedBy,
          recordedAt: reading.recordedAt,
        };
        this.db
          .insert(metricReadings)
          .values(values)
          .onConflictDoUpdate({
            target: [metricReadings.metricId, metricReadings.measuredAt],
            set: {
              value: values.value,
              recordedBy: values.recordedBy,
              recordedAt: values.recordedAt,
            },
            setWhere: eq(metricReadings.tenantId, tenantId),
          })
          .run();
        return previous ? toReading(previous) : null;
      })
      .immediate();
  }

  readings(tenantId: string, metricId: string, filter: ReadingFilter = {}): MetricReading[] {
    return this.readingRows(tenantId, metricId, filter).map(toReading);
  }

  latestReadings(tenantId: string, metricIds: string[]): MetricReading[] {
    if (metricIds.length === 0) return [];
    // Each metric's newest day comes off the (metric, day) index.
    const newest = sql`(SELECT MAX(m.measured_at) FROM ${metricReadings} m
      WHERE m.tenant_id = ${tenantId} AND m.metric_id = ${metricReadings.metricId})`;
    return this.db
      .select()
      .from(metricReadings)
      .where(
        and(
          eq(metricReadings.tenantId, tenantId),
          sql`${metricReadings.metricId} IN (SELECT value FROM json_each(${JSON.stringify(metricIds)}))`,
          eq(metricReadings.measuredAt, newest),
        ),
      )
      .all()
      .map(toReading);
  }

  private readingRows(tenantId: string, metricId: string, filter: ReadingFilter): ReadingRow[] {
    const where = and(
      eq(metricReadings.tenantId, tenantId),
      eq(metricReadings.metricId, metricId),
      filter.from === undefined ? undefined : gte(metricReadings.measuredAt, dayStart(filter.from)),
      filter.to === undefined ? undefined : lte(metricReadings.measuredAt, dayStart(filter.to)),
    );
    const query = this.db.select().from(metricReadings).where(where);
    if (filter.last === undefined) return query.orderBy(asc(metricReadings.measuredAt)).all();
    // The newest n, returned oldest first like every other call.
    return query.orderBy(desc(metricReadings.measuredAt)).limit(filter.last).all().reverse();
  }

  private one(tenantId: string, where: SQL): Metric | null {
    const row = this.db
      .select()
      .from(metrics)
      .where(and(eq(metrics.tenantId, tenantId), where))
      .get();
    return row ? toMetric(row) : null;
  }
}
