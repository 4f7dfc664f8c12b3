import type { Kysely } from 'kysely';
import { toJson } from '../../db/column-conventions.js';
import { upsert } from '../../db/dialect.js';
import type { DB } from '../../db/types.js';

/** Instance-wide settings: one JSON value per key. */
export function createSettingsRepository(db: Kysely<DB>) {
  return {
    async get<T>(key: string): Promise<T | undefined> {
      const row = await db
        .selectFrom('app_settings')
        .select('value_json')
        .where('key', '=', key)
        .executeTakeFirst();
      return row?.value_json as T | undefined;
    },

    async all(): Promise<Record<string, unknown>> {
      const rows = await db.selectFrom('app_settings').select(['key', 'value_json']).orderBy('key').execute();
      return Object.fromEntries(rows.map((r) => [r.key, r.value_json]));
    },

    async set(key: string, value: unknown, now: Date): Promise<void> {
      await upsert(
        db,
        'app_settings',
        { key, value_json: toJson(value), updated_at: now.toISOString() },
        ['key'],
        ['value_json', 'updated_at'],
      );
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
