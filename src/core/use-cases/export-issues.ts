// Export streams issues as flat rows, with names instead of ids, so the file opens
// cleanly in a spreadsheet and a re-import with the same mapping round-trips.
import type { Theme } from '../domain/types.js';
import type { CoreDeps } from './core-deps.js';
import type { IssueQuery } from '../ports/repositories.js';

export const EXPORT_COLUMNS = [
  'id',
  'date',
  'theme',
  'theme_name',
  'driver',
  'customer',
  'summary',
  'description',
  'source',
  'customer_cost',
  'company_cost',
  'reporter',
  'external_id',
] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string>;

const amount = (cents: number | null): string => (cents === null ? '' : (cents / 100).toFixed(2));

export function* exportIssues(
  deps: CoreDeps,
  tenantId: string,
  query: IssueQuery = {},
): Generator<ExportRow> {
  const names = new Map<string, string>();
  const lookup = (
    kind: string,
    id: string | null,
    find: (id: string) => string | undefined,
  ): string => {
    if (id === null) return '';
    const key = `${kind}:${id}`;
    if (!names.has(key)) names.set(key, find(id) ?? '');
    return names.get(key) ?? '';
  };
  const themes = new Map<string, Theme | null>();
  for (const issue of deps.repos.issues.iterate(tenantId, query)) {
    if (!themes.has(issue.themeId))
      themes.set(issue.themeId, deps.repos.themes.get(tenantId, issue.themeId));
    const theme = themes.get(issue.themeId);
    yield {
      id: `CX-${issue.number}`,
      date: issue.occurredAt.toISOString().slice(0, 10),
      theme: theme?.slug ?? '',
      theme_name: theme?.name ?? '',
      driver: lookup(
        'driver',
        issue.keyDriverId,
        (id) => deps.repos.keyDrivers.get(tenantId, id)?.name,
      ),
      customer: lookup(
        'customer',
        issue.customerId,
        (id) => deps.repos.customers.get(tenantId, id)?.name,
      ),
      summary: issue.summary,
      description: issue.description ?? '',
      source: issue.source,
      customer_cost: amount(issue.customerCostCents),
      company_cost: amount(issue.companyCostCents),
      reporter: issue.reporterName ?? issue.reporterId ?? '',
      external_id: issue.externalId ?? '',
    };
  }
}
