import type { Migration } from 'kysely';
import * as m20261124090000 from './20261124090000_create_app_settings.js';
import * as m20261124100000 from './20261124100000_create_identity.js';
import * as m20261124110000 from './20261124110000_create_tickets.js';
import * as m20261124150000 from './20261124150000_create_config_revisions.js';
import * as m20261124170000 from './20261124170000_create_machines.js';
import * as m20261125090000 from './20261125090000_create_agent_exchange.js';
import * as m20261125100000 from './20261125100000_create_knowledge.js';
import * as m20261125110000 from './20261125110000_create_knowledge_search.js';
import * as m20261126090000 from './20261126090000_create_knowledge_title_search.js';
import * as m20261127090000 from './20261127090000_create_knowledge_search_sample.js';

// Every migration, in order. Append only: a landed migration is never edited or removed.
export const migrations: Record<string, Migration> = {
  '20261124090000_create_app_settings': m20261124090000,
  '20261124100000_create_identity': m20261124100000,
  '20261124110000_create_tickets': m20261124110000,
  '20261124150000_create_config_revisions': m20261124150000,
  '20261124170000_create_machines': m20261124170000,
  '20261125090000_create_agent_exchange': m20261125090000,
  '20261125100000_create_knowledge': m20261125100000,
  '20261125110000_create_knowledge_search': m20261125110000,
  '20261126090000_create_knowledge_title_search': m20261126090000,
  '20261127090000_create_knowledge_search_sample': m20261127090000,
};
