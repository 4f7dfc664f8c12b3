import type { Kysely, SelectQueryBuilder, Transaction } from 'kysely';
import type { DialectHelpers } from '../../../db/dialect.js';
import type { DB } from '../../../db/types.js';
import { type AuditLog, auditContext, changesOf, definedOnly } from '../../../platform/audit/audit-log.js';
import type { Actor, RequestContext } from '../../../platform/auth/actor.js';
import type { Clock } from '../../../platform/clock.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { ErrorCode } from '../../../platform/errors/error-codes.js';
import {
  type ListDefinition,
  type ListParams,
  type PageLinks,
  paginate,
} from '../../../platform/lists/index.js';
import { createAuditedWrites } from './audited-writes.js';
import { assertAdmin, assertStaff } from './config.policy.js';
import { checkReferences, nextPosition, type Reference } from './references.js';

export type RuleTable = 'sla_rules' | 'assignment_rules';

type Positioned = { id: number; position: number };

/** What sets one ordered list of rules apart: its table, names, fields and the columns they go to. */
export type RuleSpec<
  T extends RuleTable,
  Rule extends Positioned,
  Fields extends Record<string, unknown>,
  Update extends { position?: number | undefined },
  Create extends Update,
> = {
  table: T;
  /** In messages: "SLA rules". */
  what: string;
  /** Audit target type and action prefix: `sla_rule`. */
  kind: string;
  notFound: ErrorCode;
  list: ListDefinition;
  select: () => SelectQueryBuilder<DB, T, Rule>;
  find: (id: number) => Promise<Rule | undefined>;
  references: (input: Update) => Reference[];
  /** The fields other than the position, in API order. */
  fields: readonly (keyof Fields & keyof Update & string)[];
  /** A new rule's fields, defaults filled in. */
  created: (input: Create) => Fields;
  /** Fields shown as cleared in the audit line of a deletion. */
  cleared: readonly (keyof Fields & string)[];
  insert: (trx: Transaction<DB>, rule: Fields & { position: number }, now: string) => Promise<number>;
  update: (
    trx: Transaction<DB>,
    id: number,
    patch: Partial<Fields> & { position?: number },
    now: string,
  ) => Promise<unknown>;
};

type Deps = { db: Kysely<DB>; dialect: DialectHelpers; clock: Clock; audit: AuditLog };

const labelOf = (rule: Pick<Positioned, 'position'>) => `position ${rule.position}`;

/**
 * A list of rules tried in order of position (new ones go last, 10 apart): staff read them,
 * administrators change them, every change with its audit line.
 */
export function createRuleService<
  T extends RuleTable,
  Rule extends Positioned,
  Fields extends Record<string, unknown>,
  Update extends { position?: number | undefined },
  Create extends Update,
>({ db, dialect, clock, audit }: Deps, spec: RuleSpec<T, Rule, Fields, Update, Create>) {
  const { what, kind } = spec;
  const writes = createAuditedWrites({ db, audit }, spec.table, kind);

  async function get(actor: Actor, id: number): Promise<Rule> {
    assertStaff(actor, what);
    const row = await spec.find(id);
    if (!row) throw new AppError(spec.notFound);
    return row;
  }

  return {
    get,

    list(actor: Actor, params: ListParams, links: PageLinks) {
      assertStaff(actor, what);
      return paginate(spec.select(), spec.list, params, dialect, links);
    },

    async create(actor: Actor, input: Create, request: RequestContext): Promise<Rule> {
      assertAdmin(actor, what);
      await checkReferences(db, spec.references(input));
      const fields = spec.created(input);
      const now = clock().toISOString();
      const rule = await audit.write(
        db,
        auditContext(actor, request),
        async (trx) => {
          const position = input.position ?? (await nextPosition(trx, spec.table));
          const id = await spec.insert(trx, { ...fields, position }, now);
          return { id, position };
        },
        (created) => ({
          action: `${kind}.created`,
          target: { type: kind, id: created.id, label: labelOf(created) },
          changes: changesOf({}, fields),
        }),
      );
      return get(actor, rule.id);
    },

    async update(actor: Actor, id: number, input: Update, request: RequestContext): Promise<Rule> {
      const before = await get(actor, id);
      assertAdmin(actor, what);
      await checkReferences(db, spec.references(input));
      const sent: Record<string, unknown> = { position: input.position };
      for (const field of spec.fields) sent[field] = input[field];
      const patch = definedOnly(sent) as Partial<Fields> & { position?: number };
      const changes = changesOf(before, patch);
      if (!changes) return before;
      await writes.update(auditContext(actor, request), id, labelOf(before), changes, (trx) =>
        spec.update(trx, id, patch, clock().toISOString()),
      );
      return get(actor, id);
    },

    async remove(actor: Actor, id: number, request: RequestContext): Promise<void> {
      const before = await get(actor, id);
      assertAdmin(actor, what);
      const cleared = Object.fromEntries(spec.cleared.map((field) => [field, null]));
      await writes.remove(auditContext(actor, request), id, labelOf(before), changesOf(before, cleared));
    },
  };
}
