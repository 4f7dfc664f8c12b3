import type { FastifyInstance } from 'fastify';
import type { AuditLog } from '../../platform/audit/audit-log.js';
import type { ActorResolver } from '../../platform/auth/authenticate.js';
import type { Clock } from '../../platform/clock.js';
import { registerAgentRoutes } from './agent/agent.routes.js';
import { createAgentService, type TicketOpener } from './agent/agent.service.js';
import { purgeReceipts } from './agent/receipts.js';
import { createEnrollmentKeyService } from './enrollment-keys.service.js';
import { registerMachineRoutes } from './machines.routes.js';
import { createMachineService } from './machines.service.js';

export type { TicketOpener } from './agent/agent.service.js';
export { scopeMachines } from './machines.policy.js';

type Deps = { clock: Clock; audit: AuditLog; resolver: ActorResolver; tickets: TicketOpener };

/** Wires machines: their inventory and history, enrollment keys, and the agents' endpoints. */
export function registerMachines(app: FastifyInstance, { clock, audit, resolver, tickets }: Deps) {
  const { db } = app.database;
  const base = { db, dialect: app.dialect, clock, audit };
  registerMachineRoutes(app, {
    machines: createMachineService(base),
    keys: createEnrollmentKeyService(base),
  });
  registerAgentRoutes(app, createAgentService({ db, clock, audit, tickets }), resolver);
  app.scheduler.every('machines.purge', 3600, async () => {
    await purgeReceipts(db, clock());
  });
}
