// The playground in a real browser, on a workspace seeded with the CFPB sample (--demo):
// logging issues by command and by form, a 5-why answered by two people in a thread, a
// digest preview with its chart, and typed markup that must stay text.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  loadedWidth,
  openPlayground,
  replyInThread,
  send,
  startPlayground,
  withScreenshotOnFailure,
  type Playground,
} from '../support/playground-browser.js';

let playground: Playground;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [playground, browser] = await Promise.all([startPlayground({ demo: true }), launchChromium()]);
  page = await openPlayground(browser, playground.app.url);
});
afterAll(async () => {
  await browser?.close();
  await playground?.stop();
});

const timeline = () => page.locator('#timeline');
const thread = () => page.locator('#thread-timeline');
const botMessage = (where: ReturnType<typeof timeline>, text: string) =>
  where.locator('.msg.bot', { hasText: text }).last();
const actAs = (name: string) => page.locator('#who').selectOption({ label: name });

/** One turn in the 5-why thread: who acts, what they type or press, what the bot asks next. */
interface Turn {
  as?: 'Ana' | 'Ben';
  type?: string;
  press?: string;
  next: string;
}

/** Two people taking turns through a whole 5-why, to a saved action plan. */
const FIVE_WHY: Turn[] = [
  { as: 'Ana', type: 'Bureaus get wrong data from furnishers', next: 'Why 2 of 5' },
  { as: 'Ben', type: 'Furnishers send unvalidated records', next: 'Why 3 of 5' },
  { as: 'Ana', type: 'No validation step at intake', next: 'Why 4 of 5' },
  { as: 'Ben', type: 'Nobody owns data quality', next: 'Why 5 of 5' },
  { as: 'Ana', type: 'No data owner role was ever defined', next: 'Proposed root cause' },
  { as: 'Ben', press: 'Confirm', next: 'Root cause confirmed by @Ben' },
  { as: 'Ana', type: 'Disputes reopened within 30 days', next: 'What unit' },
  { type: '%', next: 'Is lower or higher better' },
  { press: 'Lower is better', next: 'What is the target' },
  { type: '5', next: 'What is the current value' },
  { press: 'Skip', next: 'What will be done?' },
  { as: 'Ben', type: 'Define a data owner role', next: 'Who owns' },
  { type: '@ana', next: 'When is' },
  { type: '+14d', next: 'Which level is' },
  { press: 'Prevent occurrence', next: 'Add another action plan?' },
  { press: 'Finish', next: 'Root cause found' },
];

const takeStep = async (turn: Turn): Promise<void> => {
  if (turn.as) {
    await actAs(turn.as);
    await page.locator('#status', { hasText: 'Live' }).waitFor();
  }
  if (turn.type) await replyInThread(page, turn.type);
  if (turn.press) await thread().getByRole('button', { name: turn.press }).last().click();
  await thread().getByText(turn.next).last().waitFor();
};

describe('the playground in a browser', () => {
  it('logs an issue with /cx-issue and with the form', async () => {
    await withScreenshotOnFailure(page, 'log-issue', async () => {
      await send(page, '/cx-issue Parcel arrived crushed #damaged-parcel cost:20');
      const logged = botMessage(timeline(), 'Parcel arrived crushed');
      await logged.waitFor();
      expect(await logged.textContent()).toMatch(/Logged CX-\d+.*#damaged-parcel \(new theme\)/s);

      await send(page, '/cx-issue');
      const modal = page.getByRole('dialog', { name: 'Log a CX issue' });
      await modal.waitFor();
      await modal.getByLabel('What did the customer report?').fill('Shoes came in the wrong size');
      await modal.getByLabel(/^Theme/).selectOption({ label: 'New theme…' });
      await modal.getByRole('button', { name: 'Log issue' }).click();
      // No theme name yet: the core's error shows inside the modal, which stays open.
      await expect(modal.getByRole('alert').textContent()).resolves.toContain('Pick a theme');
      await modal.getByLabel('New theme name (if new)').fill('wrong-size');
      await modal.getByLabel('Cost to the customer').fill('12.50');
      await modal.getByRole('button', { name: 'Log issue' }).click();
      await modal.waitFor({ state: 'hidden' });
      const fromForm = botMessage(timeline(), 'Shoes came in the wrong size');
      await fromForm.waitFor();
      expect(await fromForm.textContent()).toContain('#wrong-size');
      expect(await fromForm.textContent()).toContain('$12.50');

      // Esc closes a modal without submitting.
      await send(page, '/cx-issue');
      await modal.waitFor();
      await page.keyboard.press('Escape');
      await modal.waitFor({ state: 'hidden' });
    });
  });

  it('runs a full 5-why in a thread with two people taking turns', async () => {
    await withScreenshotOnFailure(page, 'five-why', async () => {
      await actAs('Ana');
      await send(page, '/cx-why #incorrect-information-on-your-report');
      const root = timeline()
        .locator('.msg.bot', { hasText: 'Incorrect information on your report' })
        .last();
      await root
        .getByRole('button', { name: /replies|reply$/ })
        .first()
        .waitFor();
      await root.locator('[data-open-thread]').last().click();
      await thread().getByText('Why 1 of 5').waitFor();

      for (const step of FIVE_WHY) await takeStep(step);
      const authors = await thread().locator('.msg.person .author').allTextContents();
      expect(new Set(authors)).toEqual(new Set(['Ana', 'Ben']));

      // Esc closes the thread; the saved plan is there for everyone.
      await page.keyboard.press('Escape');
      await page.locator('#thread').waitFor({ state: 'hidden' });
      await send(page, '/cx-action list');
      const plans = botMessage(timeline(), 'Define a data owner role');
      await plans.waitFor();
      expect(await plans.textContent()).toContain('Ana');
    });
  });

  it('previews a digest with its chart, privately', async () => {
    await withScreenshotOnFailure(page, 'digest-preview', async () => {
      // Autocomplete: "/cx-di" and Tab completes the command name.
      await page.locator('#line').fill('/cx-di');
      await page.locator('#suggestions').getByText('/cx-digest').waitFor();
      await page.locator('#line').press('Tab');
      expect(await page.locator('#line').inputValue()).toBe('/cx-digest ');
      await page.locator('#line').pressSequentially('preview');
      await page.locator('#line').press('Enter');

      const preview = timeline()
        .locator('.msg.bot.private', { has: page.locator('img') })
        .last();
      await preview.waitFor();
      expect(await preview.textContent()).toContain('Only visible to you');
      const chart = preview.locator('img').first();
      expect(await chart.getAttribute('alt')).toMatch(/\S/);
      await expect.poll(() => loadedWidth(chart)).toBeGreaterThan(100);
    });
  });

  it('shows typed markup as text and never runs it', async () => {
    await withScreenshotOnFailure(page, 'no-script', async () => {
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await send(page, '/cx-issue <script>alert(1)</script> #xss');
      const logged = botMessage(timeline(), 'Logged');
      await logged.filter({ hasText: '<script>alert(1)</script>' }).waitFor();
      await send(page, '<img src=x onerror=alert(2)>');
      await timeline().getByText('<img src=x onerror=alert(2)>').first().waitFor();
      expect(await page.locator('#timeline script, #timeline img[src="x"]').count()).toBe(0);
      // A round trip after the markup, so anything it might have triggered has had its turn.
      await send(page, '/cx');
      await botMessage(timeline(), 'CX Habits commands')
        .or(botMessage(timeline(), '/cx-issue'))
        .first()
        .waitFor();
      expect(dialogs).toEqual([]);
    });
  });
});
