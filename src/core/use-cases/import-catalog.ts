// Caches the themes, drivers and customers an import meets, creating each one the
// first time it is seen, so a million rows cost a handful of lookups.
import type { NewIssue } from '../domain/types.js';
import { slugify } from '../commands/index.js';
import type { Actor, CoreDeps } from './core-deps.js';
import { findOrCreateCustomer, findOrCreateDriver, findOrCreateTheme } from './catalog.js';
import type { ImportReport } from './import-report.js';

interface StagedRefs {
  theme: string;
  driver: string | null;
  customer: { name: string; revenueCents: number | null; coreGrowth: boolean | null } | null;
}

export class ImportCatalog {
  private readonly themes = new Map<string, { id: string; keyDriverId: string | null }>();
  private readonly drivers = new Map<string, string>();
  private readonly customers = new Map<
    string,
    { id: string; revenueCents: number | null; coreGrowth: boolean }
  >();

  constructor(
    private readonly deps: CoreDeps,
    private readonly actor: Actor,
    private readonly report: ImportReport,
  ) {}

  /** Turns a staged row into an issue ready to insert. Call inside a transaction. */
  resolve<T extends StagedRefs>(
    staged: T,
    id: string,
    createdAt: Date,
  ): NewIssue & { id: string; createdAt: Date } {
    const { theme, driver, customer, ...rest } = staged;
    const driverId = driver === null ? null : this.driver(driver);
    const themeRef = this.theme(theme, driverId);
    return {
      ...(rest as unknown as Omit<NewIssue, 'themeId' | 'keyDriverId' | 'customerId'>),
      id,
      createdAt,
      themeId: themeRef.id,
      keyDriverId: driverId ?? themeRef.keyDriverId,
      customerId: customer === null ? null : this.customer(customer),
    };
  }

  private driver(name: string): string {
    const key = name.toLowerCase();
    const cached = this.drivers.get(key);
    if (cached) return cached;
    const before = this.deps.repos.keyDrivers.findByName(this.actor.tenantId, name);
    const driver = before ?? findOrCreateDriver(this.deps, this.actor, name);
    if (!before) this.report.created.drivers += 1;
    this.drivers.set(key, driver.id);
    return driver.id;
  }

  private theme(name: string, driverId: string | null): { id: string; keyDriverId: string | null } {
    const key = slugify(name);
    const cached = this.themes.get(key);
    if (cached) return cached;
    const { theme, created } = findOrCreateTheme(this.deps, this.actor, name, driverId);
    if (created) this.report.created.themes += 1;
    const ref = { id: theme.id, keyDriverId: theme.keyDriverId };
    this.themes.set(key, ref);
    return ref;
  }

  private customer(input: NonNullable<StagedRefs['customer']>): string {
    const key = input.name.toLowerCase();
    let cached = this.customers.get(key);
    if (!cached) {
      const before = this.deps.repos.customers.findByName(this.actor.tenantId, input.name);
      const customer = before ?? findOrCreateCustomer(this.deps, this.actor, input.name);
      if (!before) this.report.created.customers += 1;
      cached = {
        id: customer.id,
        revenueCents: customer.annualRevenueCents,
        coreGrowth: customer.coreGrowth,
      };
      this.customers.set(key, cached);
    }
    this.updateCustomer(cached, input);
    return cached.id;
  }

  /** A file that carries revenue or the core-growth flag keeps the customer up to date. */
  private updateCustomer(
    cached: { id: string; revenueCents: number | null; coreGrowth: boolean },
    input: NonNullable<StagedRefs['customer']>,
  ): void {
    const patch: { annualRevenueCents?: number; coreGrowth?: boolean } = {};
    if (input.revenueCents !== null && input.revenueCents !== cached.revenueCents)
      patch.annualRevenueCents = input.revenueCents;
    if (input.coreGrowth !== null && input.coreGrowth !== cached.coreGrowth)
      patch.coreGrowth = input.coreGrowth;
    if (Object.keys(patch).length === 0) return;
    this.deps.repos.customers.update(this.actor.tenantId, cached.id, patch);
    Object.assign(cached, {
      revenueCents: patch.annualRevenueCents ?? cached.revenueCents,
      coreGrowth: patch.coreGrowth ?? cached.coreGrowth,
    });
  }
}
