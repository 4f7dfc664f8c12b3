import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { DB } from '../../db/types.js';
import { type Actor, isStaff } from '../../platform/auth/actor.js';

/**
 * Who reads the knowledge base, with the structures through which "chosen structures" articles
 * reach him: his own structure (a technician: and those below it) and every structure above it
 * (an article for a whole company reaches its subsidiaries).
 */
export type SignedInReader = { actor: Actor; reach: number[] };

/** Somebody not signed in, reading the public knowledge base (when the instance opens it). */
export type PublicReader = { actor: null; reach: readonly [] };

export type Reader = SignedInReader | PublicReader;

export const PUBLIC_READER: PublicReader = Object.freeze({ actor: null, reach: [] as const });

export async function readerOf(db: Kysely<DB>, actor: Actor): Promise<SignedInReader> {
  if (actor.role === 'admin' || actor.structureId === null) return { actor, reach: actor.structureIds };
  const tree = await db.selectFrom('structures').select(['id', 'parent_id']).execute();
  const parentOf = new Map(tree.map((s) => [s.id, s.parent_id]));
  const reach = new Set(actor.structureIds);
  for (let id = parentOf.get(actor.structureId) ?? null; id !== null; id = parentOf.get(id) ?? null) {
    if (reach.has(id)) break;
    reach.add(id);
  }
  return { actor, reach: [...reach] };
}

/**
 * Admin: every article. Technician: every status, among the articles for everyone, for staff, or
 * for a structure he reaches. User: published articles for everyone or for a structure he reaches.
 * Not signed in: published articles for everyone marked public (whether the instance opens its public
 * knowledge base at all is the caller's check).
 */
// biome-ignore lint/suspicious/noExplicitAny: any query on kb_articles
export function scopeArticles<Q extends SelectQueryBuilder<any, any, any>>(reader: Reader, query: Q): Q {
  const { actor, reach } = reader;
  if (actor === null)
    return query
      .where('kb_articles.status', '=', 'published')
      .where('kb_articles.visibility', '=', 'everyone')
      .where('kb_articles.is_public', '=', true) as Q;
  if (actor.role === 'admin') return query;
  const forStructures =
    reach.length === 0
      ? sql<boolean>`1 = 0`
      : sql<boolean>`exists (select 1 from kb_article_structures as kas
          where kas.article_id = kb_articles.id and kas.structure_id in (${sql.join(reach)}))`;
  if (actor.role === 'technician') {
    return query.where(
      sql<boolean>`(kb_articles.visibility in ('everyone', 'staff')
        or (kb_articles.visibility = 'structures' and ${forStructures}))`,
    ) as Q;
  }
  return query.where(
    sql<boolean>`(kb_articles.status = 'published' and (kb_articles.visibility = 'everyone'
      or (kb_articles.visibility = 'structures' and ${forStructures})))`,
  ) as Q;
}

/** Administrators and technicians write articles (every save is a revision) and their attachments. */
export const canWriteArticles = (actor: Actor) => isStaff(actor);

/** The public knowledge base is switched on and off by administrators. */
export const canManageKbSettings = (actor: Actor) => actor.role === 'admin';

/** Only administrators delete an article (the others archive it). */
export const canDeleteArticles = (actor: Actor) => actor.role === 'admin';

/** The category tree is the administrators'. */
export const canManageKbCategories = (actor: Actor) => actor.role === 'admin';
