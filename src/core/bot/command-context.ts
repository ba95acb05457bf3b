import type { ConversationRef, UserRef } from '../domain/types.js';
import type { CoreDeps, Actor } from '../use-cases/core-deps.js';

/** Who typed a command, and where. */
export interface CommandContext {
  user: UserRef;
  conversation: ConversationRef;
}

export const actorOf = (ctx: CommandContext): Actor => ({
  tenantId: ctx.user.tenantId,
  userId: ctx.user.userId,
  name: ctx.user.name ?? null,
});

/** Makes sure the tenant and the user exist before anything is written for them. */
export const ensureParticipants = (deps: CoreDeps, ctx: CommandContext): void => {
  deps.repos.transaction(() => {
    deps.repos.tenants.ensure(ctx.user.tenantId, ctx.user.platform);
    deps.repos.users.ensure(ctx.user.tenantId, ctx.user.userId, ctx.user.name ?? null);
  });
};
