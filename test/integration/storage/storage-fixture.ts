// Shared setup: a fresh in-memory database with the real migrations and two tenants.
import type { Issue } from '../../../src/core/domain/types.js';
import type { Repositories } from '../../../src/core/ports/repositories.js';
import { createRepositories } from '../../../src/storage/create-repositories.js';
import { openDatabase, type OpenDatabase } from '../../../src/storage/database.js';

export const TENANT_A = 'T-A';
export const TENANT_B = 'T-B';
export const T0 = new Date('2024-01-01T00:00:00Z');

export const days = (n: number): Date => new Date(T0.getTime() + n * 86_400_000);

export interface Fixture {
  database: OpenDatabase;
  repos: Repositories;
}

export function openFixture(): Fixture {
  const database = openDatabase(':memory:');
  const repos = createRepositories(database.db, { clock: { now: () => T0 } });
  repos.tenants.ensure(TENANT_A, 'slack', 'Acme');
  repos.tenants.ensure(TENANT_B, 'teams', 'Globex');
  return { database, repos };
}

type IssueInput = Parameters<Repositories['issues']['create']>[1];

let seq = 0;

/** A valid new issue; override what the test cares about. */
export function newIssue(themeId: string, overrides: Partial<IssueInput> = {}): IssueInput {
  seq += 1;
  return {
    id: `issue-${seq}`,
    summary: `Issue ${seq}`,
    description: null,
    themeId,
    keyDriverId: null,
    customerId: null,
    source: 'complaint',
    customerCostCents: null,
    companyCostCents: null,
    reporterId: null,
    reporterName: null,
    externalId: null,
    occurredAt: T0,
    createdAt: T0,
    ...overrides,
  };
}

export function addTheme(
  repos: Repositories,
  tenantId: string,
  slug: string,
  keyDriverId: string | null = null,
) {
  return repos.themes.create(tenantId, {
    id: `${tenantId}-${slug}`,
    slug,
    name: slug.replace(/-/g, ' '),
    keyDriverId,
    createdAt: T0,
  });
}

export function addCustomer(
  repos: Repositories,
  tenantId: string,
  name: string,
  revenue: number | null,
) {
  return repos.customers.create(tenantId, {
    id: `${tenantId}-${name}`,
    name,
    annualRevenueCents: revenue,
    coreGrowth: false,
    createdAt: T0,
  });
}

export const numbers = (issues: Issue[]): number[] => issues.map((i) => i.number);
