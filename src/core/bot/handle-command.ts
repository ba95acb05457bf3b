// The core's entry point for chat commands on every platform: parse, route to a use
// case, and answer with views. Expected problems come back as a private error view;
// anything unexpected is left to the adapter's one catch-all.
import { isAppError } from '../domain/errors.js';
import {
  parseCommand,
  parseLine,
  usageFor,
  type Command,
  type CommandName,
  type ParseResult,
} from '../commands/index.js';
import type { MessageView } from '../views/message-view.js';
import { errorView } from '../views/feedback-views.js';
import type { CoreDeps } from '../use-cases/core-deps.js';
import { ensureParticipants, type CommandContext } from './command-context.js';
import { handleDigestCommand } from './digest-handlers.js';
import { handleIssueCommand } from './issue-handlers.js';
import { handleAdminCommand } from './admin-handlers.js';
import { handleAnalysisCommand } from './analysis-handlers.js';
import { handleActionCommand } from './plan-handlers.js';
import { handleMetricCommand } from './metric-handlers.js';
import { handleWhyCommand } from './why-handlers.js';

const commandNameOf = (command: Command): CommandName => {
  const family = command.kind.split('.')[0];
  switch (family) {
    case 'issue':
      return 'cx-issue';
    case 'pareto':
      return 'cx-pareto';
    case 'impact':
      return 'cx-impact';
    case 'drivers':
      return 'cx-drivers';
    case 'why':
      return 'cx-why';
    case 'action':
      return 'cx-action';
    case 'metric':
      return 'cx-metric';
    case 'digest':
      return 'cx-digest';
    default:
      return 'cx';
  }
};

const route = (
  deps: CoreDeps,
  ctx: CommandContext,
  command: Command,
): MessageView | Promise<MessageView> => {
  switch (command.kind) {
    case 'issue.form':
    case 'issue.log':
    case 'issue.list':
    case 'issue.show':
      return handleIssueCommand(deps, ctx, command);
    case 'pareto':
    case 'impact':
    case 'drivers':
      return handleAnalysisCommand(deps, ctx, command);
    case 'action.add':
    case 'action.list':
    case 'action.update':
    case 'action.done':
    case 'action.reopen':
    case 'action.comment':
      return handleActionCommand(deps, ctx, command);
    case 'metric.define':
    case 'metric.record':
    case 'metric.show':
    case 'metric.list':
      return handleMetricCommand(deps, ctx, command);
    case 'why.start':
    case 'why.list':
      return handleWhyCommand(deps, ctx, command);
    case 'digest.show':
    case 'digest.set':
    case 'digest.preview':
    case 'digest.now':
    case 'digest.off':
      return handleDigestCommand(deps, ctx, command);
    default:
      return handleAdminCommand(deps, ctx, command);
  }
};

const answer = async (
  deps: CoreDeps,
  ctx: CommandContext,
  parsed: ParseResult,
): Promise<MessageView> => {
  if (!parsed.ok) return errorView(parsed.error.message, parsed.error.usage);
  try {
    ensureParticipants(deps, ctx);
    return await route(deps, ctx, parsed.command);
  } catch (e: unknown) {
    if (isAppError(e)) return errorView(e.message, usageFor(commandNameOf(parsed.command)));
    throw e;
  }
};

/** A slash command: `name` is e.g. "/cx-issue", `text` what followed it. */
export const handleCommand = (
  deps: CoreDeps,
  ctx: CommandContext,
  name: string,
  text: string,
): Promise<MessageView> => answer(deps, ctx, parseCommand(name, text));

/** A whole message such as "cx-pareto by:revenue" (Teams, the playground, the CLI). */
export const handleLine = (
  deps: CoreDeps,
  ctx: CommandContext,
  line: string,
): Promise<MessageView> => answer(deps, ctx, parseLine(line));
