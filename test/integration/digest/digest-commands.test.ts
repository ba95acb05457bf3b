// /cx-digest through the core: schedules with friendly shortcuts and zones, admin rules,
// previews with real content, posting now, stopping, and nudges to plan owners.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendNudges } from '../../../src/core/digest/send-nudges.js';
import { openCoreHarness, type CoreHarness } from '../../support/core-harness.js';

let h: CoreHarness;
beforeEach(() => (h = openCoreHarness()));
afterEach(() => h.close());

const seed = async (): Promise<void> => {
  for (let i = 0; i < 6; i++) await h.say(`/cx-issue Late ${i} #late-delivery cost:20`);
  for (let i = 0; i < 3; i++) await h.say(`/cx-issue Wrong bill ${i} #billing company-cost:50`);
  await h.say('/cx-issue Rude agent #rude-staff');
};

describe('/cx-digest schedules', () => {
  it('sets a weekly schedule in a zone and shows the next three runs', async () => {
    h.clock.set('2026-11-23T20:00:00Z');
    const set = await h.say('/cx-digest weekly mon 09:00 tz:America/Los_Angeles');
    expect(set.view.visibility).toBe('public');
    expect(set.text).toContain('(America/Los_Angeles)');
    expect(set.text).toContain('Mon 30 Nov 2026, 09:00');
    expect(set.text).toContain('you are now an admin');
    const shown = await h.say('/cx-digest');
    expect(shown.text).toMatch(
      /Mon 30 Nov 2026, 09:00[\s\S]*Mon 7 Dec 2026, 09:00[\s\S]*Mon 14 Dec 2026, 09:00/,
    );
    expect(shown.text).toContain('0 9 * * 1');
  });

  it('explains a bad cron or zone with examples, and writes nothing', async () => {
    const badZone = await h.say('/cx-digest weekly mon 09:00 tz:Mars/Olympus');
    expect(badZone.view.tone).toBe('error');
    expect(badZone.text).toMatch(/Mars\/Olympus/);
    const badCron = await h.say('/cx-digest every "61 * * * *"');
    expect(badCron.view.tone).toBe('error');
    expect(badCron.text).toMatch(/61/);
    expect((await h.say('/cx-digest')).text).toContain('no digest yet');
  });

  it('lets only admins change a schedule once one exists', async () => {
    await h.say('/cx-digest daily 08:30', 'U-ann');
    const bob = await h.say('/cx-digest daily 09:30', 'U-bob');
    expect(bob.view.tone).toBe('error');
    expect(bob.text).toContain('Only an admin');
    expect((await h.say('/cx-digest off', 'U-bob')).text).toContain('Only an admin');
    expect((await h.say('/cx-digest off', 'U-ann')).text).toContain('is stopped');
  });

  it('previews privately with the vital few, money, plans and the scorecard', async () => {
    await seed();
    await h.say('/cx-action add "Call the courier" #late-delivery due:2026-12-01 level:recurrence');
    const preview = await h.say('/cx-digest preview');
    expect(preview.view.visibility).toBe('private');
    expect(preview.text).toContain('2 of 3 themes');
    expect(preview.text).toContain('#late-delivery');
    expect(preview.text).toContain('Call the courier');
    expect(preview.text).toContain('no root cause yet');
    expect(preview.text).toContain('Quick wins (useful many): #rude-staff (1)');
    expect(preview.text).toContain('Prevention plans: 100%');
  });

  it('posts now to the channel', async () => {
    await seed();
    const reply = await h.say('/cx-digest now');
    expect(reply.text).toContain('posted');
    expect(
      h.gateway.messages
        .filter((m) => m.call === 'post')
        .map((m) => m.text)
        .join('\n'),
    ).toContain('CX digest');
  });
});

describe('nudges', () => {
  it('sends one grouped message a day to owners with plans due soon or overdue', async () => {
    h.clock.set('2026-11-23T09:00:00Z');
    await seed();
    await h.say(
      '/cx-action add "Fix label printer" #late-delivery due:2026-11-24 level:resolve',
      'U-ann',
    );
    await h.say(
      '/cx-action add "Retrain team" #rude-staff due:2026-11-25 level:occurrence',
      'U-ann',
    );
    await h.say('/cx-action add "Later thing" #billing due:2026-12-20 level:resolve', 'U-bob');
    h.gateway.messages.length = 0;
    expect(await sendNudges(h.deps)).toBe(1);
    const dm = h.gateway.messages.filter((m) => m.call === 'dm');
    expect(dm).toHaveLength(1);
    expect(dm[0]?.userId).toBe('U-ann');
    expect(dm[0]?.text).toContain('Fix label printer');
    expect(dm[0]?.text).toContain('Retrain team');
    expect(await sendNudges(h.deps)).toBe(0);
    h.clock.set('2026-11-26T09:00:00Z');
    expect(await sendNudges(h.deps)).toBe(1);
    expect(h.gateway.messages.at(-1)?.text).toContain('Overdue (2)');
  });

  it('respects /cx nudges off', async () => {
    h.clock.set('2026-11-23T09:00:00Z');
    await seed();
    await h.say(
      '/cx-action add "Fix label printer" #late-delivery due:2026-11-24 level:resolve',
      'U-ann',
    );
    await h.say('/cx nudges off', 'U-ann');
    expect(await sendNudges(h.deps)).toBe(0);
  });
});
