// The staff-meeting digest: one view, rendered by each adapter within its limits.
import type { DigestContent, DigestTheme } from '../digest/digest-content.js';
import type { RenderedChart } from '../ports/chart-renderer.js';
import type { ActionPlan } from '../domain/plans.js';
import { meetsTarget } from '../use-cases/metrics.js';
import type { MessageView, ViewBlock } from './message-view.js';
import { formatCount, formatMoney, formatPercent, truncate } from './format.js';
import { formatDue } from './plan-views.js';
import { context, divider, header, text, view } from './view-helpers.js';

/** Plans listed under one theme; the rest are counted. */
const MAX_PLANS_PER_THEME = 3;
const MAX_OVERDUE = 10;

const trend = (t: DigestTheme): string => {
  const now = t.totals.count;
  const before = t.previousCount;
  if (before === 0) return now === 0 ? 'no new issues' : `${now} new (none the period before)`;
  const change = (now - before) / before;
  const arrow = change > 0.05 ? '▲' : change < -0.05 ? '▼' : '▶';
  return `${now} new, ${arrow} ${change >= 0 ? '+' : ''}${formatPercent(change, 0)} on the period before`;
};

const ROOT_CAUSE_WORDS = {
  none: 'no root cause yet',
  open: '5-why in progress',
  found: 'root cause found',
} as const;

const planLine = (p: ActionPlan, today: string): string =>
  `A-${p.number} ${truncate(p.title, 80)} · <@${p.ownerId}> · due ${formatDue(p, today)}`;

const themeBlock = (t: DigestTheme, rank: number, today: string): ViewBlock => {
  const money = t.totals.customerCostCents + t.totals.companyCostCents;
  const lines = [
    `*${rank}. #${truncate(t.totals.slug, 60)}* · ${formatPercent(t.share)} of issues · ${trend(t)}`,
    `Money at stake: ${formatMoney(money)} in costs, ${formatMoney(t.totals.affectedRevenueCents)} of revenue affected`,
    `Root cause: ${ROOT_CAUSE_WORDS[t.rootCause.status]}${t.rootCause.text ? ` — “${truncate(t.rootCause.text, 200)}”` : ''}`,
  ];
  if (t.metric) {
    const { metric, latest } = t.metric;
    const status = latest
      ? `${latest.value} ${metric.unit} (target ${metric.target}) ${meetsTarget(metric, latest.value) ? '✅' : '⚠️'}`
      : `no reading yet (target ${metric.target} ${metric.unit})`;
    lines.push(`Metric: ${truncate(metric.name, 60)}: ${status}`);
  }
  const shown = t.plans.slice(0, MAX_PLANS_PER_THEME).map((p) => `  • ${planLine(p, today)}`);
  if (t.plans.length > MAX_PLANS_PER_THEME)
    shown.push(`  …and ${t.plans.length - MAX_PLANS_PER_THEME} more plans`);
  lines.push(
    t.plans.length
      ? `Plans:\n${shown.join('\n')}`
      : 'Plans: none yet — start with `/cx-why` or `/cx-action add`',
  );
  return text(lines.join('\n'));
};

const scorecardText = (c: DigestContent): string => {
  const s = c.scorecard;
  return [
    `Plans done on time: ${s.doneOnTime === null ? '—' : `${formatPercent(s.doneOnTime, 0)} of ${s.doneCount}`}`,
    `Prevention plans: ${s.preventionShare === null ? '—' : formatPercent(s.preventionShare, 0)}`,
    `Median days to a root cause: ${s.medianDaysToRootCause === null ? '—' : s.medianDaysToRootCause.toFixed(1)}`,
  ].join(' · ');
};

export const digestView = (c: DigestContent, chart: RenderedChart | null): MessageView => {
  const today = c.now.toISOString().slice(0, 10);
  const scope = c.driver ? c.driver.name : 'all key drivers';
  const blocks: ViewBlock[] = [header(`CX digest: ${truncate(scope, 100)}`)];
  if (c.late) blocks.push(context('⏰ Posted late: the bot was offline at the scheduled time.'));
  if (c.pareto.rows.length === 0) {
    blocks.push(
      text(
        'No issues logged yet. Log the first with `/cx-issue`, or import a CSV with `cx-habits import-issues`.',
      ),
    );
    return view('CX digest: no issues yet', blocks, 'public');
  }
  blocks.push(
    text(
      `*${c.vitalFew.length} of ${c.pareto.rows.length} themes* cause *${formatPercent(c.pareto.vitalFewShare)}* of all issues. These are the vital few:`,
    ),
  );
  c.vitalFew.forEach((t, i) => blocks.push(themeBlock(t, i + 1, today)));
  if (chart) blocks.push({ type: 'image', png: chart.png, alt: chart.alt, title: 'Pareto chart' });
  blocks.push(
    divider,
    text(
      `*Since the last digest:* ${formatCount(c.changes.newIssues)} new issues · ${c.changes.newRootCauses} root causes found · ${c.changes.plansCompleted} plans completed`,
    ),
  );
  if (c.overdue.length) {
    const lines = c.overdue.slice(0, MAX_OVERDUE).map((p) => `• ${planLine(p, today)}`);
    if (c.overdue.length > MAX_OVERDUE) lines.push(`…and ${c.overdue.length - MAX_OVERDUE} more`);
    blocks.push(text(`*Overdue plans:*\n${lines.join('\n')}`));
  }
  if (c.quickWins.length)
    blocks.push(
      text(
        `*Quick wins (useful many):* ${c.quickWins.map((t) => `#${truncate(t.slug, 40)} (${t.count})`).join(', ')}`,
      ),
    );
  blocks.push(
    text(`*Habit scorecard:* ${scorecardText(c)}`),
    context('The full ranking: `/cx-pareto`. Money at stake: `/cx-impact`.'),
  );
  return view(
    `CX digest: ${c.vitalFew.length} vital few themes cause ${formatPercent(c.pareto.vitalFewShare)} of issues`,
    blocks,
    'public',
  );
};
