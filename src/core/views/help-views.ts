// `/cx` help and the admins list. The words come from the command grammar's copy deck.
import type { User } from '../domain/types.js';
import { GENERAL_HELP, helpFor, type CommandName } from '../commands/index.js';
import type { MessageView } from './message-view.js';
import { context, header, text, view } from './view-helpers.js';

export const helpView = (topic?: CommandName): MessageView =>
  topic
    ? view(`Help for /${topic}`, [header(`/${topic}`), text(helpFor(topic))])
    : view('CX Habits commands', [
        header('CX Habits'),
        text(
          'Capture what customers complain about, find the vital few themes, put money on them, and fix their root causes.',
        ),
        text(GENERAL_HELP),
        context(
          'Admins: `/cx admins`. Reminders: `/cx nudges on|off`. Themes, drivers and customers: `/cx theme|driver|customer list`.',
        ),
      ]);

export const adminListView = (admins: User[]): MessageView =>
  admins.length === 0
    ? view('No admins yet.', [
        text('No admins yet. The first admin adds themselves with `/cx admins add @me`.'),
      ])
    : view(`${admins.length} admins`, [
        header('Admins'),
        text(admins.map((a) => `• <@${a.id}>`).join('\n')),
      ]);
