// One entry for everything an adapter receives. Each kind goes to its handler; a reply
// of null means "nothing to say" (a message in a thread the bot does not own).
import { isAppError } from '../domain/errors.js';
import type { MessageView } from '../views/message-view.js';
import { errorView } from '../views/feedback-views.js';
import type { CoreDeps } from '../use-cases/core-deps.js';
import { handleCommand, handleLine } from './handle-command.js';
import { handleFormSubmit } from './form-handlers.js';
import type { Inbound } from './inbound.js';
import { ensureParticipants } from './command-context.js';

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
      // No feature owns threads yet, so every thread message is someone else's.
      return null;
    case 'action':
      return errorView('That button has expired. Please run the command again.');
    case 'formSubmit':
      try {
        ensureParticipants(deps, inbound);
        return handleFormSubmit(deps, inbound);
      } catch (e: unknown) {
        if (isAppError(e)) return errorView(e.message);
        throw e;
      }
    case 'file':
      return errorView(
        'Uploading a CSV in chat is not supported yet. Use `cx-habits import-issues FILE.csv` instead.',
      );
  }
};
