// Where a chat platform's conversation references are kept, so the bot can post later
// (digests, nudges, 5-why threads) in conversations it was added to. The reference is
// the adapter's own JSON: the core and storage never look inside it.

export interface StoredConversationRef {
  tenantId: string;
  /** The platform's conversation id (for Teams, without any `;messageid=` suffix). */
  conversationId: string;
  reference: Record<string, unknown>;
  updatedAt: Date;
}

export interface ConversationRefRepository {
  /** Inserts or replaces the reference of one conversation. */
  save(ref: StoredConversationRef): void;
  get(tenantId: string, conversationId: string): StoredConversationRef | null;
  /** Every conversation of the tenant, newest first. */
  list(tenantId: string): StoredConversationRef[];
  /** Forgets a conversation (the bot was removed from it); true if one was there. */
  delete(tenantId: string, conversationId: string): boolean;
}
