// Nudges: one private message a day to each owner with plans due within two days or
// overdue, grouped into one message. People can turn them off with `/cx nudges off`.
import type { ActionPlan } from '../domain/plans.js';
import type { CoreDeps } from '../use-cases/core-deps.js';
import { nudgeView } from '../views/nudge-view.js';

export const NUDGE_HORIZON_DAYS = 2;
/** Nudges go out from this hour (UTC) on, so nobody is pinged in the small hours of Europe. */
export const NUDGE_FROM_HOUR_UTC = 8;

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * 86_400_000);

const byOwner = (plans: ActionPlan[]): Map<string, ActionPlan[]> => {
  const owners = new Map<string, ActionPlan[]>();
  for (const plan of plans) owners.set(plan.ownerId, [...(owners.get(plan.ownerId) ?? []), plan]);
  return owners;
};

/** Sends today's nudges; returns how many people were nudged. */
export const sendNudges = async (deps: CoreDeps): Promise<number> => {
  const now = deps.clock.now();
  if (now.getUTCHours() < NUDGE_FROM_HOUR_UTC) return 0;
  const today = isoDay(now);
  const horizon = isoDay(addDays(now, NUDGE_HORIZON_DAYS));
  let sent = 0;
  for (const tenant of deps.repos.tenants.listAll()) {
    const due = deps.repos.actionPlans.list(tenant.id, { open: true, dueTo: horizon });
    for (const [ownerId, plans] of byOwner(due)) {
      if (deps.repos.users.get(tenant.id, ownerId)?.nudges === false) continue;
      // The processed-event ledger makes "at most one a day" hold across restarts and instances.
      if (!deps.repos.processedEvents.markProcessed(tenant.id, `nudge:${ownerId}:${today}`, now))
        continue;
      const user = { platform: tenant.platform, tenantId: tenant.id, userId: ownerId };
      const result = await deps.gateway.dm(user, nudgeView(plans, today));
      if (result.ok) sent += 1;
    }
  }
  return sent;
};
