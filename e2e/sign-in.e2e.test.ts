import { describe, expect, it } from 'vitest';
import { demo, totp } from './support/accounts.js';
import { ApiClient } from './support/api.js';
import { desktop, pathOf, screenshot, signIn, submitLogin, useApp } from './support/app.js';
import { browserSuitesSkipped } from './support/browser.js';
import { openWatchedPage, unexpectedProblems } from './support/page.js';

describe.skipIf(browserSuitesSkipped())('sign-in (browser)', () => {
  const app = useApp();

  it('redirects to /login, signs in with the right password and lands on the home dashboard, without console errors or CSP violations', async () => {
    const { page, problems, settled, close } = await openWatchedPage(app.browser, {
      ...desktop,
      locale: 'fr-FR',
    });
    try {
      const response = await page.goto(`${app.baseUrl}/`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');

      await submitLogin(page, demo.admin.username);
      await page.getByRole('heading', { level: 1, name: 'Bonjour Claire' }).waitFor();
      expect(pathOf(page)).toBe('/');
      await settled();
      // The administrator's dashboard shows the counts of the seeded data.
      expect(await page.getByRole('link', { name: /^\d+ ?Utilisateurs$/ }).isVisible()).toBe(true);
      expect(
        await page
          .getByRole('navigation', { name: 'Menu principal' })
          .getByText('Administration')
          .isVisible(),
      ).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows the translated message for a wrong password and stays on /login', async () => {
    const { page, problems, close } = await openWatchedPage(app.browser, { ...desktop, locale: 'fr-FR' });
    try {
      await page.goto(`${app.baseUrl}/login`);
      await submitLogin(page, demo.admin.username, 'not-the-password');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toBe('Identifiant ou mot de passe incorrect.');
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(await page.locator('input[autocomplete="username"]').inputValue()).toBe(demo.admin.username);
      await screenshot(page, 'login-wrong-password-desktop-light');
      expect(unexpectedProblems(problems, [401])).toEqual([]);
    } finally {
      await close();
    }
  });

  it('asks a user with MFA for the authentication code, and the right code signs in', async () => {
    const account = await ApiClient.signIn(app.baseUrl, demo.mfaTechnician.username);
    const secret = await account.enrolMfa();

    const { page, problems, close } = await openWatchedPage(app.browser, { ...desktop, locale: 'fr-FR' });
    try {
      await page.goto(`${app.baseUrl}/login`);
      await submitLogin(page, demo.mfaTechnician.username);
      await page.getByRole('heading', { level: 1, name: 'Double authentification' }).waitFor();
      const code = page.locator('input[autocomplete="one-time-code"]');
      expect(await code.isVisible()).toBe(true);

      await code.fill('000000');
      await page.locator('form button[type="submit"]').click();
      await page.getByRole('alert').filter({ hasText: 'Code incorrect ou expiré.' }).waitFor();

      // The enrolment used the current step, which cannot be replayed: the next one is accepted too.
      await code.fill(await totp(secret, 30));
      await page.locator('form button[type="submit"]').click();
      await page.getByRole('heading', { level: 1, name: 'Bonjour Julien' }).waitFor();
      expect(pathOf(page)).toBe('/');
      expect(unexpectedProblems(problems, [401])).toEqual([]);
    } finally {
      await close();
    }
  });

  it('sends back to /login with the "session expired" message when the session ends server-side, and signing in again returns to the page', async () => {
    const admin = await ApiClient.signIn(app.baseUrl, demo.admin.username);
    const { page, problems, settled, close } = await openWatchedPage(app.browser, {
      ...desktop,
      locale: 'fr-FR',
    });
    try {
      await signIn(page, app.baseUrl, demo.admin.username);
      await page.getByRole('heading', { level: 1, name: 'Bonjour Claire' }).waitFor();
      await settled();

      // An administrator ends all of Claire's sessions (the API token is not a session)…
      await admin.request('DELETE', `/users/${await admin.userId(demo.admin.username)}/sessions`);

      // …and the next page that asks the server finds the session gone.
      await page
        .getByRole('navigation', { name: 'Menu principal' })
        .getByRole('link', { name: 'Groupes' })
        .click();
      await page.getByText('Votre session a expiré. Reconnectez-vous.').waitFor();
      const url = new URL(page.url());
      expect(url.pathname).toBe('/login');
      expect(url.searchParams.get('expired')).toBe('true');
      expect(url.searchParams.get('redirect')).toBe('/admin/groups');
      await screenshot(page, 'login-session-expired-desktop-light');

      await submitLogin(page, demo.admin.username);
      await page.getByRole('heading', { level: 1, name: 'Groupes' }).waitFor();
      expect(pathOf(page)).toBe('/admin/groups');
      await settled();

      // The same on a full reload: the tab remembers it was signed in, so it says the session expired.
      await admin.request('DELETE', `/users/${await admin.userId(demo.admin.username)}/sessions`);
      await page.reload();
      await page.getByText('Votre session a expiré. Reconnectez-vous.').waitFor();
      expect(new URL(page.url()).searchParams.get('redirect')).toBe('/admin/groups');
      expect(unexpectedProblems(problems, [401])).toEqual([]);
    } finally {
      await close();
    }
  });
});
