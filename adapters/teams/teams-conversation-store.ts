// Conversation references of every conversation the bot is in, kept through the
// repository port so digests, nudges and 5-why threads can post after a restart.
import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { Clock } from '../../src/core/ports/clock.js';
import type { Repositories } from '../../src/core/ports/repositories.js';
import { channelDataOf, splitConversationId, tenantOf, userIdOf } from './teams-activity-refs.js';

/** What we store: botbuilder's reference plus the team it belongs to and, for chats
 * without reply chains, the 5-why thread that typed answers belong to. */
export interface StoredTeamsReference extends Partial<ConversationReference> {
  teamId?: string;
  activeThreadId?: string;
}

export class TeamsConversationStore {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  /** Saves (or refreshes) the reference of the conversation an activity came from. */
  remember(activity: Partial<Activity>): void {
    const reference = TurnContext.getConversationReference(activity);
    const { base } = splitConversationId(reference.conversation?.id ?? '');
    if (!base || !reference.serviceUrl) return;
    const tenantId = tenantOf(activity);
    const previous = this.find(tenantId, base);
    const teamId = channelDataOf(activity).team?.id;
    // Posts made later start new messages, so the reference points at no activity.
    const { activityId: _unused, ...rest } = reference;
    const stored: StoredTeamsReference = {
      ...rest,
      conversation: { ...reference.conversation!, id: base, tenantId },
      ...(teamId ? { teamId } : {}),
      ...(previous?.activeThreadId ? { activeThreadId: previous.activeThreadId } : {}),
    };
    this.save(tenantId, base, stored);
  }

  find(tenantId: string, conversationId: string): StoredTeamsReference | null {
    const row = this.repos.conversationRefs.get(tenantId, conversationId);
    return row ? (row.reference as StoredTeamsReference) : null;
  }

  /** The bot's one-to-one chat with a person, if they ever talked to it or installed it. */
  personalFor(tenantId: string, userId: string): StoredTeamsReference | null {
    const found = this.all(tenantId).find(
      (r) =>
        r.conversation?.conversationType === 'personal' && r.user && userIdOf(r.user) === userId,
    );
    return found ?? null;
  }

  /** Any conversation of the tenant: its service URL lets the bot start a new chat. */
  anyIn(tenantId: string): StoredTeamsReference | null {
    return this.all(tenantId)[0] ?? null;
  }

  setActiveThread(tenantId: string, conversationId: string, threadId: string): void {
    const ref = this.find(tenantId, conversationId);
    if (ref && ref.activeThreadId !== threadId) {
      this.save(tenantId, conversationId, { ...ref, activeThreadId: threadId });
    }
  }

  /** The bot was removed: forget the conversation, or every channel of the team. */
  forget(activity: Partial<Activity>): number {
    const tenantId = tenantOf(activity);
    const teamId = channelDataOf(activity).team?.id;
    const { base } = splitConversationId(activity.conversation?.id ?? '');
    const ids = new Set([base]);
    if (teamId) {
      for (const r of this.all(tenantId))
        if (r.teamId === teamId && r.conversation) ids.add(r.conversation.id);
    }
    let removed = 0;
    for (const id of ids) if (this.repos.conversationRefs.delete(tenantId, id)) removed += 1;
    return removed;
  }

  private all(tenantId: string): StoredTeamsReference[] {
    return this.repos.conversationRefs
      .list(tenantId)
      .map((r) => r.reference as StoredTeamsReference);
  }

  private save(tenantId: string, conversationId: string, reference: StoredTeamsReference): void {
    this.repos.transaction(() => {
      this.repos.tenants.ensure(tenantId, 'teams');
      this.repos.conversationRefs.save({
        tenantId,
        conversationId,
        reference: reference as Record<string, unknown>,
        updatedAt: this.clock.now(),
      });
    });
  }
}
