import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../test/api-client.js';
import { multipart, PNG } from '../../test/multipart.js';
import { type HelpDesk, helpDesk } from './test-desk.js';

describe('ticket attachments', () => {
  let d: HelpDesk;
  let ticket: number;
  let attachmentsDir: string;

  beforeAll(async () => {
    d = await helpDesk({ env: { ITSM_UPLOAD_MAX_MB: '1' } });
    attachmentsDir = join(d.t.config.dataDir, 'attachments');
    ticket = (await d.as.requester('POST', '/tickets', { title: 'Écran noir', category: d.category })).json()
      .id;
  });
  afterAll(() => d.t.close());

  const upload = (token: Record<string, string>, id: number, body: ReturnType<typeof multipart>) =>
    d.t.app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${id}/attachments`,
      headers: { ...token, ...body.headers },
      payload: body.payload,
    });
  const storedFiles = () =>
    readdirSync(attachmentsDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  const rows = async () => (await d.db.selectFrom('ticket_attachments').select('id').execute()).length;

  it('stores an image under a random name, previews it inline, downloads it as an attachment', async () => {
    const res = await upload(
      d.tokens.requester,
      ticket,
      multipart({ name: 'photo écran.png', content: PNG, type: 'text/html' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({
      ticket,
      file_name: 'photo écran.png',
      content_type: 'image/png',
      is_image: true,
      size_bytes: PNG.length,
    });
    const row = await d.db
      .selectFrom('ticket_attachments')
      .selectAll()
      .where('id', '=', file.id)
      .executeTakeFirstOrThrow();
    expect(row.storage_key).toMatch(/^[a-f0-9]{40}$/);

    const download = await d.t.app.inject({
      method: 'GET',
      url: `/api/v1/attachments/${file.id}/download`,
      headers: d.tokens.tech,
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PNG)).toBe(true);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toMatch(
      /^attachment; filename=.*filename\*=UTF-8''photo%20%C3%A9cran\.png$/,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    const inline = await d.t.app.inject({
      method: 'GET',
      url: `/api/v1/attachments/${file.id}/download?inline=true`,
      headers: d.tokens.requester,
    });
    expect(inline.headers['content-disposition']).toMatch(/^inline;/);
    expect((await d.as.requester('GET', `/tickets/${ticket}/attachments`)).json()).toHaveLength(1);
  });

  it('refuses abuse with nothing stored: oversized, forbidden type, empty, no file, another structure’s ticket', async () => {
    const before = { files: storedFiles(), rows: await rows() };
    const big = Buffer.concat([PNG, Buffer.alloc(1024 * 1024 + 10, 1)]);
    expectProblem(
      await upload(d.tokens.requester, ticket, multipart({ name: 'big.png', content: big })),
      413,
      'PAYLOAD_TOO_LARGE',
      ['file'],
    );
    const exe = Buffer.concat([
      Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]),
      Buffer.alloc(200),
    ]);
    expectProblem(
      await upload(
        d.tokens.requester,
        ticket,
        multipart({ name: 'facture.pdf', content: exe, type: 'application/pdf' }),
      ),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      ['file'],
    );
    expectProblem(
      await upload(d.tokens.requester, ticket, multipart({ name: 'vide.txt', content: Buffer.alloc(0) })),
      400,
      'VALIDATION_FAILED',
      ['file'],
    );
    expectProblem(
      await upload(d.tokens.requester, ticket, multipart(null, { comment: '1' })),
      400,
      'VALIDATION_FAILED',
      ['file'],
    );
    expectProblem(
      await upload(d.tokens.outsider, ticket, multipart({ name: 'a.png', content: PNG })),
      404,
      'TICKET_NOT_FOUND',
    );
    expectProblem(
      await upload(d.tokens.stranger, ticket, multipart({ name: 'a.png', content: PNG })),
      404,
      'TICKET_NOT_FOUND',
    );
    const json = await d.as.requester('POST', `/tickets/${ticket}/attachments`, { file: 'x' });
    expectProblem(json, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect({ files: storedFiles(), rows: await rows() }).toEqual(before);
  });

  it('keeps a "../" name as a plain name, never as a path', async () => {
    const res = await upload(
      d.tokens.requester,
      ticket,
      multipart({ name: '../../../etc/cron.d/evil.txt', content: Buffer.from('hello\n') }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ file_name: 'evil.txt', content_type: 'text/plain' });
    expect(readdirSync(d.t.config.dataDir)).not.toContain('etc');
  });

  it('files of internal notes stay hidden from the requester; other structures cannot download', async () => {
    const note = (
      await d.as.tech('POST', `/tickets/${ticket}/comments`, { body: 'Journal', is_internal: true })
    ).json();
    const res = await upload(
      d.tokens.tech,
      ticket,
      multipart({ name: 'journal.txt', content: Buffer.from('secret log\n') }, { comment: String(note.id) }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json();
    expect(
      (await d.as.requester('GET', `/tickets/${ticket}/attachments`)).json().map((a: { id: number }) => a.id),
    ).not.toContain(file.id);
    expectProblem(
      await d.as.requester('GET', `/attachments/${file.id}/download`),
      404,
      'ATTACHMENT_NOT_FOUND',
    );
    expectProblem(
      await d.as.outsider('GET', `/attachments/${file.id}/download`),
      404,
      'ATTACHMENT_NOT_FOUND',
    );
    // The requester may not attach to someone else's comment.
    expectProblem(
      await upload(
        d.tokens.requester,
        ticket,
        multipart({ name: 'x.txt', content: Buffer.from('x\n') }, { comment: String(note.id) }),
      ),
      400,
      'VALIDATION_FAILED',
      ['comment'],
    );
  });
});
