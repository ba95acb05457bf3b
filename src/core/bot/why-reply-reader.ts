// Turns a message typed in a 5-why thread into an event for the state machine, reading it
// against the step the dialog is at. Parsing and lookups (owners, metric names) happen
// here, before the machine runs, so a bad value re-asks the same question.
import { isAppError } from '../domain/errors.js';
import type { UserRef } from '../domain/types.js';
import { ACTION_LEVELS, METRIC_DIRECTIONS } from '../commands/command-types.js';
import { parseIsoDate } from '../commands/calendar.js';
import { parseDateSpec, parseNumber, resolveDateSpec } from '../commands/values.js';
import { parseChoice, parseMention } from '../commands/value-schemas.js';
import type { CoreDeps } from '../use-cases/core-deps.js';
import { resolveOwner } from '../use-cases/owners.js';
import { validateDueDate, validatePlanTitle } from '../use-cases/action-plans.js';
import { promptLine } from '../views/why-views.js';
import { editText, isConfirmWord, parseThreadCommand } from '../why/parse-thread-command.js';
import { isClosed } from '../why/why-chain.js';
import type { Participant, WhyEvent, WhyState } from '../why/why-types.js';

export type ReadReply =
  | { kind: 'event'; event: WhyEvent }
  | { kind: 'error'; message: string }
  /** Chatter in a finished thread: not for the bot. */
  | { kind: 'ignore' };

const event = (e: WhyEvent): ReadReply => ({ kind: 'event', event: e });
const error = (state: WhyState, message: string): ReadReply => ({
  kind: 'error',
  message: `${message} ${promptLine(state)}`,
});

export const participantOf = (user: UserRef): Participant => ({
  userId: user.userId,
  name: user.name ?? null,
});

const CONFIRM_ONLY = /^confirm(ed)?[.!]?$/i;
const SKIP = /^(skip|none|n\/a|-|unknown|don'?t know)$/i;
const DIRECTION_ALIASES = {
  'lower-is-better': 'lower',
  'higher-is-better': 'higher',
  low: 'lower',
  high: 'higher',
  down: 'lower',
  up: 'higher',
} as const;
const LEVEL_ALIASES = {
  'resolve-the-instance': 'resolve',
  instance: 'resolve',
  fix: 'resolve',
  'prevent-recurrence': 'recurrence',
  'prevent-occurrence': 'occurrence',
} as const;
const YES_NO = {
  y: 'yes',
  another: 'yes',
  add: 'yes',
  more: 'yes',
  n: 'no',
  finish: 'no',
} as const;

interface ReadContext {
  deps: CoreDeps;
  state: WhyState;
  user: UserRef;
  who: Participant;
  text: string;
}

const attempt = (state: WhyState, fn: () => ReadReply): ReadReply => {
  try {
    return fn();
  } catch (e: unknown) {
    if (isAppError(e)) return error(state, e.message);
    throw e;
  }
};

const readRootStep = ({ deps, state, who, text }: ReadContext): ReadReply => {
  const rootCauseId = (): string => deps.ids.next();
  if (state.step === 'edit-root')
    return event({ kind: 'root-cause', text, user: who, rootCauseId: rootCauseId() });
  if (isConfirmWord(text)) return event({ kind: 'confirm', user: who, rootCauseId: rootCauseId() });
  const edited = editText(text);
  if (edited === '') return event({ kind: 'edit', user: who });
  if (edited !== null) {
    return event({ kind: 'root-cause', text: edited, user: who, rootCauseId: rootCauseId() });
  }
  return event({ kind: 'answer', text, user: who });
};

const readMetricStep = ({ deps, state, user, who, text }: ReadContext): ReadReply => {
  switch (state.step) {
    case 'metric-name': {
      const existing = deps.repos.metrics.findByName(user.tenantId, text.trim());
      if (existing && text.trim() !== '') {
        return error(
          state,
          `There is already a metric called “${existing.name}”; pick another name.`,
        );
      }
      return event({ kind: 'metric-name', text, user: who });
    }
    case 'metric-unit':
      return event({ kind: 'metric-unit', text, user: who });
    case 'metric-direction': {
      const choice = parseChoice(text, 'direction', METRIC_DIRECTIONS, DIRECTION_ALIASES);
      return choice.ok
        ? event({ kind: 'metric-direction', direction: choice.value, user: who })
        : error(state, choice.message);
    }
    case 'metric-target': {
      const target = parseNumber(text);
      return target.ok
        ? event({ kind: 'metric-target', target: target.value, user: who })
        : error(state, target.message);
    }
    default: {
      if (SKIP.test(text.trim()))
        return event({ kind: 'metric-current', current: null, user: who });
      const current = parseNumber(text);
      return current.ok
        ? event({ kind: 'metric-current', current: current.value, user: who })
        : error(state, `${current.message} Or type *skip*.`);
    }
  }
};

const readDueDate = ({ deps, state, who, text }: ReadContext): ReadReply => {
  const spec = parseDateSpec(text);
  if (!spec.ok) return error(state, spec.message);
  const today = deps.clock.now().toISOString().slice(0, 10);
  const day = parseIsoDate(today);
  if (!day) return error(state, 'Today’s date could not be read.');
  const dueDate = validateDueDate(resolveDateSpec(spec.value, day), today);
  return event({ kind: 'plan-due', dueDate, user: who });
};

const readPlanStep = (ctx: ReadContext): ReadReply => {
  const { deps, state, user, who, text } = ctx;
  switch (state.step) {
    case 'plan-title':
      return event({ kind: 'plan-title', title: validatePlanTitle(text), user: who });
    case 'plan-owner': {
      const mention = parseMention(text);
      if (!mention.ok) return error(state, mention.message);
      const owner = resolveOwner(deps, user.tenantId, mention.value, user);
      return event({ kind: 'plan-owner', owner, user: who });
    }
    case 'plan-due':
      return readDueDate(ctx);
    case 'plan-level': {
      const level = parseChoice(text, 'level', ACTION_LEVELS, LEVEL_ALIASES);
      return level.ok
        ? event({ kind: 'plan-level', level: level.value, user: who })
        : error(state, level.message);
    }
    default: {
      const yes = parseChoice(text, 'answer', ['yes', 'no'], YES_NO);
      return yes.ok
        ? event({ kind: 'another-plan', another: yes.value === 'yes', user: who })
        : error(state, yes.message);
    }
  }
};

const readCommand = (ctx: ReadContext): ReadReply | null => {
  const { deps, state, who } = ctx;
  const command = parseThreadCommand(ctx.text);
  if (!command) return null;
  switch (command.kind) {
    case 'note':
      return event({ kind: 'note', text: command.text, user: who });
    case 'branch':
      if (command.fromWhy === null) {
        return error(state, 'Say which why’s answer to go on from, e.g. *branch 2*.');
      }
      return event({ kind: 'branch', fromWhy: command.fromWhy, user: who });
    case 'root-cause':
      return event({
        kind: 'root-cause',
        text: command.text,
        user: who,
        rootCauseId: deps.ids.next(),
      });
    default:
      return event({ kind: command.kind, user: who });
  }
};

/** A picked person is an id; only where no list could be shown are words typed instead. */
const TYPED_PERSON = /^(?:@|<@|<at>|me$)/i;

/**
 * Reads a picker's choice as the same answer typed in the thread: a person becomes an id
 * mention, so resolveOwner sees it exactly as `<@id>`; a date goes through the due-date
 * rules, so a past date is refused with the same words.
 */
export const readWhyPick = (
  deps: CoreDeps,
  state: WhyState,
  user: UserRef,
  pick: { kind: 'user' | 'date'; selected: string; name?: string },
): ReadReply => {
  const selected = pick.selected.trim();
  if (pick.kind === 'date' || TYPED_PERSON.test(selected)) {
    return readWhyReply(deps, state, user, selected);
  }
  if (state.step !== 'plan-owner') return error(state, 'That does not fit here.');
  return attempt(state, () => {
    const mention = {
      kind: 'id' as const,
      userId: selected,
      ...(pick.name ? { name: pick.name } : {}),
    };
    const owner = resolveOwner(deps, user.tenantId, mention, user);
    return event({ kind: 'plan-owner', owner, user: participantOf(user) });
  });
};

/** Reads one typed message for the dialog in `state`. */
export const readWhyReply = (
  deps: CoreDeps,
  state: WhyState,
  user: UserRef,
  text: string,
): ReadReply => {
  const ctx: ReadContext = { deps, state, user, who: participantOf(user), text };
  if (isClosed(state)) {
    return parseThreadCommand(text)?.kind === 'status'
      ? event({ kind: 'status', user: ctx.who })
      : { kind: 'ignore' };
  }
  return attempt(state, () => {
    const command = readCommand(ctx);
    if (command) return command;
    if (state.step === 'why') {
      // A bare "confirm" is a mistake, not an answer: there is nothing to confirm yet.
      return CONFIRM_ONLY.test(text.trim())
        ? event({ kind: 'confirm', user: ctx.who, rootCauseId: deps.ids.next() })
        : event({ kind: 'answer', text, user: ctx.who });
    }
    if (state.step === 'confirm-root' || state.step === 'edit-root') return readRootStep(ctx);
    if (state.step.startsWith('metric-')) return readMetricStep(ctx);
    return readPlanStep(ctx);
  });
};
