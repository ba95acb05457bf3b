// Chat commands through the core on a real database: the words users see, the data
// written, the audit trail and tenant isolation.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCoreHarness, type CoreHarness } from '../../support/core-harness.js';

let h: CoreHarness;
beforeEach(() => (h = openCoreHarness()));
afterEach(() => h.close());

describe('/cx-issue', () => {
  it('logs an issue, creating its theme and customer, with an audit trail', async () => {
    const { view, text } = await h.say(
      '/cx-issue Parcel arrived a week late #late-delivery customer:"Acme Ltd" cost:45 company-cost:$1,200',
    );
    expect(view.visibility).toBe('public');
    expect(text).toContain('Logged CX-1: Parcel arrived a week late');
    expect(text).toContain('#late-delivery (new theme)');
    expect(text).toContain('customer cost $45');
    expect(text).toContain('company cost $1,200');
    const issue = h.deps.repos.issues.getByNumber('T1', 1);
    expect(issue).toMatchObject({
      summary: 'Parcel arrived a week late',
      customerCostCents: 4500,
      companyCostCents: 120000,
      reporterId: 'U-ann',
    });
    expect(h.deps.repos.customers.findByName('T1', 'acme ltd')?.name).toBe('Acme Ltd');
    const actions = h.deps.repos.audit.list('T1').map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['theme.create', 'customer.create', 'issue.create']),
    );
  });

  it('keeps unicode themes and customers', async () => {
    await h.say('/cx-issue Paquete tardío #entrega-tardía customer:"Café Ñandú 🚚"');
    expect(h.deps.repos.themes.findBySlug('T1', 'entrega-tardía')?.name).toBe('entrega-tardía');
    expect(h.deps.repos.customers.findByName('T1', 'Café Ñandú 🚚')).not.toBeNull();
  });

  it('asks for a theme, listing existing ones, and writes nothing', async () => {
    await h.say('/cx-issue First #late-delivery');
    const { view, text } = await h.say('/cx-issue Second one with no theme');
    expect(view.tone).toBe('error');
    expect(view.visibility).toBe('private');
    expect(text).toContain('Which theme is this?');
    expect(text).toContain('#late-delivery');
    expect(text).toContain('/cx-issue');
    expect(h.deps.repos.issues.search('T1', {}).total).toBe(1);
  });

  it('answers bad input with what was wrong and the usage', async () => {
    const { view, text } = await h.say('/cx-issue Broken #x cost:lots');
    expect(view.tone).toBe('error');
    expect(text).toMatch(/lots/);
    expect(text).toContain('Usage:');
  });

  it('opens the form when given no text, listing themes', async () => {
    await h.say('/cx-issue A #billing');
    const { view } = await h.say('/cx-issue');
    const form = view.blocks.find((b) => b.type === 'form');
    expect(form && form.type === 'form' && form.inputs.find((i) => i.id === 'theme')).toMatchObject(
      {
        options: expect.arrayContaining([{ label: '#billing', value: 'billing' }]),
      },
    );
  });

  it('lists and shows issues', async () => {
    await h.say('/cx-issue Late again #late');
    await h.say('/cx-issue Wrong invoice #billing');
    expect((await h.say('/cx-issue list #late')).text).toContain('Late again');
    expect((await h.say('/cx-issue list #late')).text).not.toContain('Wrong invoice');
    expect((await h.say('/cx-issue show CX-2')).text).toContain('Wrong invoice');
    expect((await h.say('/cx-issue show CX-99')).text).toContain('There is no issue CX-99');
  });
});

describe('/cx-pareto and /cx-impact', () => {
  beforeEach(async () => {
    await h.say('/cx customer add "Big Co" revenue:1m core-growth:yes');
    await h.say('/cx customer add "Small Co" revenue:10k');
    for (let i = 0; i < 6; i++) await h.say(`/cx-issue Late ${i} #late customer:"Big Co" cost:10`);
    for (let i = 0; i < 3; i++)
      await h.say(`/cx-issue Bill ${i} #billing customer:"Small Co" company-cost:100`);
    await h.say('/cx-issue Rude #rude-staff customer:"Small Co"');
  });

  it('ranks themes and marks the vital few', async () => {
    const { view, text } = await h.say('/cx-pareto');
    expect(view.visibility).toBe('public');
    expect(text).toContain('2 of 3 themes');
    expect(text).toContain('90.0%');
    expect(text).toMatch(/★ #late\s+6/);
    expect(text).toMatch(/★ #billing\s+3/);
    expect(text).not.toMatch(/★ #rude-staff/);
  });

  it('ranks by money', async () => {
    expect((await h.say('/cx-pareto by:company-cost')).text).toMatch(/1 of 1 themes|★ #billing/);
    expect((await h.say('/cx-pareto by:revenue')).text).toMatch(/1\s+★ #late\s+\$1,000,000/);
  });

  it('says when a window holds nothing', async () => {
    h.clock.set('2027-06-01T00:00:00Z');
    expect((await h.say('/cx-pareto since:30d')).text).toContain('No issues were logged');
  });

  it('names an unknown driver', async () => {
    const { view, text } = await h.say('/cx-pareto "Nope"');
    expect(view.tone).toBe('error');
    expect(text).toContain('There is no key driver called "Nope"');
  });

  it('puts money on the vital few, counting each customer once', async () => {
    const { text } = await h.say('/cx-impact');
    expect(text).toContain('Cost to customers: $60');
    expect(text).toContain('Cost to the company: $300');
    expect(text).toContain('Revenue affected: $1,010,000');
    expect((await h.say('/cx-impact #billing')).text).toContain('Revenue affected: $10,000');
  });
});

describe('/cx management', () => {
  it('adds, renames, moves and merges themes', async () => {
    await h.say('/cx theme add #late "Late delivery" driver:"Delivery"');
    await h.say('/cx-issue One #late');
    await h.say('/cx-issue Two #tardy');
    expect((await h.say('/cx theme merge #tardy #late')).text).toContain('1 issues moved');
    expect(h.deps.repos.themes.findBySlug('T1', 'tardy')).toBeNull();
    expect((await h.say('/cx theme rename #late #late-delivery')).text).toContain('#late-delivery');
    expect((await h.say('/cx theme list')).text).toMatch(
      /#late-delivery\s+late-delivery\s+Delivery/,
    );
  });

  it('makes the first admin only by their own hand, then only admins change admins', async () => {
    expect((await h.say('/cx admins add <@U-bob>', 'U-ann')).text).toContain(
      'first admin must add themselves',
    );
    expect((await h.say('/cx admins add @me', 'U-ann')).text).toContain('@U-ann is now an admin');
    expect((await h.say('/cx admins add @me', 'U-bob')).text).toContain('Only an admin');
    expect((await h.say('/cx admins remove @me', 'U-ann')).text).toContain('last admin');
  });

  it('never shows one tenant the data of another', async () => {
    await h.say('/cx-issue Secret #acme-only', 'U1', 'T-acme');
    expect((await h.say('/cx-pareto', 'U2', 'T-globex')).text).toContain('No issues were logged');
    expect((await h.say('/cx theme list', 'U2', 'T-globex')).text).toContain('No themes yet');
    expect((await h.say('/cx-issue show CX-1', 'U2', 'T-globex')).text).toContain(
      'There is no issue CX-1',
    );
  });

  it('routes /cx-why to the 5-why dialog', async () => {
    expect((await h.say('/cx-why #late')).text).toContain('There is no theme #late yet');
    expect((await h.say('/cx-why')).text).toContain('No 5-why analyses yet');
  });

  it('shows help', async () => {
    expect((await h.say('/cx')).text).toContain('/cx-pareto');
    expect((await h.say('/cx help cx-issue')).text).toContain('/cx-issue');
  });
});
