import { pageOf } from '@itsm/contracts';
import type { FastifyInstance, FastifySchema } from 'fastify';
import type { z } from 'zod';
import { type Actor, actorOf, contextOf, type RequestContext } from '../auth/actor.js';
import { type ListDefinition, type ListParams, listQuerySchema, type PageLinks } from '../lists/index.js';
import { IdParamsSchema, pageLinks } from './route-helpers.js';

export type CrudService<T, C, U> = {
  list(
    actor: Actor,
    params: ListParams,
    links: PageLinks,
  ): Promise<{ count: number; next: string | null; previous: string | null; results: T[] }>;
  get(actor: Actor, id: number): Promise<T>;
  create(actor: Actor, input: C, request: RequestContext): Promise<T>;
  update(actor: Actor, id: number, input: U, request: RequestContext): Promise<T>;
  remove(actor: Actor, id: number, request: RequestContext): Promise<void>;
};

type CrudOptions<I extends z.ZodType, C extends z.ZodType, U extends z.ZodType> = {
  /** e.g. `/api/v1/sites` */
  path: string;
  tag: string;
  /** e.g. `site`, for the summaries of the OpenAPI document. */
  noun: string;
  /** Plural for the summaries; `${noun}s` when absent. */
  plural?: string;
  list: ListDefinition;
  schemas: { item: I; create: C; update: U };
  service: CrudService<z.infer<I>, z.infer<C>, z.infer<U>>;
};

/** The five routes of a plain resource: list, create, read, update, delete; each one parse → service → answer. */
export function registerCrudRoutes<I extends z.ZodType, C extends z.ZodType, U extends z.ZodType>(
  app: FastifyInstance,
  { path, tag, noun, plural, list, schemas, service }: CrudOptions<I, C, U>,
) {
  // Generic schemas defeat the type provider's inference: the schemas still validate, and the
  // handlers below read what they produced.
  const r = app;
  type Id = { id: number };
  const erase = (schema: FastifySchema & { tags: string[]; summary: string }): FastifySchema => schema;
  const tags = [tag];
  const publicUrl = app.config.publicUrl;

  r.get(
    path,
    {
      schema: erase({
        tags,
        summary: `List the ${plural ?? `${noun}s`} you may see`,
        querystring: listQuerySchema(list),
        response: { 200: pageOf(schemas.item) },
      }),
    },
    (request) => service.list(actorOf(request), request.query as ListParams, pageLinks(request, publicUrl)),
  );

  r.post(
    path,
    {
      schema: erase({
        tags,
        summary: `Create a ${noun}`,
        body: schemas.create,
        response: { 201: schemas.item },
      }),
    },
    async (request, reply) => {
      const created = await service.create(actorOf(request), request.body as z.infer<C>, contextOf(request));
      return reply.code(201).send(created);
    },
  );

  r.get(
    `${path}/:id`,
    {
      schema: erase({
        tags,
        summary: `One ${noun}`,
        params: IdParamsSchema,
        response: { 200: schemas.item },
      }),
    },
    (request) => service.get(actorOf(request), (request.params as Id).id),
  );

  r.patch(
    `${path}/:id`,
    {
      schema: erase({
        tags,
        summary: `Change a ${noun}`,
        params: IdParamsSchema,
        body: schemas.update,
        response: { 200: schemas.item },
      }),
    },
    (request) =>
      service.update(
        actorOf(request),
        (request.params as Id).id,
        request.body as z.infer<U>,
        contextOf(request),
      ),
  );

  r.delete(
    `${path}/:id`,
    { schema: erase({ tags, summary: `Delete a ${noun}`, params: IdParamsSchema }) },
    async (request, reply) => {
      await service.remove(actorOf(request), (request.params as Id).id, contextOf(request));
      return reply.code(204).send();
    },
  );
}
