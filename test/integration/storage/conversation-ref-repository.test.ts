// Teams conversation references: upserted by conversation, listed newest first, kept per
// tenant, and removed when the bot leaves.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TENANT_A, TENANT_B, days, openFixture, type Fixture } from './storage-fixture.js';

let f: Fixture;
beforeEach(() => {
  f = openFixture();
});
afterEach(() => f.database.close());

const ref = (conversationId: string, at: Date, extra: Record<string, unknown> = {}) => ({
  tenantId: TENANT_B,
  conversationId,
  reference: {
    serviceUrl: 'https://smba.example/teams/',
    conversation: { id: conversationId },
    ...extra,
  },
  updatedAt: at,
});

describe('SqliteConversationRefRepository', () => {
  it('saves, replaces and reads back a reference as JSON', () => {
    const refs = f.repos.conversationRefs;
    refs.save(ref('19:a@thread.tacv2', days(1)));
    refs.save(ref('19:a@thread.tacv2', days(2), { activeThreadId: 'root-1' }));
    expect(refs.get(TENANT_B, '19:a@thread.tacv2')).toEqual(
      ref('19:a@thread.tacv2', days(2), { activeThreadId: 'root-1' }),
    );
    expect(refs.list(TENANT_B)).toHaveLength(1);
  });

  it('lists newest first and never across tenants', () => {
    const refs = f.repos.conversationRefs;
    refs.save(ref('a:old', days(1)));
    refs.save(ref('a:new', days(3)));
    expect(refs.list(TENANT_B).map((r) => r.conversationId)).toEqual(['a:new', 'a:old']);
    expect(refs.list(TENANT_A)).toEqual([]);
    expect(refs.get(TENANT_A, 'a:new')).toBeNull();
  });

  it('deletes one conversation and says whether it was there', () => {
    const refs = f.repos.conversationRefs;
    refs.save(ref('a:one', days(1)));
    expect(refs.delete(TENANT_A, 'a:one')).toBe(false);
    expect(refs.delete(TENANT_B, 'a:one')).toBe(true);
    expect(refs.delete(TENANT_B, 'a:one')).toBe(false);
    expect(refs.get(TENANT_B, 'a:one')).toBeNull();
  });
});
