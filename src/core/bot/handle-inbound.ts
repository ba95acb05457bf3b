// One entry for everything an adapter receives. Each kind goes to its handler; a reply
// of null means "nothing to say" (a message in a thread the bot does not own).
import { isAppError } from '../domain/errors.js';
import type { MessageView } from '../views/message-view.js';
import { errorView } from '../views/feedback-views.js';
import { issueFormView } from '../views/issue-views.js';
import type { CoreDeps } from '../use-cases/core-deps.js';
import { handleCommand, handleLine } from './handle-command.js';
import { handleFormSubmit } from './form-handlers.js';
import type { Inbound } from './inbound.js';
import { ensureParticipants } from './command-context.js';
import { handleWhyAction, handleWhyThreadReply } from './why-handlers.js';
import { handleHomeAction } from './handle-home.js';

const firstLine = (text: string): string => {
  const line = text.trim().split(/\r?\n/, 1)[0] ?? '';
  return line.length > 280 ? `${line.slice(0, 279)}…` : line;
};

export const handleInbound = async (
  deps: CoreDeps,
  inbound: Inbound,
): Promise<MessageView | null> => {
  switch (inbound.kind) {
    case 'command': {
      const ctx = { user: inbound.user, conversation: inbound.conversation };
      return inbound.name === ''
        ? handleLine(deps, ctx, inbound.text)
        : handleCommand(deps, ctx, inbound.name, inbound.text);
    }
    case 'threadReply':
      // Only 5-why threads are the bot's; a message in any other thread gets null.
      return handleWhyThreadReply(deps, inbound);
    case 'action':
      return (
        (await handleWhyAction(deps, inbound)) ??
        (await handleHomeAction(deps, inbound)) ??
        errorView('That button has expired. Please run the command again.')
      );
    case 'formSubmit':
      try {
        ensureParticipants(deps, inbound);
        return handleFormSubmit(deps, inbound);
      } catch (e: unknown) {
        if (isAppError(e)) return errorView(e.message);
        throw e;
      }
    case 'logMessage':
      // The form comes pre-filled, so pasted customer feedback becomes an issue in two clicks.
      return issueFormView(deps.repos.themes.list(inbound.user.tenantId), {
        summary: firstLine(inbound.text),
        description: inbound.permalink
          ? `${inbound.text}\n\nFrom: ${inbound.permalink}`
          : inbound.text,
      });
    case 'file':
      return errorView(
        'Uploading a CSV in chat is not supported yet. Use `cx-habits import-issues FILE.csv` instead.',
      );
  }
};
