// The daily nudge to a plan owner: what is overdue and what falls due soon.
import type { ActionPlan } from '../domain/plans.js';
import type { MessageView } from './message-view.js';
import { formatDue } from './plan-views.js';
import { truncate } from './format.js';
import { context, text, view } from './view-helpers.js';

const line = (p: ActionPlan, today: string): string =>
  `• A-${p.number} ${truncate(p.title, 100)} · due ${formatDue(p, today)}`;

export const nudgeView = (plans: ActionPlan[], today: string): MessageView => {
  const overdue = plans.filter((p) => p.dueDate < today);
  const soon = plans.filter((p) => p.dueDate >= today);
  const parts = [
    ...(overdue.length
      ? [`*Overdue (${overdue.length}):*\n${overdue.map((p) => line(p, today)).join('\n')}`]
      : []),
    ...(soon.length
      ? [
          `*Due in the next two days (${soon.length}):*\n${soon.map((p) => line(p, today)).join('\n')}`,
        ]
      : []),
  ];
  return view(
    `You have ${plans.length} action ${plans.length === 1 ? 'plan' : 'plans'} to look at.`,
    [
      text(`👋 A reminder about your action plans.`),
      ...parts.map(text),
      context(
        'Mark one done with `/cx-action done A-N`, move its date with `/cx-action update A-N due:YYYY-MM-DD`, or stop these reminders with `/cx nudges off`.',
      ),
    ],
    'private',
  );
};
