// The home surface: what it shows, and what its buttons do.
import type { UserRef } from '../domain/types.js';
import type { MessageView } from '../views/message-view.js';
import { HOME_ACTIONS, homeView } from '../views/home-view.js';
import { homeSummary } from '../use-cases/home-summary.js';
import type { CoreDeps } from '../use-cases/core-deps.js';
import type { Inbound } from './inbound.js';
import { handleCommand } from './handle-command.js';

export const handleHomeOpened = (deps: CoreDeps, user: UserRef): MessageView =>
  homeView(homeSummary(deps, user));

const HOME_COMMANDS: Record<string, string> = {
  [HOME_ACTIONS.logIssue]: '/cx-issue',
  [HOME_ACTIONS.pareto]: '/cx-pareto',
  [HOME_ACTIONS.myPlans]: '/cx-action list mine',
  [HOME_ACTIONS.help]: '/cx',
};

/** A home button runs the command it stands for; null when the action is not a home button. */
export const handleHomeAction = (
  deps: CoreDeps,
  inbound: Extract<Inbound, { kind: 'action' }>,
): Promise<MessageView> | null => {
  const command = HOME_COMMANDS[inbound.actionId];
  if (!command) return null;
  return handleCommand(
    deps,
    { user: inbound.user, conversation: inbound.conversation },
    command,
    '',
  );
};
