import type { Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDatabase, type Database } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { inTransaction } from '../../db/transaction.js';
import type { DB } from '../../db/types.js';
import { linksIn, recipientsOf, type SmtpSink, startSmtpSink } from '../../test/smtp-sink.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { renderMail } from './layout.js';
import { createMailer, type Mailer, type MailMessage, retryDelayMs } from './mailer.js';

const MINUTE = 60_000;
const T0 = new Date('2026-11-24T10:00:00.000Z');

function fakeLog() {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
}

/** A port where nothing listens: a sink is opened there, then closed. */
async function closedPort(): Promise<number> {
  const sink = await startSmtpSink();
  await sink.close();
  return sink.port;
}

describe('retry delays', () => {
  it('start at 1 min and double up to 1 h', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => retryDelayMs(n) / MINUTE)).toEqual([
      1, 2, 4, 8, 16, 32, 60, 60, 60,
    ]);
  });
});

describe('mailer (outbox)', () => {
  let testDb: TestDatabase;
  let database: Database;
  let db: Kysely<DB>;
  let sink: SmtpSink;
  let current: Date;
  const now = () => new Date(current);
  const openMailers: Mailer[] = [];
  const extraSinks: SmtpSink[] = [];

  function mailer(options: { smtpUrl: string | null; log?: ReturnType<typeof fakeLog>; db?: Kysely<DB> }) {
    const m = createMailer({
      db: options.db ?? db,
      smtpUrl: options.smtpUrl,
      from: 'ITSM <itsm@example.org>',
      log: options.log ?? fakeLog(),
      now,
    });
    openMailers.push(m);
    return m;
  }

  const message = (n = 1): MailMessage => {
    const { text, html } = renderMail({
      greeting: 'Bonjour Hélène,',
      paragraphs: [`Votre demande n°${n} « imprimante réseau » a été résolue.`],
      action: { label: 'Voir la demande', url: `https://itsm.example.org/tickets/${n}` },
      footer: 'ITSM — message automatique, ne pas répondre.',
    });
    return { to: 'helene.dupre@example.org', subject: `Demande n°${n} résolue — éàçüœ`, text, html };
  };

  const rows = () => db.selectFrom('mail_outbox').selectAll().orderBy('id').execute();

  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = createDatabase(testDb.url);
    db = database.db;
    await migrateToLatest(database);
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.close();
    await database?.destroy();
    await testDb?.drop();
  });
  beforeEach(async () => {
    current = new Date(T0);
    sink.messages.length = 0;
    await db.deleteFrom('mail_outbox').execute();
  });
  afterEach(async () => {
    for (const m of openMailers.splice(0)) m.close();
    await Promise.all(extraSinks.splice(0).map((s) => s.close()));
  });

  it('never sends a message enqueued in a transaction that rolls back', async () => {
    const m = mailer({ smtpUrl: sink.url });
    await expect(
      db.transaction().execute(async (trx) => {
        await m.enqueue(trx, message());
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');

    expect(await m.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await rows()).toEqual([]);
    expect(sink.messages).toEqual([]);
  });

  it('delivers a committed message to the SMTP server intact, accents included', async () => {
    const m = mailer({ smtpUrl: sink.url });
    const sent = message(7);
    const id = await inTransaction(db, async (trx, afterCommit) => {
      const mailId = await m.enqueue(trx, sent);
      afterCommit(async () => {
        expect(await m.deliverDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
      });
      return mailId;
    });

    const mail = await sink.waitFor((x) => x.subject === sent.subject);
    expect(recipientsOf(mail)).toEqual(['helene.dupre@example.org']);
    expect(mail.from?.value).toEqual([{ name: 'ITSM', address: 'itsm@example.org' }]);
    expect(mail.subject).toBe('Demande n°7 résolue — éàçüœ');
    expect(mail.text?.trim()).toBe(sent.text.trim());
    expect(mail.text).toContain('Votre demande n°7 « imprimante réseau » a été résolue.');
    expect(mail.html).toContain('Votre demande n°7 « imprimante réseau » a été résolue.');
    expect(String(mail.html).trim()).toBe(sent.html?.trim());
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(linksIn(mail)).toEqual(['https://itsm.example.org/tickets/7']);

    const [row] = await rows();
    expect(row).toMatchObject({
      id,
      status: 'sent',
      attempts: 1,
      sent_at: T0.toISOString(),
      locked_until: null,
      last_error: null,
    });
    expect(await m.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(sink.messages).toHaveLength(1);
  });

  it('keeps a message pending while SMTP is down and delivers it exactly once when it is back', async () => {
    const port = await closedPort();
    const log = fakeLog();
    // A password in the URL, to check that it never reaches the log or the database.
    const m = mailer({ smtpUrl: `smtp://itsm:s3cr%40t-pw@127.0.0.1:${port}`, log });
    const id = await m.enqueue(db, message());

    expect(await m.deliverDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    const [failed] = await rows();
    expect(failed).toMatchObject({
      id,
      status: 'pending',
      attempts: 1,
      next_attempt_at: new Date(T0.getTime() + MINUTE).toISOString(),
      locked_until: null,
      sent_at: null,
    });
    expect(failed?.last_error).toMatch(/ECONNREFUSED/);
    expect(log.warn).toHaveBeenCalledWith(
      expect.objectContaining({ mailId: id, attempts: 1 }),
      expect.any(String),
    );

    // Not due yet: nothing is tried.
    current = new Date(T0.getTime() + 30_000);
    expect(await m.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });

    const revived = await startSmtpSink({ port });
    extraSinks.push(revived);
    current = new Date(T0.getTime() + MINUTE);
    expect(await m.deliverDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await rows()).toMatchObject([{ id, status: 'sent', attempts: 2, sent_at: current.toISOString() }]);
    current = new Date(T0.getTime() + 10 * MINUTE);
    expect(await m.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(revived.messages.map((x) => x.subject)).toEqual([message().subject]);

    const everything = JSON.stringify([
      await rows(),
      log.info.mock.calls,
      log.warn.mock.calls,
      log.error.mock.calls,
    ]);
    expect(everything).not.toContain('s3cr');
  });

  it('stops a batch at the first connection error and leaves the rest untouched', async () => {
    const m = mailer({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}` });
    for (const n of [1, 2, 3]) await m.enqueue(db, message(n));

    expect(await m.deliverDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect((await rows()).map((r) => [r.attempts, r.locked_until])).toEqual([
      [1, null],
      [0, null],
      [0, null],
    ]);
  });

  it('backs off 1, 2, 4 … minutes and gives up after 72 h with an error log', async () => {
    const log = fakeLog();
    const m = mailer({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, log });
    const id = await m.enqueue(db, message());

    await m.deliverDue();
    current = new Date(T0.getTime() + MINUTE);
    await m.deliverDue();
    const [second] = await rows();
    expect(second).toMatchObject({
      attempts: 2,
      next_attempt_at: new Date(T0.getTime() + 3 * MINUTE).toISOString(),
    });

    current = new Date(T0.getTime() + 72 * 60 * MINUTE);
    expect(await m.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 1 });
    const [given] = await rows();
    expect(given).toMatchObject({ id, status: 'failed', attempts: 3, locked_until: null });
    expect(log.error).toHaveBeenCalledWith(
      expect.objectContaining({ mailId: id, attempts: 3 }),
      expect.any(String),
    );

    current = new Date(T0.getTime() + 100 * 60 * MINUTE);
    expect(await m.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it('sends each message once when two nodes deliver at the same time', async () => {
    // A second connection (SQLite) or pool (PostgreSQL) on the same database plays the other node.
    const other = createDatabase(testDb.url);
    try {
      const a = mailer({ smtpUrl: sink.url });
      const b = mailer({ smtpUrl: sink.url, db: other.db });
      const count = 12;
      for (let n = 1; n <= count; n++) await a.enqueue(db, message(n));

      const drain = async (m: Mailer) => {
        let sent = 0;
        for (;;) {
          const report = await m.deliverDue(2);
          if (report.sent === 0) return sent;
          sent += report.sent;
        }
      };
      const once = async (m: Mailer) => (await m.deliverDue()).sent;
      const counts = await Promise.all([drain(a), drain(b), once(a), once(b)]);

      expect(counts.reduce((x, y) => x + y)).toBe(count);
      expect(sink.messages).toHaveLength(count);
      expect(new Set(sink.messages.map((x) => x.subject)).size).toBe(count);
      expect((await rows()).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    } finally {
      await other.destroy();
    }
  });

  it('writes each message to the log and marks it logged when no SMTP server is configured', async () => {
    const log = fakeLog();
    const m = mailer({ smtpUrl: null, log });
    const sent = message(3);
    const id = await m.enqueue(db, sent);

    expect(await m.deliverDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(log.info).toHaveBeenCalledWith(
      { mailId: id, to: sent.to, subject: sent.subject, text: sent.text },
      expect.stringContaining('development mode'),
    );
    expect(await rows()).toMatchObject([
      { id, status: 'logged', sent_at: T0.toISOString(), locked_until: null },
    ]);
    expect(await m.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it('refuses a malformed recipient and keeps the subject on one line', async () => {
    const m = mailer({ smtpUrl: null });
    await expect(m.enqueue(db, { ...message(), to: 'a@b.org\r\nBcc: x@evil.org' })).rejects.toThrow(
      'recipient',
    );
    await expect(m.enqueue(db, { ...message(), to: 'not-an-address' })).rejects.toThrow('recipient');
    await m.enqueue(db, { ...message(), subject: 'Ligne 1\r\nBcc: x@evil.org' });
    expect(await rows()).toMatchObject([
      { subject: 'Ligne 1 Bcc: x@evil.org', html_body: expect.any(String) },
    ]);
  });
});
