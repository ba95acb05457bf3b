// The home surface: my open plans with overdue ones first, the vital few, open 5-whys,
// and buttons that run the common commands.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleHomeAction, handleHomeOpened } from '../../../src/core/bot/handle-home.js';
import { HOME_ACTIONS } from '../../../src/core/views/home-view.js';
import { renderPlainText } from '../../../src/core/views/render-plain-text.js';
import { openCoreHarness, type CoreHarness } from '../../support/core-harness.js';

let h: CoreHarness;
beforeEach(() => (h = openCoreHarness()));
afterEach(() => h.close());

const ann = { platform: 'local' as const, tenantId: 'T1', userId: 'U-ann', name: 'U-ann' };

describe('the home view', () => {
  it('lists my open plans overdue first, then the vital few', async () => {
    await h.say('/cx-issue Box crushed #damaged');
    await h.say('/cx-issue Box wet #damaged');
    await h.say('/cx-issue Late #late');
    await h.say('/cx-action add "Later plan" #damaged owner:me due:2026-11-30 level:recurrence');
    await h.say('/cx-action add "Sooner plan" #late owner:me due:2026-11-05 level:resolve');
    await h.say(
      '/cx-action add "Not mine" #late owner:@U-bob due:2026-11-03 level:resolve',
      'U-bob',
    );
    h.clock.set('2026-11-10T09:00:00Z');
    const text = renderPlainText(handleHomeOpened(h.deps, ann));
    expect(text).toMatch(/overdue A-2 Sooner plan[\s\S]*A-1 Later plan/);
    expect(text).not.toContain('Not mine');
    expect(text).toMatch(/The vital few[\s\S]*#damaged/);
    expect(text).toContain('No 5-why in progress');
  });

  it('runs the command a home button stands for, and ignores other buttons', async () => {
    const press = (actionId: string) =>
      handleHomeAction(h.deps, {
        kind: 'action',
        user: ann,
        conversation: { platform: 'local', tenantId: 'T1', channelId: 'U-ann' },
        actionId,
        value: '',
      });
    const form = await press(HOME_ACTIONS.logIssue);
    expect(form?.blocks.some((b) => b.type === 'form')).toBe(true);
    expect(renderPlainText((await press(HOME_ACTIONS.myPlans))!)).toContain('action plans');
    expect(press('why.confirm')).toBeNull();
  });
});
