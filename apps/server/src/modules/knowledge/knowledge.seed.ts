import { sql } from 'kysely';
import { toJson } from '../../db/column-conventions.js';
import type { SeedContext, Seeder } from '../../seed/seeder.js';
import { generateArticle, seededRng } from './article-generator.js';
import { DEMO_ARTICLES } from './demo-articles.js';
import { articleTerms, indexArticle } from './search/indexer.js';

const BATCH = 500;

/** The demo articles, published, each in the search index. */
async function demo(context: SeedContext): Promise<number> {
  const { db } = context;
  const at = context.now().toISOString();
  const admin = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .orderBy('id')
    .executeTakeFirst();
  let added = 0;
  for (const { key: _key, ...article } of DEMO_ARTICLES) {
    const exists = await db
      .selectFrom('kb_articles')
      .select('id')
      .where('title', '=', article.title)
      .executeTakeFirst();
    if (exists) continue;
    // The seeders' runner holds one transaction for the whole seeder.
    const { id } = await db
      .insertInto('kb_articles')
      .values({
        ...article,
        status: 'published',
        author_id: admin?.id ?? null,
        owner_id: admin?.id ?? null,
        published_at: at,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('kb_revisions')
      .values({
        article_id: id,
        number: 1,
        title: article.title,
        summary: '',
        body: article.body,
        tags_json: toJson([]),
        status: 'published',
        author_id: admin?.id ?? null,
        created_at: at,
      })
      .execute();
    await indexArticle(db, id);
    added++;
  }
  return added;
}

/** Generated articles up to `total` (benchmarks), written and indexed in batches. */
async function generate(context: SeedContext, total: number): Promise<string> {
  const { db } = context;
  const have = Number(
    (
      await db
        .selectFrom('kb_articles')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  if (have >= total) return `${have} articles already, none added`;
  const rng = seededRng(20261125 + have);
  const missing = total - have;
  const progress = context.progress('articles', missing);
  const at = context.now().toISOString();
  for (let done = 0; done < missing; done += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, missing - done) }, () => generateArticle(rng));
    const ids = await db
      .insertInto('kb_articles')
      .values(
        batch.map((a) => ({
          title: a.title,
          summary: a.summary,
          body: a.body,
          language: a.language,
          status: 'published',
          published_at: at,
          view_count: Math.floor(rng() * 500),
          created_at: at,
          updated_at: at,
        })),
      )
      .returning('id')
      .execute();
    const tagRows = ids.flatMap(({ id }, i) =>
      [...new Set(batch[i]?.tags ?? [])].map((tag) => ({ article_id: id, tag })),
    );
    if (tagRows.length > 0) await db.insertInto('kb_article_tags').values(tagRows).execute();
    await db
      .insertInto('kb_revisions')
      .values(
        ids.map(({ id }, i) => {
          const a = batch[i] as (typeof batch)[number];
          return {
            article_id: id,
            number: 1,
            title: a.title,
            summary: a.summary,
            body: a.body,
            tags_json: toJson(a.tags),
            status: 'published',
            created_at: at,
          };
        }),
      )
      .execute();
    // The index and the vocabulary of the whole batch at once (indexArticle does one at a time).
    const vocabulary = new Map<string, number>();
    const rows = ids.map(({ id }, i) => {
      const terms = articleTerms(batch[i] as (typeof batch)[number]);
      for (const term of new Set(`${terms.title_terms} ${terms.body_terms}`.split(' ').filter(Boolean)))
        if (term.length <= 100) vocabulary.set(term, (vocabulary.get(term) ?? 0) + 1);
      return { article_id: id, ...terms };
    });
    for (let i = 0; i < rows.length; i += 100)
      await db
        .insertInto('kb_search')
        .values(rows.slice(i, i + 100))
        .execute();
    const entries = [...vocabulary].map(([term, docs]) => ({ term, docs }));
    for (let i = 0; i < entries.length; i += 500)
      await db
        .insertInto('kb_terms')
        .values(entries.slice(i, i + 500))
        .onConflict((oc) =>
          oc
            .column('term')
            .doUpdateSet((eb) => ({ docs: sql`${eb.ref('kb_terms.docs')} + ${eb.ref('excluded.docs')}` })),
        )
        .execute();
    progress.tick(batch.length);
  }
  progress.stop();
  await sql`analyze`.execute(db);
  return `${missing} articles added (${total} in all)`;
}

/** The demo knowledge base; `itsm seed --articles N` fills it up to N generated articles. */
export const knowledgeSeeder: Seeder = {
  name: 'knowledge',
  description: `${DEMO_ARTICLES.length} demo articles (French and English), or --articles N generated ones`,
  async run(context) {
    const added = await demo(context);
    const wanted = context.options.articles;
    if (wanted === undefined) return `${added} demo articles added`;
    return generate(context, Number(wanted));
  },
};
