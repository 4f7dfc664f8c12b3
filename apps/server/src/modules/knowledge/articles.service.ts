import {
  type Article,
  type ArticleCreate,
  ArticleCreateSchema,
  type ArticleDetail,
  type ArticleRevision,
  type ArticleStatus,
  type ArticleTransition,
  type ArticleUpdate,
  type Page,
  type RevisionDiff,
  type Vote,
} from '@itsm/contracts';
import type { Kysely, Transaction } from 'kysely';
import { toJson } from '../../db/column-conventions.js';
import type { DialectHelpers } from '../../db/dialect.js';
import { inTransaction } from '../../db/transaction.js';
import type { DB } from '../../db/types.js';
import { type AuditLog, auditContext, changesOf } from '../../platform/audit/audit-log.js';
import { type Actor, assertAllowed, type RequestContext } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { defineList, type ListParams, type PageLinks, paginate } from '../../platform/lists/index.js';
import type { FileStore } from '../../platform/storage/file-store.js';
import { checkReferences } from '../tickets/config/references.js';
import { scopeTickets } from '../tickets/tickets.policy.js';
import { selectArticles, selectRevisions, tagsOf, toArticle, toRevision } from './articles.repository.js';
import { selectAttachments, toArticleAttachment } from './attachments.repository.js';
import {
  canDeleteArticles,
  canWriteArticles,
  readerOf,
  type SignedInReader,
  scopeArticles,
} from './knowledge.policy.js';
import { renderMarkdown } from './markdown/index.js';
import { revisionDiff } from './revision-diff.js';
import { indexArticle, unindexArticle } from './search/indexer.js';
import { articleTransition, availableArticleActions } from './workflow.js';

export const articleList = defineList({
  filters: {
    status: {
      type: 'enum',
      column: 'kb_articles.status',
      values: ['draft', 'in_review', 'published', 'archived'],
      ops: ['eq', 'in'],
    },
    language: { type: 'enum', column: 'kb_articles.language', values: ['fr', 'en'], ops: ['eq'] },
    category: { type: 'int', column: 'kb_articles.category_id', ops: ['eq', 'in', 'isnull'] },
    visibility: {
      type: 'enum',
      column: 'kb_articles.visibility',
      values: ['everyone', 'staff', 'structures'],
      ops: ['eq'],
    },
    is_faq: { type: 'boolean', column: 'kb_articles.is_faq', ops: ['eq'] },
    is_public: { type: 'boolean', column: 'kb_articles.is_public', ops: ['eq'] },
    author: { type: 'int', column: 'kb_articles.author_id', ops: ['eq'] },
    owner: { type: 'int', column: 'kb_articles.owner_id', ops: ['eq', 'isnull'] },
    review_by: { type: 'date', column: 'kb_articles.review_by', ops: ['lte', 'gte', 'isnull'] },
    updated_at: { type: 'datetime', column: 'kb_articles.updated_at', ops: ['gte', 'lte'] },
  },
  search: ['kb_articles.title', 'kb_articles.summary'],
  ordering: {
    updated_at: 'kb_articles.updated_at',
    published_at: 'kb_articles.published_at',
    title: 'kb_articles.title',
    view_count: 'kb_articles.view_count',
    helpful_count: 'kb_articles.helpful_count',
    faq_position: 'kb_articles.faq_position',
    review_by: 'kb_articles.review_by',
    id: 'kb_articles.id',
  },
  nullable: ['published_at', 'faq_position', 'review_by'],
  defaultOrdering: '-updated_at',
  tiebreaker: 'kb_articles.id',
});

export const revisionList = defineList({
  filters: {},
  ordering: { number: 'kb_revisions.number' },
  defaultOrdering: '-number',
  tiebreaker: 'kb_revisions.id',
});

/** List parameters that are not column filters. */
export type ArticleListExtras = { tag?: string };

type Deps = {
  db: Kysely<DB>;
  dialect: DialectHelpers;
  clock: Clock;
  audit: AuditLog;
  files: Pick<FileStore, 'remove'>;
};

const today = (now: Date) => now.toISOString().slice(0, 10);
const normalizedTags = (tags: readonly string[]) => [...new Set(tags)].sort();

export function createArticleService({ db, dialect, clock, audit, files }: Deps) {
  const visible = (reader: SignedInReader, executor: Kysely<DB> = db) =>
    scopeArticles(reader, selectArticles(executor));

  async function row(reader: SignedInReader, id: number, executor: Kysely<DB> = db) {
    const found = await visible(reader, executor).where('kb_articles.id', '=', id).executeTakeFirst();
    if (!found) throw new AppError('ARTICLE_NOT_FOUND');
    return found;
  }

  async function isReviewer(actor: Actor, groupId: number | null): Promise<boolean> {
    if (actor.role === 'admin') return true;
    if (groupId === null) return false;
    const member = await db
      .selectFrom('group_members')
      .select('user_id')
      .where('group_id', '=', groupId)
      .where('user_id', '=', actor.id)
      .executeTakeFirst();
    return member !== undefined;
  }

  async function detail(reader: SignedInReader, id: number): Promise<ArticleDetail> {
    const { actor } = reader;
    const found = await row(reader, id);
    const [extra, tags, structures, attachments, vote, reviewer] = await Promise.all([
      db
        .selectFrom('kb_articles')
        .select([
          'body',
          'source_ticket_id',
          (eb) =>
            eb
              .selectFrom('groups')
              .select('groups.name')
              .whereRef('groups.id', '=', 'kb_articles.reviewer_group_id')
              .as('reviewer_group_name'),
        ])
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
      tagsOf(db, [id]),
      db.selectFrom('kb_article_structures').select('structure_id').where('article_id', '=', id).execute(),
      selectAttachments(db)
        .where('kb_attachments.article_id', '=', id)
        .orderBy('kb_attachments.id')
        .execute(),
      db
        .selectFrom('kb_votes')
        .select(['is_helpful', 'comment'])
        .where('article_id', '=', id)
        .where('user_id', '=', actor.id)
        .executeTakeFirst(),
      isReviewer(actor, found.reviewer_group_id),
    ]);
    const staff = canWriteArticles(actor);
    return {
      ...toArticle(found, tags.get(id) ?? [], today(clock())),
      body: extra.body,
      body_html: renderMarkdown(extra.body),
      structures: structures.map((s) => s.structure_id).sort((a, b) => a - b),
      reviewer_group: found.reviewer_group_id,
      reviewer_group_name: extra.reviewer_group_name ?? null,
      source_ticket: extra.source_ticket_id,
      attachments: attachments.map(toArticleAttachment),
      my_vote: vote ? { helpful: Boolean(vote.is_helpful), comment: vote.comment } : null,
      available_actions: availableArticleActions(
        { status: found.status as ArticleStatus, reviewerGroupId: found.reviewer_group_id },
        { staff, reviewer: reviewer && staff },
      ),
      can_edit: staff,
    };
  }

  /** Categories, groups, owner and structures must exist; chosen structures need at least one. */
  async function checkFields(
    input: {
      category?: number | null;
      owner?: number | null;
      reviewer_group?: number | null;
      structures?: readonly number[];
      visibility?: string;
    },
    structuresAfter: readonly number[] | undefined,
  ) {
    await checkReferences(db, [
      ['owner', 'users', input.owner],
      ['reviewer_group', 'groups', input.reviewer_group],
    ]);
    if (input.category !== undefined && input.category !== null) {
      const category = await db
        .selectFrom('kb_categories')
        .select('id')
        .where('id', '=', input.category)
        .executeTakeFirst();
      if (!category) throw fieldError('body', 'category', `No such category: ${input.category}`, 'not_found');
    }
    for (const id of input.structures ?? []) await checkReferences(db, [['structures', 'structures', id]]);
    if (input.visibility === 'structures' && (structuresAfter ?? []).length === 0)
      throw fieldError('body', 'structures', 'Choose at least one structure for this visibility');
  }

  async function saveRevision(
    trx: Transaction<DB>,
    articleId: number,
    actor: Actor,
    note: string | null,
    at: string,
  ) {
    const article = await trx
      .selectFrom('kb_articles')
      .select(['title', 'summary', 'body', 'category_id', 'status', 'revision'])
      .where('id', '=', articleId)
      .executeTakeFirstOrThrow();
    const tags = (await tagsOf(trx, [articleId])).get(articleId) ?? [];
    await trx
      .insertInto('kb_revisions')
      .values({
        article_id: articleId,
        number: article.revision,
        title: article.title,
        summary: article.summary,
        body: article.body,
        tags_json: toJson(tags),
        category_id: article.category_id,
        status: article.status,
        note,
        author_id: actor.id,
        created_at: at,
      })
      .execute();
  }

  async function replaceLists(
    trx: Transaction<DB>,
    articleId: number,
    lists: { tags?: readonly string[]; structures?: readonly number[] },
  ) {
    if (lists.tags) {
      await trx.deleteFrom('kb_article_tags').where('article_id', '=', articleId).execute();
      const tags = normalizedTags(lists.tags);
      if (tags.length > 0)
        await trx
          .insertInto('kb_article_tags')
          .values(tags.map((tag) => ({ article_id: articleId, tag })))
          .execute();
    }
    if (lists.structures) {
      await trx.deleteFrom('kb_article_structures').where('article_id', '=', articleId).execute();
      const ids = [...new Set(lists.structures)];
      if (ids.length > 0)
        await trx
          .insertInto('kb_article_structures')
          .values(ids.map((structure_id) => ({ article_id: articleId, structure_id })))
          .execute();
    }
  }

  return {
    readerOf: (actor: Actor) => readerOf(db, actor),
    detail,

    async list(
      reader: SignedInReader,
      params: ListParams & ArticleListExtras,
      links: PageLinks,
    ): Promise<Page<Article>> {
      let query = visible(reader);
      if (params.tag)
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('kb_article_tags')
              .select('kb_article_tags.tag')
              .whereRef('kb_article_tags.article_id', '=', 'kb_articles.id')
              .where('kb_article_tags.tag', '=', params.tag?.toLowerCase() ?? ''),
          ),
        );
      const page = await paginate(query, articleList, params, dialect, links);
      const tags = await tagsOf(
        db,
        page.results.map((r) => r.id),
      );
      const day = today(clock());
      return { ...page, results: page.results.map((r) => toArticle(r, tags.get(r.id) ?? [], day)) };
    },

    async create(
      reader: SignedInReader,
      raw: ArticleCreate,
      request: RequestContext,
    ): Promise<ArticleDetail> {
      const { actor } = reader;
      assertAllowed(canWriteArticles(actor), 'Only support staff write articles');
      const input = ArticleCreateSchema.parse(raw);
      await checkFields(input, input.structures);
      if (input.source_ticket !== undefined) {
        const ticket = await scopeTickets(actor, db.selectFrom('tickets').select('tickets.id'), {
          single: true,
        })
          .where('tickets.id', '=', input.source_ticket)
          .executeTakeFirst();
        if (!ticket)
          throw fieldError('body', 'source_ticket', `No such ticket: ${input.source_ticket}`, 'not_found');
      }
      const at = clock().toISOString();
      const id = await inTransaction(db, async (trx) => {
        const { id } = await trx
          .insertInto('kb_articles')
          .values({
            title: input.title,
            summary: input.summary,
            body: input.body,
            language: input.language,
            category_id: input.category ?? null,
            author_id: actor.id,
            owner_id: input.owner ?? actor.id,
            reviewer_group_id: input.reviewer_group ?? null,
            review_by: input.review_by ?? null,
            visibility: input.visibility,
            is_public: input.is_public,
            is_faq: input.is_faq,
            faq_position: input.faq_position ?? null,
            source_ticket_id: input.source_ticket ?? null,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await replaceLists(trx, id, { tags: input.tags, structures: input.structures });
        await saveRevision(trx, id, actor, null, at);
        await indexArticle(trx, id);
        await audit.record(trx, auditContext(actor, request), {
          action: 'article.created',
          target: { type: 'article', id, label: input.title },
        });
        return id;
      });
      return detail(reader, id);
    },

    async update(
      reader: SignedInReader,
      id: number,
      input: ArticleUpdate,
      request: RequestContext,
    ): Promise<ArticleDetail> {
      const { actor } = reader;
      assertAllowed(canWriteArticles(actor), 'Only support staff edit articles');
      const before = await detail(reader, id);
      if (input.revision !== before.revision)
        throw new AppError('REVISION_CONFLICT', {
          detail: `Revision ${before.revision} was saved after the revision ${input.revision} you edited`,
          extensions: { current_revision: before.revision },
        });
      const visibility = input.visibility ?? before.visibility;
      await checkFields({ ...input, visibility }, input.structures ?? before.structures);
      const { revision: _r, note, tags, structures, ...fields } = input;
      const tracked = {
        title: before.title,
        summary: before.summary,
        body: before.body,
        language: before.language,
        category: before.category,
        visibility: before.visibility,
        is_public: before.is_public,
        is_faq: before.is_faq,
        faq_position: before.faq_position,
        owner: before.owner,
        reviewer_group: before.reviewer_group,
        review_by: before.review_by,
        tags: before.tags,
        structures: before.structures,
      };
      const changes = changesOf(tracked, {
        ...fields,
        ...(tags && { tags: normalizedTags(tags) }),
        ...(structures && { structures: [...new Set(structures)].sort((a, b) => a - b) }),
      });
      if (!changes) return before;
      const at = clock().toISOString();
      await inTransaction(db, async (trx) => {
        const updated = await trx
          .updateTable('kb_articles')
          .set({
            ...(fields.title !== undefined && { title: fields.title }),
            ...(fields.summary !== undefined && { summary: fields.summary }),
            ...(fields.body !== undefined && { body: fields.body }),
            ...(fields.language !== undefined && { language: fields.language }),
            ...(fields.category !== undefined && { category_id: fields.category }),
            ...(fields.visibility !== undefined && { visibility: fields.visibility }),
            ...(fields.is_public !== undefined && { is_public: fields.is_public }),
            ...(fields.is_faq !== undefined && { is_faq: fields.is_faq }),
            ...(fields.faq_position !== undefined && { faq_position: fields.faq_position }),
            ...(fields.owner !== undefined && { owner_id: fields.owner }),
            ...(fields.reviewer_group !== undefined && { reviewer_group_id: fields.reviewer_group }),
            ...(fields.review_by !== undefined && { review_by: fields.review_by }),
            revision: before.revision + 1,
            updated_at: at,
          })
          .where('id', '=', id)
          // Two editors saving at once: only the first one moves the revision on.
          .where('revision', '=', before.revision)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) throw new AppError('REVISION_CONFLICT');
        await replaceLists(trx, id, { tags, structures });
        await saveRevision(trx, id, actor, note ?? null, at);
        await indexArticle(trx, id);
        await audit.record(trx, auditContext(actor, request), {
          action: 'article.updated',
          target: { type: 'article', id, label: fields.title ?? before.title },
          changes: Object.fromEntries(
            Object.entries(changes).map(([k, v]) =>
              k === 'body'
                ? [k, { before: `${before.body.length} chars`, after: `${fields.body?.length} chars` }]
                : [k, v],
            ),
          ),
        });
      });
      return detail(reader, id);
    },

    async transition(
      reader: SignedInReader,
      id: number,
      input: ArticleTransition,
      request: RequestContext,
    ): Promise<ArticleDetail> {
      const { actor } = reader;
      const before = await detail(reader, id);
      const reviewer = await isReviewer(actor, before.reviewer_group);
      const target = articleTransition(
        { status: before.status, reviewerGroupId: before.reviewer_group },
        { staff: canWriteArticles(actor), reviewer: reviewer && canWriteArticles(actor) },
        input.action,
      );
      if (target === null) {
        assertAllowed(canWriteArticles(actor), 'Only support staff change an article’s status');
        throw new AppError('TRANSITION_NOT_ALLOWED', {
          detail: `Cannot ${input.action} an article that is ${before.status}`,
        });
      }
      if (input.action === 'reject' && !input.note)
        throw fieldError('body', 'note', 'Say why it is rejected');
      const at = clock().toISOString();
      await inTransaction(db, async (trx) => {
        await trx
          .updateTable('kb_articles')
          .set({
            status: target,
            ...(target === 'published' && before.published_at === null && { published_at: at }),
            revision: before.revision + 1,
            updated_at: at,
          })
          .where('id', '=', id)
          .execute();
        await saveRevision(trx, id, actor, input.note ?? `${input.action}`, at);
        await audit.record(trx, auditContext(actor, request), {
          action: `article.${input.action}`,
          target: { type: 'article', id, label: before.title },
          changes: { status: { before: before.status, after: target } },
        });
      });
      return detail(reader, id);
    },

    async remove(reader: SignedInReader, id: number, request: RequestContext): Promise<void> {
      const found = await row(reader, id);
      assertAllowed(
        canDeleteArticles(reader.actor),
        'Only administrators delete articles; archive it instead',
      );
      const stored = await audit.write(
        db,
        auditContext(reader.actor, request),
        async (trx) => {
          const keys = await trx
            .selectFrom('kb_attachments')
            .select('storage_key')
            .where('article_id', '=', id)
            .execute();
          await unindexArticle(trx, id);
          // Its attachments' rows go with it (on delete cascade); their files once committed.
          await trx.deleteFrom('kb_articles').where('id', '=', id).execute();
          return keys.map((k) => k.storage_key);
        },
        () => ({ action: 'article.deleted', target: { type: 'article', id, label: found.title } }),
      );
      for (const key of stored) await files.remove(key);
    },

    async revisions(
      reader: SignedInReader,
      id: number,
      params: ListParams,
      links: PageLinks,
    ): Promise<Page<ArticleRevision>> {
      await row(reader, id);
      assertAllowed(canWriteArticles(reader.actor), 'Only support staff read the revisions');
      const page = await paginate(selectRevisions(db, id), revisionList, params, dialect, links);
      return { ...page, results: page.results.map(toRevision) };
    },

    async revision(reader: SignedInReader, id: number, number: number): Promise<ArticleRevision> {
      await row(reader, id);
      assertAllowed(canWriteArticles(reader.actor), 'Only support staff read the revisions');
      const found = await selectRevisions(db, id)
        .where('kb_revisions.number', '=', number)
        .executeTakeFirst();
      if (!found) throw new AppError('REVISION_NOT_FOUND');
      return toRevision(found);
    },

    async diff(reader: SignedInReader, id: number, from: number, to: number): Promise<RevisionDiff> {
      const [a, b] = await Promise.all([this.revision(reader, id, from), this.revision(reader, id, to)]);
      return revisionDiff(a, b);
    },

    /** Puts an old revision's content back, as a new revision (nothing is lost). */
    async restore(
      reader: SignedInReader,
      id: number,
      number: number,
      request: RequestContext,
    ): Promise<ArticleDetail> {
      const old = await this.revision(reader, id, number);
      const current = await detail(reader, id);
      return this.update(
        reader,
        id,
        {
          revision: current.revision,
          title: old.title,
          summary: old.summary,
          body: old.body,
          tags: old.tags,
          category: old.category,
          note: `Restored revision ${number}`,
        },
        request,
      );
    },

    /** "Was this helpful?": one vote per reader, which he may change; the counters follow. */
    async vote(reader: SignedInReader, id: number, vote: Vote): Promise<ArticleDetail> {
      await row(reader, id);
      const at = clock().toISOString();
      await inTransaction(db, async (trx) => {
        const values = { is_helpful: vote.helpful, comment: vote.comment ?? null, updated_at: at };
        await trx
          .insertInto('kb_votes')
          .values({ article_id: id, user_id: reader.actor.id, ...values, created_at: at })
          .onConflict((oc) => oc.columns(['article_id', 'user_id']).doUpdateSet(values))
          .execute();
        const counts = await trx
          .selectFrom('kb_votes')
          .select([
            (eb) => eb.fn.countAll<number>().filterWhere('is_helpful', '=', true).as('yes'),
            (eb) => eb.fn.countAll<number>().filterWhere('is_helpful', '=', false).as('no'),
          ])
          .where('article_id', '=', id)
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('kb_articles')
          .set({ helpful_count: Number(counts.yes), unhelpful_count: Number(counts.no) })
          .where('id', '=', id)
          .execute();
      });
      return detail(reader, id);
    },

    /** Counts a reading of the article page (not API reads or the editor's previews). */
    async view(reader: SignedInReader, id: number): Promise<void> {
      await row(reader, id);
      await db
        .updateTable('kb_articles')
        .set((eb) => ({ view_count: eb('view_count', '+', 1) }))
        .where('id', '=', id)
        .execute();
    },
  };
}

export type ArticleService = ReturnType<typeof createArticleService>;
