// cx-issue: log, list, show and the form.
import { AppError } from '../domain/errors.js';
import type { IssueCommand } from '../commands/index.js';
import type { MessageView } from '../views/message-view.js';
import {
  issueDetailView,
  issueFormView,
  issueListView,
  issueLoggedView,
} from '../views/issue-views.js';
import { logIssue } from '../use-cases/log-issue.js';
import { getIssue, listIssues } from '../use-cases/list-issues.js';
import { resolveSince } from '../use-cases/time-window.js';
import type { CoreDeps } from '../use-cases/core-deps.js';
import { actorOf, type CommandContext } from './command-context.js';
import { themeHint } from './theme-hint.js';

export const handleIssueCommand = (
  deps: CoreDeps,
  ctx: CommandContext,
  command: IssueCommand,
): MessageView => {
  const actor = actorOf(ctx);
  switch (command.kind) {
    case 'issue.form':
      return issueFormView(deps.repos.themes.list(actor.tenantId));
    case 'issue.log': {
      if (!command.themeName)
        throw new AppError(
          'issue.theme-missing',
          `Which theme is this? Add a #theme to the message. ${themeHint(deps, actor.tenantId)}`,
        );
      const logged = logIssue(deps, actor, {
        summary: command.summary,
        theme: command.themeName,
        source: command.source,
        ...(command.driver ? { driver: command.driver } : {}),
        ...(command.customer ? { customer: command.customer } : {}),
        ...(command.customerCostCents !== undefined
          ? { customerCostCents: command.customerCostCents }
          : {}),
        ...(command.companyCostCents !== undefined
          ? { companyCostCents: command.companyCostCents }
          : {}),
        ...(command.date ? { occurredAt: new Date(`${command.date}T12:00:00Z`) } : {}),
      });
      return issueLoggedView(logged);
    }
    case 'issue.list': {
      const since = resolveSince(command.since, deps.clock.now());
      const list = listIssues(deps, actor, {
        ...(command.themeSlug ? { theme: command.themeSlug } : {}),
        ...(command.customer ? { customer: command.customer } : {}),
        ...(command.search ? { text: command.search } : {}),
        ...(since ? { since } : {}),
      });
      return issueListView(
        list,
        command.themeSlug ? `Issues in #${command.themeSlug}` : 'Latest issues',
      );
    }
    case 'issue.show': {
      const issue = getIssue(deps, actor, command.number);
      return issueDetailView(issue, deps.repos.themes.get(actor.tenantId, issue.themeId));
    }
  }
};
