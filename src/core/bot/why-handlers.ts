// The 5-why dialog's entry points: `/cx-why`, replies in its thread, its buttons and
// pickers, and the scheduler's idle reminders.
import type { Inbound } from './inbound.js';
import type { AnalysisCommand } from '../commands/index.js';
import { audit } from '../use-cases/audit.js';
import type { CoreDeps } from '../use-cases/core-deps.js';
import type { WhySession } from '../ports/why-repositories.js';
import type { MessageView } from '../views/message-view.js';
import { errorView } from '../views/feedback-views.js';
import { whyStartedView } from '../views/why-feedback-views.js';
import { whyListView } from '../views/why-summary-views.js';
import { promptLine } from '../views/why-views.js';
import {
  WHY_ACTION_PREFIX,
  WHY_ACTIONS,
  parseWhyActionValue,
  type WhyActionValue,
} from '../why/why-actions.js';
import { stepLabel } from '../why/why-chain.js';
import { startWhy } from '../why/start-why.js';
import { transition } from '../why/transition.js';
import { DEFAULT_IDLE_MS, type WhyState } from '../why/why-types.js';
import type { WhyTarget } from '../commands/command-types.js';
import { ensureParticipants, type CommandContext } from './command-context.js';
import { commitWhyStep, deliverWhyEffects } from './why-effects.js';
import { participantOf, readWhyPick, readWhyReply, type ReadReply } from './why-reply-reader.js';
import { runWhyStep } from './run-why-step.js';
import { whySymptom } from './why-symptom.js';

type WhyCommand = Extract<AnalysisCommand, { kind: 'why.start' | 'why.list' }>;

/** Stores a new dialog under its root message, with its audit entry, in one transaction. */
const saveNewSession = (
  deps: CoreDeps,
  ctx: CommandContext,
  state: WhyState,
  threadId: string,
  now: Date,
): WhySession =>
  deps.repos.transaction(() => {
    const { tenantId, userId, platform } = ctx.user;
    const { symptom } = state;
    const created = deps.repos.whySessions.create(tenantId, {
      id: state.sessionId,
      themeId: symptom.themeId,
      issueId: symptom.issueId,
      platform,
      channelId: ctx.conversation.channelId,
      threadId,
      startedBy: userId,
      status: 'open',
      state,
      createdAt: now,
      updatedAt: now,
      lastActivityAt: now,
    });
    audit(deps, { tenantId, userId }, 'why.start', 'why-session', created.id, {
      themeId: symptom.themeId,
      issueId: symptom.issueId,
    });
    return created;
  });

const startDialog = async (
  deps: CoreDeps,
  ctx: CommandContext,
  target: WhyTarget,
): Promise<MessageView> => {
  const { tenantId, platform } = ctx.user;
  const { symptom, figures } = whySymptom(deps, tenantId, target);
  const now = deps.clock.now();
  const input = {
    sessionId: deps.ids.next(),
    symptom,
    figures,
    startedBy: participantOf(ctx.user),
  };
  const { state, effects } = startWhy(input, now);
  const root = effects.find((e) => e.kind === 'post-root');
  if (root?.kind !== 'post-root') return errorView('The 5-why could not be prepared.');
  // The root message's id is the thread, so it is posted before anything is saved.
  const channel = { platform, tenantId, channelId: ctx.conversation.channelId };
  const posted = await deps.gateway.post(channel, root.view);
  if (!posted.ok) {
    return errorView(
      `I could not post in this channel (${posted.error}). Nothing was started; please try again.`,
    );
  }
  const session = saveNewSession(deps, ctx, state, posted.value.messageId, now);
  const delivery = await deliverWhyEffects(deps, session, effects);
  return whyStartedView(symptom, delivery.error);
};

const listDialogs = (deps: CoreDeps, tenantId: string): MessageView =>
  whyListView(
    deps.repos.whySessions.list(tenantId).map((s) => ({
      symptom: s.state.symptom,
      status: s.status,
      step: stepLabel(s.state),
      rootCause: s.state.rootCause?.text ?? null,
      startedAt: s.createdAt,
      lastActivityAt: s.lastActivityAt,
    })),
  );

/** `/cx-why #theme`, `/cx-why CX-12` and `/cx-why` (the list). */
export const handleWhyCommand = (
  deps: CoreDeps,
  ctx: CommandContext,
  command: WhyCommand,
): Promise<MessageView> =>
  command.kind === 'why.list'
    ? Promise.resolve(listDialogs(deps, ctx.user.tenantId))
    : startDialog(deps, ctx, command.target);

const sessionOfThread = (deps: CoreDeps, inbound: Inbound): WhySession | null => {
  const { threadId, channelId, platform } = inbound.conversation;
  if (!threadId) return null;
  return deps.repos.whySessions.findByThread(inbound.user.tenantId, {
    platform,
    channelId,
    threadId,
  });
};

/** A message in a thread: null unless the thread is a 5-why (other threads are not ours). */
export const handleWhyThreadReply = async (
  deps: CoreDeps,
  inbound: Extract<Inbound, { kind: 'threadReply' }>,
): Promise<MessageView | null> => {
  const session = sessionOfThread(deps, inbound);
  if (!session) return null;
  ensureParticipants(deps, inbound);
  return runWhyStep(deps, session, (s) => readWhyReply(deps, s.state, inbound.user, inbound.text));
};

/** What each button means, written as the words a person would type. */
const BUTTON_WORDS: Readonly<Record<string, (choice: string) => string>> = {
  [WHY_ACTIONS.confirm]: () => 'confirm',
  [WHY_ACTIONS.edit]: () => 'edit',
  [WHY_ACTIONS.direction]: (choice) => choice,
  [WHY_ACTIONS.skip]: () => 'skip',
  [WHY_ACTIONS.level]: (choice) => choice,
  [WHY_ACTIONS.another]: (choice) => choice,
  [WHY_ACTIONS.status]: () => 'status',
};

/** Pickers: the choice comes back as `selected` and is read like a typed answer. */
const PICKERS: Readonly<Record<string, 'user' | 'date'>> = {
  [WHY_ACTIONS.owner]: 'user',
  [WHY_ACTIONS.due]: 'date',
};

type WhyActionInbound = Extract<Inbound, { kind: 'action' }>;

/** How the action reads against the state it finds: a picked value, a button's words or stale. */
const readWhyAction = (
  deps: CoreDeps,
  state: WhyState,
  inbound: WhyActionInbound,
  value: WhyActionValue,
): ReadReply => {
  const pick = PICKERS[inbound.actionId];
  if (state.step !== value.step && inbound.actionId !== WHY_ACTIONS.status) {
    const what = pick ? 'That choice' : 'That button';
    return {
      kind: 'error',
      message: `${what} is from an earlier step; the dialog has moved on. ${promptLine(state)}`,
    };
  }
  if (!pick) {
    const words = BUTTON_WORDS[inbound.actionId]?.(value.choice) ?? '';
    return readWhyReply(deps, state, inbound.user, words);
  }
  const selected = inbound.selected?.trim() ?? '';
  if (selected === '') {
    return { kind: 'error', message: `Nothing was chosen. ${promptLine(state)}` };
  }
  return readWhyPick(deps, state, inbound.user, {
    kind: pick,
    selected,
    ...(inbound.selectedName ? { name: inbound.selectedName } : {}),
  });
};

/** A 5-why button or picker: null when the action belongs to another feature. */
export const handleWhyAction = async (
  deps: CoreDeps,
  inbound: WhyActionInbound,
): Promise<MessageView | null> => {
  if (!inbound.actionId.startsWith(WHY_ACTION_PREFIX)) return null;
  const known = inbound.actionId in BUTTON_WORDS || inbound.actionId in PICKERS;
  const value = parseWhyActionValue(inbound.value);
  const session = value && deps.repos.whySessions.get(inbound.user.tenantId, value.sessionId);
  if (!known || !value || !session) {
    return errorView('That button has expired. Type your answer in the thread instead.');
  }
  ensureParticipants(deps, inbound);
  return runWhyStep(deps, session, (s) => readWhyAction(deps, s.state, inbound, value));
};

/**
 * Posts a "still open" reminder in every 5-why idle for `idleMs` or more, at most once per
 * idle period. The reminder is recorded before it is posted, so two schedulers never both
 * send it; a failed post is un-recorded so the next run tries again. Returns how many were sent.
 */
export const remindIdleWhys = async (
  deps: CoreDeps,
  now: Date,
  idleMs: number = DEFAULT_IDLE_MS,
): Promise<number> => {
  let sent = 0;
  for (const session of deps.repos.whySessions.listIdle(new Date(now.getTime() - idleMs))) {
    const result = transition(session.state, { kind: 'idle-check', idleMs }, now);
    if (!result.effects.some((e) => e.kind === 'remind')) continue;
    const committed = commitWhyStep(deps, session, result, now);
    if (!committed) continue;
    const delivery = await deliverWhyEffects(deps, committed, result.effects);
    if (delivery.undelivered.length === 0) sent += 1;
    else
      deps.repos.whySessions.save(
        session.tenantId,
        { ...committed, state: session.state },
        committed.version,
      );
  }
  return sent;
};
