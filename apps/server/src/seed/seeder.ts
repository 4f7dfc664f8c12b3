import type { Kysely } from 'kysely';
import type { Progress } from '../cli/progress.js';
import type { DialectHelpers } from '../db/dialect.js';
import type { DB } from '../db/types.js';

export type SeedContext = {
  db: Kysely<DB>;
  dialect: DialectHelpers;
  now: () => Date;
  progress: (label: string, total: number) => Progress;
  /** Options of `itsm seed`, e.g. { tickets: 1000000 } once the tickets module adds --tickets. */
  options: Record<string, unknown>;
};

/** A module's part of the demo data. Runs must be idempotent: seeding twice changes nothing more. */
export type Seeder = {
  name: string;
  description: string;
  run(context: SeedContext): Promise<string>;
};
