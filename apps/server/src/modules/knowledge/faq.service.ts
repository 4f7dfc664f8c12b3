import type { Deflection, Faq } from '@itsm/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors/app-error.js';
import { selectArticles, tagsOf, toArticle } from './articles.repository.js';
import { faqScoreSql } from './faq.js';
import { type Reader, scopeArticles } from './knowledge.policy.js';

const POPULAR = 10;

type Deps = { db: Kysely<DB>; clock: Clock };

/** The FAQ (curated and automatic) and the tickets the knowledge base spared. */
export function createFaqService({ db, clock }: Deps) {
  const published = (reader: Reader) =>
    scopeArticles(reader, selectArticles(db)).where('kb_articles.status', '=', 'published');

  return {
    async faq(reader: Reader): Promise<Faq> {
      const [curated, popular] = await Promise.all([
        published(reader)
          .where('kb_articles.is_faq', '=', true)
          .orderBy('kb_articles.faq_position')
          .orderBy('kb_articles.id')
          .limit(50)
          .execute(),
        published(reader)
          .where('kb_articles.is_faq', '=', false)
          .where(faqScoreSql, '>', 0)
          .orderBy(faqScoreSql, 'desc')
          .orderBy('kb_articles.id')
          .limit(POPULAR)
          .execute(),
      ]);
      const tags = await tagsOf(
        db,
        [...curated, ...popular].map((a) => a.id),
      );
      const today = clock().toISOString().slice(0, 10);
      const articles = (rows: typeof curated) => rows.map((r) => toArticle(r, tags.get(r.id) ?? [], today));
      return { curated: articles(curated), popular: articles(popular) };
    },

    /** An article read from the suggestions while opening a ticket that was then not submitted. */
    async deflect(reader: Reader, input: Deflection): Promise<void> {
      const found = await published(reader).where('kb_articles.id', '=', input.article).executeTakeFirst();
      if (!found) throw new AppError('ARTICLE_NOT_FOUND');
      await db
        .insertInto('kb_deflections')
        .values({
          article_id: input.article,
          user_id: reader.actor.id,
          query: input.query ?? null,
          created_at: clock().toISOString(),
        })
        .execute();
    },
  };
}

export type FaqService = ReturnType<typeof createFaqService>;
