// Views about action plans: the new plan (public), changes, comments, and lists that show
// overdue work first and how the work splits across the three levels.
import type { ActionLevel, ActionPlan, ActionStatus } from '../domain/plans.js';
import type { Theme } from '../domain/types.js';
import { planRef, type PlanChange } from '../use-cases/action-plans.js';
import type { LevelSplit, ListedPlan, PlanList } from '../use-cases/plan-lists.js';
import { dayStart } from '../domain/iso-weeks.js';
import type { MessageView } from './message-view.js';
import { formatPercent, truncate } from './format.js';
import { context, header, text, view } from './view-helpers.js';

export const MAX_PLAN_ROWS = 25;

export const LEVEL_LABELS: Readonly<Record<ActionLevel, string>> = {
  resolve: 'Resolve',
  recurrence: 'Prevent recurrence',
  occurrence: 'Prevent occurrence',
};

export const STATUS_LABELS: Readonly<Record<ActionStatus, string>> = {
  planned: 'planned',
  'in-progress': 'in progress',
  blocked: 'blocked',
  done: 'done',
};

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

const mention = (userId: string): string => `<@${userId}>`;
const weekday = (day: string): string => WEEKDAYS[dayStart(day).getUTCDay()] ?? '';
const daysBetween = (from: string, to: string): number =>
  Math.round((dayStart(to).getTime() - dayStart(from).getTime()) / 86_400_000);

/** "Fri 2026-11-06", with "today" or how late it is when that matters. */
export const formatDue = (plan: Pick<ActionPlan, 'dueDate' | 'status'>, today: string): string => {
  const base = `${weekday(plan.dueDate)} ${plan.dueDate}`;
  if (plan.status === 'done') return base;
  const late = daysBetween(plan.dueDate, today);
  if (late > 0) return `⚠️ ${base} (${late} ${late === 1 ? 'day' : 'days'} late)`;
  return late === 0 ? `${base} (today)` : base;
};

/** "Resolve 3 · Prevent recurrence 2 · Prevent occurrence 1 — 50% prevention". */
export const levelSplitLine = (split: LevelSplit): string => {
  const counts = `${LEVEL_LABELS.resolve} ${split.resolve} · ${LEVEL_LABELS.recurrence} ${split.recurrence} · ${LEVEL_LABELS.occurrence} ${split.occurrence}`;
  return split.preventionShare === null
    ? counts
    : `${counts} — ${formatPercent(split.preventionShare, 0)} prevention`;
};

export const planAddedView = (plan: ActionPlan, theme: Theme, today: string): MessageView =>
  view(
    `New action plan ${planRef(plan.number)}: ${plan.title}`,
    [
      text(`📌 New action plan *${planRef(plan.number)}*: ${plan.title}`),
      {
        type: 'fields',
        fields: [
          { label: 'Theme', value: `#${theme.slug}` },
          { label: 'Owner', value: mention(plan.ownerId) },
          { label: 'Due', value: formatDue(plan, today) },
          { label: 'Level', value: LEVEL_LABELS[plan.level] },
          { label: 'Status', value: STATUS_LABELS[plan.status] },
        ],
      },
      context(
        `Move it along with \`/cx-action update ${planRef(plan.number)} status:in-progress\`, and finish it with \`/cx-action done ${planRef(plan.number)}\`.`,
      ),
    ],
    'public',
  );

const describeChange = (change: PlanChange): string => {
  const label = (value: string | null, kind: PlanChange['kind']): string => {
    if (value === null) return '—';
    if (kind === 'owner') return mention(value);
    if (kind === 'level') return LEVEL_LABELS[value as ActionLevel] ?? value;
    if (kind === 'due') return value;
    return STATUS_LABELS[value as ActionStatus] ?? value;
  };
  const what = change.kind === 'completed' || change.kind === 'reopened' ? 'status' : change.kind;
  return `${what} ${label(change.from, change.kind)} → ${label(change.to, change.kind)}`;
};

export const planChangedView = (plan: ActionPlan, changes: PlanChange[]): MessageView =>
  changes.length === 0
    ? view(`${planRef(plan.number)} already looks like that.`, [
        text(`${planRef(plan.number)} already looks like that; nothing changed.`),
      ])
    : view(
        `Updated ${planRef(plan.number)}: ${plan.title}`,
        [
          text(`✏️ Updated *${planRef(plan.number)}* ${truncate(plan.title, 120)}`),
          text(changes.map((c) => `• ${describeChange(c)}`).join('\n')),
        ],
        'public',
      );

export const planDoneView = (plan: ActionPlan, by: string): MessageView =>
  view(
    `${planRef(plan.number)} is done: ${plan.title}`,
    [
      text(`✅ *${planRef(plan.number)}* is done: ${plan.title}`),
      context(
        `Completed by ${mention(by)} · ${LEVEL_LABELS[plan.level]} · owner ${mention(plan.ownerId)}`,
      ),
    ],
    'public',
  );

export const planReopenedView = (plan: ActionPlan): MessageView =>
  view(
    `${planRef(plan.number)} is open again: ${plan.title}`,
    [
      text(
        `↩️ *${planRef(plan.number)}* is open again (${STATUS_LABELS[plan.status]}): ${plan.title}`,
      ),
    ],
    'public',
  );

export const planCommentView = (plan: ActionPlan, by: string, comment: string): MessageView =>
  view(
    `Comment on ${planRef(plan.number)}: ${comment}`,
    [
      text(
        `💬 ${mention(by)} on *${planRef(plan.number)}* ${truncate(plan.title, 120)}:\n${comment}`,
      ),
    ],
    'public',
  );

const listTitle = (list: PlanList): string => {
  switch (list.filter.kind) {
    case 'mine':
      return 'Your open action plans';
    case 'theme':
      return `Action plans for #${list.filter.slug}`;
    case 'overdue':
      return 'Overdue action plans';
    case 'week':
      return 'Open action plans due this week';
    case 'all':
      return 'Open action plans';
  }
};

const emptyListText = (list: PlanList): string => {
  switch (list.filter.kind) {
    case 'mine':
      return 'You have no open action plans.';
    case 'theme':
      return `#${list.filter.slug} has no action plans yet.`;
    case 'overdue':
      return 'Nothing is overdue. 🎉';
    case 'week':
      return 'No open action plans are due this week.';
    case 'all':
      return 'There are no open action plans.';
  }
};

const planRow = (plan: ListedPlan, today: string): Record<string, string> => ({
  id: planRef(plan.number),
  title: truncate(plan.title, 60),
  owner: mention(plan.ownerId),
  due: formatDue(plan, today),
  status: STATUS_LABELS[plan.status],
  level: LEVEL_LABELS[plan.level],
  theme: `#${plan.themeSlug}`,
});

export const planListView = (list: PlanList): MessageView => {
  if (list.plans.length === 0) {
    return view(emptyListText(list), [
      text(
        `${emptyListText(list)} Add one with \`/cx-action add "Title" #theme due:friday level:recurrence\`.`,
      ),
    ]);
  }
  const shown = list.plans.slice(0, MAX_PLAN_ROWS);
  const more = list.plans.length - shown.length;
  const overdue = list.plans.filter((p) => p.overdue).length;
  return view(`${listTitle(list)}: ${list.plans.length}`, [
    header(listTitle(list)),
    text(`*${levelSplitLine(list.split)}*`),
    {
      type: 'table',
      columns: [
        { key: 'id', label: 'Plan' },
        { key: 'title', label: 'Title' },
        { key: 'owner', label: 'Owner' },
        { key: 'due', label: 'Due' },
        { key: 'status', label: 'Status' },
        { key: 'level', label: 'Level' },
        { key: 'theme', label: 'Theme' },
      ],
      rows: shown.map((p) => planRow(p, list.today)),
      ...(more > 0 ? { caption: `…and ${more} more` } : {}),
    },
    context(
      [
        overdue > 0 ? `${overdue} overdue.` : null,
        'Prevention (recurrence and occurrence) is the share we want to see grow.',
      ]
        .filter((s): s is string => s !== null)
        .join(' '),
    ),
  ]);
};
