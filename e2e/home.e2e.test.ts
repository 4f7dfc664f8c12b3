import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuitesSkipped, launchChromium } from './support/browser.js';
import { openWatchedPage } from './support/page.js';
import { screenshotsDir } from './support/paths.js';
import { type RunningServer, startServer } from './support/server.js';
import { ensureWebBuilt } from './support/web-build.js';

const desktop = { width: 1280, height: 800 };
const phone = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

async function expectServerReady(page: Page): Promise<void> {
  await page.locator('[data-testid="server-status"][data-status="ready"]').waitFor({ timeout: 15_000 });
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotsDir, name), fullPage: true });
}

describe.skipIf(browserSuitesSkipped())('home page (browser)', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(screenshotsDir, { recursive: true });
    ensureWebBuilt();
    server = await startServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it.each(['light', 'dark'] as const)(
    'shows the product name and a ready server, without console errors or CSP violations (%s)',
    async (colorScheme) => {
      const { page, problems, close } = await openWatchedPage(browser, {
        viewport: desktop,
        colorScheme,
        locale: 'en-US',
      });
      try {
        const response = await page.goto(`${server.baseUrl}/`);
        expect(response?.status()).toBe(200);
        expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
        expect(await page.title()).toBe('ITSM');
        await page.getByRole('heading', { level: 1, name: 'ITSM' }).waitFor();
        await expectServerReady(page);
        expect(await page.getByTestId('server-status').textContent()).toContain('Ready');
        expect(await page.getByRole('link', { name: 'API documentation' }).first().getAttribute('href')).toBe(
          '/api/docs',
        );
        await screenshot(page, `home-desktop-${colorScheme}.png`);
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    },
  );

  it('switches to French, sets <html lang="fr"> and remembers the choice', async () => {
    const { page, problems, close } = await openWatchedPage(browser, { viewport: desktop, locale: 'en-US' });
    try {
      await page.goto(`${server.baseUrl}/`);
      await page.getByRole('heading', { name: 'Server status' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('en');

      await page.getByRole('button', { name: 'Français' }).click();
      await page.getByRole('heading', { name: 'État du serveur' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('fr');
      expect(await page.getByRole('button', { name: 'Français' }).getAttribute('aria-pressed')).toBe('true');
      await expectServerReady(page);
      expect(await page.getByTestId('server-status').textContent()).toContain('Prêt');

      await page.reload();
      await page.getByRole('heading', { name: 'État du serveur' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('fr');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it.each(['light', 'dark'] as const)(
    'fits a 375 px phone without horizontal scroll (%s)',
    async (colorScheme) => {
      const { page, problems, close } = await openWatchedPage(browser, {
        ...phone,
        colorScheme,
        locale: 'fr-FR',
      });
      try {
        await page.goto(`${server.baseUrl}/`);
        await expectServerReady(page);
        const scrollWidth = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? Number.NaN);
        expect(scrollWidth).toBeLessThanOrEqual(375);
        await screenshot(page, `home-phone-${colorScheme}.png`);
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    },
  );

  it('serves the app on deep client-side links but a problem+json 404 on unknown API routes', async () => {
    const { page, problems, close } = await openWatchedPage(browser, { viewport: desktop, locale: 'en-US' });
    try {
      const response = await page.goto(`${server.baseUrl}/some/deep/link`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-type']).toContain('text/html');
      await page.getByRole('heading', { level: 1, name: 'ITSM' }).waitFor();
      await expectServerReady(page);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }

    for (const accept of ['application/json', 'text/html,application/xhtml+xml,*/*;q=0.8']) {
      const api = await fetch(`${server.baseUrl}/api/v1/nope`, { headers: { accept } });
      expect(api.status, `Accept: ${accept}`).toBe(404);
      expect(api.headers.get('content-type'), `Accept: ${accept}`).toMatch(/^application\/problem\+json/);
      const body = (await api.json()) as { status?: number };
      expect(body.status).toBe(404);
    }
  });
});
