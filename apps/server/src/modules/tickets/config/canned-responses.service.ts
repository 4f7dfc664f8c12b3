import type { CannedResponse, CannedResponseCreate, CannedResponseUpdate } from '@itsm/contracts';
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../../../db/dialect.js';
import type { DB } from '../../../db/types.js';
import { type AuditLog, auditContext, changesOf, definedOnly } from '../../../platform/audit/audit-log.js';
import { type Actor, assertAllowed, type RequestContext } from '../../../platform/auth/actor.js';
import type { Clock } from '../../../platform/clock.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { defineList, type ListParams, type PageLinks, paginate } from '../../../platform/lists/index.js';
import { createAuditedWrites } from './audited-writes.js';
import { assertStaff, canChangeCannedResponse, scopeCannedResponses } from './config.policy.js';

export const cannedResponseList = defineList({
  filters: {
    owner: {
      type: 'int',
      column: 'canned_responses.owner_id',
      ops: ['eq', 'isnull'],
      description: 'Owner; owner__isnull=true for the shared ones',
    },
  },
  search: ['canned_responses.title', 'canned_responses.body'],
  ordering: {
    title: 'canned_responses.title',
    updated_at: 'canned_responses.updated_at',
    id: 'canned_responses.id',
  },
  defaultOrdering: 'title',
  tiebreaker: 'canned_responses.id',
});

const COLUMNS = [
  'canned_responses.id',
  'canned_responses.title',
  'canned_responses.body',
  'canned_responses.owner_id as owner',
  'canned_responses.created_at',
  'canned_responses.updated_at',
] as const;

const SHARING = 'Only administrators share canned responses';

type Deps = { db: Kysely<DB>; dialect: DialectHelpers; clock: Clock; audit: AuditLog };

/** Ready-made answers: a technician's own, and shared ones that administrators manage. */
export function createCannedResponseService({ db, dialect, clock, audit }: Deps) {
  const writes = createAuditedWrites({ db, audit }, 'canned_responses', 'canned_response');
  const visible = (actor: Actor) => {
    assertStaff(actor, 'Canned responses');
    return scopeCannedResponses(actor, db.selectFrom('canned_responses').select(COLUMNS));
  };

  async function get(actor: Actor, id: number): Promise<CannedResponse> {
    const row = await visible(actor).where('canned_responses.id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('CANNED_RESPONSE_NOT_FOUND');
    return row;
  }

  /** Whose a response becomes: nobody's when shared; the caller's when an administrator unshares it. */
  function ownerAfter(actor: Actor, current: number | null, isShared: boolean | undefined): number | null {
    if (isShared === undefined) return current;
    assertAllowed(!isShared || actor.role === 'admin', SHARING);
    if (isShared) return null;
    return current ?? actor.id;
  }

  return {
    get,

    list(actor: Actor, params: ListParams, links: PageLinks) {
      return paginate(visible(actor), cannedResponseList, params, dialect, links);
    },

    async create(
      actor: Actor,
      input: CannedResponseCreate,
      request: RequestContext,
    ): Promise<CannedResponse> {
      assertStaff(actor, 'Canned responses');
      const owner = ownerAfter(actor, actor.id, input.is_shared ?? false);
      const now = clock().toISOString();
      const id = await writes.create(
        auditContext(actor, request),
        input.title,
        async (trx) => {
          const row = await trx
            .insertInto('canned_responses')
            .values({
              title: input.title,
              body: input.body,
              owner_id: owner,
              created_at: now,
              updated_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          return row.id;
        },
        { owner: { before: null, after: owner } },
      );
      return get(actor, id);
    },

    async update(
      actor: Actor,
      id: number,
      input: CannedResponseUpdate,
      request: RequestContext,
    ): Promise<CannedResponse> {
      const before = await get(actor, id);
      assertAllowed(
        canChangeCannedResponse(actor, before.owner),
        'Shared canned responses are managed by administrators',
      );
      const patch = definedOnly({
        title: input.title,
        body: input.body,
        owner: ownerAfter(actor, before.owner, input.is_shared),
      });
      const changes = changesOf(before, patch);
      if (!changes) return before;
      const { owner, ...columns } = patch;
      await writes.update(auditContext(actor, request), id, before.title, changes, (trx) =>
        trx
          .updateTable('canned_responses')
          .set({ ...columns, owner_id: owner ?? null, updated_at: clock().toISOString() })
          .where('id', '=', id)
          .execute(),
      );
      return get(actor, id);
    },

    async remove(actor: Actor, id: number, request: RequestContext): Promise<void> {
      const before = await get(actor, id);
      assertAllowed(
        canChangeCannedResponse(actor, before.owner),
        'Shared canned responses are managed by administrators',
      );
      await writes.remove(
        auditContext(actor, request),
        id,
        before.title,
        changesOf(before, { title: null, owner: null }),
      );
    },
  };
}

export type CannedResponseService = ReturnType<typeof createCannedResponseService>;
