import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { createTransport } from 'nodemailer';
import type { DB } from '../../db/types.js';
import type { Clock } from '../clock.js';
import { createMailRepository, type OutboxMessage } from './mail.repository.js';

export type MailMessage = { to: string; subject: string; text: string; html?: string };
export type DeliveryReport = { sent: number; retried: number; failed: number };
export type MailLog = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

export type Mailer = {
  /** Writes the message to the outbox with `executor`: pass your transaction, nothing is sent before it commits. */
  enqueue(executor: Kysely<DB>, message: MailMessage): Promise<number>;
  /** Sends (or, without SMTP, logs) the messages that are due; run by a job, safe on several nodes at once. */
  deliverDue(limit?: number): Promise<DeliveryReport>;
  close(): void;
};

type Deps = {
  db: Kysely<DB>;
  /** smtp:// or smtps:// URL; null in development: messages are written to the log instead. */
  smtpUrl: string | null;
  from: string;
  log: MailLog;
  now: Clock;
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Longer than the worst send of a batch (see SMTP_TIMEOUTS and the deadline in deliverDue). */
const LOCK_MS = 5 * MINUTE;
/** Stop starting sends this long before the claim expires, so that no other node can claim them meanwhile. */
const LOCK_MARGIN_MS = 2 * MINUTE;
const FIRST_RETRY_MS = MINUTE;
const MAX_RETRY_MS = HOUR;
/** A message that cannot be delivered within this time after being queued is given up (like an MTA queue lifetime). */
const GIVE_UP_AFTER_MS = 72 * HOUR;
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };
const MAX_ERROR_LENGTH = 1000;
const MAX_SUBJECT_LENGTH = 300;
const MAX_ADDRESS_LENGTH = 254;
/** Errors about this message only; any other error (connection, TLS, auth) would fail the rest of the batch too. */
const MESSAGE_ERRORS = new Set(['EENVELOPE', 'EMESSAGE']);

/** 1 min, 2, 4, 8 … capped at 1 h: the delay before attempt `attempts + 1`. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

/** The outbox mailer: enqueue inside the caller's transaction, deliver later from a job. */
export function createMailer({ db, smtpUrl, from, log, now }: Deps): Mailer {
  const repo = createMailRepository(db);
  const transport = smtpUrl
    ? createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS, disableFileAccess: true, disableUrlAccess: true })
    : null;
  const redact = secretRedactor(smtpUrl);

  /** Sends one message; the caller records the outcome. Without SMTP, writes it to the log. */
  async function send(message: OutboxMessage): Promise<void> {
    if (!transport) {
      log.info(
        { mailId: message.id, to: message.to_address, subject: message.subject, text: message.text_body },
        'mail not sent (no SMTP_URL, development mode): logged instead',
      );
      return;
    }
    await transport.sendMail({
      from,
      to: message.to_address,
      subject: message.subject,
      text: message.text_body,
      html: message.html_body ?? undefined,
      headers: { 'Auto-Submitted': 'auto-generated' }, // RFC 3834: no auto-replies to us
    });
  }

  async function recordFailure(message: OutboxMessage, error: unknown): Promise<'retried' | 'failed'> {
    const attempts = message.attempts + 1;
    const reason = redact(describeError(error)).slice(0, MAX_ERROR_LENGTH);
    const at = now();
    if (at.getTime() - Date.parse(message.created_at) >= GIVE_UP_AFTER_MS) {
      await repo.markFailed(message.id, attempts, reason);
      log.error(
        { mailId: message.id, attempts, error: reason },
        'mail given up after 72 h of failed attempts',
      );
      return 'failed';
    }
    const nextAttemptAt = new Date(at.getTime() + retryDelayMs(attempts));
    await repo.markRetry(message.id, attempts, nextAttemptAt, reason);
    log.warn(
      { mailId: message.id, attempts, nextAttemptAt: nextAttemptAt.toISOString(), error: reason },
      'mail not sent, will retry',
    );
    return 'retried';
  }

  return {
    async enqueue(executor, message) {
      return repo.insert(
        {
          to: checkAddress(message.to),
          subject: oneLine(message.subject).slice(0, MAX_SUBJECT_LENGTH),
          text: message.text,
          html: message.html ?? null,
        },
        now(),
        executor,
      );
    },

    async deliverDue(limit = 50) {
      const claimedAt = now();
      const lockedUntil = new Date(claimedAt.getTime() + LOCK_MS);
      const deadline = lockedUntil.getTime() - LOCK_MARGIN_MS;
      const messages = await repo.claimDue(claimedAt, lockedUntil, limit);
      const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };

      for (const [index, message] of messages.entries()) {
        if (now().getTime() >= deadline) {
          await repo.release(messages.slice(index).map((m) => m.id));
          break;
        }
        try {
          await send(message);
        } catch (error) {
          report[await recordFailure(message, error)] += 1;
          if (isMessageError(error)) continue;
          // The server is unreachable or refuses us: the next messages wait for the next run.
          await repo.release(messages.slice(index + 1).map((m) => m.id));
          break;
        }
        // Outside the try: a message that was sent is never retried because of a database error.
        if (transport) await repo.markSent(message.id, now());
        else await repo.markLogged(message.id, now());
        report.sent += 1;
      }
      return report;
    },

    close() {
      transport?.close();
    },
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function checkAddress(to: string): string {
  const address = to.trim();
  if (address.length > MAX_ADDRESS_LENGTH || /[\r\n]/.test(address) || !/^[^@\s]+@[^@\s]+$/.test(address)) {
    throw new Error('invalid recipient address');
  }
  return address;
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

function isMessageError(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && MESSAGE_ERRORS.has(code);
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = errorCode(error);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

/** Masks the SMTP password wherever an error message might echo it. */
function secretRedactor(smtpUrl: string | null): (text: string) => string {
  if (!smtpUrl) return (text) => text;
  let password = '';
  try {
    password = new URL(smtpUrl).password;
  } catch {
    return (text) => text;
  }
  if (!password) return (text) => text;
  let decoded = password;
  try {
    decoded = decodeURIComponent(password);
  } catch {
    // keep the encoded form only
  }
  const secrets = [...new Set([password, decoded])].filter((s) => s.length > 0);
  return (text) => secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
}
