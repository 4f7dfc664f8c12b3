import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { DEMO_PASSWORD } from './accounts.js';
import { launchChromium } from './browser.js';
import { screenshotsDir } from './paths.js';
import { type RunningServer, startServer } from './server.js';
import { ensureWebBuilt } from './web-build.js';

export const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
export const phone: BrowserContextOptions = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

export type App = { server: RunningServer; browser: Browser; baseUrl: string };

/**
 * The suite's world: the web UI built, the real server on a fresh SQLite database filled by
 * `itsm seed` (demo accounts), one Chromium. Returns an object filled in by beforeAll.
 */
export function useApp(): App {
  const app = {} as App;
  beforeAll(async () => {
    mkdirSync(screenshotsDir, { recursive: true });
    ensureWebBuilt();
    const browser = launchChromium();
    try {
      app.server = await startServer();
      app.baseUrl = app.server.baseUrl;
    } finally {
      app.browser = await browser;
    }
    await app.server.cli(['seed']);
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.stop();
  });
  return app;
}

/** Fills the sign-in form (whatever the language) and submits it. */
export async function submitLogin(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.locator('input[autocomplete="username"]').fill(username);
  await page.locator('input[autocomplete="current-password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
}

/** Opens /login and signs in; resolves once the shell shows. */
export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await submitLogin(page, username);
  await page.locator('header #global-search').waitFor();
}

/** The path of the page's URL, search included. */
export function pathOf(page: Page): string {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
}

/** Saves e2e/screenshots/<name>.png, of the whole page unless `fullPage` is false (an overlay). */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage, animations: 'disabled' });
}
