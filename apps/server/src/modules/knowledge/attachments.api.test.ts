import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/types.js';
import {
  type ApiClient,
  adminOf,
  apiClient,
  apiTestApp,
  auditOf,
  created,
  expectProblem,
} from '../../test/api-client.js';
import type { AuthHeaders, Factories } from '../../test/factories.js';
import { multipart, PNG } from '../../test/multipart.js';
import type { TestApp } from '../../test/test-app.js';

type Attachment = {
  id: number;
  article: number;
  file_name: string;
  content_type: string;
  size_bytes: number;
  is_image: boolean;
  url: string;
  uploader: number | null;
};

const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.cookie)</script></svg>\n',
);
const HTML = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>\n');

type Who = 'admin' | 'tech' | 'techB' | 'user' | 'userB';

describe('knowledge base: attachments and images', () => {
  let t: TestApp;
  let db: Kysely<DB>;
  let f: Factories;
  let api: ApiClient;
  const tokens = {} as Record<Who, AuthHeaders>;
  const as = {} as Record<Who, ApiClient>;
  /** One article of each audience, all published but `draft`. */
  const a = {} as Record<'everyone' | 'staff' | 'paris' | 'draft', number>;
  let attachmentsDir: string;

  const upload = (who: Who | null, articleId: number, body: ReturnType<typeof multipart>) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/kb/articles/${articleId}/attachments`,
      headers: { ...(who ? tokens[who] : {}), ...body.headers },
      payload: body.payload,
    });
  const png = (name = 'capture.png') => multipart({ name, content: PNG, type: 'image/png' });
  const download = (who: Who | null, id: number) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/kb/attachments/${id}/download`,
      headers: who ? tokens[who] : {},
    });
  const storedFiles = () =>
    existsSync(attachmentsDir)
      ? readdirSync(attachmentsDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length
      : 0;
  const rows = async () => (await db.selectFrom('kb_attachments').select('id').execute()).length;

  beforeAll(async () => {
    ({ t, f, db } = await apiTestApp({ env: { ITSM_UPLOAD_MAX_MB: '1' } }));
    attachmentsDir = join(t.config.dataDir, 'attachments');
    const group = (await f.structure({ name: 'Groupe' })).id;
    const paris = (await f.structure({ name: 'Paris', parent: group })).id;
    const bruxelles = (await f.structure({ name: 'Bruxelles' })).id;
    const admin = await adminOf(t.app, group);
    api = admin.api;
    tokens.admin = admin.headers;
    tokens.tech = await f.token(await f.user({ role: 'technician', structure: paris }));
    tokens.techB = await f.token(await f.user({ role: 'technician', structure: bruxelles }));
    tokens.user = await f.token(await f.user({ structure: paris }));
    tokens.userB = await f.token(await f.user({ structure: bruxelles }));
    for (const who of Object.keys(tokens) as Who[]) as[who] = apiClient(t.app, tokens[who]);

    const write = async (title: string, body: Record<string, unknown>, publish = true) => {
      const { id } = await created<{ id: number }>(api, '/kb/articles', {
        title,
        language: 'fr',
        body: 'Texte',
        ...body,
      });
      if (publish)
        expect((await api('POST', `/kb/articles/${id}/transitions`, { action: 'publish' })).statusCode).toBe(
          200,
        );
      return id;
    };
    a.everyone = await write('Imprimante : vider la file', {});
    a.staff = await write('Procédure interne', { visibility: 'staff' });
    a.paris = await write('Wi-Fi du siège de Paris', { visibility: 'structures', structures: [paris] });
    a.draft = await write('Brouillon', {}, false);
  });
  afterAll(() => t?.close());

  it('stores an image under a random name, lists it, serves it inline to readers and renders it in the body', async () => {
    const res = await upload('tech', a.everyone, png('écran d’erreur.png'));
    expect(res.statusCode, res.body).toBe(201);
    const file: Attachment = res.json();
    expect(file).toMatchObject({
      article: a.everyone,
      file_name: 'écran d’erreur.png',
      content_type: 'image/png',
      size_bytes: PNG.length,
      is_image: true,
      url: `/api/v1/kb/attachments/${file.id}/download`,
    });
    const row = await db
      .selectFrom('kb_attachments')
      .selectAll()
      .where('id', '=', file.id)
      .executeTakeFirstOrThrow();
    expect(row.storage_key).toMatch(/^[a-f0-9]{40}$/);
    expect(existsSync(join(attachmentsDir, row.storage_key.slice(0, 2), row.storage_key))).toBe(true);

    const got = await download('user', file.id);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PNG)).toBe(true);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['content-disposition']).toMatch(/^inline; filename=/);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-security-policy']).toBe("default-src 'none'; sandbox");

    expect((await as.user('GET', `/kb/articles/${a.everyone}/attachments`)).json()).toEqual([
      expect.objectContaining({ id: file.id, is_image: true }),
    ]);
    const detail = (await as.tech('GET', `/kb/articles/${a.everyone}`)).json();
    expect(detail.attachments).toEqual([expect.objectContaining({ id: file.id, url: file.url })]);

    // The Markdown the editor inserts renders as an image; a remote one does not.
    const edited = await as.tech('PATCH', `/kb/articles/${a.everyone}`, {
      revision: detail.revision,
      body: `Voici l’écran :\n\n![écran](${file.url})\n\n![pixel](https://tracker.example/p.gif)`,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().body_html).toContain(`<img alt="écran" src="${file.url}" />`);
    expect(edited.json().body_html).not.toContain('tracker.example');

    expect((await auditOf(api, 'article', a.everyone)).map((e) => e.action)).toContain(
      'article.attachment_added',
    );
  });

  it('serves SVG and HTML only as downloads, as text, never sniffed or run', async () => {
    for (const [name, content] of [
      ['schéma.svg', SVG],
      ['page.html', HTML],
    ] as const) {
      const res = await upload('tech', a.everyone, multipart({ name, content, type: 'image/svg+xml' }));
      expect(res.statusCode, res.body).toBe(201);
      const file: Attachment = res.json();
      expect(file).toMatchObject({ content_type: 'text/plain', is_image: false });
      const got = await download('user', file.id);
      expect(got.statusCode).toBe(200);
      expect(got.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(got.headers['content-disposition']).toMatch(/^attachment; filename=/);
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(got.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    }
  });

  it('refuses oversized, empty, unknown and mislabelled uploads, naming the field, with nothing stored', async () => {
    const before = { files: storedFiles(), rows: await rows() };
    const big = Buffer.concat([PNG, Buffer.alloc(1024 * 1024 + 10, 1)]);
    expectProblem(
      await upload('tech', a.everyone, multipart({ name: 'big.png', content: big })),
      413,
      'PAYLOAD_TOO_LARGE',
      ['file'],
    );
    expectProblem(
      await upload('tech', a.everyone, multipart({ name: 'vide.png', content: Buffer.alloc(0) })),
      400,
      'VALIDATION_FAILED',
      ['file'],
    );
    const exe = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0]), Buffer.alloc(200)]);
    expectProblem(
      await upload('tech', a.everyone, multipart({ name: 'photo.png', content: exe, type: 'image/png' })),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      ['file'],
    );
    expectProblem(await upload('tech', a.everyone, multipart(null)), 400, 'VALIDATION_FAILED', ['file']);
    expectProblem(
      await upload('tech', a.everyone, multipart({ name: 'a.png', content: PNG }, { comment: '1' })),
      400,
      'VALIDATION_FAILED',
      ['comment'],
    );
    expectProblem(
      await upload('tech', a.everyone, multipart({ name: 'a.png', content: PNG, field: 'image' })),
      400,
      'VALIDATION_FAILED',
      ['image'],
    );
    expectProblem(
      await as.tech('POST', `/kb/articles/${a.everyone}/attachments`, { file: 'x' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expect({ files: storedFiles(), rows: await rows() }).toEqual(before);
  });

  it('permission matrix: staff who see the article attach and remove; readers download; the others get 404', async () => {
    // Upload: 201 for the staff who see the article, 403 for a reader, 404 out of sight, 401 signed out.
    const expected: Array<[Who | null, keyof typeof a, number]> = [
      ['admin', 'staff', 201],
      ['tech', 'staff', 201],
      ['tech', 'paris', 201],
      ['tech', 'draft', 201],
      ['techB', 'paris', 404],
      ['techB', 'everyone', 201],
      ['user', 'everyone', 403],
      ['user', 'paris', 403],
      ['user', 'staff', 404],
      ['user', 'draft', 404],
      ['userB', 'paris', 404],
      [null, 'everyone', 401],
    ];
    const before = { files: storedFiles(), rows: await rows() };
    let added = 0;
    for (const [who, article, status] of expected) {
      const res = await upload(who, a[article], png());
      expect(res.statusCode, `${who} → ${article}: ${res.body}`).toBe(status);
      if (status === 201) added += 1;
      else expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect({ files: storedFiles(), rows: await rows() }).toEqual({
      files: before.files + added,
      rows: before.rows + added,
    });

    const fileOf = async (article: keyof typeof a) =>
      (await as.admin('GET', `/kb/articles/${a[article]}/attachments`)).json()[0].id as number;
    const files = {
      everyone: await fileOf('everyone'),
      staff: await fileOf('staff'),
      paris: await fileOf('paris'),
      draft: await fileOf('draft'),
    };

    // Download and list: whoever reads the article; a requester never gets a staff-only article's image.
    const reads: Array<[Who | null, keyof typeof a, number]> = [
      ['user', 'everyone', 200],
      ['user', 'paris', 200],
      ['user', 'staff', 404],
      ['user', 'draft', 404],
      ['userB', 'paris', 404],
      ['techB', 'paris', 404],
      ['techB', 'staff', 200],
      ['tech', 'draft', 200],
      ['admin', 'paris', 200],
      [null, 'everyone', 401],
    ];
    for (const [who, article, status] of reads) {
      const got = await download(who, files[article]);
      expect(got.statusCode, `${who} ↓ ${article}`).toBe(status);
      if (status === 404) expectProblem(got, 404, 'ATTACHMENT_NOT_FOUND');
      const list = await t.app.inject({
        method: 'GET',
        url: `/api/v1/kb/articles/${a[article]}/attachments`,
        headers: who ? tokens[who] : {},
      });
      expect(list.statusCode, `${who} lists ${article}`).toBe(status);
    }

    // Delete: staff who see it; a reader is refused, out of sight is 404.
    expectProblem(await as.user('DELETE', `/kb/attachments/${files.everyone}`), 403, 'FORBIDDEN');
    expectProblem(await as.user('DELETE', `/kb/attachments/${files.staff}`), 404, 'ATTACHMENT_NOT_FOUND');
    expectProblem(await as.techB('DELETE', `/kb/attachments/${files.paris}`), 404, 'ATTACHMENT_NOT_FOUND');
    const key = (
      await db
        .selectFrom('kb_attachments')
        .select('storage_key')
        .where('id', '=', files.paris)
        .executeTakeFirstOrThrow()
    ).storage_key;
    expect((await as.tech('DELETE', `/kb/attachments/${files.paris}`)).statusCode).toBe(204);
    expect(existsSync(join(attachmentsDir, key.slice(0, 2), key))).toBe(false);
    expectProblem(await download('tech', files.paris), 404, 'ATTACHMENT_NOT_FOUND');
    const removed = (await auditOf(api, 'article', a.paris)).find(
      (e) => e.action === 'article.attachment_removed',
    );
    expect(removed?.changes?.attachment).toEqual({
      before: { id: files.paris, file_name: 'capture.png' },
      after: null,
    });
  });

  it('deleting an article deletes its files', async () => {
    const { id } = await created<{ id: number }>(api, '/kb/articles', { title: 'Éphémère', language: 'fr' });
    const file: Attachment = (await upload('admin', id, png())).json();
    const key = (
      await db
        .selectFrom('kb_attachments')
        .select('storage_key')
        .where('id', '=', file.id)
        .executeTakeFirstOrThrow()
    ).storage_key;
    expect((await api('DELETE', `/kb/articles/${id}`)).statusCode).toBe(204);
    expect(await db.selectFrom('kb_attachments').select('id').where('id', '=', file.id).execute()).toEqual(
      [],
    );
    expect(existsSync(join(attachmentsDir, key.slice(0, 2), key))).toBe(false);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/kb/articles/{id}/attachments',
        '/api/v1/kb/attachments/{id}/download',
        '/api/v1/kb/attachments/{id}',
        '/api/v1/settings/knowledge',
        '/api/v1/public/kb/articles',
        '/api/v1/public/kb/articles/{id}',
        '/api/v1/public/kb/attachments/{id}/download',
      ]),
    );
    expect(document.paths['/api/v1/kb/articles/{id}/attachments'].post.responses['201']).toBeDefined();
  });
});
