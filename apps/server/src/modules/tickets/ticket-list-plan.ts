import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from '../../db/connection.js';
import { dialectHelpers } from '../../db/dialect.js';
import type { DB } from '../../db/types.js';
import type { Actor } from '../../platform/auth/actor.js';
import { createCredentialsRepository } from '../../platform/auth/credentials.repository.js';
import { type ListParams, listQuerySchema, listStatements } from '../../platform/lists/index.js';
import { TICKET_COUNT_LIMIT, ticketList } from './ticket-list.js';
import { ticketListQuery } from './tickets.repository.js';

// The query plans of a ticket list as one user would run it: the benchmark prints them, so that a
// missing index shows as a scan.

async function actorFor(db: Kysely<DB>, username: string): Promise<Actor> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'username', 'role', 'structure_id', 'site_id'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const structureIds =
    user.structure_id === null
      ? []
      : user.role === 'technician'
        ? await createCredentialsRepository(db).structureSubtree(user.structure_id)
        : [user.structure_id];
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    structureId: user.structure_id,
    siteId: user.site_id,
    structureIds,
    via: 'token',
    sessionId: null,
    tokenId: null,
    csrfToken: null,
    requirement: null,
  };
}

export async function explainTicketList(
  database: Database,
  username: string,
  queryString: string,
): Promise<{ count: string[]; page: string[] }> {
  const { db } = database;
  const dialect = dialectHelpers(database.dialect);
  const actor = await actorFor(db, username);
  const params = listQuerySchema(ticketList).parse(
    Object.fromEntries(new URLSearchParams(queryString)),
  ) as ListParams;
  const { query, rest } = ticketListQuery(db, dialect, actor, params, new Date().toISOString());
  const statements = listStatements(query, ticketList, rest, dialect, TICKET_COUNT_LIMIT);
  const explain = async (compiled: CompiledQuery) => {
    const prefix = database.dialect === 'postgres' ? 'explain (analyze, buffers) ' : 'explain query plan ';
    const { rows } = await db.executeQuery(
      CompiledQuery.raw(prefix + compiled.sql, [...compiled.parameters]),
    );
    return rows.map((row) => {
      const r = row as Record<string, unknown>;
      return String(r['QUERY PLAN'] ?? `${'  '.repeat(Number(r.parent ? 1 : 0))}${r.detail}`);
    });
  };
  return {
    count: await explain(statements.count.compile(db)),
    page: await explain(statements.page.compile()),
  };
}
