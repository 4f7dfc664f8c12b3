import {
  ArticleDraftSchema,
  DeflectionSchema,
  FaqCandidateSchema,
  FaqSchema,
  TicketArticleCreateSchema,
  TicketArticleSchema,
} from '@itsm/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, contextOf } from '../../platform/auth/actor.js';
import { IdParamsSchema } from '../../platform/http/route-helpers.js';
import type { FaqService } from './faq.service.js';
import type { TicketArticleService } from './ticket-articles.service.js';

const tags = ['knowledge'];
const CandidatesQuerySchema = z.strictObject({
  days: z.coerce.number().int().min(1).max(365).default(90).describe('Tickets resolved in the last N days'),
  min_size: z.coerce.number().int().min(2).max(100).default(3).describe('Tickets a group needs at least'),
});
const LinkParamsSchema = IdParamsSchema.extend({ articleId: z.coerce.number().int().positive() });

/** The knowledge base at work: the FAQ, articles on tickets, tickets spared by suggestions. */
export function registerEngagementRoutes(
  app: FastifyInstance,
  { faq, links }: { faq: FaqService; links: TicketArticleService },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/kb/faq',
    {
      schema: {
        tags,
        summary: 'The FAQ: curated articles, then the most useful others',
        response: { 200: FaqSchema },
      },
    },
    async (request) => faq.faq(await links.readerOf(actorOf(request))),
  );
  r.get(
    '/api/v1/kb/faq-candidates',
    {
      schema: {
        tags,
        summary:
          'Groups of recently resolved tickets with similar titles and no article, each with a draft from its best solution (staff)',
        querystring: CandidatesQuerySchema,
        response: { 200: z.array(FaqCandidateSchema) },
      },
    },
    async (request) =>
      faq.candidates(await links.readerOf(actorOf(request)), {
        days: request.query.days,
        minSize: request.query.min_size,
      }),
  );
  r.post(
    '/api/v1/kb/deflections',
    {
      schema: {
        tags,
        summary: 'Record that a suggested article was read and the ticket was then not opened',
        body: DeflectionSchema,
      },
    },
    async (request, reply) => {
      await faq.deflect(await links.readerOf(actorOf(request)), request.body);
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/v1/tickets/:id/articles',
    {
      schema: {
        tags: ['tickets', ...tags],
        summary: 'Articles attached to a ticket (those you may read)',
        params: IdParamsSchema,
        response: { 200: z.array(TicketArticleSchema) },
      },
    },
    async (request) => links.list(await links.readerOf(actorOf(request)), request.params.id),
  );
  r.post(
    '/api/v1/tickets/:id/articles',
    {
      schema: {
        tags: ['tickets', ...tags],
        summary: 'Attach a published article to a ticket, or mark the one it was resolved with (its staff)',
        params: IdParamsSchema,
        body: TicketArticleCreateSchema,
        response: { 200: z.array(TicketArticleSchema) },
      },
    },
    async (request) =>
      links.link(await links.readerOf(actorOf(request)), request.params.id, request.body, contextOf(request)),
  );
  r.delete(
    '/api/v1/tickets/:id/articles/:articleId',
    {
      schema: {
        tags: ['tickets', ...tags],
        summary: 'Detach an article from a ticket',
        params: LinkParamsSchema,
      },
    },
    async (request, reply) => {
      await links.unlink(
        await links.readerOf(actorOf(request)),
        request.params.id,
        request.params.articleId,
        contextOf(request),
      );
      return reply.code(204).send();
    },
  );
  r.get(
    '/api/v1/tickets/:id/article-draft',
    {
      schema: {
        tags: ['tickets', ...tags],
        summary: 'An article draft from a ticket’s problem and solution, to edit and save',
        params: IdParamsSchema,
        response: { 200: ArticleDraftSchema },
      },
    },
    (request) => links.draftFrom(actorOf(request), request.params.id),
  );
}
