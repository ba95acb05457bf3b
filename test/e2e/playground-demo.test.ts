// An empty workspace offers the demo data; one press loads the CFPB sample and the
// Pareto chart has something real to show.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  loadedWidth,
  openPlayground,
  send,
  startPlayground,
  withScreenshotOnFailure,
  type Playground,
} from '../support/playground-browser.js';

let playground: Playground;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [playground, browser] = await Promise.all([startPlayground(), launchChromium()]);
  page = await openPlayground(browser, playground.app.url, 'ben');
});
afterAll(async () => {
  await browser?.close();
  await playground?.stop();
});

describe('the demo button', () => {
  it('seeds an empty workspace, then Pareto draws its chart', async () => {
    await withScreenshotOnFailure(page, 'demo-button', async () => {
      const offer = page.getByRole('region', { name: 'This workspace is empty' });
      await offer.waitFor();
      await offer.getByRole('button', { name: 'Load demo data' }).click();
      const report = page.locator('#timeline .msg.bot', { hasText: 'Imported' });
      await report.waitFor({ timeout: 15_000 });
      expect(await report.textContent()).toContain('6,623');
      await offer.waitFor({ state: 'hidden' });

      await send(page, '/cx-pareto');
      const pareto = page.locator('#timeline .msg.bot', { hasText: '11 of 86 themes' });
      await pareto.waitFor();
      const chart = pareto.locator('img').first();
      await expect.poll(() => loadedWidth(chart)).toBeGreaterThan(100);
    });
  });

  it('keeps the person and their view across a reload', async () => {
    await page.reload();
    await page.locator('#status', { hasText: 'Live' }).waitFor();
    expect(await page.locator('#who').inputValue()).toBe('ben');
    expect(await page.locator('#timeline .msg.bot', { hasText: 'Imported' }).count()).toBe(1);
  });
});
