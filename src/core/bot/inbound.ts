// Everything a platform can send the core, already translated by its adapter.
import type { ConversationRef, UserRef } from '../domain/types.js';

export type Inbound =
  /** A slash command (Slack) or a command typed as a message (Teams, playground). */
  | {
      kind: 'command';
      user: UserRef;
      conversation: ConversationRef;
      name: string;
      text: string;
      trigger?: string;
    }
  /** A message in a thread the bot owns (conversation.threadId is set). */
  | {
      kind: 'threadReply';
      user: UserRef;
      conversation: ConversationRef;
      text: string;
      messageId?: string;
    }
  /** A button press or picker choice: `actionId` as the view declared it, with its value. */
  | {
      kind: 'action';
      user: UserRef;
      conversation: ConversationRef;
      actionId: string;
      value: string;
      /**
       * What a picker chose: a user id or a YYYY-MM-DD date. Where a platform could list
       * no people (Teams without a member list), the words typed instead, e.g. `@ana`.
       */
      selected?: string;
      /** The chosen person's display name, when the platform tells it (Teams). */
      selectedName?: string;
      trigger?: string;
    }
  /** A submitted form (modal or card) with its inputs by id. */
  | {
      kind: 'formSubmit';
      user: UserRef;
      conversation: ConversationRef;
      formId: string;
      values: Record<string, string>;
      privateValue?: string;
    }
  /** "Log as CX issue" on a message (Slack shortcut, Teams message extension). */
  | {
      kind: 'logMessage';
      user: UserRef;
      conversation: ConversationRef;
      text: string;
      permalink?: string;
      trigger?: string;
    }
  /** An uploaded CSV. */
  | {
      kind: 'file';
      user: UserRef;
      conversation: ConversationRef;
      name: string;
      content: Uint8Array;
    };
