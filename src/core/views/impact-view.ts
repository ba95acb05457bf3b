// The money at stake for the vital few, or for one theme.
import type { ImpactReport } from '../use-cases/impact-report.js';
import type { MessageView } from './message-view.js';
import { formatCount, formatMoney, truncate } from './format.js';
import { context, header, text, view } from './view-helpers.js';

export const impactView = (report: ImpactReport): MessageView => {
  const { summary, theme, driver, windowLabel } = report;
  const scope = theme
    ? `#${theme.slug}`
    : `the vital few of ${driver ? `“${driver.name}”` : 'all key drivers'}`;
  if (summary.themes.length === 0) {
    return view(`No issues for ${scope} (${windowLabel}).`, [
      text(`No issues were logged for ${scope} in ${windowLabel}.`),
    ]);
  }
  const t = summary.totals;
  const revenueLabel = summary.revenueTotalIsUpperBound
    ? 'Revenue affected (at most)'
    : 'Revenue affected';
  return view(
    `Money at stake for ${scope}: ${formatMoney(t.customerCostCents + t.companyCostCents)} in costs, ${formatMoney(t.affectedRevenueCents)} of revenue affected.`,
    [
      header(truncate(`Money at stake: ${scope} (${windowLabel})`, 150)),
      {
        type: 'fields',
        fields: [
          { label: 'Issues', value: formatCount(t.count) },
          { label: 'Cost to customers', value: formatMoney(t.customerCostCents) },
          { label: 'Cost to the company', value: formatMoney(t.companyCostCents) },
          { label: revenueLabel, value: formatMoney(t.affectedRevenueCents) },
        ],
      },
      ...(theme
        ? []
        : [
            {
              type: 'table' as const,
              columns: [
                { key: 'theme', label: 'Theme' },
                { key: 'count', label: 'Issues', align: 'right' as const },
                { key: 'customer', label: 'Customer cost', align: 'right' as const },
                { key: 'company', label: 'Company cost', align: 'right' as const },
                { key: 'revenue', label: 'Revenue affected', align: 'right' as const },
              ],
              rows: summary.themes.slice(0, 25).map((th) => ({
                theme: `#${truncate(th.slug, 40)}`,
                count: formatCount(th.count),
                customer: formatMoney(th.customerCostCents),
                company: formatMoney(th.companyCostCents),
                revenue: formatMoney(th.affectedRevenueCents),
              })),
            },
            context(
              `The vital few are ${report.vitalFewCount} of ${report.themeCount} themes, ranked by issue count. Revenue counts each affected customer once.`,
            ),
          ]),
    ],
    'public',
  );
};
