import type { FastifyInstance } from 'fastify';
import type { AuditLog } from '../../platform/audit/audit-log.js';
import type { Clock } from '../../platform/clock.js';
import { createArticleService } from './articles.service.js';
import { createKbCategoryService } from './categories.service.js';
import { registerKnowledgeRoutes } from './knowledge.routes.js';

/** Wires the knowledge base: categories, articles with revisions, workflow and votes. */
export function registerKnowledge(app: FastifyInstance, { clock, audit }: { clock: Clock; audit: AuditLog }) {
  const { db } = app.database;
  const base = { db, clock, audit };
  registerKnowledgeRoutes(app, {
    articles: createArticleService({ ...base, dialect: app.dialect }),
    categories: createKbCategoryService(base),
  });
}
