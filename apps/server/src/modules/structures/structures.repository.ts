import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types.js';

export const STRUCTURE_COLUMNS = [
  'structures.id',
  'structures.name',
  'structures.code',
  'structures.description',
  'structures.parent_id as parent',
  'structures.created_at',
  'structures.updated_at',
] as const;

export function createStructureRepository(db: Kysely<DB>) {
  return {
    select() {
      return db.selectFrom('structures').select(STRUCTURE_COLUMNS);
    },

    async exists(id: number): Promise<boolean> {
      return (
        (await db.selectFrom('structures').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
      );
    },

    async parentMap(): Promise<Map<number, number | null>> {
      const rows = await db.selectFrom('structures').select(['id', 'parent_id']).execute();
      return new Map(rows.map((r) => [r.id, r.parent_id]));
    },

    /** What still points at a structure, by kind (children, users, sites, groups). */
    async usage(id: number): Promise<Record<string, number>> {
      const count = async (
        table: 'structures' | 'users' | 'sites' | 'groups',
        column: 'parent_id' | 'structure_id',
      ) => {
        const row = await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(sql.ref(`${table}.${column}`), '=', id)
          .executeTakeFirstOrThrow();
        return Number(row.n);
      };
      return {
        children: await count('structures', 'parent_id'),
        users: await count('users', 'structure_id'),
        sites: await count('sites', 'structure_id'),
        groups: await count('groups', 'structure_id'),
      };
    },
  };
}

export type StructureRepository = ReturnType<typeof createStructureRepository>;
