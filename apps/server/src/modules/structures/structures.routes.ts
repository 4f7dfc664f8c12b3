import {
  StructureCreateSchema,
  StructureNodeSchema,
  StructureSchema,
  StructureUpdateSchema,
} from '@itsm/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/actor.js';
import { registerCrudRoutes } from '../../platform/http/crud-routes.js';
import { type StructureService, structureList } from './structures.service.js';

export function registerStructureRoutes(app: FastifyInstance, service: StructureService) {
  // Before the CRUD routes' `/:id`; Fastify prefers static segments anyway.
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/structures/tree',
    {
      schema: {
        tags: ['structures'],
        summary: 'The structures you may see, nested under their parents',
        response: { 200: z.array(StructureNodeSchema) },
      },
    },
    (request) => service.tree(actorOf(request)),
  );
  registerCrudRoutes(app, {
    path: '/api/v1/structures',
    tag: 'structures',
    noun: 'structure',
    list: structureList,
    schemas: { item: StructureSchema, create: StructureCreateSchema, update: StructureUpdateSchema },
    service,
  });
}
