import { and, desc, eq } from 'drizzle-orm';
import type {
  ConversationRefRepository,
  StoredConversationRef,
} from '../../core/ports/conversation-ref-repository.js';
import type { Db } from '../database.js';
import { teamsConversationRefs } from '../schema/index.js';

const byKey = (tenantId: string, conversationId: string) =>
  and(
    eq(teamsConversationRefs.tenantId, tenantId),
    eq(teamsConversationRefs.conversationId, conversationId),
  );

export class SqliteConversationRefRepository implements ConversationRefRepository {
  constructor(private readonly db: Db) {}

  save(ref: StoredConversationRef): void {
    this.db
      .insert(teamsConversationRefs)
      .values(ref)
      .onConflictDoUpdate({
        target: [teamsConversationRefs.tenantId, teamsConversationRefs.conversationId],
        set: { reference: ref.reference, updatedAt: ref.updatedAt },
      })
      .run();
  }

  get(tenantId: string, conversationId: string): StoredConversationRef | null {
    return (
      this.db.select().from(teamsConversationRefs).where(byKey(tenantId, conversationId)).get() ??
      null
    );
  }

  list(tenantId: string): StoredConversationRef[] {
    return this.db
      .select()
      .from(teamsConversationRefs)
      .where(eq(teamsConversationRefs.tenantId, tenantId))
      .orderBy(desc(teamsConversationRefs.updatedAt))
      .all();
  }

  delete(tenantId: string, conversationId: string): boolean {
    return (
      this.db.delete(teamsConversationRefs).where(byKey(tenantId, conversationId)).run().changes > 0
    );
  }
}
