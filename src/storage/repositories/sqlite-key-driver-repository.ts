import { and, asc, eq } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { KeyDriver } from '../../core/domain/types.js';
import type { KeyDriverRepository } from '../../core/ports/repositories.js';
import type { Db } from '../database.js';
import { keyDrivers } from '../schema/index.js';
import { nameKey, withConflict } from '../storage-errors.js';

type KeyDriverRow = typeof keyDrivers.$inferSelect;

const toKeyDriver = (row: KeyDriverRow): KeyDriver => ({
  id: row.id,
  tenantId: row.tenantId,
  name: row.name,
  createdAt: row.createdAt,
});

export class SqliteKeyDriverRepository implements KeyDriverRepository {
  constructor(private readonly db: Db) {}

  create(tenantId: string, driver: { id: string; name: string; createdAt: Date }): KeyDriver {
    const row = { ...driver, tenantId, nameKey: nameKey(driver.name) };
    withConflict(`Key driver "${driver.name}"`, () => this.db.insert(keyDrivers).values(row).run());
    return toKeyDriver(row);
  }

  findByName(tenantId: string, name: string): KeyDriver | null {
    return this.one(tenantId, eq(keyDrivers.nameKey, nameKey(name)));
  }

  get(tenantId: string, id: string): KeyDriver | null {
    return this.one(tenantId, eq(keyDrivers.id, id));
  }

  list(tenantId: string): KeyDriver[] {
    return this.db
      .select()
      .from(keyDrivers)
      .where(eq(keyDrivers.tenantId, tenantId))
      .orderBy(asc(keyDrivers.nameKey))
      .all()
      .map(toKeyDriver);
  }

  rename(tenantId: string, id: string, name: string): void {
    withConflict(`Key driver "${name}"`, () =>
      this.db
        .update(keyDrivers)
        .set({ name, nameKey: nameKey(name) })
        .where(and(eq(keyDrivers.tenantId, tenantId), eq(keyDrivers.id, id)))
        .run(),
    );
  }

  /** Themes, issues and digest scopes pointing here fall back to "no driver" (ON DELETE SET NULL). */
  delete(tenantId: string, id: string): void {
    this.db
      .delete(keyDrivers)
      .where(and(eq(keyDrivers.tenantId, tenantId), eq(keyDrivers.id, id)))
      .run();
  }

  private one(tenantId: string, where: SQL): KeyDriver | null {
    const row = this.db
      .select()
      .from(keyDrivers)
      .where(and(eq(keyDrivers.tenantId, tenantId), where))
      .get();
    return row ? toKeyDriver(row) : null;
  }
}
