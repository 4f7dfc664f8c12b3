import {
  NotificationPreferenceSchema,
  NotificationPreferencesUpdateSchema,
  NotificationSchema,
  pageOf,
  UnreadCountSchema,
} from '@itsm/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/actor.js';
import type { EventBus } from '../../platform/events/event-bus.js';
import { IdParamsSchema, pageLinks } from '../../platform/http/route-helpers.js';
import { type ListParams, listQuerySchema } from '../../platform/lists/index.js';
import { type NotificationService, notificationList } from './notifications.service.js';
import { userChannel } from './notifier.js';

const tags = ['notifications'];
/** Comment lines keep proxies and browsers from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

export function registerNotificationRoutes(
  app: FastifyInstance,
  service: NotificationService,
  bus: EventBus,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const streams = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of streams) end();
  });

  r.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        summary: 'Your notifications, newest first',
        querystring: listQuerySchema(notificationList),
        response: { 200: pageOf(NotificationSchema) },
      },
    },
    (request) =>
      service.list(actorOf(request), request.query as ListParams, pageLinks(request, app.config.publicUrl)),
  );

  r.get(
    '/api/v1/notifications/unread-count',
    { schema: { tags, summary: 'How many are unread (the bell)', response: { 200: UnreadCountSchema } } },
    (request) => service.unreadCount(actorOf(request)),
  );

  r.post(
    '/api/v1/notifications/:id/read',
    { schema: { tags, summary: 'Mark one as read', params: IdParamsSchema } },
    async (request, reply) => {
      await service.markRead(actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/v1/notifications/read-all',
    { schema: { tags, summary: 'Mark all as read' } },
    async (request, reply) => {
      await service.markAllRead(actorOf(request));
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/v1/notification-preferences',
    {
      schema: {
        tags,
        summary: 'Which notifications you get in the app and by e-mail',
        response: { 200: z.array(NotificationPreferenceSchema) },
      },
    },
    (request) => service.preferences(actorOf(request)),
  );

  r.put(
    '/api/v1/notification-preferences',
    {
      schema: {
        tags,
        summary: 'Change your notification preferences (the events sent)',
        body: NotificationPreferencesUpdateSchema,
        response: { 200: z.array(NotificationPreferenceSchema) },
      },
    },
    (request) => service.setPreferences(actorOf(request), request.body),
  );

  r.get(
    '/api/v1/notifications/stream',
    {
      schema: {
        tags,
        summary: 'Live notifications (Server-Sent Events, event "notification", data: a Notification)',
      },
    },
    (request, reply) => {
      const actor = actorOf(request);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': String(request.id),
      });
      res.write('retry: 5000\n\n');
      const unsubscribe = bus.subscribe(userChannel(actor.id), (payload) => {
        res.write(`event: notification\ndata: ${JSON.stringify(payload)}\n\n`);
      });
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      const end = () => {
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(end);
        if (!res.writableEnded) res.end();
      };
      streams.add(end);
      request.raw.on('close', end);
    },
  );
}
