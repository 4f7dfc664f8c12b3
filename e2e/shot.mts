import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const base = 'http://127.0.0.1:8766';
for (const [name, opts] of [['desktop', { viewport: { width: 1280, height: 800 } }], ['phone', { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true }]] as const) {
  const ctx = await browser.newContext({ ...opts, locale: 'fr-FR' });
  const page = await ctx.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
  await page.goto(`${base}/`);
  await page.waitForURL(/login/);
  await page.screenshot({ path: `/tmp/ui/login-${name}.png` });
  await page.getByLabel('Identifiant ou e-mail').fill('@claire.rousseau.demo');
  await page.getByLabel('Mot de passe').fill('demo-itsm-2026');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByText('Bonjour Claire').waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `/tmp/ui/home-${name}.png` });
  if (name === 'phone') {
    await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `/tmp/ui/menu-${name}.png` });
  } else {
    await page.getByRole('button', { name: 'Votre compte' }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/ui/profile-${name}.png` });
  }
  await ctx.close();
}
await browser.close();
