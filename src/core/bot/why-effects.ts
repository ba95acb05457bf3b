// Carries out what the 5-why machine decided. Storage effects run in one transaction with
// the versioned save of the state, so a step either lands whole or not at all; chat
// effects run after the commit, so a failed post never loses a step (`status` re-posts).
import { audit } from '../use-cases/audit.js';
import type { Actor, CoreDeps } from '../use-cases/core-deps.js';
import { addActionPlan } from '../use-cases/action-plans.js';
import { defineMetric } from '../use-cases/metrics.js';
import type { WhySession } from '../ports/why-repositories.js';
import type { MessageView } from '../views/message-view.js';
import { statusOf } from '../why/why-chain.js';
import type { Participant, WhyEffect, WhyTransition } from '../why/why-types.js';

const actorFor = (session: WhySession, who: Participant | null): Actor => ({
  tenantId: session.tenantId,
  userId: who?.userId ?? null,
  name: who?.name ?? null,
});

const isStorageEffect = (effect: WhyEffect): boolean =>
  effect.kind === 'save-root-cause' ||
  effect.kind === 'create-metric' ||
  effect.kind === 'create-plan';

const applyStorageEffect = (deps: CoreDeps, session: WhySession, effect: WhyEffect): void => {
  const { tenantId, themeId } = session;
  switch (effect.kind) {
    case 'save-root-cause': {
      const rc = effect.rootCause;
      deps.repos.rootCauses.save(tenantId, {
        id: rc.id,
        themeId,
        sessionId: session.id,
        text: rc.text,
        confirmedBy: rc.confirmedBy.userId,
        confirmedAt: new Date(rc.confirmedAt),
        chain: rc.chain,
      });
      audit(deps, actorFor(session, rc.confirmedBy), 'root-cause.save', 'root-cause', rc.id, {
        sessionId: session.id,
        text: rc.text,
      });
      return;
    }
    case 'create-metric':
      defineMetric(deps, actorFor(session, effect.by), {
        themeId,
        rootCauseId: effect.rootCauseId,
        ...effect.metric,
      });
      return;
    case 'create-plan':
      addActionPlan(deps, actorFor(session, effect.by), {
        themeId,
        rootCauseId: effect.rootCauseId,
        ...effect.plan,
      });
      return;
    default:
      return;
  }
};

/**
 * Saves the new state (if `session.version` is still current) and applies the storage
 * effects, atomically. Returns the saved session, or null when another write won the race.
 * An AppError from a use case rolls everything back and propagates.
 */
export const commitWhyStep = (
  deps: CoreDeps,
  session: WhySession,
  result: WhyTransition,
  now: Date,
): WhySession | null => {
  if (result.state === session.state && !result.effects.some(isStorageEffect)) return session;
  return deps.repos.transaction(() => {
    const next: WhySession = {
      ...session,
      state: result.state,
      status: statusOf(result.state),
      updatedAt: now,
      lastActivityAt: new Date(result.state.lastActivityAt),
    };
    if (!deps.repos.whySessions.save(session.tenantId, next, session.version)) return null;
    for (const effect of result.effects) applyStorageEffect(deps, next, effect);
    if (next.status !== session.status) {
      audit(
        deps,
        actorFor(session, result.state.endedBy),
        `why.${next.status}`,
        'why-session',
        session.id,
      );
    }
    return { ...next, version: session.version + 1 };
  });
};

export interface Delivery {
  undelivered: MessageView[];
  error: string | null;
}

/** Posts the thread replies and reminders, in order; failures are collected, not thrown. */
export const deliverWhyEffects = async (
  deps: CoreDeps,
  session: WhySession,
  effects: WhyEffect[],
): Promise<Delivery> => {
  const conversation = {
    platform: session.platform,
    tenantId: session.tenantId,
    channelId: session.channelId,
  };
  const delivery: Delivery = { undelivered: [], error: null };
  for (const effect of effects) {
    if (effect.kind !== 'reply' && effect.kind !== 'remind') continue;
    const sent = await deps.gateway.reply(conversation, session.threadId, effect.view);
    if (!sent.ok) {
      delivery.undelivered.push(effect.view);
      delivery.error = sent.error;
    }
  }
  return delivery;
};
