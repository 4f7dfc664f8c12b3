import type { ArticleSuggestion, SearchPage } from '@itsm/contracts';
import { type Kysely, sql } from 'kysely';
import type { DialectHelpers } from '../../../db/dialect.js';
import type { DB } from '../../../db/types.js';
import type { Clock } from '../../../platform/clock.js';
import { type PageLinks, pageUrl } from '../../../platform/lists/paginate.js';
import { selectArticles, tagsOf, toArticle } from '../articles.repository.js';
import { type Reader, scopeArticles } from '../knowledge.policy.js';
import { foldAccents, type Language } from './normalize.js';
import { closestTerms, prefixRange, type QueryWord, queryWords } from './query.js';
import { highlight, snippet } from './snippet.js';

const COUNT_LIMIT = 1000;
/**
 * Matches a count looks at first when the vocabulary says there may be more: if the reader sees more
 * than COUNT_LIMIT of them, that is the answer ("1,000+") and the others are never read.
 */
const COUNT_SAMPLE = 3000;
const SUGGESTIONS = 5;
/** Best-ranked matches a page is taken from, before the reader's visibility and filters. */
const TOP = 500;
/** Vocabulary entries examined to correct one word (those sharing its first two letters). */
const TYPO_CANDIDATES = 5000;

export type SearchParams = {
  q: string;
  category?: number;
  tag?: string;
  language?: Language;
  status?: string;
  page: number;
  pageSize: number;
};

type Deps = { db: Kysely<DB>; dialect: DialectHelpers; clock: Clock };

/**
 * Ranked full-text search over titles, summaries, tags and bodies (docs/adr/0005): stemmed in
 * French and English, accent-free, typo-tolerant, visibility applied inside the query.
 */
export function createSearchService({ db, dialect, clock }: Deps) {
  /**
   * Each word's terms to look for; unknown words are corrected from the vocabulary. `matchesOf`: at
   * most how many articles hold every word of some groups (the rarest word's count), from the
   * vocabulary; unbounded for the word being typed.
   */
  async function termGroups(words: QueryWord[], typing: boolean) {
    const all = [...new Set(words.flatMap((w) => w.variants))];
    const docsOf = new Map(
      (await db.selectFrom('kb_terms').select(['term', 'docs']).where('term', 'in', all).execute()).map(
        (r) => [r.term, r.docs],
      ),
    );
    const groups: string[][] = [];
    /** Groups that stand for a corrected word (it may have been right: a word the base lacks). */
    const corrected = new Set<string[]>();
    const corrections: { word: string; terms: string[] }[] = [];
    const held = new Map<readonly string[], number>();
    const holding = (terms: readonly string[]) => terms.reduce((sum, t) => sum + (docsOf.get(t) ?? 0), 0);
    for (const [i, word] of words.entries()) {
      const found = word.variants.filter((v) => docsOf.has(v));
      if (typing && i === words.length - 1) {
        // The word being typed: any term it begins.
        groups.push([...new Set([...word.variants, foldAccents(word.word)])]);
      } else if (found.length > 0) {
        groups.push(found);
        held.set(found, holding(found));
      } else {
        const [from, to] = prefixRange((word.variants[0] ?? '').slice(0, 2));
        const vocabulary = await db
          .selectFrom('kb_terms')
          .select(['term', 'docs'])
          .where('term', '>=', from)
          .where('term', '<', to)
          .limit(TYPO_CANDIDATES)
          .execute();
        const closest = closestTerms(word.variants, vocabulary);
        corrections.push({ word: word.word, terms: closest });
        // Nothing resembles it: left out, rather than leaving no result at all.
        if (closest.length > 0) {
          groups.push(closest);
          corrected.add(closest);
          for (const entry of vocabulary) docsOf.set(entry.term, entry.docs);
          held.set(closest, holding(closest));
        }
      }
    }
    const matchesOf = (wanted: readonly (readonly string[])[]) =>
      Math.min(...wanted.map((g) => held.get(g) ?? Number.POSITIVE_INFINITY));
    return { groups, corrected, corrections, matchesOf };
  }

  /** The articles among `hits` the reader may see, with the filters, their score selected. */
  function matching(
    reader: Reader,
    hits: ReturnType<DialectHelpers['searchHits']>,
    filters: Omit<SearchParams, 'q' | 'page' | 'pageSize'>,
  ) {
    let query = scopeArticles(
      reader,
      selectArticles(db)
        .innerJoin(sql<{ article_id: number; score: number }>`${hits}`.as('hits'), (join) =>
          join.on(sql<boolean>`hits.article_id = kb_articles.id`),
        )
        .select(sql<number>`hits.score`.as('score')),
    ).where('kb_articles.status', '=', filters.status ?? 'published');
    if (filters.category !== undefined) {
      // The category and every one below it, as when browsing.
      const root = filters.category;
      query = query.where(
        'kb_articles.category_id',
        'in',
        sql<number>`(with recursive tree(id) as (select cast(${root} as bigint)
          union all select c.id from kb_categories as c join tree on c.parent_id = tree.id)
          select id from tree)`,
      );
    }
    if (filters.language) query = query.where('kb_articles.language', '=', filters.language);
    if (filters.tag)
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('kb_article_tags')
            .select('kb_article_tags.tag')
            .whereRef('kb_article_tags.article_id', '=', 'kb_articles.id')
            .where('kb_article_tags.tag', '=', filters.tag?.toLowerCase() ?? ''),
        ),
      );
    return query;
  }

  return {
    async search(reader: Reader, params: SearchParams, links: PageLinks): Promise<SearchPage> {
      const words = queryWords(params.q);
      const empty = { count: 0, next: null, previous: null, corrections: [], results: [] };
      if (words.length === 0) return empty;
      const terms = await termGroups(words, false);
      let { groups, corrections } = terms;
      if (groups.length === 0) return { ...empty, corrections };
      const offset = (params.page - 1) * params.pageSize;
      // The page: among the best-ranked matches only (ranking every match of a common word is
      // what costs); the count: every match the reader may see, unranked, up to COUNT_LIMIT.
      const top = Math.max(TOP, offset + params.pageSize * 5);
      const best = (wanted: string[][], titleOnly: boolean) =>
        matching(
          reader,
          dialect.searchHits(wanted, { top, matches: terms.matchesOf(wanted), titleOnly }),
          params,
        )
          .orderBy(sql`hits.score`, 'desc')
          .orderBy('kb_articles.id', 'desc');
      const ranked = (wanted: string[][], titleOnly: boolean) =>
        best(wanted, titleOnly).limit(params.pageSize).offset(offset).execute();
      /**
       * The reader's matches past the best-ranked `top` — those were hidden from him or outside his
       * filters — newest first: they end a page the best-ranked cannot fill.
       */
      const beyondTop = async (wanted: string[][], shown: number) => {
        const ids = (
          await best(wanted, false).clearSelect().select('kb_articles.id').limit(top).execute()
        ).map((r) => r.id);
        let rest = matching(reader, dialect.searchHits(wanted), params);
        if (ids.length > 0) rest = rest.where('kb_articles.id', 'not in', ids);
        return rest
          .orderBy('kb_articles.id', 'desc')
          .limit(params.pageSize - shown)
          .offset(Math.max(0, offset - ids.length))
          .execute();
      };
      const visibleAmong = async (wanted: string[][], sample?: number) => {
        const all = matching(reader, dialect.searchHits(wanted, { sample }), params);
        const { rows } = await sql<{ n: number | string }>`select count(*) as n from (${all
          .clearSelect()
          .select(sql.lit(1).as('one'))
          .limit(COUNT_LIMIT + 1)}) as capped`.execute(db);
        return Number(rows[0]?.n ?? 0);
      };
      const counted = async (wanted: string[][]) => {
        if (terms.matchesOf(wanted) > COUNT_SAMPLE) {
          const many = await visibleAmong(wanted, COUNT_SAMPLE);
          if (many > COUNT_LIMIT) return many;
        }
        return visibleAmong(wanted);
      };
      const page = async (wanted: string[][]) => {
        const [total, inTitles] = await Promise.all([counted(wanted), ranked(wanted, true)]);
        // Title matches come first: a page they fill is the page (the title index is small); only
        // otherwise are the bodies ranked.
        const rows = inTitles.length === params.pageSize ? inTitles : await ranked(wanted, false);
        if (rows.length < params.pageSize && total > offset + rows.length)
          rows.push(...(await beyondTop(wanted, rows.length)));
        return { total, rows };
      };
      let { total, rows } = await page(groups);
      const kept = groups.filter((g) => !terms.corrected.has(g));
      if (total === 0 && kept.length > 0 && kept.length < groups.length) {
        // A corrected word may have been right, only absent from the base ("étage" is not "étape"):
        // rather than nothing, what the other words find, saying the word was left out.
        ({ total, rows } = await page(kept));
        groups = kept;
        corrections = corrections.map((c) => ({ ...c, terms: [] }));
      }
      const capped = total > COUNT_LIMIT;
      const count = Math.min(total, COUNT_LIMIT);
      if (rows.length === 0) return { ...empty, count, corrections };
      const ids = rows.map((r) => r.id);
      const [texts, tags] = await Promise.all([
        db
          .selectFrom('kb_search')
          .select(['article_id', 'body_text'])
          .where('article_id', 'in', ids)
          .execute(),
        tagsOf(db, ids),
      ]);
      const textOf = new Map(texts.map((b) => [b.article_id, b.body_text]));
      const hits = { terms: new Set(groups.flat()), prefixes: [] };
      const today = clock().toISOString().slice(0, 10);
      return {
        count,
        ...(capped && { count_is_estimate: true }),
        next: offset + rows.length < count ? pageUrl(links.baseUrl, links.requestUrl, params.page + 1) : null,
        previous: params.page > 1 ? pageUrl(links.baseUrl, links.requestUrl, params.page - 1) : null,
        corrections,
        results: rows.map((row) => {
          const language = row.language as Language;
          const text = textOf.get(row.id) ?? row.summary;
          return {
            article: toArticle(row, tags.get(row.id) ?? [], today),
            title: highlight(row.title, hits, language),
            snippet: snippet(text, hits, language),
            score: Number(row.score),
          };
        }),
      };
    },

    /**
     * The best published articles for what is being typed (the last word may be unfinished): those
     * whose title holds every word, then — a ticket title says more than an article's — those
     * holding the most of them.
     */
    async suggest(reader: Reader, q: string): Promise<ArticleSuggestion[]> {
      const words = queryWords(q);
      if (words.length === 0) return [];
      const { groups } = await termGroups(words, true);
      if (groups.length === 0) return [];
      const best = (anyWord: boolean, except: readonly number[]) => {
        const hits = dialect.searchHits(groups, { prefixLast: true, top: TOP, titleOnly: true, anyWord });
        let query = matching(reader, hits, {});
        if (except.length > 0) query = query.where('kb_articles.id', 'not in', except);
        return query
          .orderBy(sql`hits.score`, 'desc')
          .orderBy('kb_articles.id', 'desc')
          .limit(SUGGESTIONS - except.length)
          .execute();
      };
      const rows = await best(false, []);
      if (rows.length < SUGGESTIONS && groups.length > 1)
        rows.push(
          ...(await best(
            true,
            rows.map((r) => r.id),
          )),
        );
      return rows.map((r) => ({
        id: r.id,
        title: r.title,
        summary: r.summary,
        category_name: r.category_name,
      }));
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
