// /cx-action through the core on a real database: the words people see, what is stored,
// the history and audit trail, and bad input that writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCoreHarness, type CoreHarness } from '../../support/core-harness.js';
import { AppError } from '../../../src/core/domain/errors.js';
import { validateDueDate, validatePlanTitle } from '../../../src/core/use-cases/action-plans.js';

let h: CoreHarness;
// The harness clock starts on Monday 2026-11-02.
beforeEach(async () => {
  h = openCoreHarness();
  await h.say('/cx-issue Parcel late #late-delivery');
  await h.say('/cx-issue Wrong invoice #billing');
});
afterEach(() => h.close());

const plans = (tenant = 'T1') => h.deps.repos.actionPlans.list(tenant);
const auditCount = (tenant = 'T1') => h.deps.repos.audit.list(tenant, { limit: 1000 }).length;

describe('adding a plan', () => {
  it('posts the new plan publicly and stores it with its history and audit entry', async () => {
    const { view, text } = await h.say(
      '/cx-action add "Print labels at packing" #late-delivery due:friday level:recurrence',
    );
    expect(view.visibility).toBe('public');
    expect(view.tone).toBeUndefined();
    expect(text).toContain('New action plan A-1: Print labels at packing');
    expect(text).toContain('Owner: @U-ann');
    expect(text).toContain('Due: Fri 2026-11-06');
    expect(text).toContain('Level: Prevent recurrence');
    const [plan] = plans();
    expect(plan).toMatchObject({
      number: 1,
      title: 'Print labels at packing',
      ownerId: 'U-ann',
      dueDate: '2026-11-06',
      level: 'recurrence',
      status: 'planned',
      createdBy: 'U-ann',
      completedAt: null,
    });
    expect(h.deps.repos.actionPlans.history('T1', plan?.id ?? '')).toMatchObject([
      { kind: 'created', actorId: 'U-ann' },
    ]);
    expect(
      h.deps.repos.audit.list('T1', { entityType: 'action-plan', entityId: plan?.id ?? '' }),
    ).toMatchObject([{ action: 'action-plan.create', actorId: 'U-ann' }]);
  });

  it('numbers plans per tenant and accepts a mentioned owner', async () => {
    await h.say('/cx-action add One #billing due:tomorrow level:resolve');
    const { text } = await h.say(
      '/cx-action add Two #billing owner:<@U-bob|bob> due:+2w level:occurrence',
    );
    expect(text).toContain('A-2');
    expect(text).toContain('Owner: @U-bob');
    expect(h.deps.repos.users.get('T1', 'U-bob')?.name).toBe('bob');
    expect(plans().map((p) => [p.number, p.dueDate])).toEqual([
      [1, '2026-11-03'],
      [2, '2026-11-16'],
    ]);
  });

  it('finds a plain @name among known people, case-insensitively', async () => {
    await h.say('/cx-issue Hello #billing', 'U-bob');
    const { text } = await h.say(
      '/cx-action add Call #billing owner:@U-BOB due:today level:resolve',
    );
    expect(text).toContain('Owner: @U-bob');
  });
});

describe('bad input gets a private, specific answer and writes nothing', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['no title', '/cx-action add #billing due:friday level:resolve', /needs a title/],
    [
      'not a real date',
      '/cx-action add Fix #billing due:2026-02-30 level:resolve',
      /not a real date/,
    ],
    ['due in the past', '/cx-action add Fix #billing due:2026-10-30 level:resolve', /in the past/],
    [
      'unknown owner',
      '/cx-action add Fix #billing owner:@zed due:friday level:resolve',
      /I don't know @zed\. Mention them with @/,
    ],
    ['unknown theme', '/cx-action add Fix #nope due:friday level:resolve', /no theme #nope/],
    ['unknown plan', '/cx-action done A-42', /no action plan A-42/],
    ['unknown plan to update', '/cx-action update A-42 status:blocked', /no action plan A-42/],
    ['unknown plan to comment', '/cx-action comment A-42 hello', /no action plan A-42/],
    ['bad level', '/cx-action add Fix #billing due:friday level:sometimes', /sometimes/],
  ];
  it.each(cases)('%s', async (_name, line, message) => {
    const before = auditCount();
    const { view, text } = await h.say(line);
    expect(view.tone).toBe('error');
    expect(view.visibility).toBe('private');
    expect(text).toMatch(message);
    expect(plans()).toHaveLength(0);
    expect(auditCount()).toBe(before);
  });

  it('rejects moving a due date into the past', async () => {
    await h.say('/cx-action add Fix #billing due:friday level:resolve');
    const { view, text } = await h.say('/cx-action update A-1 due:2026-11-01');
    expect(view.tone).toBe('error');
    expect(text).toContain('The due date 2026-11-01 is in the past');
    expect(plans()[0]?.dueDate).toBe('2026-11-06');
  });

  it('validates titles and due dates for other callers too', () => {
    expect(validatePlanTitle('  Print labels ')).toBe('Print labels');
    expect(() => validatePlanTitle('   ')).toThrow(AppError);
    expect(() => validatePlanTitle('x'.repeat(201))).toThrow(/201 characters/);
    expect(validateDueDate('2026-11-02', '2026-11-02')).toBe('2026-11-02');
    expect(() => validateDueDate('2026-11-01', '2026-11-02')).toThrow(
      expect.objectContaining({ code: 'plan.due-past' }),
    );
    expect(() => validateDueDate('2026-13-01', '2026-11-02')).toThrow(/not a real date/);
  });
});

describe('changing plans', () => {
  beforeEach(async () => {
    await h.say('/cx-action add "Print labels" #late-delivery due:friday level:resolve');
  });

  it('updates status, owner, due date and level, each in the history', async () => {
    const { view, text } = await h.say(
      '/cx-action update A-1 status:in-progress owner:<@U-bob> due:2026-11-20 level:occurrence',
    );
    expect(view.visibility).toBe('public');
    expect(text).toContain('status planned → in progress');
    expect(text).toContain('owner @U-ann → @U-bob');
    expect(text).toContain('due 2026-11-06 → 2026-11-20');
    expect(text).toContain('level Resolve → Prevent occurrence');
    expect(plans()[0]).toMatchObject({
      status: 'in-progress',
      ownerId: 'U-bob',
      dueDate: '2026-11-20',
      level: 'occurrence',
    });
    const kinds = h.deps.repos.actionPlans.history('T1', plans()[0]?.id ?? '').map((u) => u.kind);
    expect(kinds).toEqual(['created', 'status', 'owner', 'due', 'level']);
  });

  it('says so when an update changes nothing', async () => {
    const before = auditCount();
    const { view, text } = await h.say('/cx-action update A-1 level:resolve');
    expect(view.visibility).toBe('private');
    expect(text).toContain('nothing changed');
    expect(auditCount()).toBe(before);
  });

  it('completes, refuses to complete twice, reopens and takes comments', async () => {
    h.clock.set('2026-11-04T15:00:00Z');
    expect((await h.say('/cx-action done A-1', 'U-bob')).text).toContain(
      'A-1 is done: Print labels',
    );
    expect(plans()[0]).toMatchObject({
      status: 'done',
      completedAt: new Date('2026-11-04T15:00:00Z'),
    });
    expect((await h.say('/cx-action done A-1')).text).toContain('already done');
    expect((await h.say('/cx-action reopen A-1')).text).toContain('A-1 is open again');
    expect(plans()[0]).toMatchObject({ status: 'in-progress', completedAt: null });
    expect((await h.say('/cx-action reopen A-1')).text).toContain('nothing to reopen');
    const comment = await h.say('/cx-action comment A-1 Printer arrives Monday', 'U-bob');
    expect(comment.view.visibility).toBe('public');
    expect(comment.text).toContain('@U-bob on A-1 Print labels:\nPrinter arrives Monday');
  });

  it('keeps a complete audit trail and history of every change', async () => {
    await h.say('/cx-action update A-1 status:blocked');
    await h.say('/cx-action comment A-1 Waiting for the printer');
    await h.say('/cx-action done A-1');
    await h.say('/cx-action reopen A-1');
    const plan = plans()[0];
    const trail = h.deps.repos.audit
      .list('T1', { entityType: 'action-plan', entityId: plan?.id ?? '' })
      .map((a) => a.action)
      .reverse();
    expect(trail).toEqual([
      'action-plan.create',
      'action-plan.update',
      'action-plan.comment',
      'action-plan.complete',
      'action-plan.reopen',
    ]);
    expect(h.deps.repos.actionPlans.history('T1', plan?.id ?? '')).toMatchObject([
      { kind: 'created' },
      { kind: 'status', detail: { from: 'planned', to: 'blocked' } },
      { kind: 'comment', detail: { text: 'Waiting for the printer' } },
      { kind: 'completed', detail: { from: 'blocked', to: 'done' } },
      { kind: 'reopened', detail: { from: 'done', to: 'in-progress' } },
    ]);
  });
});

describe('lists', () => {
  const add = (title: string, theme: string, due: string, level: string, owner = '') =>
    h.say(`/cx-action add "${title}" #${theme} ${owner} due:${due} level:${level}`);

  it('shows how the work splits across the levels', async () => {
    for (const [i, level] of [
      'resolve',
      'resolve',
      'resolve',
      'recurrence',
      'recurrence',
      'occurrence',
    ].entries())
      await add(`Plan ${i}`, 'billing', 'friday', level);
    const { text } = await h.say('/cx-action list');
    expect(text).toContain(
      'Resolve 3 · Prevent recurrence 2 · Prevent occurrence 1 — 50% prevention',
    );
  });

  it('lists overdue plans first, then by due date, and marks them late', async () => {
    await add('Later', 'billing', '2026-11-20', 'resolve');
    await add('Soon', 'billing', '2026-11-03', 'recurrence');
    await add('Friday', 'billing', '2026-11-06', 'occurrence');
    h.clock.set('2026-11-05T10:00:00Z');
    const all = (await h.say('/cx-action list')).text;
    expect(all.indexOf('Soon')).toBeLessThan(all.indexOf('Friday'));
    expect(all.indexOf('Friday')).toBeLessThan(all.indexOf('Later'));
    expect(all).toContain('⚠️ Tue 2026-11-03 (2 days late)');
    const overdue = (await h.say('/cx-action list overdue')).text;
    expect(overdue).toContain('Soon');
    expect(overdue).not.toContain('Friday');
    expect(overdue).toContain('1 overdue.');
  });

  it('lists plans due this week: today through Sunday, open only', async () => {
    await add('Yesterday', 'billing', '2026-11-02', 'resolve');
    await add('Today', 'billing', '2026-11-04', 'resolve');
    await add('Sunday', 'billing', '2026-11-08', 'resolve');
    await add('Next Monday', 'billing', '2026-11-09', 'resolve');
    await add('Done already', 'billing', '2026-11-05', 'resolve');
    await h.say('/cx-action done A-5');
    h.clock.set('2026-11-04T08:00:00Z');
    const { text } = await h.say('/cx-action list week');
    expect(text).toContain('Today');
    expect(text).toContain('Sunday');
    expect(text).not.toContain('Yesterday');
    expect(text).not.toContain('Next Monday');
    expect(text).not.toContain('Done already');
    h.clock.set('2026-11-10T08:00:00Z');
    expect((await h.say('/cx-action list week')).text).toContain('No open action plans are due');
  });

  it("lists my plans and a theme's plans, finished ones last", async () => {
    await add('Mine', 'billing', 'friday', 'resolve');
    await add('Bobs', 'billing', 'friday', 'resolve', 'owner:<@U-bob>');
    await add('Late one', 'late-delivery', 'tomorrow', 'resolve');
    await h.say('/cx-action done A-1');
    const mine = await h.say('/cx-action list mine');
    expect(mine.view.visibility).toBe('private');
    expect(mine.text).toContain('Late one');
    expect(mine.text).not.toContain('Mine');
    expect(mine.text).not.toContain('Bobs');
    const billing = (await h.say('/cx-action list #billing')).text;
    expect(billing).not.toContain('Late one');
    expect(billing.indexOf('Bobs')).toBeLessThan(billing.indexOf('Mine'));
    expect(billing).toMatch(/A-1\s+Mine.*done/);
    expect((await h.say('/cx-action list #nope')).text).toContain('There is no theme #nope');
  });

  it('keeps long lists to 25 rows', async () => {
    for (let i = 1; i <= 28; i++) await add(`Plan ${i}`, 'billing', '+3d', 'resolve');
    const { view, text } = await h.say('/cx-action list');
    const table = view.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows.length).toBe(25);
    expect(text).toContain('…and 3 more');
  });
});

describe('tenant isolation', () => {
  it('never shows or changes another tenant’s plans', async () => {
    await h.say('/cx-issue Secret #acme-only', 'U1', 'T-acme');
    await h.say(
      '/cx-action add "Acme secret plan" #acme-only due:friday level:resolve',
      'U1',
      'T-acme',
    );
    await h.say('/cx-issue Other #acme-only', 'U2', 'T-globex');
    expect((await h.say('/cx-action list', 'U2', 'T-globex')).text).not.toContain('Acme secret');
    expect((await h.say('/cx-action list #acme-only', 'U2', 'T-globex')).text).toContain(
      'has no action plans yet',
    );
    expect((await h.say('/cx-action done A-1', 'U2', 'T-globex')).text).toContain(
      'no action plan A-1',
    );
    expect((await h.say('/cx-action comment A-1 hi', 'U2', 'T-globex')).view.tone).toBe('error');
    expect(plans('T-acme')[0]?.status).toBe('planned');
    expect(h.deps.repos.actionPlans.history('T-acme', plans('T-acme')[0]?.id ?? '')).toHaveLength(
      1,
    );
  });
});
