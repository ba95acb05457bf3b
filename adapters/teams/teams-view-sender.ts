// Renders a MessageView for one turn and sends it. Used by the bot's replies and by the
// proactive gateway alike, so both look the same. Forms and pickers that ask for a person
// get the conversation's members (TeamsInfo) as choices.
import {
  CardFactory,
  TeamsInfo,
  type Activity,
  type Attachment,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from '../../src/logging/logger.js';
import type { Repositories } from '../../src/core/ports/repositories.js';
import type { MessageView } from '../../src/core/views/message-view.js';
import { renderAdaptiveCard, type CardMember } from './adaptive-card-renderer.js';
import type { NameLookup } from './adaptive-card-text.js';
import { tenantOf, userIdOf } from './teams-activity-refs.js';

const MEMBER_PAGE = 200;

const asksForPerson = (view: MessageView): boolean =>
  view.blocks.some(
    (b) =>
      (b.type === 'form' && b.inputs.some((i) => i.kind === 'user')) ||
      (b.type === 'actions' && (b.pickers ?? []).some((p) => p.kind === 'user')),
  );

export class TeamsViewSender {
  constructor(
    private readonly repos: Repositories,
    private readonly logger: Logger,
  ) {}

  names(tenantId: string): NameLookup {
    return (userId) => this.repos.users.get(tenantId, userId)?.name ?? undefined;
  }

  /** The conversation's (or team's) members; none if Teams cannot list them here. */
  async members(context: TurnContext): Promise<CardMember[]> {
    try {
      const page = await TeamsInfo.getPagedMembers(context, MEMBER_PAGE);
      return page.members.map((m) => ({ id: userIdOf(m), name: m.name ?? userIdOf(m) }));
    } catch (e: unknown) {
      this.logger.warn({ err: e }, 'teams: could not list members; people are typed instead');
      return [];
    }
  }

  /** The view as a message activity: one Adaptive Card plus chart images. */
  async activity(context: TurnContext, view: MessageView): Promise<Partial<Activity>> {
    const members = asksForPerson(view) ? await this.members(context) : [];
    const names = this.names(tenantOf(context.activity));
    const { card, images } = renderAdaptiveCard(view, { members, names });
    const attachments: Attachment[] = [CardFactory.adaptiveCard(card), ...images];
    return { type: 'message', summary: view.fallbackText, attachments };
  }

  /** The card alone, for task modules (dialogs). */
  async card(context: TurnContext, view: MessageView): Promise<Attachment> {
    const members = asksForPerson(view) ? await this.members(context) : [];
    const names = this.names(tenantOf(context.activity));
    return CardFactory.adaptiveCard(renderAdaptiveCard(view, { members, names }).card);
  }

  /** Sends the view in the turn's conversation; returns the new message id. */
  async send(context: TurnContext, view: MessageView): Promise<string> {
    const response = await context.sendActivity(await this.activity(context, view));
    return response?.id ?? '';
  }
}
