import type { Kysely } from 'kysely';
import type { DB } from '../../../db/types.js';
import { markdownToText } from '../markdown/index.js';
import { type Language, terms } from './normalize.js';

// Keeps kb_search (the terms the database indexes) and kb_terms (the vocabulary, with how many
// articles hold each term) in step with the articles, inside the caller's transaction, so that an
// edited article is found by its new words at once.

export type ArticleText = {
  title: string;
  summary: string;
  body: string;
  tags: readonly string[];
  language: Language;
};

/**
 * An article's index row: its terms, the title apart (it ranks higher), then summary, tags and
 * body; and the summary and body as plain text, for the snippets of results.
 */
export function articleTerms(article: ArticleText): {
  title_terms: string;
  body_terms: string;
  body_text: string;
} {
  const text = markdownToText(article.body);
  const body = [article.summary, article.tags.join(' '), text].join(' ');
  return {
    title_terms: terms(article.title, article.language).join(' '),
    body_terms: terms(body, article.language).join(' '),
    body_text: [article.summary, text].filter(Boolean).join(' — '),
  };
}

const distinct = (row: { title_terms: string; body_terms: string } | undefined) =>
  new Set(row ? `${row.title_terms} ${row.body_terms}`.split(' ').filter(Boolean) : []);

async function adjustVocabulary(trx: Kysely<DB>, before: Set<string>, after: Set<string>) {
  const added = [...after].filter((t) => !before.has(t) && t.length <= 100);
  const removed = [...before].filter((t) => !after.has(t));
  for (let i = 0; i < added.length; i += 500) {
    await trx
      .insertInto('kb_terms')
      .values(added.slice(i, i + 500).map((term) => ({ term, docs: 1 })))
      .onConflict((oc) => oc.column('term').doUpdateSet((eb) => ({ docs: eb('kb_terms.docs', '+', 1) })))
      .execute();
  }
  for (let i = 0; i < removed.length; i += 500) {
    const chunk = removed.slice(i, i + 500);
    await trx
      .updateTable('kb_terms')
      .set((eb) => ({ docs: eb('docs', '-', 1) }))
      .where('term', 'in', chunk)
      .execute();
  }
  if (removed.length > 0) await trx.deleteFrom('kb_terms').where('docs', '<=', 0).execute();
}

/** (Re)indexes one article from what is stored now. */
export async function indexArticle(trx: Kysely<DB>, articleId: number): Promise<void> {
  const article = await trx
    .selectFrom('kb_articles')
    .select(['title', 'summary', 'body', 'language'])
    .where('id', '=', articleId)
    .executeTakeFirstOrThrow();
  const tags = await trx
    .selectFrom('kb_article_tags')
    .select('tag')
    .where('article_id', '=', articleId)
    .execute();
  const next = articleTerms({
    ...article,
    language: article.language as Language,
    tags: tags.map((t) => t.tag),
  });
  const previous = await trx
    .selectFrom('kb_search')
    .select(['title_terms', 'body_terms', 'body_text'])
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  if (
    previous?.title_terms === next.title_terms &&
    previous.body_terms === next.body_terms &&
    previous.body_text === next.body_text
  )
    return;
  await trx
    .insertInto('kb_search')
    .values({ article_id: articleId, ...next })
    .onConflict((oc) => oc.column('article_id').doUpdateSet(next))
    .execute();
  await adjustVocabulary(trx, distinct(previous), distinct(next));
}

/** Takes an article out of the index and its terms out of the vocabulary (before deleting it). */
export async function unindexArticle(trx: Kysely<DB>, articleId: number): Promise<void> {
  const previous = await trx
    .selectFrom('kb_search')
    .select(['title_terms', 'body_terms'])
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  if (!previous) return;
  await trx.deleteFrom('kb_search').where('article_id', '=', articleId).execute();
  await adjustVocabulary(trx, distinct(previous), new Set());
}

/** Indexes the articles that have no index row yet (articles written before the index existed). */
export async function indexMissing(db: Kysely<DB>, batch = 200): Promise<number> {
  let done = 0;
  for (;;) {
    const missing = await db
      .selectFrom('kb_articles')
      .select('id')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('kb_search')
              .select('article_id')
              .whereRef('kb_search.article_id', '=', 'kb_articles.id'),
          ),
        ),
      )
      .limit(batch)
      .execute();
    if (missing.length === 0) return done;
    await db.transaction().execute(async (trx) => {
      for (const { id } of missing) await indexArticle(trx, id);
    });
    done += missing.length;
  }
}
