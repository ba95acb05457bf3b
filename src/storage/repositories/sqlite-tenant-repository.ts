import { asc, eq } from 'drizzle-orm';
import type { Tenant, Platform } from '../../core/domain/types.js';
import type { Clock } from '../../core/ports/clock.js';
import type { TenantRepository } from '../../core/ports/repositories.js';
import type { Db } from '../database.js';
import { tenants } from '../schema/index.js';

export class SqliteTenantRepository implements TenantRepository {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  ensure(tenantId: string, platform: Platform, name?: string | null): Tenant {
    const insert = { id: tenantId, platform, name: name ?? null, createdAt: this.clock.now() };
    this.db.insert(tenants).values(insert).onConflictDoNothing().run();
    // A name given later (e.g. after an install) replaces the unknown one.
    if (name !== undefined && name !== null) {
      this.db.update(tenants).set({ name }).where(eq(tenants.id, tenantId)).run();
    }
    const tenant = this.get(tenantId);
    if (!tenant) throw new Error(`Tenant ${tenantId} vanished after ensure`);
    return tenant;
  }

  get(tenantId: string): Tenant | null {
    return this.db.select().from(tenants).where(eq(tenants.id, tenantId)).get() ?? null;
  }

  listAll(): Tenant[] {
    return this.db.select().from(tenants).orderBy(asc(tenants.id)).all();
  }
}
