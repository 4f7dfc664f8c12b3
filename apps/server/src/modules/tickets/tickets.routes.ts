import {
  CommentCreateSchema,
  CommentSchema,
  pageOf,
  SURVEY_GROUPINGS,
  SurveyAnswerSchema,
  SurveyResultSchema,
  SurveySchema,
  TicketBulkResultSchema,
  TicketBulkSchema,
  TicketCreateSchema,
  TicketDetailSchema,
  TicketSchema,
  TicketTransitionSchema,
  TicketUpdateSchema,
  TicketViewCreateSchema,
  TicketViewSchema,
  TimelineEntrySchema,
} from '@itsm/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, contextOf } from '../../platform/auth/actor.js';
import { IdParamsSchema, pageLinks } from '../../platform/http/route-helpers.js';
import { type ListParams, listQuerySchema } from '../../platform/lists/index.js';
import type { ConversationService } from './conversation.service.js';
import type { SurveyService } from './surveys/surveys.service.js';
import { bulkTickets } from './ticket-bulk.js';
import { exportTicketsCsv } from './ticket-export.js';
import { ticketList } from './ticket-list.js';
import type { TicketViewService } from './ticket-views.service.js';
import type { TicketService } from './tickets.service.js';

type Services = {
  tickets: TicketService;
  conversation: ConversationService;
  surveys: SurveyService;
  views: TicketViewService;
};

const tags = ['tickets'];
const TokenParamsSchema = z.strictObject({ token: z.string().min(10).max(500) });

export function registerTicketRoutes(
  app: FastifyInstance,
  { tickets, conversation, surveys, views }: Services,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const publicUrl = app.config.publicUrl;

  r.get(
    '/api/v1/tickets',
    {
      schema: {
        tags,
        summary: 'List the tickets you may see',
        description: `Counts stop at 10 000 rows: past it \`count_is_estimate\` is true and \`count\` a lower bound.`,
        querystring: listQuerySchema(ticketList),
        response: { 200: pageOf(TicketSchema) },
      },
    },
    (request) => tickets.list(actorOf(request), request.query as ListParams, pageLinks(request, publicUrl)),
  );

  r.get(
    '/api/v1/tickets/export.csv',
    {
      schema: {
        tags,
        summary: 'The filtered list as CSV (UTF-8, streamed; same parameters as the list, no paging)',
        querystring: listQuerySchema(ticketList),
      },
    },
    (request, reply) => exportTicketsCsv(tickets, actorOf(request), request.query as ListParams, reply),
  );

  r.post(
    '/api/v1/tickets',
    {
      schema: {
        tags,
        summary: 'Open a ticket',
        body: TicketCreateSchema,
        response: { 201: TicketDetailSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await tickets.create(actorOf(request), request.body, contextOf(request))),
  );

  r.post(
    '/api/v1/tickets/bulk',
    {
      schema: {
        tags,
        summary:
          'Assign or change the status of several tickets (support staff); each one is checked on its own',
        body: TicketBulkSchema,
        response: { 200: TicketBulkResultSchema },
      },
    },
    (request) => bulkTickets(tickets, actorOf(request), request.body, contextOf(request)),
  );

  r.get(
    '/api/v1/tickets/:id',
    {
      schema: { tags, summary: 'One ticket', params: IdParamsSchema, response: { 200: TicketDetailSchema } },
    },
    (request) => tickets.detail(actorOf(request), request.params.id),
  );

  r.patch(
    '/api/v1/tickets/:id',
    {
      schema: {
        tags,
        summary: 'Change a ticket (support staff; the requester: title, description, watchers until taken)',
        params: IdParamsSchema,
        body: TicketUpdateSchema,
        response: { 200: TicketDetailSchema },
      },
    },
    (request) => tickets.update(actorOf(request), request.params.id, request.body, contextOf(request)),
  );

  r.post(
    '/api/v1/tickets/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Move a ticket through its workflow (the actions allowed are in available_actions)',
        params: IdParamsSchema,
        body: TicketTransitionSchema,
        response: { 200: TicketDetailSchema },
      },
    },
    (request) => tickets.transition(actorOf(request), request.params.id, request.body, contextOf(request)),
  );

  r.get(
    '/api/v1/tickets/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comments (internal notes only for support staff)',
        params: IdParamsSchema,
        response: { 200: z.array(CommentSchema) },
      },
    },
    (request) => conversation.list(actorOf(request), request.params.id),
  );

  r.post(
    '/api/v1/tickets/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comment, or add an internal note (support staff)',
        params: IdParamsSchema,
        body: CommentCreateSchema,
        response: { 201: CommentSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await conversation.add(actorOf(request), request.params.id, request.body, contextOf(request))),
  );

  r.get(
    '/api/v1/tickets/:id/timeline',
    {
      schema: {
        tags,
        summary: 'Comments, status changes, assignments, SLA events and files, oldest first',
        params: IdParamsSchema,
        response: { 200: z.array(TimelineEntrySchema) },
      },
    },
    (request) => conversation.timeline(actorOf(request), request.params.id),
  );

  r.get(
    '/api/v1/tickets/:id/survey',
    {
      schema: {
        tags,
        summary: 'The satisfaction survey of a closed ticket',
        params: IdParamsSchema,
        response: { 200: SurveySchema },
      },
    },
    (request) => surveys.get(actorOf(request), tickets, request.params.id),
  );

  r.post(
    '/api/v1/tickets/:id/survey',
    {
      schema: {
        tags,
        summary: 'Answer the survey (the requester, once)',
        params: IdParamsSchema,
        body: SurveyAnswerSchema,
        response: { 200: SurveySchema },
      },
    },
    (request) =>
      surveys.answerInApp(actorOf(request), tickets, request.params.id, request.body, contextOf(request)),
  );

  r.get(
    '/api/v1/surveys/results',
    {
      schema: {
        tags,
        summary: 'Satisfaction per technician, group or category (support staff, over the tickets they see)',
        querystring: z.strictObject({ by: z.enum(SURVEY_GROUPINGS).default('assignee') }),
        response: { 200: z.array(SurveyResultSchema) },
      },
    },
    (request) => surveys.results(actorOf(request), request.query.by),
  );

  r.get(
    '/api/v1/surveys/:token',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The survey behind an e-mailed link (no sign-in)',
        params: TokenParamsSchema,
        response: { 200: SurveySchema.extend({ ticket_title: z.string() }) },
      },
    },
    (request) => surveys.byToken(request.params.token),
  );

  r.post(
    '/api/v1/surveys/:token',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Answer the survey from the e-mailed link (no sign-in, once)',
        params: TokenParamsSchema,
        body: SurveyAnswerSchema,
        response: { 200: SurveySchema },
      },
    },
    (request) => surveys.answerByToken(request.params.token, request.body, contextOf(request)),
  );

  r.get(
    '/api/v1/ticket-views',
    { schema: { tags, summary: 'Your saved ticket lists', response: { 200: z.array(TicketViewSchema) } } },
    (request) => views.list(actorOf(request)),
  );

  r.post(
    '/api/v1/ticket-views',
    {
      schema: {
        tags,
        summary: 'Save a ticket list',
        body: TicketViewCreateSchema,
        response: { 201: TicketViewSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await views.create(actorOf(request), request.body)),
  );

  r.delete(
    '/api/v1/ticket-views/:id',
    { schema: { tags, summary: 'Delete a saved list', params: IdParamsSchema } },
    async (request, reply) => {
      await views.remove(actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
