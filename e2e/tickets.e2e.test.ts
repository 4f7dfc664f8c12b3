import { describe, expect, it } from 'vitest';
import { demo } from './support/accounts.js';
import { ApiClient } from './support/api.js';
import { desktop, phone, screenshot, signIn, useApp } from './support/app.js';
import { browserSuitesSkipped } from './support/browser.js';
import { openWatchedPage } from './support/page.js';

type Ticket = {
  id: number;
  number: string;
  status: string;
  assignee: number | null;
  assignee_name: string | null;
  group: number | null;
};

// The spec's ticket flow in the browser, as three people: the user opens a ticket → the rules assign
// it → the technician resolves it → the user validates → the survey is answered.
describe.skipIf(browserSuitesSkipped())('ticket flow (browser)', () => {
  const app = useApp();

  it('user opens, it is assigned automatically, the technician resolves, the user validates and rates', async () => {
    const admin = await ApiClient.signIn(app.baseUrl, demo.admin.username);

    // 1. Hélène opens a ticket in the "Imprimante" category, on her phone.
    const user = await openWatchedPage(app.browser, { ...phone, locale: 'fr-FR' });
    let ticket: Ticket;
    try {
      await signIn(user.page, app.baseUrl, demo.user.username);
      await user.page.goto(`${app.baseUrl}/tickets/new`);
      await user.page.getByRole('heading', { level: 1, name: 'Nouveau ticket' }).waitFor();
      const category = user.page.getByRole('combobox', { name: 'Catégorie' });
      const printer = await category.locator('option', { hasText: 'Imprimante' }).getAttribute('value');
      await category.selectOption(printer ?? '');
      await user.page
        .getByRole('textbox', { name: /^Titre/ })
        .fill('Imprimante du 3e qui imprime des pages blanches');
      await user.page.getByRole('button', { name: 'Ouvrir le ticket' }).click();
      await user.page.waitForURL(/\/tickets\/\d+$/);
      const id = Number(new URL(user.page.url()).pathname.split('/').pop());
      ticket = await admin.request<Ticket>('GET', `/tickets/${id}`);
      await user.page.getByRole('heading', { level: 1, name: /pages blanches/ }).waitFor();
      await user.settled();
      await screenshot(user.page, 'ticket-opened-user-phone');
      expect(user.problems).toEqual([]);
    } finally {
      await user.close();
    }

    // 2. The rules picked a group and its least-loaded member.
    expect(ticket.status).toBe('assigned');
    expect(ticket.assignee).not.toBeNull();
    const assignee = await admin.request<{ username: string; first_name: string }>(
      'GET',
      `/users/${ticket.assignee}`,
    );

    // 3. The assignee finds it in "My open tickets" and resolves it.
    const tech = await openWatchedPage(app.browser, { ...desktop, locale: 'fr-FR' });
    try {
      await signIn(tech.page, app.baseUrl, assignee.username);
      await tech.page.goto(`${app.baseUrl}/tickets?view=my_open`);
      await tech.page.getByRole('link', { name: /pages blanches/ }).click();
      await tech.page.waitForURL(new RegExp(`/tickets/${ticket.id}$`));
      await tech.page.getByRole('button', { name: 'Résoudre…' }).click();
      const dialog = tech.page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: /Solution/ }).fill('Tête d’impression nettoyée, test OK.');
      await dialog.getByRole('button', { name: 'Résoudre' }).click();
      await dialog.waitFor({ state: 'detached' });
      await tech.page.getByText('Tête d’impression nettoyée').first().waitFor();
      await tech.settled();
      await screenshot(tech.page, 'ticket-resolved-technician-desktop');
      expect(tech.problems).toEqual([]);
    } finally {
      await tech.close();
    }
    expect((await admin.request<Ticket>('GET', `/tickets/${ticket.id}`)).status).toBe('resolved');

    // 4. Hélène validates the solution and rates the support.
    const back = await openWatchedPage(app.browser, { ...desktop, locale: 'fr-FR' });
    try {
      await signIn(back.page, app.baseUrl, demo.user.username);
      await back.page.goto(`${app.baseUrl}/tickets/${ticket.id}`);
      await back.page.getByRole('heading', { name: 'Votre ticket a été résolu' }).waitFor();
      await back.page.getByRole('button', { name: 'Oui, clore le ticket' }).click();
      await back.page.getByRole('heading', { name: 'Comment s’est passée la prise en charge ?' }).waitFor();
      await back.page.getByRole('radio', { name: '5 — Très satisfait' }).check({ force: true });
      await back.page.getByRole('textbox', { name: /commentaire/ }).fill('Rapide et efficace, merci !');
      await back.page.getByRole('button', { name: 'Envoyer' }).click();
      await back.page.getByText('Merci pour votre réponse !').waitFor();
      await back.settled();
      await screenshot(back.page, 'ticket-survey-answered-user-desktop');
      expect(back.problems).toEqual([]);
    } finally {
      await back.close();
    }

    const closed = await admin.request<Ticket>('GET', `/tickets/${ticket.id}`);
    expect(closed.status).toBe('closed');
    const survey = await admin.request<{ rating: number; comment: string }>(
      'GET',
      `/tickets/${ticket.id}/survey`,
    );
    expect(survey).toMatchObject({ rating: 5, comment: 'Rapide et efficace, merci !' });

    // 5. The administrator reads the satisfaction of the group that handled it.
    const results = await openWatchedPage(app.browser, { ...desktop, locale: 'fr-FR' });
    try {
      await signIn(results.page, app.baseUrl, demo.admin.username);
      await results.page.goto(`${app.baseUrl}/satisfaction?by=group`);
      await results.page.getByRole('heading', { level: 1, name: 'Satisfaction' }).waitFor();
      const group = await admin.request<{ name: string }>('GET', `/groups/${ticket.group}`);
      const row = results.page.getByRole('row', { name: new RegExp(group.name) });
      await row.waitFor();
      expect(await row.getByRole('cell').nth(1).textContent()).toContain('5,0');
      await results.settled();
      await screenshot(results.page, 'satisfaction-desktop-light');
      expect(results.problems).toEqual([]);
    } finally {
      await results.close();
    }
  });
});
