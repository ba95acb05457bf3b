// Form submissions: the issue form (a Slack modal or a Teams card).
import { AppError } from '../domain/errors.js';
import { ISSUE_SOURCES, type IssueSource } from '../domain/types.js';
import { parseMoney } from '../commands/index.js';
import type { MessageView } from '../views/message-view.js';
import { errorView } from '../views/feedback-views.js';
import { ISSUE_FORM_ID, NEW_THEME_VALUE, issueLoggedView } from '../views/issue-views.js';
import { logIssue } from '../use-cases/log-issue.js';
import type { CoreDeps } from '../use-cases/core-deps.js';
import type { Inbound } from './inbound.js';
import { actorOf } from './command-context.js';

type FormSubmit = Extract<Inbound, { kind: 'formSubmit' }>;

const money = (raw: string | undefined, label: string): number | null => {
  if (raw === undefined || raw.trim() === '') return null;
  const parsed = parseMoney(raw);
  if (!parsed.ok) throw new AppError('form.amount', `${label}: ${parsed.message}`);
  return parsed.value;
};

const submitIssue = (deps: CoreDeps, inbound: FormSubmit): MessageView => {
  const v = inbound.values;
  const theme = v.theme === NEW_THEME_VALUE || !v.theme ? (v.newTheme ?? '').trim() : v.theme;
  if (theme === '')
    throw new AppError('form.theme', 'Pick a theme, or choose "New theme…" and name it.');
  const source = (v.source ?? 'complaint') as IssueSource;
  if (!ISSUE_SOURCES.includes(source))
    throw new AppError('form.source', `"${v.source}" is not a source.`);
  const logged = logIssue(deps, actorOf(inbound), {
    summary: v.summary ?? '',
    description: v.description ?? null,
    theme,
    customer: v.customer?.trim() || null,
    customerCostCents: money(v.cost, 'Cost to the customer'),
    companyCostCents: money(v.companyCost, 'Cost to the company'),
    source,
  });
  return issueLoggedView(logged);
};

export const handleFormSubmit = (deps: CoreDeps, inbound: FormSubmit): MessageView => {
  if (inbound.formId === ISSUE_FORM_ID) return submitIssue(deps, inbound);
  return errorView('That form has expired. Please run the command again.');
};
