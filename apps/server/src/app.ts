import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { createDatabase, type Database } from './db/connection.js';
import { type DialectHelpers, dialectHelpers } from './db/dialect.js';
import { registerHelpDesk } from './modules/help-desk.js';
import { registerIdentity } from './modules/identity.js';
import { registerKnowledge } from './modules/knowledge/index.js';
import { registerMachines } from './modules/machines/index.js';
import { type Clock, systemClock } from './platform/clock.js';
import { registerHealthRoutes } from './platform/http/health.routes.js';
import { loggerOptions } from './platform/http/logger.js';
import { registerMetrics } from './platform/http/metrics.js';
import { registerOpenApi } from './platform/http/openapi.js';
import { registerProblemHandler } from './platform/http/problem-handler.js';
import { requestIdFrom } from './platform/http/request-id.js';
import { registerSecurity } from './platform/http/security.js';
import { registerWeb } from './platform/http/web.js';
import { createScheduler, type Scheduler } from './platform/jobs/scheduler.js';
import { VERSION } from './version.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: Database;
    dialect: DialectHelpers;
    /** In-process jobs (mail delivery, SLA, purges); started when the app is ready. */
    scheduler: Scheduler;
  }
}

export type BuildOptions = {
  /** An already-open database; the app takes ownership and closes it. Default: open config.databaseUrl. */
  database?: Database;
  /** Human-readable log lines (a development terminal). */
  prettyLogs?: boolean;
  /** The time as the domain sees it; tests move it. */
  clock?: Clock;
};

const BODY_LIMIT_BYTES = 1024 * 1024;
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** A hop count becomes "trust the n nearest proxies" (Fastify's types take it only as a function). */
function trustProxyOption(trust: Config['trustProxy']) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}

/** The composition root: one Fastify instance with every platform plugin and module. Tests build it too. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config, options.prettyLogs ?? false),
    genReqId: requestIdFrom,
    logController: new LogController({
      requestIdLogLabel: 'request_id',
      // Probes and scrapes arrive every few seconds: keep them out of the request log.
      disableRequestLogging: (request) => QUIET_PATHS.has(request.url),
    }),
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: BODY_LIMIT_BYTES,
    // Stop keep-alive connections at shutdown so that draining does not wait for idle clients.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });

  const database = options.database ?? createDatabase(config.databaseUrl);
  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate('dialect', dialectHelpers(database.dialect));
  app.addHook('onClose', async () => {
    await database.destroy();
  });
  const scheduler = createScheduler({ log: app.log });
  app.decorate('scheduler', scheduler);
  app.addHook('onReady', async () => scheduler.start());
  // Cheap when nothing changed; keeps plans right as tables grow (bulk imports included).
  scheduler.every('database.optimize', 60, () => database.optimize());
  app.addHook('preClose', async () => scheduler.stop());

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Answers finished during shutdown close their connection, so that keep-alive clients cannot hold it open.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
  });
  registerProblemHandler(app, { exposeStack: config.env === 'development' });

  await registerSecurity(app, config);
  registerMetrics(app, {
    poolStats: database.poolStats,
    dialect: database.dialect,
    token: config.metricsToken,
  });
  await registerOpenApi(app, { version: VERSION, publicUrl: config.publicUrl });
  registerHealthRoutes(app, database);
  await app.register(fastifyCookie);
  const clock = options.clock ?? systemClock;
  const identity = registerIdentity(app, { clock });
  const helpDesk = await registerHelpDesk(app, { clock, ...identity });
  registerMachines(app, {
    clock,
    audit: identity.audit,
    resolver: identity.resolver,
    tickets: helpDesk.tickets,
  });
  registerKnowledge(app, { clock, audit: identity.audit });
  await registerWeb(app, config.webDir);

  return app;
}
