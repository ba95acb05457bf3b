// The home surface (Slack's App Home tab): my open action plans (overdue first), the vital
// few, the 5-whys in progress, and buttons for the common actions.
import type { HomeSummary } from '../use-cases/home-summary.js';
import { HOME_LIST_LIMIT, HOME_WINDOW_DAYS } from '../use-cases/home-summary.js';
import { planRef } from '../use-cases/action-plans.js';
import type { MessageView, ViewBlock } from './message-view.js';
import { formatCount, formatPercent, truncate } from './format.js';
import { context, divider, header, text, view } from './view-helpers.js';

/** Button ids the home surface declares; handle-home routes them. */
export const HOME_ACTIONS = {
  logIssue: 'home.log-issue',
  pareto: 'home.pareto',
  myPlans: 'home.my-plans',
  help: 'home.help',
} as const;

const more = (total: number, shown: number): string[] =>
  total > shown ? [`…and ${total - shown} more`] : [];

const plansBlock = ({ myPlans }: HomeSummary): ViewBlock => {
  if (myPlans.length === 0)
    return text('You own no open action plans. Add one with `/cx-action add`.');
  const shown = myPlans.slice(0, HOME_LIST_LIMIT);
  const lines = shown.map(
    (p) =>
      `${p.overdue ? '🔴 *overdue* ' : ''}*${planRef(p.number)}* ${truncate(p.title, 120)} · #${p.themeSlug} · due ${p.dueDate}`,
  );
  return text([...lines, ...more(myPlans.length, shown.length)].join('\n'));
};

const vitalFewBlock = (summary: HomeSummary): ViewBlock => {
  if (summary.issueCount === 0)
    return text(
      `No issues logged in the last ${HOME_WINDOW_DAYS} days. Log one with \`/cx-issue\`.`,
    );
  const shown = summary.vitalFew.slice(0, HOME_LIST_LIMIT);
  const lines = shown.map(
    (r) =>
      `${r.rank}. *#${truncate(r.slug, 60)}*: ${formatCount(r.value)} issues (${formatPercent(r.share)})`,
  );
  return text(
    [
      `*${summary.vitalFew.length} of ${summary.themeCount} themes* cause *${formatPercent(summary.vitalFewShare)}* of ${formatCount(summary.issueCount)} issues in the last ${HOME_WINDOW_DAYS} days:`,
      ...lines,
      ...more(summary.vitalFew.length, shown.length),
    ].join('\n'),
  );
};

const whysBlock = ({ openWhys }: HomeSummary): ViewBlock =>
  openWhys.length === 0
    ? text('No 5-why in progress. Start one with `/cx-why #theme`.')
    : text(
        openWhys
          .map((w) => `• *#${truncate(w.themeSlug, 60)}*, started by <@${w.startedBy}>`)
          .join('\n'),
      );

export const homeView = (summary: HomeSummary): MessageView =>
  view('CX Habits', [
    header('CX Habits'),
    {
      type: 'actions',
      buttons: [
        { id: HOME_ACTIONS.logIssue, label: 'Log an issue', value: 'issue', style: 'primary' },
        { id: HOME_ACTIONS.myPlans, label: 'My action plans', value: 'mine' },
        { id: HOME_ACTIONS.pareto, label: 'Show the Pareto', value: 'pareto' },
        { id: HOME_ACTIONS.help, label: 'Help', value: 'help' },
      ],
    },
    divider,
    header('My open action plans'),
    plansBlock(summary),
    divider,
    header('The vital few'),
    vitalFewBlock(summary),
    divider,
    header('5-whys in progress'),
    whysBlock(summary),
    context(
      'Find a root cause with `/cx-why #theme`. Put money on the vital few with `/cx-impact`.',
    ),
  ]);
