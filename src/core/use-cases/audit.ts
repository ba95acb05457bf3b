import type { Actor, CoreDeps } from './core-deps.js';

/** Writes one audit entry; callers run it inside the same transaction as the change. */
export const audit = (
  deps: CoreDeps,
  actor: Actor,
  action: string,
  entityType: string,
  entityId: string,
  detail: Record<string, unknown> | null = null,
): void => {
  deps.repos.audit.record({
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action,
    entityType,
    entityId,
    detail,
    at: deps.clock.now(),
  });
};
