// Private replies to the person who typed in a 5-why thread: receipts, races and
// messages that could not be posted.
import type { WhyEvent, WhyState } from '../why/why-types.js';
import { issueRef } from './format.js';
import type { MessageView } from './message-view.js';
import { context, text, view } from './view-helpers.js';
import { promptLine } from './why-views.js';

/** A short private "got it", so the sender knows their message counted. */
export const whyReceiptView = (before: WhyState, after: WhyState, event: WhyEvent): MessageView => {
  const line = ((): string => {
    switch (event.kind) {
      case 'answer':
        return after.step === 'confirm-root' || after.chain.length > before.chain.length
          ? `Recorded your answer as why ${after.chain.length}.`
          : 'Got it.';
      case 'note':
        return 'Your note was added to the record.';
      case 'status':
        return 'Posted the chain so far in the thread.';
      case 'cancel':
        return 'The 5-why is cancelled.';
      default:
        return after.step === 'finished' ? 'The 5-why is finished. Thank you!' : 'Got it.';
    }
  })();
  return view(line, [text(line)]);
};

export const whyRacedView = (state: WhyState): MessageView => {
  const line = 'Someone just answered that a moment before you, so your reply was not recorded.';
  return {
    ...view(line, [text(`⚠️ ${line}`), text(`Now: ${promptLine(state)}`)]),
    tone: 'error',
  };
};

/** The thread messages the platform refused; the state is saved, so `status` re-posts them. */
export const whyUndeliveredView = (views: MessageView[], error: string): MessageView => {
  const line = `I could not post in the thread (${error}). Your reply is saved; type *status* in the thread to post the question again.`;
  return view(line, [...views.flatMap((v) => v.blocks), context(line)]);
};

export const whyStartedView = (
  symptom: { themeSlug: string; issueNumber: number | null },
  undelivered: string | null,
): MessageView => {
  const what =
    symptom.issueNumber === null
      ? `#${symptom.themeSlug}`
      : `${issueRef(symptom.issueNumber)} (#${symptom.themeSlug})`;
  const line = `Started a 5-why on ${what}. Answer the questions in its thread; anyone there can reply.`;
  return view(line, [
    text(line),
    ...(undelivered
      ? [
          context(
            `The first question could not be posted (${undelivered}); type *status* in the thread.`,
          ),
        ]
      : []),
  ]);
};
