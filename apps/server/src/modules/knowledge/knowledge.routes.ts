import {
  ArticleCreateSchema,
  ArticleDetailSchema,
  ArticleRevisionSchema,
  ArticleSchema,
  ArticleSuggestionSchema,
  ArticleTransitionSchema,
  ArticleUpdateSchema,
  KbCategoryCreateSchema,
  KbCategorySchema,
  KbCategoryUpdateSchema,
  pageOf,
  RevisionDiffSchema,
  SearchPageSchema,
  VoteSchema,
} from '@itsm/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, contextOf } from '../../platform/auth/actor.js';
import { IdParamsSchema, pageLinks } from '../../platform/http/route-helpers.js';
import { type ListParams, listQuerySchema } from '../../platform/lists/index.js';
import {
  type ArticleListExtras,
  type ArticleService,
  articleList,
  revisionList,
} from './articles.service.js';
import type { KbCategoryService } from './categories.service.js';
import type { SearchService } from './search/search.service.js';

const tags = ['knowledge'];
const RevisionParamsSchema = IdParamsSchema.extend({
  number: z.coerce.number().int().positive().max(1_000_000),
});
const DiffQuerySchema = z.strictObject({
  from: z.coerce.number().int().positive(),
  to: z.coerce.number().int().positive(),
});
const SearchQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(200).describe('Words to find (stemmed, accents and small typos forgiven)'),
  category: z.coerce.number().int().positive().optional(),
  tag: z.string().trim().min(1).max(60).optional(),
  language: z.enum(['fr', 'en']).optional(),
  status: z
    .enum(['draft', 'in_review', 'published', 'archived'])
    .optional()
    .describe('Staff: another status than published'),
  page: z.coerce.number().int().min(1).max(50).default(1),
  page_size: z.coerce.number().int().min(1).max(50).default(20),
});
const SuggestQuerySchema = z.strictObject({ q: z.string().trim().min(1).max(200) });
const articleListExtras = {
  tag: z.string().trim().min(1).max(60).optional().describe('Has this tag'),
};

export function registerKnowledgeRoutes(
  app: FastifyInstance,
  {
    articles,
    categories,
    search,
  }: { articles: ArticleService; categories: KbCategoryService; search: SearchService },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const publicUrl = app.config.publicUrl;
  const reader = (request: FastifyRequest) => articles.readerOf(actorOf(request));

  r.get(
    '/api/v1/kb/categories',
    {
      schema: {
        tags,
        summary: 'The knowledge categories (a tree, by position)',
        response: { 200: z.array(KbCategorySchema) },
      },
    },
    (request) => categories.list(actorOf(request)),
  );
  r.post(
    '/api/v1/kb/categories',
    {
      schema: {
        tags,
        summary: 'Create a knowledge category (administrators)',
        body: KbCategoryCreateSchema,
        response: { 201: KbCategorySchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await categories.create(actorOf(request), request.body, contextOf(request))),
  );
  r.patch(
    '/api/v1/kb/categories/:id',
    {
      schema: {
        tags,
        summary: 'Rename, move or reorder a category',
        params: IdParamsSchema,
        body: KbCategoryUpdateSchema,
        response: { 200: KbCategorySchema },
      },
    },
    (request) => categories.update(actorOf(request), request.params.id, request.body, contextOf(request)),
  );
  r.delete(
    '/api/v1/kb/categories/:id',
    { schema: { tags, summary: 'Delete a category without sub-categories', params: IdParamsSchema } },
    async (request, reply) => {
      await categories.remove(actorOf(request), request.params.id, contextOf(request));
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/v1/kb/search',
    {
      schema: {
        tags,
        summary: 'Ranked full-text search of the articles you may read, with highlighted snippets',
        querystring: SearchQuerySchema,
        response: { 200: SearchPageSchema },
      },
    },
    async (request) => {
      const { page_size, status, ...params } = request.query;
      const who = await reader(request);
      return search.search(
        who,
        { ...params, pageSize: page_size, status: who.actor.role === 'user' ? undefined : status },
        pageLinks(request, publicUrl),
      );
    },
  );
  r.get(
    '/api/v1/kb/suggestions',
    {
      schema: {
        tags,
        summary: 'The best published articles for what is being typed (e.g. a new ticket’s title)',
        querystring: SuggestQuerySchema,
        response: { 200: z.array(ArticleSuggestionSchema) },
      },
    },
    async (request) => search.suggest(await reader(request), request.query.q),
  );

  r.get(
    '/api/v1/kb/articles',
    {
      schema: {
        tags,
        summary: 'The articles you may read (staff: every status)',
        querystring: listQuerySchema(articleList, articleListExtras),
        response: { 200: pageOf(ArticleSchema) },
      },
    },
    async (request) =>
      articles.list(
        await reader(request),
        request.query as ListParams & ArticleListExtras,
        pageLinks(request, publicUrl),
      ),
  );
  r.post(
    '/api/v1/kb/articles',
    {
      schema: {
        tags,
        summary: 'Write an article (a draft; publish it with a transition)',
        body: ArticleCreateSchema,
        response: { 201: ArticleDetailSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await articles.create(await reader(request), request.body, contextOf(request))),
  );
  r.get(
    '/api/v1/kb/articles/:id',
    {
      schema: {
        tags,
        summary: 'One article, its body rendered to sanitised HTML',
        params: IdParamsSchema,
        response: { 200: ArticleDetailSchema },
      },
    },
    async (request) => articles.detail(await reader(request), request.params.id),
  );
  r.patch(
    '/api/v1/kb/articles/:id',
    {
      schema: {
        tags,
        summary: 'Change an article (a new revision); send the revision you edited',
        params: IdParamsSchema,
        body: ArticleUpdateSchema,
        response: { 200: ArticleDetailSchema },
      },
    },
    async (request) =>
      articles.update(await reader(request), request.params.id, request.body, contextOf(request)),
  );
  r.delete(
    '/api/v1/kb/articles/:id',
    {
      schema: { tags, summary: 'Delete an article and its history (administrators)', params: IdParamsSchema },
    },
    async (request, reply) => {
      await articles.remove(await reader(request), request.params.id, contextOf(request));
      return reply.code(204).send();
    },
  );
  r.post(
    '/api/v1/kb/articles/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Submit, approve, reject, publish, archive or unpublish (see available_actions)',
        params: IdParamsSchema,
        body: ArticleTransitionSchema,
        response: { 200: ArticleDetailSchema },
      },
    },
    async (request) =>
      articles.transition(await reader(request), request.params.id, request.body, contextOf(request)),
  );
  r.get(
    '/api/v1/kb/articles/:id/revisions',
    {
      schema: {
        tags,
        summary: 'Every saved revision, newest first (staff)',
        params: IdParamsSchema,
        querystring: listQuerySchema(revisionList),
        response: { 200: pageOf(ArticleRevisionSchema) },
      },
    },
    async (request) =>
      articles.revisions(
        await reader(request),
        request.params.id,
        request.query as ListParams,
        pageLinks(request, publicUrl),
      ),
  );
  r.get(
    '/api/v1/kb/articles/:id/revisions/:number',
    {
      schema: {
        tags,
        summary: 'One revision',
        params: RevisionParamsSchema,
        response: { 200: ArticleRevisionSchema },
      },
    },
    async (request) => articles.revision(await reader(request), request.params.id, request.params.number),
  );
  r.post(
    '/api/v1/kb/articles/:id/revisions/:number/restore',
    {
      schema: {
        tags,
        summary: 'Put a revision’s content back (as a new revision)',
        params: RevisionParamsSchema,
        response: { 200: ArticleDetailSchema },
      },
    },
    async (request) =>
      articles.restore(await reader(request), request.params.id, request.params.number, contextOf(request)),
  );
  r.get(
    '/api/v1/kb/articles/:id/diff',
    {
      schema: {
        tags,
        summary: 'What changed between two revisions',
        params: IdParamsSchema,
        querystring: DiffQuerySchema,
        response: { 200: RevisionDiffSchema },
      },
    },
    async (request) =>
      articles.diff(await reader(request), request.params.id, request.query.from, request.query.to),
  );
  r.put(
    '/api/v1/kb/articles/:id/vote',
    {
      schema: {
        tags,
        summary: '"Was this helpful?" (one vote each, which you may change)',
        params: IdParamsSchema,
        body: VoteSchema,
        response: { 200: ArticleDetailSchema },
      },
    },
    async (request) => articles.vote(await reader(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/kb/articles/:id/views',
    { schema: { tags, summary: 'Count a reading of the article page', params: IdParamsSchema } },
    async (request, reply) => {
      await articles.view(await reader(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
