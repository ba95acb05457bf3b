// Browser tests of the playground: the real app (startApp, temp database, port 0) driven by
// playwright-core through Debian's /usr/bin/chromium. Never `npx playwright install`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logging/logger.js';
import { startApp, type RunningApp } from '../../src/main.js';
import { repoRoot, tempDir } from './run-cli.js';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOTS = join(repoRoot, 'test', 'e2e', 'screenshots');

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });

export interface Playground {
  app: RunningApp;
  stop(): Promise<void>;
}

export const startPlayground = async (options: { demo?: boolean } = {}): Promise<Playground> => {
  const tmp = tempDir();
  const config = loadConfig({ PORT: '0', DATABASE_PATH: join(tmp.dir, 'app.db') });
  const app = await startApp(config, createLogger('silent'), options);
  return {
    app,
    stop: async () => {
      await app.stop();
      tmp.cleanup();
    },
  };
};

/** Opens the playground as `user` in a fresh browser context and waits for the live feed. */
export const openPlayground = async (
  browser: Browser,
  url: string,
  user = 'ana',
): Promise<Page> => {
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
  // Runs in the page: the switcher starts as `user`. (Tests compile without DOM types.)
  await context.addInitScript(
    (id: string) =>
      (
        globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
      ).localStorage.setItem('cx-playground-user', id),
    user,
  );
  const page = await context.newPage();
  // Fail a step fast, with Playwright's message and a screenshot, well before vitest's timeout.
  page.setDefaultTimeout(8000);
  await page.goto(`${url}/`);
  await page.locator('#status', { hasText: 'Live' }).waitFor();
  return page;
};

/** Runs a flow; when it fails, saves what the page looked like for whoever reads the log. */
export const withScreenshotOnFailure = async (
  page: Page,
  name: string,
  flow: () => Promise<void>,
): Promise<void> => {
  try {
    await flow();
  } catch (e: unknown) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page
      .screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })
      .catch(() => undefined);
    throw e;
  }
};

/** Types a line in the channel's message box and sends it with Enter. */
export const send = async (page: Page, line: string): Promise<void> => {
  await page.locator('#line').fill(line);
  await page.locator('#line').press('Enter');
};

/** Types a reply in the open thread and sends it with Enter. */
export const replyInThread = async (page: Page, line: string): Promise<void> => {
  await page.locator('#thread-line').fill(line);
  await page.locator('#thread-line').press('Enter');
};

/** What the tests read of an <img> in the page (they compile without DOM types). */
interface LoadedImage {
  complete: boolean;
  naturalWidth: number;
}

/** The decoded width of an image, or 0 while it has not loaded (poll it). */
export const loadedWidth = (image: Locator): Promise<number> =>
  image.evaluate((img) => {
    const loaded = img as unknown as LoadedImage;
    return loaded.complete ? loaded.naturalWidth : 0;
  });
