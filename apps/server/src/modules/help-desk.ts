import { join } from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { AuditLog } from '../platform/audit/audit-log.js';
import type { Clock } from '../platform/clock.js';
import { createLocalEventBus } from '../platform/events/event-bus.js';
import { createRedisEventBus } from '../platform/events/redis-event-bus.js';
import type { Mailer } from '../platform/mail/index.js';
import { createFileStore } from '../platform/storage/file-store.js';
import { registerNotificationRoutes } from './notifications/notifications.routes.js';
import { createNotificationService } from './notifications/notifications.service.js';
import { createNotifier } from './notifications/notifier.js';
import { registerAttachmentRoutes } from './tickets/attachments.routes.js';
import { createAttachmentService } from './tickets/attachments.service.js';
import type { TicketSettingsReader } from './tickets/config/ticket-settings.js';
import { createConversationService } from './tickets/conversation.service.js';
import { createRoutingSource } from './tickets/routing.js';
import { createSlaJob } from './tickets/sla/sla-job.js';
import { createSurveyService } from './tickets/surveys/surveys.service.js';
import { createTicketViewService } from './tickets/ticket-views.service.js';
import { registerTicketRoutes } from './tickets/tickets.routes.js';
import { createTicketService } from './tickets/tickets.service.js';

export const SLA_JOB = 'tickets.sla';

type Deps = {
  clock: Clock;
  audit: AuditLog;
  mailer: Mailer;
  sendMailSoon: () => void;
  secretKey: string;
  ticketSettings: TicketSettingsReader;
};

/**
 * Wires the help desk: tickets with their workflow, conversation, SLA job and surveys, saved views,
 * and the notifications (in-app, live stream, e-mail).
 */
export async function registerHelpDesk(app: FastifyInstance, deps: Deps) {
  const { db } = app.database;
  const { clock, audit, ticketSettings } = deps;
  const dialect = app.dialect;
  const publicUrl = app.config.publicUrl ?? `http://localhost:${app.config.port}`;
  // One node: events stay in the process; several (REDIS_URL): they go through Redis pub/sub.
  const bus = app.config.redisUrl
    ? createRedisEventBus(app.config.redisUrl, (err) => app.log.error({ err }, 'event bus error'))
    : createLocalEventBus();
  app.addHook('onClose', () => bus.close());

  const notify = createNotifier({
    clock,
    mailer: deps.mailer,
    bus,
    publicUrl,
    sendMailSoon: deps.sendMailSoon,
  });
  const surveys = createSurveyService({ db, clock, audit, secretKey: deps.secretKey, publicUrl });
  const onClosed = surveys.open(notify);
  const routing = createRoutingSource(dialect);
  const tickets = createTicketService({
    db,
    dialect,
    clock,
    audit,
    notify,
    settings: ticketSettings,
    routing,
    onClosed,
  });
  registerTicketRoutes(app, {
    tickets,
    conversation: createConversationService({ db, clock, audit, notify, tickets }),
    surveys,
    views: createTicketViewService({ db, clock }),
  });
  await app.register(fastifyMultipart, {
    limits: { fileSize: app.config.uploadMaxBytes, files: 1, fields: 4, parts: 5, fieldSize: 100 },
  });
  const files = createFileStore(join(app.config.dataDir, 'attachments'));
  registerAttachmentRoutes(app, createAttachmentService({ db, clock, audit, files, tickets }));
  registerNotificationRoutes(app, createNotificationService({ db, dialect, clock }), bus);

  const slaJob = createSlaJob({
    db,
    clock,
    audit,
    notify,
    routing,
    autoCloseDays: async () => (await ticketSettings.get()).auto_close_days,
    onClosed,
  });
  app.scheduler.every(SLA_JOB, 60, () => slaJob.run());
  return { tickets };
}
