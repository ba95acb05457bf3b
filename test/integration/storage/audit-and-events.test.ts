import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TENANT_A, TENANT_B, days, openFixture, type Fixture } from './storage-fixture.js';

let fx: Fixture;
beforeEach(() => {
  fx = openFixture();
});
afterEach(() => fx.database.close());

describe('audit log', () => {
  it('lists newest first, filtered by entity, with JSON detail intact', () => {
    const { audit } = fx.repos;
    const entry = (entityId: string, at: Date) => ({
      tenantId: TENANT_A,
      actorId: 'U1',
      action: 'theme.create',
      entityType: 'theme',
      entityId,
      detail: { slug: entityId, nested: { n: 1 } },
      at,
    });
    audit.record(entry('a', days(1)));
    audit.record(entry('b', days(2)));
    audit.record({ ...entry('c', days(3)), entityType: 'issue', actorId: null, detail: null });
    expect(audit.list(TENANT_A).map((e) => e.entityId)).toEqual(['c', 'b', 'a']);
    expect(audit.list(TENANT_A, { entityType: 'theme', entityId: 'a' })).toEqual([
      entry('a', days(1)),
    ]);
    expect(audit.list(TENANT_A, { limit: 1 })).toHaveLength(1);
    expect(audit.list(TENANT_B)).toEqual([]);
  });
});

describe('processed events', () => {
  it('reports a retry as already processed, per tenant', () => {
    const { processedEvents } = fx.repos;
    expect(processedEvents.markProcessed(TENANT_A, 'Ev1', days(0))).toBe(true);
    expect(processedEvents.markProcessed(TENANT_A, 'Ev1', days(1))).toBe(false);
    expect(processedEvents.markProcessed(TENANT_B, 'Ev1', days(1))).toBe(true);
  });

  it('prunes only events older than the cut-off', () => {
    const { processedEvents } = fx.repos;
    processedEvents.markProcessed(TENANT_A, 'old', days(0));
    processedEvents.markProcessed(TENANT_A, 'new', days(2));
    expect(processedEvents.prune(days(1))).toBe(1);
    expect(processedEvents.markProcessed(TENANT_A, 'old', days(3))).toBe(true);
    expect(processedEvents.markProcessed(TENANT_A, 'new', days(3))).toBe(false);
  });
});
