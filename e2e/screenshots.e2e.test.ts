import type { BrowserContextOptions } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demo } from './support/accounts.js';
import { desktop, phone, screenshot, useApp } from './support/app.js';
import { browserSuitesSkipped } from './support/browser.js';
import { openWatchedPage, untranslatedKeys } from './support/page.js';

/** The main pages, named as their PNG files: `<name>-<desktop|phone>-<light|dark>.png`. */
const pages = [
  { name: 'login', path: '/login', signedIn: false },
  { name: 'home', path: '/', signedIn: true },
  { name: 'users', path: '/admin/users', signedIn: true },
  { name: 'structures', path: '/admin/structures', signedIn: true },
  { name: 'groups', path: '/admin/groups', signedIn: true },
  { name: 'sites', path: '/admin/sites', signedIn: true },
  { name: 'login-events', path: '/admin/login-events', signedIn: true },
  { name: 'audit-log', path: '/admin/audit-log', signedIn: true },
  { name: 'account', path: '/account', signedIn: true },
] as const;

const themes = ['light', 'dark'] as const;
type Theme = (typeof themes)[number];
type StorageState = Exclude<BrowserContextOptions['storageState'], string | undefined>;
type Findings = { problems: string[]; overflows: string[]; untranslated: string[] };

/** The browser's storage with the theme chosen (key of apps/web/src/features/shell/theme.ts). */
function withTheme(base: StorageState, origin: string, theme: Theme): StorageState {
  const others = base.origins.filter((o) => o.origin !== origin);
  const mine = base.origins.find((o) => o.origin === origin)?.localStorage ?? [];
  return {
    cookies: base.cookies,
    origins: [
      ...others,
      {
        origin,
        localStorage: [
          ...mine.filter((item) => item.name !== 'itsm.theme'),
          { name: 'itsm.theme', value: theme },
        ],
      },
    ],
  };
}

describe.skipIf(browserSuitesSkipped())('screenshots of the main pages (browser)', () => {
  const app = useApp();
  let signedIn: StorageState;

  beforeAll(async () => {
    // One sign-in (through the API of a browser context), reused by every screenshot context.
    const context = await app.browser.newContext();
    const answer = await context.request.post(`${app.baseUrl}/api/v1/auth/login`, {
      data: { username: demo.admin.username, password: DEMO_PASSWORD },
    });
    expect(answer.status()).toBe(200);
    signedIn = await context.storageState();
    await context.close();
  });

  /**
   * Visits every page in one theme and screenshots it; notes console errors, a horizontal scroll
   * (wider than the screen) and texts left untranslated (an i18n key instead of words).
   */
  async function visitAll(device: string, options: BrowserContextOptions, theme: Theme, findings: Findings) {
    const width = options.viewport?.width ?? 0;
    for (const signed of [false, true]) {
      const storage = withTheme(signed ? signedIn : { cookies: [], origins: [] }, app.baseUrl, theme);
      const watched = await openWatchedPage(app.browser, {
        ...options,
        locale: 'fr-FR',
        colorScheme: theme,
        storageState: storage,
      });
      const { page, settled } = watched;
      try {
        for (const { name, path } of pages.filter((p) => p.signedIn === signed)) {
          const shot = `${name}-${device}-${theme}`;
          await page.goto(`${app.baseUrl}${path}`);
          expect(new URL(page.url()).pathname, `${shot}: not the page asked for`).toBe(path);
          await page.locator('h1').first().waitFor();
          await settled();
          expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(
            theme === 'dark',
          );
          const scrollWidth = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
          if (scrollWidth > width) findings.overflows.push(`${shot}: ${scrollWidth} px`);
          const keys = await untranslatedKeys(page);
          if (keys.length > 0) findings.untranslated.push(`${shot}: ${keys.join(', ')}`);
          await screenshot(page, shot);
        }
        findings.problems.push(...watched.problems);
      } finally {
        await watched.close();
      }
    }
  }

  it.each([
    ['desktop', desktop],
    ['phone', phone],
  ] as const)(
    'saves the sign-in page and the pages of an administrator on a %s, light and dark',
    async (device, options) => {
      const findings: Findings = { problems: [], overflows: [], untranslated: [] };
      // Both themes at once: two contexts of the same browser.
      await Promise.all(themes.map((theme) => visitAll(device, options, theme, findings)));
      expect(findings.overflows, 'pages wider than the screen').toEqual([]);
      expect(findings.untranslated, 'i18n keys shown instead of text').toEqual([]);
      expect(findings.problems).toEqual([]);
    },
  );
});
