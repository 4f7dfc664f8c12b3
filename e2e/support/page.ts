import type { Browser, BrowserContextOptions, Page, Request } from 'playwright-core';

export type WatchedPage = {
  page: Page;
  /** Console errors, uncaught exceptions and CSP violations seen so far. */
  problems: string[];
  /** Resolves once no API request is in flight and no spinner shows (the page has its data). */
  settled: (timeoutMs?: number) => Promise<void>;
  close: () => Promise<void>;
};

/** How Chromium reports a 4xx/5xx answer in the console (expected in some tests: wrong password, expiry). */
export const failedResource = (status: number) =>
  `console.error: Failed to load resource: the server responded with a status of ${status}`;

/** The problems other than the console lines of answers with these statuses. */
export function unexpectedProblems(problems: string[], expectedStatuses: number[]): string[] {
  return problems.filter((p) => !expectedStatuses.some((status) => p.startsWith(failedResource(status))));
}

/**
 * Visible elements whose whole text, and placeholders and labels, look like an i18n key
 * (`users.form.title`): what i18next shows for a key missing from the catalogue.
 */
export function untranslatedKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const key = /^[a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9_]+)+$/;
    const found = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // The whole text of the element: an e-mail broken by <wbr> ("jane.doe" <wbr> "@acme.com") is no key.
      const element = node.parentElement;
      const text = element?.textContent?.trim() ?? '';
      if (key.test(text) && element?.checkVisibility()) found.add(text);
    }
    for (const element of document.body.querySelectorAll('[placeholder], [aria-label], [title]')) {
      for (const name of ['placeholder', 'aria-label', 'title']) {
        const value = element.getAttribute(name)?.trim() ?? '';
        if (key.test(value)) found.add(`${name}="${value}"`);
      }
    }
    return [...found];
  });
}

/** Opens a page in a fresh context and records everything that should never happen on it. */
export async function openWatchedPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<WatchedPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.exposeFunction('__reportCspViolation', (text: string) => problems.push(`CSP: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void })
        .__reportCspViolation;
      report(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });

  const inFlight = new Set<Request>();
  // The live notification stream stays open as long as the page: it never "finishes".
  const LONG_LIVED = new Set(['/api/v1/notifications/stream']);
  const isApi = (request: Request) => {
    const path = new URL(request.url()).pathname;
    return path.startsWith('/api/') && !LONG_LIVED.has(path);
  };
  let apiRequests = 0;
  page.on('request', (request) => {
    if (!isApi(request)) return;
    inFlight.add(request);
    apiRequests++;
  });
  page.on('requestfinished', (request) => inFlight.delete(request));
  page.on('requestfailed', (request) => inFlight.delete(request));

  const settled = async (timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    const requestsBefore = apiRequests;
    let quietSince = 0;
    let spinning = 0;
    let requests = 0;
    // Quiet for 150 ms: a query that starts another one (a list, then its filters) has had its turn.
    while (Date.now() - quietSince < 150 || quietSince === 0) {
      if (Date.now() > deadline) {
        const last = [...inFlight].map((r) => r.url()).join(', ') || 'none right now';
        throw new Error(
          `the page did not settle within ${timeoutMs} ms: ${requests} API requests meanwhile, ${spinning} spinner(s); in flight: ${last}`,
        );
      }
      spinning = await page.locator('.animate-spin').count();
      requests = apiRequests - requestsBefore;
      if (inFlight.size > 0 || spinning > 0) quietSince = 0;
      else if (quietSince === 0) quietSince = Date.now();
      await page.waitForTimeout(25);
    }
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
  };

  return { page, problems, settled, close: () => context.close() };
}
