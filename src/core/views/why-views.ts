// The 5-why thread's questions: one prompt per step, each saying exactly what to type.
// Buttons and pickers are extras; every step also works by typing.
import type { WhyState } from '../why/why-types.js';
import { MAX_WHYS } from '../why/why-types.js';
import { addDays, formatIsoDate, parseIsoDate } from '../commands/calendar.js';
import { currentWhy, questionFor, quoted } from '../why/why-chain.js';
import { WHY_ACTIONS, whyActionValue } from '../why/why-actions.js';
import type { ActionButton, ActionPicker, MessageView, ViewBlock } from './message-view.js';
import { context, text, view } from './view-helpers.js';

export const WHY_COMMANDS_HINT =
  'Answer in this thread. You can also type: *back* · *note <text>* · *branch <n>* · *root cause: <text>* · *status* · *cancel*';

const buttons = (state: WhyState, list: Array<[string, string, string?]>): ViewBlock => ({
  type: 'actions',
  buttons: list.map(([id, label, choice], i): ActionButton => ({
    id,
    label,
    value: whyActionValue(state, choice ?? ''),
    ...(i === 0 ? { style: 'primary' as const } : {}),
  })),
});

/** One picker; like a button, its value names the step, so a late choice is refused. */
const picker = (state: WhyState, spec: Omit<ActionPicker, 'value'>): ViewBlock => ({
  type: 'actions',
  buttons: [],
  pickers: [{ ...spec, value: whyActionValue(state) }],
});

/** The date picker starts a week after the question was asked: a common first deadline. */
const DEFAULT_DUE_DAYS = 7;
const defaultDueDate = (state: WhyState): string | undefined => {
  const asked = parseIsoDate(state.lastActivityAt.slice(0, 10));
  return asked ? formatIsoDate(addDays(asked, DEFAULT_DUE_DAYS)) : undefined;
};

const dueDatePicker = (state: WhyState): ViewBlock => {
  const initial = defaultDueDate(state);
  return picker(state, {
    kind: 'date',
    id: WHY_ACTIONS.due,
    label: 'Pick the due date',
    submitLabel: 'Set due date',
    ...(initial ? { initial } : {}),
  });
};

interface Prompt {
  line: string;
  extra?: ViewBlock[];
}

const whyPrompt = (state: WhyState): Prompt => {
  const n = currentWhy(state);
  return {
    line: `*Why ${n} of ${MAX_WHYS}:* ${questionFor(state, n)}`,
    extra: [context(WHY_COMMANDS_HINT)],
  };
};

const rootPrompt = (state: WhyState): Prompt => {
  const last = state.chain.at(-1);
  if (state.step === 'edit-root') return { line: 'Type the root cause as it should read.' };
  return {
    line: `*Proposed root cause:* ${quoted(last?.text ?? '')}\nType *confirm* to accept it, or *edit <new wording>* to change it.`,
    extra: [
      buttons(state, [
        [WHY_ACTIONS.confirm, 'Confirm'],
        [WHY_ACTIONS.edit, 'Edit'],
      ]),
    ],
  };
};

const metricPrompt = (state: WhyState): Prompt => {
  const name = `*${state.metricDraft.name ?? 'the metric'}*`;
  switch (state.step) {
    case 'metric-name':
      return {
        line: `Which internal metric predicts ${quoted(state.symptom.text)}? Type its name, e.g. _Orders shipped after 2 pm_.`,
      };
    case 'metric-unit':
      return { line: `What unit is ${name} measured in? Type it, e.g. _%_, _orders_ or _hours_.` };
    case 'metric-direction':
      return {
        line: `Is lower or higher better for ${name}? Type *lower* or *higher*.`,
        extra: [
          buttons(state, [
            [WHY_ACTIONS.direction, 'Lower is better', 'lower'],
            [WHY_ACTIONS.direction, 'Higher is better', 'higher'],
          ]),
        ],
      };
    case 'metric-target':
      return {
        line: `What is the target for ${name} (${state.metricDraft.unit ?? ''})? Type a number, e.g. 5 or 97.5%.`,
      };
    default:
      return {
        line: `What is the current value of ${name}? Type a number, or *skip*.`,
        extra: [buttons(state, [[WHY_ACTIONS.skip, 'Skip', 'skip']])],
      };
  }
};

const planPrompt = (state: WhyState): Prompt => {
  const title = `*${state.planDraft.title ?? 'this plan'}*`;
  switch (state.step) {
    case 'plan-title':
      return {
        line:
          state.plans.length === 0
            ? 'Now the first action plan. What will be done? Type a short title.'
            : 'What will be done? Type the plan’s title.',
      };
    case 'plan-owner':
      return {
        line: `Who owns ${title}? Choose someone, or type *me* or mention someone, e.g. @ana.`,
        extra: [
          picker(state, {
            kind: 'user',
            id: WHY_ACTIONS.owner,
            label: 'Choose the owner',
            submitLabel: 'Set owner',
          }),
        ],
      };
    case 'plan-due':
      return {
        line: `When is ${title} due? Pick a date, or type one like 2026-12-01, or today, tomorrow, friday, +3d or next-week.`,
        extra: [dueDatePicker(state)],
      };
    case 'plan-level':
      return {
        line: `Which level is ${title}? Type *resolve* (fix this instance), *recurrence* (prevent it happening again) or *occurrence* (prevent it happening at all).`,
        extra: [
          buttons(state, [
            [WHY_ACTIONS.level, 'Resolve', 'resolve'],
            [WHY_ACTIONS.level, 'Prevent recurrence', 'recurrence'],
            [WHY_ACTIONS.level, 'Prevent occurrence', 'occurrence'],
          ]),
        ],
      };
    default:
      return {
        line: 'Add another action plan? Type *yes*, or *no* to finish.',
        extra: [
          buttons(state, [
            [WHY_ACTIONS.another, 'Add another', 'yes'],
            [WHY_ACTIONS.another, 'Finish', 'no'],
          ]),
        ],
      };
  }
};

const promptOf = (state: WhyState): Prompt => {
  if (state.step === 'why') return whyPrompt(state);
  if (state.step === 'confirm-root' || state.step === 'edit-root') return rootPrompt(state);
  if (state.step.startsWith('metric-')) return metricPrompt(state);
  if (state.step.startsWith('plan-') || state.step === 'another-plan') return planPrompt(state);
  return { line: `This 5-why is ${state.step}.` };
};

/** The question for the step the dialog is at, optionally after a line about what just happened. */
export const promptView = (state: WhyState, lead?: string): MessageView => {
  const prompt = promptOf(state);
  const body = lead ? `${lead}\n\n${prompt.line}` : prompt.line;
  return view(body, [text(body), ...(prompt.extra ?? [])], 'public');
};

/** The one line of the prompt, for reminders and "someone just answered" messages. */
export const promptLine = (state: WhyState): string => promptOf(state).line;
