import type { Deflection, Faq, FaqCandidate } from '@itsm/contracts';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types.js';
import { assertAllowed, isStaff } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors/app-error.js';
import { ticketNumber } from '../tickets/ticket-list.js';
import { scopeTickets } from '../tickets/tickets.policy.js';
import { articleDraftFrom } from './article-draft.js';
import { selectArticles, tagsOf, toArticle } from './articles.repository.js';
import { faqScoreSql } from './faq.js';
import { groupSimilarTickets, type ResolvedTicket } from './faq-candidates.js';
import { type SignedInReader, scopeArticles } from './knowledge.policy.js';

const POPULAR = 10;
/** Resolved tickets examined for FAQ candidates, newest first. */
const CANDIDATE_TICKETS = 2000;
const CANDIDATE_GROUPS = 20;

type Deps = { db: Kysely<DB>; clock: Clock };

/** The FAQ (curated and automatic) and the tickets the knowledge base spared. */
export function createFaqService({ db, clock }: Deps) {
  const published = (reader: SignedInReader) =>
    scopeArticles(reader, selectArticles(db)).where('kb_articles.status', '=', 'published');

  return {
    async faq(reader: SignedInReader): Promise<Faq> {
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

    /**
     * Groups of recently resolved tickets (in the caller's scope) with similar titles and no
     * article attached, each with a draft made from its best solution.
     */
    async candidates(
      reader: SignedInReader,
      options: { days: number; minSize: number },
    ): Promise<FaqCandidate[]> {
      const { actor } = reader;
      assertAllowed(isStaff(actor), 'Only support staff see the FAQ candidates');
      const since = new Date(clock().getTime() - options.days * 86_400_000).toISOString();
      const rows = await scopeTickets(
        actor,
        db
          .selectFrom('tickets')
          .select([
            'tickets.id',
            'tickets.title',
            'tickets.description',
            'tickets.solution',
            'tickets.resolved_at',
            sql<number | null>`(select s.rating from ticket_surveys as s where s.ticket_id = tickets.id)`.as(
              'rating',
            ),
            sql<string>`(select u.locale from users as u where u.id = tickets.requester_id)`.as('locale'),
          ]),
      )
        .where('tickets.status', 'in', ['resolved', 'closed'])
        .where('tickets.resolved_at', '>=', since)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('ticket_articles')
                .select('ticket_articles.article_id')
                .whereRef('ticket_articles.ticket_id', '=', 'tickets.id'),
            ),
          ),
        )
        .orderBy('tickets.resolved_at', 'desc')
        .limit(CANDIDATE_TICKETS)
        .execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      const tickets: ResolvedTicket[] = rows.map((r) => ({
        id: r.id,
        title: r.title,
        solution: r.solution,
        resolvedAt: r.resolved_at ?? since,
        rating: r.rating === null ? null : Number(r.rating),
        language: r.locale === 'en' ? 'en' : 'fr',
      }));
      return groupSimilarTickets(tickets, { minSize: options.minSize })
        .slice(0, CANDIDATE_GROUPS)
        .map((group) => {
          const best = byId.get(group.best.id);
          return {
            size: group.tickets.length,
            terms: group.terms,
            tickets: group.tickets.map((t) => ({
              id: t.id,
              number: ticketNumber(t.id),
              title: t.title,
              resolved_at: t.resolvedAt,
            })),
            draft: articleDraftFrom({
              ...group.best,
              description: best?.description ?? '',
            }),
          };
        });
    },

    /** An article read from the suggestions while opening a ticket that was then not submitted. */
    async deflect(reader: SignedInReader, input: Deflection): Promise<void> {
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
