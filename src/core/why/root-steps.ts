// After the fifth why: the last answer is proposed as the root cause, and a person
// confirms it or rewords it. Either way the record is saved at once.
import { promptView } from '../views/why-views.js';
import { mention, quoted, whyTranscript } from './why-chain.js';
import { checkText, rejectWithPrompt, reply, touch } from './why-step-kit.js';
import { branch } from './branch-step.js';
import type {
  Participant,
  RootCauseRecord,
  WhyEffect,
  WhyEvent,
  WhyState,
  WhyTransition,
} from './why-types.js';

export const rootCauseRecord = (state: WhyState): RootCauseRecord | null =>
  state.rootCause
    ? {
        id: state.rootCause.id,
        text: state.rootCause.text,
        confirmedBy: state.rootCause.confirmedBy,
        confirmedAt: state.rootCause.confirmedAt,
        chain: whyTranscript(state),
      }
    : null;

/** Saves the root cause with the transcript as it stands, when there is one. */
export const saveRootCause = (state: WhyState): WhyEffect[] => {
  const record = rootCauseRecord(state);
  return record ? [{ kind: 'save-root-cause', rootCause: record }] : [];
};

export const confirmRootCause = (
  state: WhyState,
  text: string,
  user: Participant,
  rootCauseId: string,
  now: Date,
  early: boolean,
): WhyTransition => {
  const next: WhyState = {
    ...touch(state, now),
    rootCause: { id: rootCauseId, text, confirmedBy: user, confirmedAt: now.toISOString(), early },
    step: 'metric-name',
  };
  const lead = `✅ Root cause ${early ? 'named' : 'confirmed'} by ${mention(user)}: ${quoted(text)}`;
  return { state: next, effects: [...saveRootCause(next), reply(promptView(next, lead))] };
};

const proposal = (state: WhyState): string => state.chain.at(-1)?.text ?? '';

export const rootStep = (state: WhyState, event: WhyEvent, now: Date): WhyTransition => {
  switch (event.kind) {
    case 'confirm':
      if (proposal(state) === '') return rejectWithPrompt(state, 'There is no proposal yet.');
      return confirmRootCause(state, proposal(state), event.user, event.rootCauseId, now, false);
    case 'root-cause': {
      const checked = checkText(event.text, 'root cause');
      if (!checked.ok) return rejectWithPrompt(state, checked.message);
      return confirmRootCause(state, checked.text, event.user, event.rootCauseId, now, false);
    }
    case 'edit': {
      const next: WhyState = { ...touch(state, now), step: 'edit-root' };
      return { state: next, effects: [reply(promptView(next))] };
    }
    case 'branch':
      return branch(state, event.fromWhy, event.user, now);
    default:
      return rejectWithPrompt(
        state,
        state.step === 'edit-root'
          ? 'That does not fit here: the root cause’s new wording is needed.'
          : 'All five whys are answered.',
      );
  }
};
