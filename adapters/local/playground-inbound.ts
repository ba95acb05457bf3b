// Translates what the page sends into the core's Inbound events, asks the core, and puts
// its answer where a chat app would: a form opens as a modal, a private view is shown
// only to the asker, a public one goes in the channel or thread.
import { handleInbound } from '../../src/core/bot/handle-inbound.js';
import type { Inbound } from '../../src/core/bot/inbound.js';
import type { ConversationRef, UserRef } from '../../src/core/domain/types.js';
import type { CoreDeps } from '../../src/core/use-cases/core-deps.js';
import type { MessageView } from '../../src/core/views/message-view.js';
import { unexpectedErrorView } from '../../src/core/views/feedback-views.js';
import type { Logger } from '../../src/logging/logger.js';
import type { PlaygroundLog, PlaygroundPerson, Place } from './playground-log.js';

export const LOCAL_TENANT = 'local';

/** Where something happened in the playground, and who did it. */
export interface PlaygroundOrigin {
  person: PlaygroundPerson;
  channelId: string;
  threadId: string | null;
}

export const isDmChannel = (channelId: string): boolean => channelId.startsWith('dm-');

export const userRefOf = (person: PlaygroundPerson): UserRef => ({
  platform: 'local',
  tenantId: LOCAL_TENANT,
  userId: person.id,
  name: person.name,
});

export const conversationOf = (origin: PlaygroundOrigin): ConversationRef => ({
  platform: 'local',
  tenantId: LOCAL_TENANT,
  channelId: origin.channelId,
  ...(origin.threadId ? { threadId: origin.threadId } : {}),
});

/** A direct message is always private; elsewhere the view says who may see it. */
export const placeFor = (origin: PlaygroundOrigin, privately: boolean): Place => ({
  channelId: origin.channelId,
  threadId: origin.threadId,
  onlyFor: privately || isDmChannel(origin.channelId) ? origin.person.id : null,
});

/**
 * "@ben" typed for a person the playground knows becomes the mention Slack would send,
 * <@ben|Ben>, so the core sees exactly who was meant.
 */
export const withMentions = (text: string, people: PlaygroundPerson[]): string =>
  text.replace(/(^|[\s(])@([\w.-]+)/g, (whole, before: string, handle: string) => {
    const key = handle.toLowerCase();
    const person = people.find((p) => p.id === key || p.name.toLowerCase() === key);
    return person ? `${before}<@${person.id}|${person.name}>` : whole;
  });

export class PlaygroundInbound {
  constructor(
    private readonly deps: CoreDeps,
    private readonly log: PlaygroundLog,
    private readonly logger: Logger | undefined,
  ) {}

  /** Asks the core. The adapter's one catch-all is here: a neutral view, details in the log. */
  async ask(inbound: Inbound): Promise<MessageView | null> {
    try {
      return await handleInbound(this.deps, inbound);
    } catch (e: unknown) {
      this.logger?.error({ err: e, kind: inbound.kind }, 'playground event failed');
      return unexpectedErrorView();
    }
  }

  /** Runs one event through the core and delivers the answer. */
  async run(origin: PlaygroundOrigin, inbound: Inbound): Promise<MessageView | null> {
    const view = await this.ask(inbound);
    if (view) this.deliver(origin, view);
    return view;
  }

  deliver(origin: PlaygroundOrigin, view: MessageView): void {
    if (this.log.openModal(origin.person.id, view, placeFor(origin, false))) return;
    this.log.postView(placeFor(origin, view.visibility === 'private'), view);
  }

  /** A line typed in a channel: shown to the others, then read by the core as a command. */
  async typed(origin: PlaygroundOrigin, line: string): Promise<MessageView | null> {
    this.log.postText(placeFor(origin, false), origin.person, line);
    const text = withMentions(line, this.log.listPeople());
    const user = userRefOf(origin.person);
    const conversation = conversationOf(origin);
    return this.run(
      origin,
      origin.threadId
        ? { kind: 'threadReply', user, conversation, text }
        : { kind: 'command', user, conversation, name: '', text },
    );
  }
}
