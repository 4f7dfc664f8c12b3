import { sql } from 'kysely';

/**
 * How much each signal weighs in the automatic FAQ: a ticket resolved with an article says most,
 * a helpful vote a lot, a view little; an unhelpful vote counts against it.
 */
export const FAQ_WEIGHTS = { view: 1, helpful: 5, unhelpful: -3, resolved: 10 } as const;

export function faqScore(article: {
  view_count: number;
  helpful_count: number;
  unhelpful_count: number;
  resolved_count: number;
}): number {
  return (
    FAQ_WEIGHTS.view * article.view_count +
    FAQ_WEIGHTS.helpful * article.helpful_count +
    FAQ_WEIGHTS.unhelpful * article.unhelpful_count +
    FAQ_WEIGHTS.resolved * article.resolved_count
  );
}

/** The same score as an SQL expression on kb_articles, to rank in the database. */
export const faqScoreSql = sql<number>`(${sql.lit(FAQ_WEIGHTS.view)} * kb_articles.view_count
  + ${sql.lit(FAQ_WEIGHTS.helpful)} * kb_articles.helpful_count
  + ${sql.lit(FAQ_WEIGHTS.unhelpful)} * kb_articles.unhelpful_count
  + ${sql.lit(FAQ_WEIGHTS.resolved)} * kb_articles.resolved_count)`;
