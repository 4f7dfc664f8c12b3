import {
  GroupCreateSchema,
  GroupMemberAddSchema,
  GroupSchema,
  GroupUpdateSchema,
  UserRefSchema,
} from '@itsm/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, contextOf } from '../../platform/auth/actor.js';
import { registerCrudRoutes } from '../../platform/http/crud-routes.js';
import { IdParamsSchema } from '../../platform/http/route-helpers.js';
import { type GroupService, groupList } from './groups.service.js';

const tags = ['groups'];
const MemberParamsSchema = IdParamsSchema.extend({ userId: z.coerce.number().int().positive() });

export function registerGroupRoutes(app: FastifyInstance, service: GroupService) {
  registerCrudRoutes(app, {
    path: '/api/v1/groups',
    tag: 'groups',
    noun: 'group',
    list: groupList,
    schemas: { item: GroupSchema, create: GroupCreateSchema, update: GroupUpdateSchema },
    service,
  });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/groups/:id/members',
    {
      schema: {
        tags,
        summary: 'Members of a group',
        params: IdParamsSchema,
        response: { 200: z.array(UserRefSchema) },
      },
    },
    (request) => service.members(actorOf(request), request.params.id),
  );

  r.post(
    '/api/v1/groups/:id/members',
    { schema: { tags, summary: 'Add a member (admin)', params: IdParamsSchema, body: GroupMemberAddSchema } },
    async (request, reply) => {
      await service.addMember(actorOf(request), request.params.id, request.body.user, contextOf(request));
      return reply.code(204).send();
    },
  );

  r.delete(
    '/api/v1/groups/:id/members/:userId',
    { schema: { tags, summary: 'Remove a member (admin)', params: MemberParamsSchema } },
    async (request, reply) => {
      await service.removeMember(
        actorOf(request),
        request.params.id,
        request.params.userId,
        contextOf(request),
      );
      return reply.code(204).send();
    },
  );
}
