// What a 5-why is about, and its weight from the Pareto data: the root message states both.
import { AppError } from '../domain/errors.js';
import type { WhyTarget } from '../commands/command-types.js';
import { requireTheme } from '../use-cases/catalog.js';
import type { CoreDeps } from '../use-cases/core-deps.js';
import { paretoReport } from '../use-cases/pareto-report.js';
import { issueRef } from '../views/format.js';
import type { Symptom, SymptomFigures } from '../why/why-types.js';

const figuresFor = (deps: CoreDeps, tenantId: string, themeId: string): SymptomFigures => {
  const { result } = paretoReport(deps, tenantId, { measure: 'count' });
  const row = result.rows.find((r) => r.themeId === themeId);
  return {
    count: row?.totals.count ?? 0,
    totalCount: result.grandTotal,
    share: row?.share ?? 0,
    rank: row?.rank ?? null,
    themeCount: result.rows.length,
    vital: row?.vital ?? false,
    customerCostCents: row?.totals.customerCostCents ?? 0,
    companyCostCents: row?.totals.companyCostCents ?? 0,
    affectedRevenueCents: row?.totals.affectedRevenueCents ?? 0,
  };
};

export const whySymptom = (
  deps: CoreDeps,
  tenantId: string,
  target: WhyTarget,
): { symptom: Symptom; figures: SymptomFigures } => {
  if (target.kind === 'theme') {
    const theme = requireTheme(deps, tenantId, target.slug);
    const symptom: Symptom = {
      text: theme.name,
      themeId: theme.id,
      themeSlug: theme.slug,
      themeName: theme.name,
      issueId: null,
      issueNumber: null,
    };
    return { symptom, figures: figuresFor(deps, tenantId, theme.id) };
  }
  const issue = deps.repos.issues.getByNumber(tenantId, target.number);
  const theme = issue ? deps.repos.themes.get(tenantId, issue.themeId) : null;
  if (!issue || !theme) {
    throw new AppError('why.issue-not-found', `There is no issue ${issueRef(target.number)}.`);
  }
  const symptom: Symptom = {
    text: issue.summary,
    themeId: theme.id,
    themeSlug: theme.slug,
    themeName: theme.name,
    issueId: issue.id,
    issueNumber: issue.number,
  };
  return { symptom, figures: figuresFor(deps, tenantId, theme.id) };
};
