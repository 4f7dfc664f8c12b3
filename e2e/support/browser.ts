import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

/**
 * Decides whether the browser suites can run. Without Chromium they are skipped with a loud
 * banner, except under ITSM_REQUIRE_ALL=1 (CI), where nothing may be skipped.
 */
export function browserSuitesSkipped(): boolean {
  if (hasChromium) return false;
  const reason = `${chromiumPath} does not exist (install it with: apt-get install -y chromium)`;
  if (process.env.ITSM_REQUIRE_ALL === '1') {
    throw new Error(`ITSM_REQUIRE_ALL=1 but the browser tests cannot run: ${reason}`);
  }
  const bar = '!'.repeat(100);
  console.warn(`\n${bar}\n!! SKIPPED: browser (e2e) tests, because ${reason}.\n${bar}\n`);
  return true;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
