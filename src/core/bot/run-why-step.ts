// One step of a 5-why: read the input against the current state, run the machine, commit
// with optimistic versioning, then post. When another reply won the race, the state is
// re-read: a note is simply re-applied, but an answer meant for a question that has moved
// on is not silently counted against the next one.
import { isAppError } from '../domain/errors.js';
import type { CoreDeps } from '../use-cases/core-deps.js';
import type { WhySession } from '../ports/why-repositories.js';
import type { MessageView } from '../views/message-view.js';
import { errorView } from '../views/feedback-views.js';
import { whyRacedView, whyReceiptView, whyUndeliveredView } from '../views/why-feedback-views.js';
import { transition } from '../why/transition.js';
import { positionKey } from '../why/why-chain.js';
import type { WhyEvent } from '../why/why-types.js';
import { commitWhyStep, deliverWhyEffects } from './why-effects.js';
import type { ReadReply } from './why-reply-reader.js';

const MAX_ATTEMPTS = 3;

const movesTheDialog = (event: WhyEvent): boolean =>
  event.kind !== 'note' && event.kind !== 'status';

type Attempt = { done: MessageView | null } | { retry: true };

const attemptStep = async (
  deps: CoreDeps,
  session: WhySession,
  reading: ReadReply,
  raced: boolean,
): Promise<Attempt> => {
  if (reading.kind === 'ignore') return { done: null };
  if (reading.kind === 'error') return { done: errorView(reading.message) };
  if (raced && movesTheDialog(reading.event)) return { done: whyRacedView(session.state) };
  const now = deps.clock.now();
  const result = transition(session.state, reading.event, now);
  const rejected = result.effects.find((e) => e.kind === 'reject');
  if (rejected?.kind === 'reject') return { done: errorView(rejected.message) };
  const committed = commitWhyStep(deps, session, result, now);
  if (!committed) return { retry: true };
  const delivery = await deliverWhyEffects(deps, committed, result.effects);
  if (delivery.undelivered.length > 0) {
    return { done: whyUndeliveredView(delivery.undelivered, delivery.error ?? 'unknown error') };
  }
  return { done: whyReceiptView(session.state, result.state, reading.event) };
};

/** Runs `read` against `first`, retrying on a version conflict with a fresh copy. */
export const runWhyStep = async (
  deps: CoreDeps,
  first: WhySession,
  read: (session: WhySession) => ReadReply,
): Promise<MessageView | null> => {
  let session: WhySession | null = first;
  for (let i = 0; i < MAX_ATTEMPTS && session; i++) {
    const raced = i > 0 && positionKey(session.state) !== positionKey(first.state);
    try {
      const outcome = await attemptStep(deps, session, read(session), raced);
      if ('done' in outcome) return outcome.done;
    } catch (e: unknown) {
      if (isAppError(e)) return errorView(e.message);
      throw e;
    }
    session = deps.repos.whySessions.get(first.tenantId, first.id);
  }
  return errorView('Several people are replying at once; please send that again.');
};
