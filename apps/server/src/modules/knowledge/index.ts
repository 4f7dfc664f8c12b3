import type { FastifyInstance } from 'fastify';
import type { AuditLog } from '../../platform/audit/audit-log.js';
import type { Clock } from '../../platform/clock.js';
import { createArticleService } from './articles.service.js';
import { createKbCategoryService } from './categories.service.js';
import { registerEngagementRoutes } from './engagement.routes.js';
import { createFaqService } from './faq.service.js';
import { registerKnowledgeRoutes } from './knowledge.routes.js';
import { createTicketArticleService } from './ticket-articles.service.js';

/** Wires the knowledge base: categories, articles with revisions, workflow and votes, the FAQ, links with tickets. */
export function registerKnowledge(app: FastifyInstance, { clock, audit }: { clock: Clock; audit: AuditLog }) {
  const { db } = app.database;
  const base = { db, clock, audit };
  registerKnowledgeRoutes(app, {
    articles: createArticleService({ ...base, dialect: app.dialect }),
    categories: createKbCategoryService(base),
  });
  registerEngagementRoutes(app, {
    faq: createFaqService({ db, clock }),
    links: createTicketArticleService(base),
  });
}
