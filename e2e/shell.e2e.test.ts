import { describe, expect, it } from 'vitest';
import { demo } from './support/accounts.js';
import { ApiClient } from './support/api.js';
import { desktop, pathOf, phone, screenshot, signIn, useApp } from './support/app.js';
import { browserSuitesSkipped } from './support/browser.js';
import { openWatchedPage } from './support/page.js';

describe.skipIf(browserSuitesSkipped())('shell, roles and user administration (browser)', () => {
  const app = useApp();

  it('hides the Administration section from a technician, and /admin/users shows the 403 page', async () => {
    const { page, problems, close } = await openWatchedPage(app.browser, { ...desktop, locale: 'fr-FR' });
    try {
      await signIn(page, app.baseUrl, demo.technician.username);
      await page.getByRole('heading', { level: 1, name: 'Bonjour Marc' }).waitFor();
      const nav = page.getByRole('navigation', { name: 'Menu principal' });
      expect(await nav.getByRole('link').allTextContents()).toEqual([
        'Accueil',
        'Tickets',
        'Machines',
        'Base de connaissances',
        'Réponses types',
        'Satisfaction',
      ]);
      expect(await nav.getByText('Administration').count()).toBe(0);

      await page.goto(`${app.baseUrl}/admin/users`);
      await page
        .getByRole('heading', { level: 1, name: 'Cette page est réservée aux administrateurs.' })
        .waitFor();
      expect(await page.getByText('403', { exact: true }).isVisible()).toBe(true);
      expect(await page.getByRole('link', { name: 'Retour à l’accueil' }).isVisible()).toBe(true);
      await screenshot(page, 'forbidden-desktop-light');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('switches to English, saves it in the profile, keeps it after a reload, and back to French', async () => {
    const { page, problems, settled, close } = await openWatchedPage(app.browser, {
      ...desktop,
      locale: 'fr-FR',
    });
    try {
      await signIn(page, app.baseUrl, demo.user.username);
      await page.getByRole('heading', { level: 1, name: 'Bonjour Hélène' }).waitFor();
      const nav = page.getByRole('navigation', { name: /Menu principal|Main menu/ });
      expect(await nav.getByRole('link', { name: 'Accueil' }).isVisible()).toBe(true);
      expect(await page.getAttribute('html', 'lang')).toBe('fr');

      const saved = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH',
      );
      await page.locator('header button[lang="en"]').click();
      await page.getByRole('heading', { level: 1, name: 'Hello Hélène' }).waitFor();
      expect((await saved).status()).toBe(200);
      expect(await nav.getByRole('link', { name: 'Home' }).isVisible()).toBe(true);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.locator('header button[lang="en"]').getAttribute('aria-pressed')).toBe('true');
      await settled();

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Hello Hélène' }).waitFor();
      expect(await nav.getByRole('link', { name: 'Home' }).isVisible()).toBe(true);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      const me = await (await ApiClient.signIn(app.baseUrl, demo.user.username)).request<{ locale: string }>(
        'GET',
        '/auth/me',
      );
      expect(me.locale).toBe('en');

      await page.locator('header button[lang="fr"]').click();
      await page.getByRole('heading', { level: 1, name: 'Bonjour Hélène' }).waitFor();
      expect(await nav.getByRole('link', { name: 'Accueil' }).isVisible()).toBe(true);
      await settled();
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('on a 375 px phone, the menu button opens the navigation drawer; a link navigates and closes it', async () => {
    const { page, problems, settled, close } = await openWatchedPage(app.browser, {
      ...phone,
      locale: 'fr-FR',
    });
    try {
      await signIn(page, app.baseUrl, demo.admin.username);
      await page.getByRole('heading', { level: 1, name: 'Bonjour Claire' }).waitFor();
      // The sidebar is hidden on phones; only the drawer holds the navigation.
      expect(await page.getByRole('navigation', { name: 'Menu principal' }).count()).toBe(0);
      await settled();
      expect(await page.evaluate(() => document.scrollingElement?.scrollWidth)).toBeLessThanOrEqual(375);

      await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
      const drawer = page.getByRole('dialog', { name: 'Menu principal' });
      await drawer.waitFor();
      const nav = drawer.getByRole('navigation', { name: 'Menu principal' });
      expect(await nav.getByRole('link').allTextContents()).toEqual([
        'Accueil',
        'Tickets',
        'Machines',
        'Base de connaissances',
        'Catégories',
        'SLA',
        'Calendriers ouvrés',
        'Règles d’orientation',
        'Paramètres',
        'Réponses types',
        'Satisfaction',
        'Utilisateurs',
        'Structures',
        'Groupes',
        'Sites',
        'Clés d’enrôlement',
        'Catégories d’articles',
        'Journal des connexions',
        'Journal d’audit',
        'Documentation de l’API',
      ]);
      await screenshot(page, 'drawer-phone-light', { fullPage: false });

      await nav.getByRole('link', { name: 'Structures' }).click();
      await page.waitForURL((url) => url.pathname === '/admin/structures');
      await drawer.waitFor({ state: 'detached' });
      expect(pathOf(page)).toBe('/admin/structures');
      expect(await page.getByRole('dialog').count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('serves the app on unknown deep links (its 404 page) but a problem+json 404 on unknown API routes', async () => {
    const { page, problems, close } = await openWatchedPage(app.browser, { ...desktop, locale: 'fr-FR' });
    try {
      const response = await page.goto(`${app.baseUrl}/some/deep/link`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-type']).toContain('text/html');
      await page.getByRole('heading', { level: 1, name: 'Cette page n’existe pas.' }).waitFor();
      expect(await page.getByText('404', { exact: true }).isVisible()).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }

    for (const accept of ['application/json', 'text/html,application/xhtml+xml,*/*;q=0.8']) {
      const api = await fetch(`${app.baseUrl}/api/v1/nope`, { headers: { accept } });
      expect(api.status, `Accept: ${accept}`).toBe(404);
      expect(api.headers.get('content-type'), `Accept: ${accept}`).toMatch(/^application\/problem\+json/);
      expect(((await api.json()) as { status?: number }).status).toBe(404);
    }
  });

  it('creates a user as administrator from /admin/users: the dialog, a suggested username, the new row', async () => {
    const { page, problems, settled, close } = await openWatchedPage(app.browser, {
      ...desktop,
      locale: 'fr-FR',
    });
    try {
      await signIn(page, app.baseUrl, demo.admin.username);
      await page
        .getByRole('navigation', { name: 'Menu principal' })
        .getByRole('link', { name: 'Utilisateurs' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Utilisateurs' }).waitFor();
      await settled();

      await page.getByRole('button', { name: 'Nouvel utilisateur' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nouvel utilisateur' });
      await dialog.waitFor();
      const textbox = (name: string) => dialog.getByRole('textbox', { name, exact: true });
      await textbox('Prénom').fill('Ada');
      await textbox('Nom').fill('Lovelace');
      await textbox('E-mail').fill('ada.lovelace@demo.example');
      await dialog.getByRole('combobox', { name: 'Rôle', exact: true }).selectOption({ label: 'Technicien' });
      const structure = dialog.getByRole('combobox', { name: 'Structure', exact: true });
      const siege = await structure.locator('option', { hasText: 'Siège' }).getAttribute('value');
      await structure.selectOption(siege);
      // The username is suggested from the names and the structure's organisation.
      const username = textbox('Identifiant');
      await page.waitForFunction(
        (input) => (input as HTMLInputElement | null)?.value.startsWith('@ada.lovelace.'),
        await username.elementHandle(),
      );
      const suggested = await username.inputValue();
      await dialog.getByLabel('Mot de passe initial', { exact: true }).fill('Analytical-Engine-1843');
      await textbox('Prénom').scrollIntoViewIfNeeded();
      await screenshot(page, 'user-create-desktop-light', { fullPage: false });

      await dialog.getByRole('button', { name: 'Créer l’utilisateur' }).click();
      await page.getByText(`Compte ${suggested} créé.`).waitFor();
      await dialog.waitFor({ state: 'detached' });
      const row = page.getByRole('row').filter({ hasText: 'Ada Lovelace' });
      await row.waitFor();
      expect(await row.textContent()).toContain('ada.lovelace@demo.example');

      const admin = await ApiClient.signIn(app.baseUrl, demo.admin.username);
      const created = await admin.request<{
        results: { username: string; email: string; role: string; structure: number | null }[];
      }>('GET', '/users?search=lovelace');
      expect(created.results).toEqual([
        expect.objectContaining({
          username: suggested,
          email: 'ada.lovelace@demo.example',
          role: 'technician',
          structure: Number(siege),
        }),
      ]);
      await settled();
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
