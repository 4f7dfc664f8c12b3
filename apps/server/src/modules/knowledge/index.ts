import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AuditLog } from '../../platform/audit/audit-log.js';
import type { Clock } from '../../platform/clock.js';
import { createFileStore } from '../../platform/storage/file-store.js';
import { createArticleService } from './articles.service.js';
import { registerKbAttachmentRoutes } from './attachments.routes.js';
import { createKbAttachmentService } from './attachments.service.js';
import { createKbCategoryService } from './categories.service.js';
import { registerEngagementRoutes } from './engagement.routes.js';
import { createFaqService } from './faq.service.js';
import { registerKnowledgeRoutes } from './knowledge.routes.js';
import { createKnowledgeSettings, registerKnowledgeSettingsRoutes } from './knowledge-settings.js';
import { registerPublicKnowledgeRoutes } from './public-knowledge.routes.js';
import { createPublicKnowledgeService } from './public-knowledge.service.js';
import { indexMissing } from './search/indexer.js';
import { createSearchService } from './search/search.service.js';
import { createTicketArticleService } from './ticket-articles.service.js';

const INDEX_JOB = 'knowledge.index';

/**
 * Wires the knowledge base: categories, articles with revisions, workflow and votes, their files and
 * images, the FAQ, links with tickets, and the public knowledge base with its setting.
 */
export function registerKnowledge(app: FastifyInstance, { clock, audit }: { clock: Clock; audit: AuditLog }) {
  const { db } = app.database;
  const base = { db, clock, audit };
  // The ticket attachments' store (multipart is registered by the help desk, before this module).
  const files = createFileStore(join(app.config.dataDir, 'attachments'));
  const articles = createArticleService({ ...base, dialect: app.dialect, files });
  const search = createSearchService({ db, dialect: app.dialect, clock });
  const attachments = createKbAttachmentService({ ...base, files });
  const settings = createKnowledgeSettings(base);
  registerKnowledgeRoutes(app, { articles, categories: createKbCategoryService(base), search });
  registerKbAttachmentRoutes(app, { attachments, articles });
  registerKnowledgeSettingsRoutes(app, settings);
  registerPublicKnowledgeRoutes(app, createPublicKnowledgeService({ db, settings, search, attachments }));
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
