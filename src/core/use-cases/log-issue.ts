// Logging one issue: the theme, driver and customer are created on first use, and the
// issue, anything created for it and the audit entries land in one transaction.
import { AppError } from '../domain/errors.js';
import type { Customer, Issue, IssueSource, KeyDriver, Theme } from '../domain/types.js';
import type { Actor, CoreDeps } from './core-deps.js';
import { audit } from './audit.js';
import { findOrCreateCustomer, findOrCreateDriver, findOrCreateTheme } from './catalog.js';

export const MAX_SUMMARY_LENGTH = 300;
export const MAX_DESCRIPTION_LENGTH = 20_000;

export interface LogIssueInput {
  summary: string;
  description?: string | null;
  theme: string;
  driver?: string | null;
  customer?: string | null;
  customerCostCents?: number | null;
  companyCostCents?: number | null;
  source?: IssueSource;
  occurredAt?: Date;
  externalId?: string | null;
}

export interface LoggedIssue {
  issue: Issue;
  theme: Theme;
  themeCreated: boolean;
  driver: KeyDriver | null;
  customer: Customer | null;
}

export const logIssue = (deps: CoreDeps, actor: Actor, input: LogIssueInput): LoggedIssue => {
  const summary = input.summary.trim();
  if (summary === '')
    throw new AppError(
      'issue.summary-missing',
      'An issue needs a short summary of what the customer reported.',
    );
  if (summary.length > MAX_SUMMARY_LENGTH) {
    throw new AppError(
      'issue.summary-too-long',
      `The summary is ${summary.length} characters; keep it to ${MAX_SUMMARY_LENGTH} and put the rest in the description.`,
    );
  }
  if ((input.description?.length ?? 0) > MAX_DESCRIPTION_LENGTH) {
    throw new AppError(
      'issue.description-too-long',
      `The description is longer than ${MAX_DESCRIPTION_LENGTH} characters.`,
    );
  }
  return deps.repos.transaction(() => {
    const driver = input.driver ? findOrCreateDriver(deps, actor, input.driver) : null;
    const { theme, created } = findOrCreateTheme(deps, actor, input.theme, driver?.id ?? null);
    const customer = input.customer ? findOrCreateCustomer(deps, actor, input.customer) : null;
    const now = deps.clock.now();
    const issue = deps.repos.issues.create(actor.tenantId, {
      id: deps.ids.next(),
      summary,
      description: input.description?.trim() || null,
      themeId: theme.id,
      keyDriverId: driver?.id ?? theme.keyDriverId,
      customerId: customer?.id ?? null,
      source: input.source ?? 'complaint',
      customerCostCents: input.customerCostCents ?? null,
      companyCostCents: input.companyCostCents ?? null,
      reporterId: actor.userId,
      reporterName: actor.name ?? null,
      externalId: input.externalId ?? null,
      occurredAt: input.occurredAt ?? now,
      createdAt: now,
    });
    audit(deps, actor, 'issue.create', 'issue', issue.id, {
      number: issue.number,
      theme: theme.slug,
    });
    return { issue, theme, themeCreated: created, driver, customer };
  });
};
