import { knowledgeSeeder } from '../modules/knowledge/knowledge.seed.js';
import { settingsSeeder } from '../modules/settings/settings.seed.js';
import { ticketsConfigSeeder } from '../modules/tickets/config/tickets-config.seed.js';
import { ticketsSeeder } from '../modules/tickets/tickets.seed.js';
import { identitySeeder } from '../modules/users/identity.seed.js';
import type { Seeder } from './seeder.js';

// Each module adds its seeder here, parents first (structures before users before tickets).
export const seeders: Seeder[] = [
  settingsSeeder,
  identitySeeder,
  ticketsConfigSeeder,
  ticketsSeeder,
  knowledgeSeeder,
];
