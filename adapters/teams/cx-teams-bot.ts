// The Teams bot: turns activities into core events, calls the core, and renders its
// replies as Adaptive Cards. Every decision stays in the core (handleInbound).
import {
  TeamsActivityHandler,
  TeamsInfo,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type TaskModuleRequest,
  type TaskModuleResponse,
  type TurnContext,
} from 'botbuilder';
import { handleInbound } from '../../src/core/bot/handle-inbound.js';
import type { Inbound } from '../../src/core/bot/inbound.js';
import type { CoreDeps } from '../../src/core/use-cases/core-deps.js';
import type { MessageView } from '../../src/core/views/message-view.js';
import { errorView } from '../../src/core/views/feedback-views.js';
import type { Logger } from '../../src/logging/logger.js';
import { conversationOf, isChannel, userIdOf, userOf } from './teams-activity-refs.js';
import type { TeamsConversationStore } from './teams-conversation-store.js';
import {
  cardSubmitInbound,
  isPersonPick,
  looksLikeCommand,
  messagePayloadText,
  messageTextOf,
} from './teams-inbound.js';
import type { TeamsViewSender } from './teams-view-sender.js';

/** The message extension command in the manifest ("Log as CX issue"). */
export const LOG_AS_ISSUE_COMMAND = 'logAsIssue';

export class CxTeamsBot extends TeamsActivityHandler {
  constructor(
    private readonly deps: CoreDeps,
    private readonly store: TeamsConversationStore,
    private readonly sender: TeamsViewSender,
    private readonly logger: Logger,
  ) {
    super();
    this.onMessage(async (context, next) => {
      this.store.remember(context.activity);
      const view = await this.answerMessage(context);
      if (view) await this.sender.send(context, view);
      await next();
    });
    this.onConversationUpdate(async (context, next) => {
      this.trackMembership(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      this.store.remember(context.activity);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      const removed = this.store.forget(context.activity);
      this.logger.info({ removed }, 'teams: app uninstalled; conversation references removed');
      await next();
    });
  }

  private trackMembership(context: TurnContext): void {
    const activity = context.activity;
    const botId = activity.recipient?.id;
    if (activity.membersRemoved?.some((m) => m.id === botId)) {
      this.store.forget(activity);
    } else {
      this.store.remember(activity);
    }
  }

  /** A typed message or a card submission, answered by the core. */
  private async answerMessage(context: TurnContext): Promise<MessageView | null> {
    const activity = context.activity;
    const user = userOf(activity);
    if (activity.value !== undefined && activity.value !== null) {
      const inbound = cardSubmitInbound(activity.value, user, this.inlineThread(context));
      if (!inbound) return null;
      return handleInbound(this.deps, await this.withPickedName(context, inbound, activity.value));
    }
    // A message with no text at all (a file, a sticker) is not for the core; a bare
    // @mention is, and the core answers it with how to type a command.
    if (!activity.text) return null;
    const text = await messageTextOf(activity, (id) => this.memberId(context, id));
    const command: Inbound = {
      kind: 'command',
      user,
      conversation: conversationOf(activity),
      name: '',
      text,
    };
    if (looksLikeCommand(text)) return handleInbound(this.deps, command);
    const conversation = this.inlineThread(context);
    if (conversation.threadId === undefined) return handleInbound(this.deps, command);
    // A line in a 5-why thread is an answer; if no dialog owns the thread, it is a command.
    const reply = await handleInbound(this.deps, { kind: 'threadReply', user, conversation, text });
    return reply ?? handleInbound(this.deps, command);
  }

  /** Chats without reply chains run a 5-why inline: its thread is the chat's active one. */
  private inlineThread(context: TurnContext) {
    const conversation = conversationOf(context.activity);
    if (isChannel(context.activity) || conversation.threadId) return conversation;
    const active = this.store.find(conversation.tenantId, conversation.channelId)?.activeThreadId;
    return active ? { ...conversation, threadId: active } : conversation;
  }

  private async memberId(
    context: TurnContext,
    channelAccountId: string,
  ): Promise<string | undefined> {
    try {
      return userIdOf(await TeamsInfo.getMember(context, channelAccountId));
    } catch {
      return undefined;
    }
  }

  /** A people picker sends only the member's id; their name makes mentions readable. */
  private async withPickedName(
    context: TurnContext,
    inbound: Inbound,
    data: unknown,
  ): Promise<Inbound> {
    if (inbound.kind !== 'action' || !inbound.selected || !isPersonPick(data)) return inbound;
    try {
      const member = await TeamsInfo.getMember(context, inbound.selected);
      return member.name ? { ...inbound, selectedName: member.name } : inbound;
    } catch {
      // Not a member id (typed words where no list could be shown): the core reads them.
      return inbound;
    }
  }

  /** "Log as CX issue": a task module with the issue form, pre-filled from the message. */
  protected override async handleTeamsMessagingExtensionFetchTask(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    const activity = context.activity;
    if (action.commandId !== LOG_AS_ISSUE_COMMAND) {
      return this.taskCard(context, errorView('That action is not available any more.'));
    }
    const link = action.messagePayload?.linkToMessage;
    const view = await handleInbound(this.deps, {
      kind: 'logMessage',
      user: userOf(activity),
      conversation: conversationOf(activity),
      text: messagePayloadText(action.messagePayload),
      ...(link ? { permalink: link } : {}),
    });
    return this.taskCard(context, view);
  }

  protected override async handleTeamsMessagingExtensionSubmitAction(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    return this.submitTask(context, action.data);
  }

  protected override async handleTeamsTaskModuleSubmit(
    context: TurnContext,
    request: TaskModuleRequest,
  ): Promise<TaskModuleResponse> {
    return this.submitTask(context, request.data);
  }

  /** A form submitted from a task module: the core's answer is shown in the dialog. */
  private async submitTask(context: TurnContext, data: unknown): Promise<TaskModuleResponse> {
    const activity = context.activity;
    const inbound = cardSubmitInbound(data, userOf(activity), conversationOf(activity));
    const view = inbound
      ? await handleInbound(this.deps, inbound)
      : errorView('That form has expired. Please run the command again.');
    return this.taskCard(context, view);
  }

  private async taskCard(
    context: TurnContext,
    view: MessageView | null,
  ): Promise<TaskModuleResponse> {
    if (!view) return {};
    return {
      task: {
        type: 'continue',
        value: {
          title: 'CX Habits',
          card: await this.sender.card(context, view),
          width: 'medium',
          height: 'medium',
        },
      },
    };
  }
}
