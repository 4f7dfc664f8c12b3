import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { PoolStats } from '../../db/connection.js';
import { constantTimeEqual } from '../crypto.js';
import { AppError } from '../errors/app-error.js';

const UNMATCHED_ROUTE = 'unmatched';

/**
 * Prometheus metrics on a registry of this app (tests build many apps in one process):
 * Node defaults (event-loop lag, memory, GC), request durations by route pattern and status, DB pool.
 */
export function registerMetrics(
  app: FastifyInstance,
  options: { poolStats: () => PoolStats; dialect: string; token: string | null },
) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route pattern, method and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'itsm_db_pool_connections',
    help: 'Database connections by state (SQLite reports its single connection)',
    labelNames: ['state', 'dialect'] as const,
    registers: [registry],
    collect() {
      const stats = options.poolStats();
      for (const state of ['total', 'idle', 'waiting'] as const) {
        this.set({ state, dialect: options.dialect }, stats[state]);
      }
    },
  });
  const errors = new Counter({
    name: 'itsm_http_errors_total',
    help: 'Responses with a 5xx status',
    labelNames: ['route'] as const,
    registers: [registry],
  });

  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, never the raw URL: bounded label cardinality.
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    const labels = { method: request.method, route, status_code: String(reply.statusCode) };
    duration.observe(labels, reply.elapsedTime / 1000);
    if (reply.statusCode >= 500) errors.inc({ route });
  });

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    const token = options.token;
    if (token && !constantTimeEqual(request.headers.authorization ?? '', `Bearer ${token}`)) {
      throw new AppError('UNAUTHENTICATED', { detail: 'GET /metrics requires the metrics bearer token' });
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
