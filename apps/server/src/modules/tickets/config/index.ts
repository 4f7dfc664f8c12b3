import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../../../db/dialect.js';
import type { DB } from '../../../db/types.js';
import type { AuditLog } from '../../../platform/audit/audit-log.js';
import type { Clock } from '../../../platform/clock.js';
import { createAssignmentRuleService } from './assignment-rules.service.js';
import { createCalendarService } from './calendars.service.js';
import { createCannedResponseService } from './canned-responses.service.js';
import { createCategoryService } from './categories.service.js';
import { registerTicketConfigRoutes } from './config.routes.js';
import { createEscalationLevelService } from './escalation-levels.service.js';
import { createSlaRuleService } from './sla-rules.service.js';
import { createSlaService } from './slas.service.js';
import {
  createTicketSettings,
  registerTicketSettingsRoutes,
  type TicketSettingsReader,
} from './ticket-settings.js';

export { businessCalendarOf } from './calendars.service.js';
export { PATH_SEPARATOR, pathOf } from './categories.service.js';
export {
  createTicketSettings,
  DEFAULT_AUTO_CLOSE_DAYS,
  type TicketSettingsReader,
} from './ticket-settings.js';

type Deps = { db: Kysely<DB>; dialect: DialectHelpers; clock: Clock; audit: AuditLog };

/**
 * The help desk configuration API: categories, business calendars, SLAs with their escalation
 * levels, SLA and assignment rules, canned responses and the ticket settings. Returns the settings
 * reader that ticket creation consults.
 */
export function registerTicketConfig(app: FastifyInstance, deps: Deps): { settings: TicketSettingsReader } {
  registerTicketConfigRoutes(app, {
    categories: createCategoryService(deps),
    calendars: createCalendarService(deps),
    slas: createSlaService(deps),
    escalationLevels: createEscalationLevelService(deps),
    slaRules: createSlaRuleService(deps),
    assignmentRules: createAssignmentRuleService(deps),
    cannedResponses: createCannedResponseService(deps),
  });
  const settings = createTicketSettings(deps);
  registerTicketSettingsRoutes(app, settings);
  return { settings };
}
