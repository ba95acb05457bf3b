import { and, asc, eq } from 'drizzle-orm';
import type { DigestSchedule } from '../../core/domain/digests.js';
import type { Platform } from '../../core/domain/types.js';
import type { DigestScheduleRepository } from '../../core/ports/digest-repositories.js';
import type { Db } from '../database.js';
import { digestSchedules } from '../schema/index.js';

type Row = typeof digestSchedules.$inferSelect;

const toSchedule = (row: Row): DigestSchedule => ({
  id: row.id,
  tenantId: row.tenantId,
  platform: row.platform as Platform,
  channelId: row.channelId,
  cron: row.cron,
  tz: row.tz,
  label: row.label ?? row.cron,
  keyDriverId: row.keyDriverId,
  createdBy: row.createdBy,
  active: row.active,
  createdAt: row.createdAt,
  checkedUntil: row.checkedUntil,
});

export class SqliteDigestScheduleRepository implements DigestScheduleRepository {
  constructor(private readonly db: Db) {}

  /** Old schedules of the channel are deactivated, not deleted: their run ledger stays. */
  upsertForChannel(
    tenantId: string,
    schedule: Omit<DigestSchedule, 'tenantId' | 'active' | 'checkedUntil'>,
  ): DigestSchedule {
    return this.db.transaction((tx) => {
      tx.update(digestSchedules)
        .set({ active: false })
        .where(
          and(
            eq(digestSchedules.tenantId, tenantId),
            eq(digestSchedules.platform, schedule.platform),
            eq(digestSchedules.channelId, schedule.channelId),
          ),
        )
        .run();
      // Checking starts now: a new schedule never "catches up" on times before it existed.
      const row = { ...schedule, tenantId, active: true, checkedUntil: schedule.createdAt };
      tx.insert(digestSchedules).values(row).run();
      return toSchedule(row);
    });
  }

  getForChannel(tenantId: string, platform: Platform, channelId: string): DigestSchedule | null {
    const row = this.db
      .select()
      .from(digestSchedules)
      .where(
        and(
          eq(digestSchedules.tenantId, tenantId),
          eq(digestSchedules.platform, platform),
          eq(digestSchedules.channelId, channelId),
          eq(digestSchedules.active, true),
        ),
      )
      .get();
    return row ? toSchedule(row) : null;
  }

  get(tenantId: string, id: string): DigestSchedule | null {
    const row = this.db
      .select()
      .from(digestSchedules)
      .where(and(eq(digestSchedules.tenantId, tenantId), eq(digestSchedules.id, id)))
      .get();
    return row ? toSchedule(row) : null;
  }

  deactivate(tenantId: string, id: string): void {
    this.db
      .update(digestSchedules)
      .set({ active: false })
      .where(and(eq(digestSchedules.tenantId, tenantId), eq(digestSchedules.id, id)))
      .run();
  }

  setCheckedUntil(tenantId: string, id: string, at: Date): void {
    this.db
      .update(digestSchedules)
      .set({ checkedUntil: at })
      .where(and(eq(digestSchedules.tenantId, tenantId), eq(digestSchedules.id, id)))
      .run();
  }

  listAllActive(): DigestSchedule[] {
    return this.db
      .select()
      .from(digestSchedules)
      .where(eq(digestSchedules.active, true))
      .orderBy(asc(digestSchedules.createdAt))
      .all()
      .map(toSchedule);
  }
}
