import { describe, expect, it } from 'vitest';
import type { Command } from '../../../src/core/commands/command-types.js';
import { parseCommand, parseLine } from '../../../src/core/commands/parse-command.js';

const parsed = (line: string): Command => {
  const result = parseLine(line);
  if (!result.ok) throw new Error(`${line}: ${result.error.message}`);
  return result.command;
};

// Cases for /cx-action, /cx-metric, /cx-digest and /cx.
const cases: Record<string, [string, Command][]> = {
  'cx-action': [
    ['cx-action', { kind: 'action.list', filter: { kind: 'all' } }],
    [
      'cx-action add "Print labels at packing" #late-delivery owner:@ana due:2026-12-01 level:recurrence',
      {
        kind: 'action.add',
        title: 'Print labels at packing',
        themeSlug: 'late-delivery',
        owner: { kind: 'name', name: 'ana' },
        due: { kind: 'date', date: '2026-12-01' },
        level: 'recurrence',
      },
    ],
    [
      'cx-action add Call the carrier #late <@U42|bob> due:tomorrow level:instance',
      {
        kind: 'action.add',
        title: 'Call the carrier',
        themeSlug: 'late',
        owner: { kind: 'id', userId: 'U42', name: 'bob' },
        due: { kind: 'tomorrow' },
        level: 'resolve',
      },
    ],
    [
      'cx-action add “Redesign box” #damaged due:+3d level:prevent-occurrence owner:me',
      {
        kind: 'action.add',
        title: 'Redesign box',
        themeSlug: 'damaged',
        owner: { kind: 'self' },
        due: { kind: 'offset', days: 3 },
        level: 'occurrence',
      },
    ],
    ['cx-action list', { kind: 'action.list', filter: { kind: 'all' } }],
    ['cx-action list mine', { kind: 'action.list', filter: { kind: 'mine' } }],
    ['cx-action list overdue', { kind: 'action.list', filter: { kind: 'overdue' } }],
    ['cx-action list week', { kind: 'action.list', filter: { kind: 'week' } }],
    ['cx-action list #late', { kind: 'action.list', filter: { kind: 'theme', slug: 'late' } }],
    [
      'cx-action update A-7 status:in-progress owner:<@U9> due:next-week',
      {
        kind: 'action.update',
        id: 7,
        status: 'in-progress',
        owner: { kind: 'id', userId: 'U9' },
        due: { kind: 'next-week' },
      },
    ],
    ['cx-action update 7 status:Done', { kind: 'action.update', id: 7, status: 'done' }],
    [
      'cx-action update a7 level:prevent-recurrence',
      { kind: 'action.update', id: 7, level: 'recurrence' },
    ],
    ['cx-action done A-7', { kind: 'action.done', id: 7 }],
    ['cx-action reopen 7', { kind: 'action.reopen', id: 7 }],
    [
      'cx-action comment A-7 Printer arrives Monday; "see" it\'s key: fine',
      { kind: 'action.comment', id: 7, text: 'Printer arrives Monday; "see" it\'s key: fine' },
    ],
  ],
  'cx-metric': [
    ['cx-metric', { kind: 'metric.list' }],
    ['cx-metric list', { kind: 'metric.list' }],
    [
      'cx-metric define "Parcels shipped late" #late-delivery unit:"%" direction:lower target:2 current:7.5',
      {
        kind: 'metric.define',
        name: 'Parcels shipped late',
        themeSlug: 'late-delivery',
        unit: '%',
        direction: 'lower',
        target: 2,
        current: 7.5,
      },
    ],
    [
      'cx-metric define First reply time #slow-support unit:minutes direction:lower-is-better target:30',
      {
        kind: 'metric.define',
        name: 'First reply time',
        themeSlug: 'slow-support',
        unit: 'minutes',
        direction: 'lower',
        target: 30,
      },
    ],
    [
      'cx-metric record "Parcels shipped late" 4.2',
      { kind: 'metric.record', name: 'Parcels shipped late', value: 4.2 },
    ],
    [
      'cx-metric record First reply time -3 date:2025-02-01',
      { kind: 'metric.record', name: 'First reply time', value: -3, date: '2025-02-01' },
    ],
    [
      'cx-metric show "Parcels shipped late"',
      { kind: 'metric.show', name: 'Parcels shipped late' },
    ],
  ],
  'cx-digest': [
    ['cx-digest', { kind: 'digest.show' }],
    ['cx-digest preview', { kind: 'digest.preview' }],
    ['cx-digest now', { kind: 'digest.now' }],
    ['cx-digest off', { kind: 'digest.off' }],
    [
      'cx-digest every "0 9 * * 1" tz:Europe/Paris driver:"Delivery"',
      {
        kind: 'digest.set',
        cron: '0 9 * * 1',
        tz: 'Europe/Paris',
        driver: 'Delivery',
        label: 'On the cron schedule `0 9 * * 1`',
      },
    ],
    [
      'cx-digest every 30 8 * * MON-FRI',
      {
        kind: 'digest.set',
        cron: '30 8 * * mon-fri',
        label: 'On the cron schedule `30 8 * * mon-fri`',
      },
    ],
    [
      'cx-digest weekly mon 09:00 tz:america/new_york',
      {
        kind: 'digest.set',
        cron: '0 9 * * 1',
        tz: 'America/New_York',
        label: 'Every Monday at 09:00',
      },
    ],
    [
      'cx-digest daily 08:30',
      { kind: 'digest.set', cron: '30 8 * * *', label: 'Every day at 08:30' },
    ],
    [
      'cx-digest weekdays 8:30am',
      { kind: 'digest.set', cron: '30 8 * * 1-5', label: 'Every weekday at 08:30' },
    ],
    [
      'cx-digest before fri 14:00 tz:Asia/Tokyo',
      {
        kind: 'digest.set',
        cron: '30 13 * * 5',
        tz: 'Asia/Tokyo',
        label: 'Every Friday at 13:30, 30 minutes before the Friday 14:00 meeting',
      },
    ],
    [
      'cx-digest before mon 00:10',
      {
        kind: 'digest.set',
        cron: '40 23 * * 0',
        label: 'Every Sunday at 23:40, 30 minutes before the Monday 00:10 meeting',
      },
    ],
    [
      'cx-digest weekly Fridays 2pm',
      { kind: 'digest.set', cron: '0 14 * * 5', label: 'Every Friday at 14:00' },
    ],
  ],
  cx: [
    ['cx', { kind: 'help' }],
    ['cx help', { kind: 'help' }],
    ['cx help cx-issue', { kind: 'help', topic: 'cx-issue' }],
    ['cx help /CX-PARETO', { kind: 'help', topic: 'cx-pareto' }],
    ['cx help why', { kind: 'help', topic: 'cx-why' }],
    ['cx admins', { kind: 'admins.list' }],
    [
      'cx admins add <@U1|ana>',
      { kind: 'admins.add', user: { kind: 'id', userId: 'U1', name: 'ana' } },
    ],
    ['cx admins remove @bob', { kind: 'admins.remove', user: { kind: 'name', name: 'bob' } }],
    ['cx nudges on', { kind: 'nudges.set', enabled: true }],
    ['cx nudges OFF', { kind: 'nudges.set', enabled: false }],
    ['cx theme list', { kind: 'theme.list' }],
    ['cx theme', { kind: 'theme.list' }],
    [
      'cx theme add #late-delivery "Late delivery" driver:"Delivery"',
      { kind: 'theme.add', slug: 'late-delivery', name: 'Late delivery', driver: 'Delivery' },
    ],
    [
      'cx theme add #Entrega-Tardía',
      { kind: 'theme.add', slug: 'entrega-tardía', name: 'Entrega-Tardía' },
    ],
    [
      'cx theme rename #late #late-delivery',
      { kind: 'theme.rename', fromSlug: 'late', toSlug: 'late-delivery' },
    ],
    [
      'cx theme rename #late #late-delivery "Late delivery"',
      { kind: 'theme.rename', fromSlug: 'late', toSlug: 'late-delivery', name: 'Late delivery' },
    ],
    [
      'cx theme move #late driver:"Delivery"',
      { kind: 'theme.move', slug: 'late', driver: 'Delivery' },
    ],
    [
      'cx theme merge #late-parcel #late-delivery',
      { kind: 'theme.merge', fromSlug: 'late-parcel', intoSlug: 'late-delivery' },
    ],
    ['cx driver list', { kind: 'driver.list' }],
    ['cx driver add "Ease of use"', { kind: 'driver.add', name: 'Ease of use' }],
    [
      'cx driver rename "Delivery" "Delivery & returns"',
      { kind: 'driver.rename', from: 'Delivery', to: 'Delivery & returns' },
    ],
    ['cx driver delete Delivery', { kind: 'driver.delete', name: 'Delivery' }],
    ['cx customer list', { kind: 'customer.list' }],
    [
      'cx customer add "Acme Ltd" revenue:120k core-growth:yes',
      { kind: 'customer.add', name: 'Acme Ltd', revenueCents: 12_000_000, coreGrowth: true },
    ],
    ['cx customer add Zoë', { kind: 'customer.add', name: 'Zoë' }],
    [
      'cx customer update "Acme Ltd" core-growth:no',
      { kind: 'customer.update', name: 'Acme Ltd', coreGrowth: false },
    ],
    [
      'cx issue late #x',
      { kind: 'issue.log', summary: 'late', themeSlug: 'x', themeName: 'x', source: 'complaint' },
    ],
  ],
};

describe.each(Object.entries(cases))('%s', (_name, table) => {
  it.each(table)('%s', (line, command) => {
    expect(parsed(line)).toEqual(command);
  });
});

it('gives the same result through parseCommand as through parseLine', () => {
  for (const [name, table] of Object.entries(cases)) {
    for (const [line] of table) {
      const prefix = line.startsWith('/') ? `/${name}` : name;
      expect(parseCommand(`/${name}`, line.slice(prefix.length))).toEqual(parseLine(line));
    }
  }
});
