import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { T0, TENANT_A, addTheme, newIssue, openFixture, type Fixture } from './storage-fixture.js';

let fx: Fixture;
beforeEach(() => {
  fx = openFixture();
});
afterEach(() => fx.database.close());

describe('transaction', () => {
  it('commits every write and returns the result', () => {
    const { repos } = fx;
    const number = repos.transaction(() => {
      const theme = addTheme(repos, TENANT_A, 'billing');
      return repos.issues.create(TENANT_A, newIssue(theme.id)).number;
    });
    expect(number).toBe(1);
    expect(repos.issues.search(TENANT_A, {}).total).toBe(1);
  });

  it('rolls back everything when the function throws', () => {
    const { repos } = fx;
    expect(() =>
      repos.transaction(() => {
        const theme = addTheme(repos, TENANT_A, 'billing');
        repos.issues.create(TENANT_A, newIssue(theme.id));
        repos.audit.record({
          tenantId: TENANT_A,
          actorId: null,
          action: 'x',
          entityType: 't',
          entityId: 'x',
          detail: null,
          at: T0,
        });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(repos.themes.list(TENANT_A)).toEqual([]);
    expect(repos.issues.search(TENANT_A, {}).total).toBe(0);
    expect(repos.audit.list(TENANT_A)).toEqual([]);
  });

  it('nests: an inner failure caught by the outer call undoes only the inner writes', () => {
    const { repos } = fx;
    repos.transaction(() => {
      addTheme(repos, TENANT_A, 'kept');
      try {
        repos.transaction(() => {
          addTheme(repos, TENANT_A, 'dropped');
          throw new Error('inner');
        });
      } catch {
        // the outer unit of work carries on
      }
      // Repository methods that open their own transaction nest as well.
      repos.themes.merge(TENANT_A, addTheme(repos, TENANT_A, 'merged').id, `${TENANT_A}-kept`);
    });
    expect(repos.themes.list(TENANT_A).map((t) => t.slug)).toEqual(['kept']);
  });

  it('refuses an async function and rolls back what it wrote before its first await', () => {
    const { repos } = fx;
    const run = () =>
      repos.transaction(async () => {
        addTheme(repos, TENANT_A, 'async');
        await Promise.resolve();
      });
    expect(run).toThrow(/synchronous/);
    expect(repos.themes.list(TENANT_A)).toEqual([]);
  });
});
