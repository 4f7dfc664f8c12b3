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
});
