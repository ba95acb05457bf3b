import { describe, expect, it } from 'vitest';
import type { Command } from '../../../src/core/commands/command-types.js';
import { parseCommand, parseLine } from '../../../src/core/commands/parse-command.js';

const parsed = (line: string): Command => {
  const result = parseLine(line);
  if (!result.ok) throw new Error(`${line}: ${result.error.message}`);
  return result.command;
};

const cases: Record<string, [string, Command][]> = {
  'cx-issue': [
    ['cx-issue', { kind: 'issue.form' }],
    ['cx-issue    ', { kind: 'issue.form' }],
    [
      'cx-issue Parcel arrived two days late #late-delivery customer:"Acme Ltd" cost:45.50 company-cost:1.5k source:return driver:"Delivery" date:2025-03-01',
      {
        kind: 'issue.log',
        summary: 'Parcel arrived two days late',
        themeSlug: 'late-delivery',
        themeName: 'late-delivery',
        customer: 'Acme Ltd',
        customerCostCents: 4550,
        companyCostCents: 150000,
        source: 'return',
        driver: 'Delivery',
        date: '2025-03-01',
      },
    ],
    ['cx-issue late parcel', { kind: 'issue.log', summary: 'late parcel', source: 'complaint' }],
    [
      'cx-issue “Wrong size, again” #Talla-Incorrecta customer:“Zoë Müller” COST:€99.90',
      {
        kind: 'issue.log',
        summary: 'Wrong size, again',
        themeSlug: 'talla-incorrecta',
        themeName: 'Talla-Incorrecta',
        customer: 'Zoë Müller',
        customerCostCents: 9990,
        source: 'complaint',
      },
    ],
    [
      'cx-issue 配送が遅い 🚚 #配送 customer:"株式会社テスト"',
      {
        kind: 'issue.log',
        summary: '配送が遅い 🚚',
        themeSlug: '配送',
        themeName: '配送',
        customer: '株式会社テスト',
        source: 'complaint',
      },
    ],
    [
      'cx-issue الطرد متأخر #تأخير',
      {
        kind: 'issue.log',
        summary: 'الطرد متأخر',
        themeSlug: 'تأخير',
        themeName: 'تأخير',
        source: 'complaint',
      },
    ],
    [
      'cx-issue #"Late delivery" order #12345 came late, said <@U1|ana> see <https://t.co/x|ticket>',
      {
        kind: 'issue.log',
        summary: 'order #12345 came late, said <@U1|ana> see <https://t.co/x|ticket>',
        themeSlug: 'late-delivery',
        themeName: 'Late delivery',
        source: 'complaint',
      },
    ],
    [
      'cx-issue Note: it broke',
      { kind: 'issue.log', summary: 'Note: it broke', source: 'complaint' },
    ],
    [
      'cx-issue "list of parts missing"',
      { kind: 'issue.log', summary: 'list of parts missing', source: 'complaint' },
    ],
    [
      'cx-issue late source:Returns customer-cost:12',
      { kind: 'issue.log', summary: 'late', source: 'return', customerCostCents: 1200 },
    ],
    ['cx-issue list', { kind: 'issue.list' }],
    [
      'cx-issue LIST #late customer:"Acme" since:30d broken box',
      {
        kind: 'issue.list',
        themeSlug: 'late',
        customer: 'Acme',
        since: { kind: 'relative', days: 30 },
        search: 'broken box',
      },
    ],
    ['cx-issue show CX-12', { kind: 'issue.show', number: 12 }],
    ['cx-issue show cx12', { kind: 'issue.show', number: 12 }],
  ],
  'cx-pareto': [
    ['cx-pareto', { kind: 'pareto', by: 'count', since: { kind: 'all' } }],
    ['/cx-pareto by:revenue', { kind: 'pareto', by: 'revenue', since: { kind: 'all' } }],
    [
      'cx-pareto Delivery and returns by:company-cost since:6m until:2025-06-30',
      {
        kind: 'pareto',
        driver: { kind: 'named', name: 'Delivery and returns' },
        by: 'company-cost',
        since: { kind: 'relative', days: 180 },
        until: '2025-06-30',
      },
    ],
    [
      'cx-pareto "Ease of use" by:customer-cost',
      {
        kind: 'pareto',
        driver: { kind: 'named', name: 'Ease of use' },
        by: 'customer-cost',
        since: { kind: 'all' },
      },
    ],
    [
      'cx-pareto driver:"Ease of use"',
      {
        kind: 'pareto',
        driver: { kind: 'named', name: 'Ease of use' },
        by: 'count',
        since: { kind: 'all' },
      },
    ],
    [
      'cx-pareto all since:2025-01-01',
      {
        kind: 'pareto',
        driver: { kind: 'all' },
        by: 'count',
        since: { kind: 'date', date: '2025-01-01' },
      },
    ],
    ['cx-pareto by:frequency', { kind: 'pareto', by: 'count', since: { kind: 'all' } }],
  ],
  'cx-impact': [
    ['cx-impact', { kind: 'impact', since: { kind: 'all' } }],
    [
      'cx-impact #late-delivery since:1y',
      { kind: 'impact', themeSlug: 'late-delivery', since: { kind: 'relative', days: 365 } },
    ],
    [
      'cx-impact Delivery',
      { kind: 'impact', driver: { kind: 'named', name: 'Delivery' }, since: { kind: 'all' } },
    ],
  ],
  'cx-drivers': [
    ['cx-drivers', { kind: 'drivers', segment: 'all' }],
    [
      'cx-drivers survey:"Q3 NPS" segment:core',
      { kind: 'drivers', survey: 'Q3 NPS', segment: 'core' },
    ],
    ['cx-drivers segment:REST', { kind: 'drivers', segment: 'rest' }],
  ],
  'cx-why': [
    ['cx-why', { kind: 'why.list' }],
    ['cx-why list', { kind: 'why.list' }],
    [
      'cx-why #late-delivery',
      { kind: 'why.start', target: { kind: 'theme', slug: 'late-delivery' } },
    ],
    ['cx-why CX-12', { kind: 'why.start', target: { kind: 'issue', number: 12 } }],
    ['cx-why #12', { kind: 'why.start', target: { kind: 'issue', number: 12 } }],
    [
      'cx-why late delivery',
      { kind: 'why.start', target: { kind: 'theme', slug: 'late-delivery' } },
    ],
  ],
};

describe.each(Object.entries(cases))('%s', (_name, table) => {
  it.each(table)('%s', (line, command) => {
    expect(parsed(line)).toEqual(command);
  });
});

describe('parseCommand', () => {
  it.each(['cx-issue', '/cx-issue', 'CX-ISSUE', '/Cx-Issue', 'cx_issue', ' /cx-issue '])(
    'accepts the name %j',
    (name) => {
      expect(parseCommand(name, 'late parcel')).toEqual({
        ok: true,
        command: { kind: 'issue.log', summary: 'late parcel', source: 'complaint' },
      });
    },
  );

  it('gives the same result as parseLine', () => {
    for (const [name, table] of Object.entries(cases)) {
      for (const [line] of table) {
        const text = line.slice(line.indexOf(name) + name.length);
        if (!line.startsWith(name) && !line.startsWith(`/${name}`)) continue;
        expect(parseCommand(`/${name}`, text)).toEqual(parseLine(line));
      }
    }
  });

  it('strips leading bot mentions from messages', () => {
    expect(parseLine('<at>CX Habits</at> cx-why #late')).toEqual(parseLine('cx-why #late'));
    expect(parseLine('<@U0BOT> cx-why #late')).toEqual(parseLine('cx-why #late'));
  });

  it('strips control characters', () => {
    expect(parsed('cx-issue late\u0000 par\u0007cel')).toEqual({
      kind: 'issue.log',
      summary: 'late parcel',
      source: 'complaint',
    });
  });
});
