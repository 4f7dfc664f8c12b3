import {
  AdminPasswordResetSchema,
  UserCreateSchema,
  UsernameSuggestionQuerySchema,
  UserSchema,
  UserUpdateSchema,
} from '@itsm/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, contextOf } from '../../platform/auth/actor.js';
import { registerCrudRoutes } from '../../platform/http/crud-routes.js';
import { IdParamsSchema } from '../../platform/http/route-helpers.js';
import { type UserService, userList } from './users.service.js';

const tags = ['users'];

export function registerUserRoutes(app: FastifyInstance, service: UserService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/users/suggest-username',
    {
      schema: {
        tags,
        summary: 'A free username @firstname.lastname.company for these names (admin)',
        querystring: UsernameSuggestionQuerySchema,
        response: { 200: z.object({ username: z.string() }) },
      },
    },
    (request) => service.suggestUsername(actorOf(request), request.query),
  );

  registerCrudRoutes(app, {
    path: '/api/v1/users',
    tag: 'users',
    noun: 'user',
    list: userList,
    schemas: { item: UserSchema, create: UserCreateSchema, update: UserUpdateSchema },
    service,
  });

  r.post(
    '/api/v1/users/:id/reset-password',
    {
      schema: {
        tags,
        summary:
          'Reset a password (admin): a temporary one, or a link by e-mail; ends all sessions and tokens',
        params: IdParamsSchema,
        body: AdminPasswordResetSchema,
      },
    },
    async (request, reply) => {
      await service.resetPassword(
        actorOf(request),
        request.params.id,
        request.body.password,
        contextOf(request),
      );
      return reply.code(204).send();
    },
  );

  r.delete(
    '/api/v1/users/:id/sessions',
    { schema: { tags, summary: "End all of a user's web sessions (admin)", params: IdParamsSchema } },
    async (request, reply) => {
      await service.endSessions(actorOf(request), request.params.id, contextOf(request));
      return reply.code(204).send();
    },
  );

  r.delete(
    '/api/v1/users/:id/mfa',
    {
      schema: {
        tags,
        summary: "Turn off a user's two-factor authentication (admin)",
        params: IdParamsSchema,
      },
    },
    async (request, reply) => {
      await service.resetMfa(actorOf(request), request.params.id, contextOf(request));
      return reply.code(204).send();
    },
  );
}
