import type { FastifyInstance } from 'fastify';
import type { AuditLog } from '../../platform/audit/audit-log.js';
import type { Clock } from '../../platform/clock.js';
import { createArticleService } from './articles.service.js';
import { createKbCategoryService } from './categories.service.js';
import { registerEngagementRoutes } from './engagement.routes.js';
import { createFaqService } from './faq.service.js';
import { registerKnowledgeRoutes } from './knowledge.routes.js';
import { indexMissing } from './search/indexer.js';
import { createSearchService } from './search/search.service.js';
import { createTicketArticleService } from './ticket-articles.service.js';

const INDEX_JOB = 'knowledge.index';

/** Wires the knowledge base: categories, articles with revisions, workflow and votes, the FAQ, links with tickets. */
export function registerKnowledge(app: FastifyInstance, { clock, audit }: { clock: Clock; audit: AuditLog }) {
  const { db } = app.database;
  const base = { db, clock, audit };
  registerKnowledgeRoutes(app, {
    articles: createArticleService({ ...base, dialect: app.dialect }),
    categories: createKbCategoryService(base),
    search: createSearchService({ db, dialect: app.dialect, clock }),
  });
  // Articles not yet in the search index (written before it existed, or restored without it): a
  // job, so that a database still waiting for its migrations only logs it.
  app.scheduler.every(INDEX_JOB, 3600, async () => {
    const indexed = await indexMissing(db);
    if (indexed > 0) app.log.info({ indexed }, 'knowledge articles indexed for search');
  });
  app.addHook('onReady', async () => {
    // Not awaited: a large backlog must not hold the start.
    app.scheduler
      .runNow(INDEX_JOB)
      .catch((err: unknown) => app.log.error({ err }, 'knowledge indexing failed'));
  });
  registerEngagementRoutes(app, {
    faq: createFaqService({ db, clock }),
    links: createTicketArticleService(base),
  });
}
