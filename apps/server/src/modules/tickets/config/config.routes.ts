import {
  AssignmentRuleCreateSchema,
  AssignmentRuleSchema,
  AssignmentRuleUpdateSchema,
  CalendarCreateSchema,
  CalendarSchema,
  CalendarUpdateSchema,
  CannedResponseCreateSchema,
  CannedResponseSchema,
  CannedResponseUpdateSchema,
  CategoryCreateSchema,
  CategoryNodeSchema,
  CategorySchema,
  CategoryUpdateSchema,
  EscalationLevelCreateSchema,
  EscalationLevelSchema,
  EscalationLevelUpdateSchema,
  SlaCreateSchema,
  SlaRuleCreateSchema,
  SlaRuleSchema,
  SlaRuleUpdateSchema,
  SlaSchema,
  SlaUpdateSchema,
} from '@itsm/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../platform/auth/actor.js';
import { registerCrudRoutes } from '../../../platform/http/crud-routes.js';
import { type AssignmentRuleService, assignmentRuleList } from './assignment-rules.service.js';
import { type CalendarService, calendarList } from './calendars.service.js';
import { type CannedResponseService, cannedResponseList } from './canned-responses.service.js';
import { type CategoryService, categoryList } from './categories.service.js';
import { type EscalationLevelService, escalationLevelList } from './escalation-levels.service.js';
import { type SlaRuleService, slaRuleList } from './sla-rules.service.js';
import { type SlaService, slaList } from './slas.service.js';

export type TicketConfigServices = {
  categories: CategoryService;
  calendars: CalendarService;
  slas: SlaService;
  escalationLevels: EscalationLevelService;
  slaRules: SlaRuleService;
  assignmentRules: AssignmentRuleService;
  cannedResponses: CannedResponseService;
};

const TreeQuerySchema = z.strictObject({
  active_only: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: leave out inactive categories and their sub-categories (the new-ticket picker)'),
});

export function registerTicketConfigRoutes(app: FastifyInstance, services: TicketConfigServices) {
  // Before the CRUD routes' `/:id`; Fastify prefers static segments anyway.
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/ticket-categories/tree',
    {
      schema: {
        tags: ['ticket-categories'],
        summary: 'Every ticket category nested under its parent, siblings by name',
        querystring: TreeQuerySchema,
        response: { 200: z.array(CategoryNodeSchema) },
      },
    },
    (request) =>
      services.categories.tree(actorOf(request), { activeOnly: request.query.active_only ?? false }),
  );
  registerCrudRoutes(app, {
    path: '/api/v1/ticket-categories',
    tag: 'ticket-categories',
    noun: 'ticket category',
    plural: 'ticket categories',
    list: categoryList,
    schemas: { item: CategorySchema, create: CategoryCreateSchema, update: CategoryUpdateSchema },
    service: services.categories,
  });
  registerCrudRoutes(app, {
    path: '/api/v1/calendars',
    tag: 'calendars',
    noun: 'business calendar',
    list: calendarList,
    schemas: { item: CalendarSchema, create: CalendarCreateSchema, update: CalendarUpdateSchema },
    service: services.calendars,
  });
  registerCrudRoutes(app, {
    path: '/api/v1/slas',
    tag: 'slas',
    noun: 'SLA',
    list: slaList,
    schemas: { item: SlaSchema, create: SlaCreateSchema, update: SlaUpdateSchema },
    service: services.slas,
  });
  registerCrudRoutes(app, {
    path: '/api/v1/escalation-levels',
    tag: 'escalation-levels',
    noun: 'escalation level',
    list: escalationLevelList,
    schemas: {
      item: EscalationLevelSchema,
      create: EscalationLevelCreateSchema,
      update: EscalationLevelUpdateSchema,
    },
    service: services.escalationLevels,
  });
  registerCrudRoutes(app, {
    path: '/api/v1/sla-rules',
    tag: 'sla-rules',
    noun: 'SLA rule',
    list: slaRuleList,
    schemas: { item: SlaRuleSchema, create: SlaRuleCreateSchema, update: SlaRuleUpdateSchema },
    service: services.slaRules,
  });
  registerCrudRoutes(app, {
    path: '/api/v1/assignment-rules',
    tag: 'assignment-rules',
    noun: 'assignment rule',
    list: assignmentRuleList,
    schemas: {
      item: AssignmentRuleSchema,
      create: AssignmentRuleCreateSchema,
      update: AssignmentRuleUpdateSchema,
    },
    service: services.assignmentRules,
  });
  registerCrudRoutes(app, {
    path: '/api/v1/canned-responses',
    tag: 'canned-responses',
    noun: 'canned response',
    list: cannedResponseList,
    schemas: {
      item: CannedResponseSchema,
      create: CannedResponseCreateSchema,
      update: CannedResponseUpdateSchema,
    },
    service: services.cannedResponses,
  });
}
