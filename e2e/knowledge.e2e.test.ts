import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demo } from './support/accounts.js';
import { ApiClient } from './support/api.js';
import { desktop, phone, screenshot, signIn, useApp } from './support/app.js';
import { browserSuitesSkipped } from './support/browser.js';
import { openWatchedPage, unexpectedProblems } from './support/page.js';

type Article = {
  id: number;
  title: string;
  summary: string;
  body: string;
  status: string;
  category: number | null;
  tags: string[];
  revision: number;
  view_count: number;
  helpful_count: number;
};

const TITLE = 'Configurer Thunderbird pour la messagerie';
const BODY = [
  '## Étapes',
  '',
  '1. Ouvrez **Thunderbird**.',
  '2. Saisissez votre adresse e-mail.',
  '3. Validez le mot de passe.',
  '',
  '> Le serveur est trouvé tout seul.',
].join('\n');
const ADDED_LINE = '4. Ajoutez votre signature dans les paramètres du compte.';

/** A technician of the structure of Hélène's tickets (who is not Marc's). */
const SOFIA = '@sofia.benali.demo';
/** A demo article of `itsm seed` (knowledge.seed.ts), readable by everyone. */
const PRINTER = 'Imprimante hors ligne';

type Ticket = { id: number; number: string; status: string; solution: string | null };
type TicketArticle = { article: number; title: string; kind: string };
type ArticleDetail = Article & { source_ticket: number | null; resolved_count: number };

/** Published articles with this exact title (the demo articles' ids differ from run to run). */
async function articleTitled(client: ApiClient, title: string): Promise<Article> {
  const page = await client.request<{ results: Article[] }>(
    'GET',
    `/kb/articles?search=${encodeURIComponent(title)}&status=published`,
  );
  const found = page.results.find((a) => a.title === title);
  if (!found) throw new Error(`no published article “${title}”`);
  return found;
}

/** Every attribute of the page that could run script: event handlers and javascript: URLs. */
function scriptableAttributes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        const value = attribute.value.replace(/\s/g, '').toLowerCase();
        if (attribute.name.startsWith('on') || value.includes('javascript:') || value.includes('onerror'))
          found.push(`<${element.tagName.toLowerCase()} ${attribute.name}="${attribute.value}">`);
      }
    }
    return found;
  });
}

// The knowledge base in the browser: an administrator writes and publishes an article, a user finds it
// and votes, the administrator edits it (over a concurrent save) and restores its first revision.
describe.skipIf(browserSuitesSkipped())('knowledge base (browser)', () => {
  const app = useApp();

  it('an administrator writes and publishes an article, a user finds it and finds it helpful, its history restores revision 1', async () => {
    const admin = await ApiClient.signIn(app.baseUrl, demo.admin.username);
    let articleId = 0;

    // 1. Claire creates a category, then the article in the editor, and publishes it.
    const writer = await openWatchedPage(app.browser, { ...desktop, locale: 'fr-FR' });
    try {
      const { page } = writer;
      await signIn(page, app.baseUrl, demo.admin.username);
      await page
        .getByRole('navigation', { name: 'Menu principal' })
        .getByRole('link', { name: 'Catégories d’articles' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Catégories d’articles' }).waitFor();
      await page.getByRole('button', { name: 'Nouvelle catégorie' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Nouvelle catégorie' });
      await dialog.getByRole('textbox', { name: 'Nom' }).fill('Messagerie');
      await dialog.getByRole('textbox', { name: 'Description' }).fill('Thunderbird, Outlook, webmail');
      await dialog.getByRole('button', { name: 'Créer' }).click();
      await page.getByText('Catégorie Messagerie créée.').waitFor();
      await page.getByRole('treegrid', { name: 'Catégories d’articles' }).getByText('Messagerie').waitFor();

      await page
        .getByRole('navigation', { name: 'Menu principal' })
        .getByRole('link', { name: 'Base de connaissances' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Base de connaissances' }).waitFor();
      await page.getByRole('link', { name: 'Nouvel article' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nouvel article' }).waitFor();
      await page.getByRole('textbox', { name: 'Titre', exact: true }).fill(TITLE);
      await page
        .getByRole('textbox', { name: 'Résumé' })
        .fill('Ajouter sa boîte aux lettres en trois étapes.');
      await page.getByRole('textbox', { name: 'Contenu' }).fill(BODY);
      // The live preview renders the Markdown as readers will see it (headings one level down).
      const preview = page.getByRole('region', { name: 'Aperçu' });
      await preview.getByRole('heading', { level: 3, name: 'Étapes' }).waitFor();
      expect(await preview.locator('strong').textContent()).toBe('Thunderbird');
      expect(await preview.locator('ol > li').count()).toBe(3);
      await page.getByRole('combobox', { name: 'Catégorie' }).selectOption({ label: 'Messagerie' });
      const tags = page.getByRole('textbox', { name: 'Mots-clés' });
      await tags.fill('Thunderbird, Courriel');
      await tags.press('Enter');
      await page.getByRole('list', { name: 'Mots-clés' }).getByText('courriel').waitFor();
      await writer.settled();
      // The title, the Markdown and its preview (the save bar follows the window: one screen, from the top).
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'kb-editor-preview-desktop-light', { fullPage: false });

      await page.getByRole('button', { name: 'Créer le brouillon' }).click();
      await page.waitForURL(/\/kb\/articles\/\d+$/);
      articleId = Number(new URL(page.url()).pathname.split('/').pop());
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await page.getByText('Brouillon', { exact: true }).first().waitFor();
      await page.getByRole('button', { name: 'Publier' }).click();
      await page.getByText('Article publié.').waitFor();
      await page.getByRole('button', { name: 'Dépublier' }).waitFor();
      await writer.settled();
      expect(writer.problems).toEqual([]);
    } finally {
      await writer.close();
    }
    const published = await admin.request<Article>('GET', `/kb/articles/${articleId}`);
    expect(published).toMatchObject({ status: 'published', body: BODY, tags: ['courriel', 'thunderbird'] });
    expect(published.category).not.toBeNull();

    // 2. Hélène searches a word of its title, opens it (a view counted) and finds it helpful.
    const reader = await openWatchedPage(app.browser, { ...phone, locale: 'fr-FR' });
    try {
      const { page } = reader;
      await signIn(page, app.baseUrl, demo.user.username);
      await page.goto(`${app.baseUrl}/kb`);
      await page.getByRole('heading', { level: 1, name: 'Base de connaissances' }).waitFor();
      await page.getByRole('searchbox', { name: 'Que cherchez-vous ?' }).fill('thunderbird');
      await page.waitForURL(/search=thunderbird/);
      const result = page.getByRole('link', { name: TITLE });
      await result.waitFor();
      await reader.settled();
      await screenshot(page, 'kb-search-user-phone');
      const viewed = page.waitForResponse(
        (r) => r.url().endsWith(`/api/v1/kb/articles/${articleId}/views`) && r.request().method() === 'POST',
      );
      await result.click();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      expect((await viewed).status()).toBe(204);
      // Readers get no workflow: no status, no edit.
      expect(await page.getByRole('link', { name: 'Modifier' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Oui' }).click();
      await page.getByText('Merci ! Votre vote aide les autres').waitFor();
      expect(await page.getByRole('button', { name: 'Oui' }).getAttribute('aria-pressed')).toBe('true');
      await reader.settled();
      await screenshot(page, 'kb-article-user-phone');
      expect(reader.problems).toEqual([]);
    } finally {
      await reader.close();
    }
    const voted = await admin.request<Article>('GET', `/kb/articles/${articleId}`);
    expect(voted.helpful_count).toBe(1);
    expect(voted.view_count).toBe(1);

    // 3. Claire edits it while someone else saves it: her text is kept and saved over theirs; the
    //    history shows the change, then revision 1 comes back.
    const editor = await openWatchedPage(app.browser, { ...desktop, locale: 'fr-FR' });
    try {
      const { page } = editor;
      await signIn(page, app.baseUrl, demo.admin.username);
      await page.goto(`${app.baseUrl}/kb/articles/${articleId}`);
      await page.getByRole('link', { name: 'Modifier' }).click();
      await page.getByRole('heading', { level: 1, name: 'Modifier l’article' }).waitFor();
      const title = page.getByRole('textbox', { name: 'Titre', exact: true });
      expect(await title.inputValue()).toBe(TITLE);
      await title.fill(`${TITLE} (avec signature)`);
      await page
        .getByRole('textbox', { name: 'Contenu' })
        .fill(`${BODY.replace('\n\n>', `\n${ADDED_LINE}\n\n>`)}`);
      await page.getByRole('textbox', { name: 'Note sur cette modification' }).fill('Étape de la signature');

      const current = await admin.request<Article>('GET', `/kb/articles/${articleId}`);
      await admin.request('PATCH', `/kb/articles/${articleId}`, {
        revision: current.revision,
        summary: 'Changé par quelqu’un d’autre',
      });
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      const conflict = page.getByRole('status').filter({ hasText: 'Quelqu’un a enregistré cet article' });
      await conflict.waitFor();
      expect(await conflict.textContent()).toContain('Claire Rousseau a enregistré la révision 3');
      // Nothing typed was lost.
      expect(await title.inputValue()).toBe(`${TITLE} (avec signature)`);
      await page.getByRole('button', { name: 'Enregistrer ma version par-dessus' }).click();
      await page.waitForURL(new RegExp(`/kb/articles/${articleId}$`));
      await page.getByRole('heading', { level: 1, name: `${TITLE} (avec signature)` }).waitFor();
      await page.getByText(ADDED_LINE.slice(3)).waitFor();

      await page.getByRole('link', { name: 'Historique' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Historique' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'De la révision 3 à la révision 4' }).waitFor();
      const added = page.locator('[data-kind="added"]');
      await added.first().waitFor();
      expect(await added.allTextContents()).toEqual([expect.stringContaining(ADDED_LINE)]);
      expect(await page.locator('[data-kind="removed"]').count()).toBe(0);
      await page.locator('ins', { hasText: '(avec signature)' }).waitFor();
      const revisions = page.getByRole('list', { name: 'Révisions' });
      await revisions.getByRole('listitem').filter({ hasText: 'Étape de la signature' }).waitFor();
      await editor.settled();
      await screenshot(page, 'kb-history-diff-desktop-light');

      await revisions
        .getByRole('listitem')
        .filter({ hasText: /^Révision 1(?!\d)/ })
        .getByRole('button', { name: 'Restaurer cette révision' })
        .click();
      const confirm = page.getByRole('alertdialog', { name: 'Restaurer la révision 1 ?' });
      await confirm.getByRole('button', { name: 'Restaurer' }).click();
      await page.getByText('Révision 1 restaurée en révision 5.').waitFor();
      await page.getByRole('heading', { level: 2, name: 'De la révision 4 à la révision 5' }).waitFor();
      await revisions.getByRole('listitem').filter({ hasText: 'Révision 1 restaurée' }).waitFor();
      await editor.settled();
      // The concurrent save answered 409, as it should.
      expect(unexpectedProblems(editor.problems, [409])).toEqual([]);
    } finally {
      await editor.close();
    }
    const restored = await admin.request<Article>('GET', `/kb/articles/${articleId}`);
    expect(restored).toMatchObject({ revision: 5, title: TITLE, body: BODY, status: 'published' });
  });

  it('shows HTML and javascript: links written in an article as text: no dialog, no handler, no javascript: URL', async () => {
    const admin = await ApiClient.signIn(app.baseUrl, demo.admin.username);
    const body = [
      'Avant <img src=x onerror=alert(1)> après.',
      '',
      '<img src=x onerror=alert(2)>',
      '',
      'Un [lien piégé](javascript:alert(3)) et un <a href="javascript:alert(4)">autre</a>.',
      '',
      '<script>alert(5)</script>',
    ].join('\n');
    const article = await admin.request<Article>('POST', '/kb/articles', {
      title: 'Article piégé',
      language: 'fr',
      body,
    });
    await admin.request('POST', `/kb/articles/${article.id}/transitions`, { action: 'publish' });

    for (const [account, path, device] of [
      [demo.user.username, `/kb/articles/${article.id}`, phone],
      [demo.admin.username, `/kb/articles/${article.id}/edit`, desktop],
    ] as const) {
      const watched = await openWatchedPage(app.browser, { ...device, locale: 'fr-FR' });
      const dialogs: string[] = [];
      watched.page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      try {
        const { page } = watched;
        await signIn(page, app.baseUrl, account);
        await page.goto(`${app.baseUrl}${path}`);
        // The article page and the editor's preview both show the raw HTML as typed.
        const shown = path.endsWith('/edit')
          ? page.getByRole('region', { name: 'Aperçu' })
          : page.locator('article');
        await shown.getByText('Avant <img src=x onerror=alert(1)> après.').waitFor();
        // The javascript: link keeps its text, not its address.
        await shown.getByText('lien piégé').waitFor();
        await watched.settled();
        await page.waitForTimeout(300);
        expect(dialogs).toEqual([]);
        expect(await scriptableAttributes(page)).toEqual([]);
        expect(await page.locator('script', { hasText: 'alert' }).count()).toBe(0);
        expect(await shown.locator('img').count()).toBe(0);
        expect(watched.problems).toEqual([]);
      } finally {
        await watched.close();
      }
    }
  });
  it('finds articles despite a typo: says what it searched instead, marks the words found, keeps the search in the URL', async () => {
    const admin = await ApiClient.signIn(app.baseUrl, demo.admin.username);
    const draft = await admin.request<Article>('POST', '/kb/articles', {
      title: 'Imprimante du 3e étage : procédure en préparation',
      language: 'fr',
      body: 'Pas encore publiée.',
    });

    const reader = await openWatchedPage(app.browser, { ...phone, locale: 'fr-FR' });
    try {
      const { page } = reader;
      await signIn(page, app.baseUrl, demo.user.username);
      await page.goto(`${app.baseUrl}/kb`);
      await page.getByRole('searchbox', { name: 'Que cherchez-vous ?' }).fill('imprimnate zzqxw');
      await page.waitForURL(/search=imprimnate\+zzqxw/);
      const notice = page.getByRole('status').filter({ hasText: 'Résultats pour' });
      await notice.waitFor();
      expect(await notice.textContent()).toContain('Résultats pour imprimante au lieu de « imprimnate ».');
      expect(await notice.textContent()).toContain(
        'Aucun article ne contient « zzqxw ». La recherche s’est faite sans ce mot.',
      );
      const results = page.getByRole('list', { name: 'Résultats de la recherche' });
      const printer = results
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: PRINTER }) });
      await printer.waitFor();
      // The word found, marked in the title and in the passage shown.
      expect(await printer.getByRole('heading').locator('mark').allTextContents()).toEqual(['Imprimante']);
      expect(await printer.locator('p mark').first().textContent()).toBe('imprimante');
      // Readers never see drafts.
      expect(await results.getByText('procédure en préparation').count()).toBe(0);
      await reader.settled();
      await screenshot(page, 'kb-search-typo-user-phone');

      // A shared or reloaded address gives the same search.
      await page.reload();
      await page.getByRole('status').filter({ hasText: 'Résultats pour' }).waitFor();
      await results.getByRole('link', { name: PRINTER }).waitFor();
      expect(reader.problems).toEqual([]);
    } finally {
      await reader.close();
    }

    // The staff choose another status: the draft is found, and the filter is in the address.
    const staff = await openWatchedPage(app.browser, { ...desktop, locale: 'fr-FR' });
    try {
      const { page } = staff;
      await signIn(page, app.baseUrl, demo.admin.username);
      await page.goto(`${app.baseUrl}/kb?search=imprimante`);
      const results = page.getByRole('list', { name: 'Résultats de la recherche' });
      await results.getByRole('link', { name: PRINTER }).waitFor();
      expect(await results.getByRole('link', { name: /procédure en préparation/ }).count()).toBe(0);
      await page.getByRole('combobox', { name: 'Statut' }).selectOption({ label: 'Brouillon' });
      await page.waitForURL(/status=draft/);
      await results.getByRole('link', { name: /procédure en préparation/ }).waitFor();
      expect(await results.getByRole('link', { name: PRINTER }).count()).toBe(0);
      await staff.settled();
      expect(staff.problems).toEqual([]);
    } finally {
      await staff.close();
    }
    await admin.request('DELETE', `/kb/articles/${draft.id}`);
  });

  it('suggests articles while a ticket’s title is typed; reading one then leaving counts one ticket spared, submitting does not', async () => {
    const db = new Database(join(app.server.dataDir, 'itsm.db'), { readonly: true });
    const deflections = () =>
      db.prepare('select article_id as article, query from kb_deflections order by id').all() as {
        article: number;
        query: string | null;
      }[];
    const admin = await ApiClient.signIn(app.baseUrl, demo.admin.username);
    const printer = await articleTitled(admin, PRINTER);

    /** Hélène types a title, reads the suggestion in the side sheet and comes back to her form. */
    const readSuggestion = async (page: Page) => {
      await page.goto(`${app.baseUrl}/tickets/new`);
      const title = page.getByRole('textbox', { name: 'Titre' });
      await title.fill('Imprimante hors');
      const panel = page.getByRole('region', { name: 'Ces articles peuvent vous aider' });
      await panel.getByRole('button', { name: new RegExp(PRINTER) }).click();
      const sheet = page.getByRole('dialog', { name: PRINTER });
      await sheet.getByText('redémarrez le spouleur').waitFor();
      await sheet.getByRole('button', { name: 'Revenir à mon ticket' }).click();
      await sheet.waitFor({ state: 'detached' });
      // Nothing typed was lost.
      expect(await title.inputValue()).toBe('Imprimante hors');
    };

    try {
      const before = deflections().length;
      // 1. Read, then gone elsewhere in the application: one ticket spared.
      const leaving = await openWatchedPage(app.browser, { ...desktop, locale: 'fr-FR' });
      try {
        const { page } = leaving;
        await signIn(page, app.baseUrl, demo.user.username);
        await readSuggestion(page);
        await leaving.settled();
        await screenshot(page, 'kb-ticket-suggestions-desktop');
        await page
          .getByRole('navigation', { name: 'Menu principal' })
          .getByRole('link', { name: 'Base de connaissances' })
          .click();
        await page.getByRole('heading', { level: 1, name: 'Base de connaissances' }).waitFor();
        await expect.poll(() => deflections().length).toBe(before + 1);
        expect(deflections().at(-1)).toEqual({ article: printer.id, query: 'Imprimante hors' });
        expect(leaving.problems).toEqual([]);
      } finally {
        await leaving.close();
      }

      // 2. Read, then the ticket submitted anyway: not spared.
      const submitting = await openWatchedPage(app.browser, { ...phone, locale: 'fr-FR' });
      try {
        const { page } = submitting;
        await signIn(page, app.baseUrl, demo.user.username);
        await readSuggestion(page);
        await page.getByRole('button', { name: 'Ouvrir le ticket' }).click();
        await page.waitForURL(/\/tickets\/\d+$/);
        await page.getByRole('heading', { level: 1, name: 'Imprimante hors' }).waitFor();
        await submitting.settled();
        expect(submitting.problems).toEqual([]);
      } finally {
        await submitting.close();
      }
      expect(deflections().length).toBe(before + 1);

      // 3. Read, then the tab closed: spared, sent as the page goes.
      const closing = await openWatchedPage(app.browser, { ...desktop, locale: 'fr-FR' });
      try {
        const { page } = closing;
        await signIn(page, app.baseUrl, demo.user.username);
        await readSuggestion(page);
        await closing.settled();
        await page.close({ runBeforeUnload: true });
        await expect.poll(() => deflections().length).toBe(before + 2);
      } finally {
        await closing.close();
      }
    } finally {
      db.close();
    }
  });

  it('a technician attaches articles to a ticket, resolves it with one, and writes an article from it; the requester sees the solution article', async () => {
    const admin = await ApiClient.signIn(app.baseUrl, demo.admin.username);
    const printer = await articleTitled(admin, PRINTER);
    const requester = await admin.userId(demo.user.username);
    const ticket = await admin.request<Ticket>('POST', '/tickets', {
      title: 'Imprimante du 2e étage bloquée',
      description: 'Plus rien ne sort depuis ce matin.',
      urgency: 3,
      requester,
    });

    const tech = await openWatchedPage(app.browser, { ...desktop, locale: 'fr-FR' });
    try {
      const { page } = tech;
      await signIn(page, app.baseUrl, SOFIA);
      await page.goto(`${app.baseUrl}/tickets/${ticket.id}`);
      const panel = page.getByRole('region', { name: 'Base de connaissances' });
      // Suggested from the ticket's title, although "2e étage bloquée" are in no article.
      await panel.getByRole('button', { name: `Lier « ${PRINTER} »` }).click();
      await page.getByText(`« ${PRINTER} » lié au ticket.`).waitFor();
      const linked = panel.getByRole('list', { name: 'Articles liés au ticket' });
      await linked.getByRole('listitem').filter({ hasText: PRINTER }).getByText('Voir aussi').waitFor();

      // Another one from the search box, then detached.
      await panel.getByRole('combobox', { name: 'Lier un article' }).fill('vpn');
      await page.getByRole('option', { name: /Le VPN se déconnecte/ }).click();
      await linked.getByRole('button', { name: 'Le VPN se déconnecte', exact: true }).waitFor();
      await panel.getByRole('button', { name: 'Actions pour « Le VPN se déconnecte »' }).click();
      await page.getByRole('menuitem', { name: 'Retirer du ticket' }).click();
      await page.getByText('« Le VPN se déconnecte » retiré du ticket.').waitFor();
      expect(await linked.getByRole('button', { name: 'Le VPN se déconnecte', exact: true }).count()).toBe(0);

      // Resolved with the printer article: its summary and link are the solution, to edit.
      await panel.getByRole('button', { name: `Actions pour « ${PRINTER} »` }).click();
      await page.getByRole('menuitem', { name: 'Résoudre avec cet article' }).click();
      const dialog = page.getByRole('dialog', { name: `Résoudre ${ticket.number} avec un article` });
      const solution = dialog.getByRole('textbox', { name: 'Solution' });
      expect(await solution.inputValue()).toContain(
        `Voir l’article [${PRINTER}](${app.baseUrl}/kb/articles/${printer.id})`,
      );
      await solution.fill(
        `Spouleur redémarré.\n\nVoir l’article [${PRINTER}](${app.baseUrl}/kb/articles/${printer.id})`,
      );
      await tech.settled();
      await screenshot(page, 'kb-ticket-resolve-with-article-desktop', { fullPage: false });
      await dialog.getByRole('button', { name: 'Résoudre le ticket' }).click();
      await page.getByText(`Ticket résolu avec « ${PRINTER} ».`).waitFor();
      // The solution shows on the ticket, and the article is marked as the one it was resolved with.
      await page.getByText('Spouleur redémarré.').waitFor();
      await linked
        .getByRole('listitem')
        .filter({ hasText: PRINTER })
        .getByText('Solution', { exact: true })
        .waitFor();
      await tech.settled();
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'kb-ticket-articles-technician-desktop');

      // An article written from the ticket: the editor starts from its problem and solution.
      await panel.getByRole('link', { name: 'Rédiger un article à partir de ce ticket' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nouvel article' }).waitFor();
      const title = page.getByRole('textbox', { name: 'Titre', exact: true });
      expect(await title.inputValue()).toBe('Imprimante du 2e étage bloquée');
      const body = await page.getByRole('textbox', { name: 'Contenu' }).inputValue();
      expect(body).toContain('Plus rien ne sort depuis ce matin.');
      expect(body).toContain('Spouleur redémarré.');
      await title.fill('Débloquer l’imprimante d’un étage');
      await page.getByRole('button', { name: 'Créer le brouillon' }).click();
      await page.waitForURL(/\/kb\/articles\/\d+$/);
      await page.getByRole('heading', { level: 1, name: 'Débloquer l’imprimante d’un étage' }).waitFor();
      const written = await admin.request<ArticleDetail>(
        'GET',
        `/kb/articles/${new URL(page.url()).pathname.split('/').pop()}`,
      );
      expect(written).toMatchObject({ status: 'draft', source_ticket: ticket.id });
      await tech.settled();
      expect(tech.problems).toEqual([]);
    } finally {
      await tech.close();
    }
    expect(await admin.request<TicketArticle[]>('GET', `/tickets/${ticket.id}/articles`)).toEqual([
      expect.objectContaining({ article: printer.id, kind: 'resolution' }),
    ]);
    expect(await admin.request<Ticket>('GET', `/tickets/${ticket.id}`)).toMatchObject({ status: 'resolved' });
    expect((await admin.request<ArticleDetail>('GET', `/kb/articles/${printer.id}`)).resolved_count).toBe(1);

    // Hélène sees the article her ticket was resolved with, and nothing to change.
    const reader = await openWatchedPage(app.browser, { ...phone, locale: 'fr-FR' });
    try {
      const { page } = reader;
      await signIn(page, app.baseUrl, demo.user.username);
      await page.goto(`${app.baseUrl}/tickets/${ticket.id}`);
      const panel = page.getByRole('region', { name: 'Articles utiles' });
      await panel
        .getByRole('listitem')
        .filter({ hasText: PRINTER })
        .getByText('Solution', { exact: true })
        .waitFor();
      expect(await panel.getByRole('combobox').count()).toBe(0);
      expect(await panel.getByRole('button', { name: /^Actions pour/ }).count()).toBe(0);
      await panel.getByRole('button', { name: PRINTER, exact: true }).click();
      await page.getByRole('dialog', { name: PRINTER }).getByText('redémarrez le spouleur').waitFor();
      await reader.settled();
      expect(reader.problems).toEqual([]);
    } finally {
      await reader.close();
    }
  });

  it('lists FAQ candidates and drafts an article from a group in one click', async () => {
    const admin = await ApiClient.signIn(app.baseUrl, demo.admin.username);
    const watched = await openWatchedPage(app.browser, { ...desktop, locale: 'fr-FR' });
    try {
      const { page } = watched;
      await signIn(page, app.baseUrl, demo.admin.username);
      await page.goto(`${app.baseUrl}/kb`);
      await page.getByRole('link', { name: 'Candidats à la FAQ' }).click();
      await page.getByRole('heading', { level: 1, name: 'Candidats à la FAQ' }).waitFor();
      const groups = page.getByRole('list', { name: 'Groupes de tickets semblables' });
      const group = groups.getByRole('article').first();
      await group.waitFor();
      const title = (await group.getByRole('heading').textContent()) ?? '';
      // Its tickets link to them, and the words they share are shown as written.
      const tickets = group.getByRole('list', { name: 'Tickets du groupe' }).getByRole('link');
      expect(await tickets.count()).toBeGreaterThanOrEqual(3);
      const words = await group.getByRole('list', { name: 'Mots communs à leurs titres' }).allInnerTexts();
      expect(words.join(' ').length).toBeGreaterThan(0);
      await watched.settled();
      await screenshot(page, 'kb-faq-candidates-desktop');

      await group.getByRole('button', { name: `Rédiger un article : ${title}` }).click();
      await page.waitForURL(/\/kb\/articles\/\d+\/edit$/);
      await page.getByText(`Brouillon « ${title} » créé`).waitFor();
      await page.getByRole('heading', { level: 1, name: 'Modifier l’article' }).waitFor();
      expect(await page.getByRole('textbox', { name: 'Titre', exact: true }).inputValue()).toBe(title);
      const id = new URL(page.url()).pathname.split('/')[3];
      const drafted = await admin.request<ArticleDetail>('GET', `/kb/articles/${id}`);
      expect(drafted).toMatchObject({ title, status: 'draft' });
      expect(drafted.body).toContain('## Solution');
      expect(drafted.source_ticket).not.toBeNull();

      // Back on the page, the group says a draft is being written: not written up twice.
      await page.goBack();
      const again = groups.getByRole('article').filter({ has: page.getByRole('heading', { name: title }) });
      await again.getByText('Un brouillon de ce titre est déjà en cours').waitFor();
      await again.getByRole('button', { name: `En rédiger un autre : ${title}` }).waitFor();
      await watched.settled();
      expect(watched.problems).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
