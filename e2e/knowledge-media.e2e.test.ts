import { deflateSync } from 'node:zlib';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demo } from './support/accounts.js';
import { ApiClient } from './support/api.js';
import { desktop, phone, screenshot, signIn, useApp } from './support/app.js';
import { browserSuitesSkipped } from './support/browser.js';
import { openWatchedPage } from './support/page.js';

const TITLE = 'Se connecter au VPN depuis chez soi';
const BODY = '## Étapes\n\n1. Ouvrez FortiClient.\n2. Saisissez votre identifiant.\n';

/** A w×h RGB PNG (a gradient), made here so that the test needs no fixture file. */
function png(w: number, h: number, tint: number): Buffer {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (data: Buffer) => {
    let c = 0xffffffff;
    for (const byte of data) c = (table[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header[8] = 8;
  header[9] = 2;
  const rows = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const at = y * (w * 3 + 1) + 1 + x * 3;
      rows[at] = tint;
      rows[at + 1] = Math.round((x * 200) / w);
      rows[at + 2] = Math.round((y * 200) / h);
    }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The image has loaded (the browser got the bytes and decoded them), not just its tag. */
async function loaded(image: Locator): Promise<boolean> {
  await image.waitFor();
  return image.evaluate(async (element) => {
    const img = element as HTMLImageElement;
    if (!img.complete) await new Promise((resolve) => img.addEventListener('load', resolve, { once: true }));
    return img.naturalWidth > 0;
  });
}

/** Pastes an image into the focused element, as a screenshot tool's "copy" then Ctrl+V would. */
async function pasteImage(page: Page, target: Locator, name: string, bytes: Buffer): Promise<void> {
  await target.focus();
  await target.evaluate(
    (element, { name, data }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name, { type: 'image/png' }));
      element.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
    },
    { name, data: [...bytes] },
  );
  await page.waitForTimeout(50);
}

// Images in the knowledge base, and the public help center: an administrator opens it, writes an
// article with an image (inserted before the draft existed, then pasted), publishes it for everyone
// and public; somebody not signed in finds and reads it, image included.
describe.skipIf(browserSuitesSkipped())('knowledge base images and public help center (browser)', () => {
  const app = useApp();

  it('an image uploaded in the editor shows on the article page and, signed out, in the public help center', async () => {
    const admin = await ApiClient.signIn(app.baseUrl, demo.admin.username);
    let articleId = 0;

    const writer = await openWatchedPage(app.browser, { ...desktop, locale: 'fr-FR' });
    try {
      const { page } = writer;
      await signIn(page, app.baseUrl, demo.admin.username);

      // 1. Claire opens the public help center from the knowledge categories page.
      await page.goto(`${app.baseUrl}/admin/kb-categories`);
      await page.getByRole('heading', { level: 2, name: 'Réglages' }).waitFor();
      const toggle = page.getByRole('checkbox', { name: /Base de connaissances publique/ });
      expect(await toggle.isChecked()).toBe(false);
      await page.getByText('Base de connaissances publique', { exact: true }).click();
      await page.getByText('La base de connaissances publique est ouverte.').waitFor();
      expect(await toggle.isChecked()).toBe(true);

      // 2. A new article: inserting an image saves the draft first, then the editor shows it.
      await page.goto(`${app.baseUrl}/kb/articles/new`);
      await page.getByRole('textbox', { name: 'Titre', exact: true }).fill(TITLE);
      const body = page.getByRole('textbox', { name: 'Contenu' });
      await body.fill(BODY);
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Insérer une image' }).click();
      await (await chooser).setFiles({
        name: 'fenêtre vpn.png',
        mimeType: 'image/png',
        buffer: png(480, 240, 40),
      });
      await page.waitForURL(/\/kb\/articles\/\d+\/edit$/);
      articleId = Number(new URL(page.url()).pathname.split('/').at(-2));
      const preview = page.getByRole('region', { name: 'Aperçu' });
      expect(await loaded(preview.locator('img').first())).toBe(true);
      expect(await body.inputValue()).toMatch(
        /!\[fenêtre vpn\]\(\/api\/v1\/kb\/attachments\/\d+\/download\)$/,
      );
      await page.getByRole('region', { name: 'Fichiers et images' }).getByText('fenêtre vpn.png').waitFor();

      // A pasted screenshot goes where the caret is.
      await body.evaluate((element) => {
        const textarea = element as HTMLTextAreaElement;
        const at = textarea.value.indexOf('2. Saisissez');
        textarea.setSelectionRange(at, at);
      });
      await pasteImage(page, body, 'capture.png', png(320, 160, 200));
      await expect
        .poll(() => body.inputValue())
        .toMatch(
          /1\. Ouvrez FortiClient\.\n\n!\[capture\]\(\/api\/v1\/kb\/attachments\/\d+\/download\)\n\n2\. Saisissez/,
        );
      await expect.poll(() => preview.locator('img').count()).toBe(2);
      await page.getByText('Article public', { exact: true }).click();
      await writer.settled();
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'kb-editor-images-desktop-light', { fullPage: false });

      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await page.waitForURL(new RegExp(`/kb/articles/${articleId}$`));
      await page.getByRole('button', { name: 'Publier' }).click();
      await page.getByText('Article publié.').waitFor();

      // 3. The article page shows both images from the API, and lists the files.
      const article = page.getByRole('article', { name: TITLE });
      const images = article.locator('img');
      await expect.poll(() => images.count()).toBe(2);
      for (const image of await images.all()) {
        expect(await image.getAttribute('src')).toMatch(/^\/api\/v1\/kb\/attachments\/\d+\/download$/);
        expect(await loaded(image)).toBe(true);
      }
      const files = page.getByRole('region', { name: 'Pièces jointes' });
      await files.getByText('fenêtre vpn.png').waitFor();
      await files.getByText('capture.png').waitFor();
      await writer.settled();
      await screenshot(page, 'kb-article-images-desktop-light');
      expect(writer.problems).toEqual([]);
    } finally {
      await writer.close();
    }
    const saved = await admin.request<{ status: string; is_public: boolean; attachments: unknown[] }>(
      'GET',
      `/kb/articles/${articleId}`,
    );
    expect(saved).toMatchObject({ status: 'published', is_public: true });
    expect(saved.attachments).toHaveLength(2);

    // 4. Signed out: the help center lists it, searches it, and shows it with its images.
    const visitor = await openWatchedPage(app.browser, { ...phone, locale: 'fr-FR' });
    try {
      const { page } = visitor;
      await page.goto(`${app.baseUrl}/public/kb`);
      await page.getByRole('heading', { level: 1, name: 'Centre d’aide' }).waitFor();
      // Not sent to the sign-in page.
      expect(new URL(page.url()).pathname).toBe('/public/kb');
      await page.getByRole('searchbox', { name: 'Rechercher dans le centre d’aide' }).fill('forticlient');
      await page.waitForURL(/q=forticlient/);
      await page.getByRole('link', { name: TITLE }).click();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      const images = page.getByRole('article', { name: TITLE }).locator('img');
      await expect.poll(() => images.count()).toBe(2);
      for (const image of await images.all()) {
        expect(await image.getAttribute('src')).toMatch(
          /^\/api\/v1\/public\/kb\/attachments\/\d+\/download$/,
        );
        expect(await loaded(image)).toBe(true);
      }
      const signInLink = page.getByRole('link', { name: 'Se connecter' });
      expect(await signInLink.getAttribute('href')).toBe(
        `/login?redirect=${encodeURIComponent(`/kb/articles/${articleId}`)}`,
      );
      await visitor.settled();
      await screenshot(page, 'kb-public-article-phone');
      expect(visitor.problems).toEqual([]);
    } finally {
      await visitor.close();
    }

    // 5. Closed again: the public pages say so, and the files are no longer served.
    await admin.request('PUT', '/settings/knowledge', { public_enabled: false });
    const closed = await fetch(`${app.baseUrl}/api/v1/public/kb/articles/${articleId}`);
    expect(closed.status).toBe(404);
  });
});
