import { and, asc, eq } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Customer } from '../../core/domain/types.js';
import type { CustomerRepository } from '../../core/ports/repositories.js';
import type { Db } from '../database.js';
import { customers } from '../schema/index.js';
import { nameKey, withConflict } from '../storage-errors.js';

type CustomerRow = typeof customers.$inferSelect;
type CustomerPatch = { name?: string; annualRevenueCents?: number | null; coreGrowth?: boolean };

const toCustomer = (row: CustomerRow): Customer => ({
  id: row.id,
  tenantId: row.tenantId,
  name: row.name,
  annualRevenueCents: row.annualRevenueCents,
  coreGrowth: row.coreGrowth,
  createdAt: row.createdAt,
});

export class SqliteCustomerRepository implements CustomerRepository {
  constructor(private readonly db: Db) {}

  create(
    tenantId: string,
    customer: {
      id: string;
      name: string;
      annualRevenueCents: number | null;
      coreGrowth: boolean;
      createdAt: Date;
    },
  ): Customer {
    const row = { ...customer, tenantId, nameKey: nameKey(customer.name) };
    withConflict(`Customer "${customer.name}"`, () => this.db.insert(customers).values(row).run());
    return toCustomer(row);
  }

  findByName(tenantId: string, name: string): Customer | null {
    return this.one(tenantId, eq(customers.nameKey, nameKey(name)));
  }

  get(tenantId: string, id: string): Customer | null {
    return this.one(tenantId, eq(customers.id, id));
  }

  list(tenantId: string): Customer[] {
    return this.db
      .select()
      .from(customers)
      .where(eq(customers.tenantId, tenantId))
      .orderBy(asc(customers.nameKey))
      .all()
      .map(toCustomer);
  }

  update(tenantId: string, id: string, patch: CustomerPatch): void {
    const set: Partial<CustomerRow> = {};
    if (patch.name !== undefined)
      Object.assign(set, { name: patch.name, nameKey: nameKey(patch.name) });
    if (patch.annualRevenueCents !== undefined) set.annualRevenueCents = patch.annualRevenueCents;
    if (patch.coreGrowth !== undefined) set.coreGrowth = patch.coreGrowth;
    if (Object.keys(set).length === 0) return;
    withConflict(`Customer "${patch.name ?? id}"`, () =>
      this.db
        .update(customers)
        .set(set)
        .where(and(eq(customers.tenantId, tenantId), eq(customers.id, id)))
        .run(),
    );
  }

  private one(tenantId: string, where: SQL): Customer | null {
    const row = this.db
      .select()
      .from(customers)
      .where(and(eq(customers.tenantId, tenantId), where))
      .get();
    return row ? toCustomer(row) : null;
  }
}
