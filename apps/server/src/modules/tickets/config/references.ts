import type { FieldError } from '@itsm/contracts';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/types.js';
import { AppError } from '../../../platform/errors/app-error.js';

export type ReferencedTable =
  | 'business_calendars'
  | 'groups'
  | 'sites'
  | 'slas'
  | 'structures'
  | 'ticket_categories'
  | 'users';

const NOUNS: Record<ReferencedTable, string> = {
  business_calendars: 'calendar',
  groups: 'group',
  sites: 'site',
  slas: 'SLA',
  structures: 'structure',
  ticket_categories: 'category',
  users: 'user',
};

/** A foreign key of a request body: the field, the table it points at, and the id sent (null or absent: none). */
export type Reference = [field: string, table: ReferencedTable, id: number | null | undefined];

/** One error per reference whose row does not exist, naming its field. */
export async function missingReferences(db: Kysely<DB>, references: readonly Reference[]) {
  const errors: FieldError[] = [];
  for (const [field, table, id] of references) {
    if (id === null || id === undefined) continue;
    const row = await db
      .selectFrom(table)
      .select(sql.lit(1).as('found'))
      .where(sql.ref(`${table}.id`), '=', id)
      .executeTakeFirst();
    if (!row) {
      errors.push({ location: 'body', field, message: `No such ${NOUNS[table]}: ${id}`, code: 'not_found' });
    }
  }
  return errors;
}

/** A 400 listing every field error at once, when there is any. */
export function throwFieldErrors(errors: readonly FieldError[]): void {
  if (errors.length === 0) return;
  throw new AppError('VALIDATION_FAILED', {
    detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    errors: [...errors],
  });
}

/** 400 naming the fields of the references that lead nowhere. */
export async function checkReferences(db: Kysely<DB>, references: readonly Reference[]): Promise<void> {
  throwFieldErrors(await missingReferences(db, references));
}

type Referrer = { table: keyof DB & string; column: string; label: string };

/** How many rows of each referring table point at `id`, by label; only the non-zero ones. */
export async function usageOf(
  db: Kysely<DB>,
  id: number,
  referrers: readonly Referrer[],
): Promise<Record<string, number>> {
  const usage: Record<string, number> = {};
  for (const { table, column, label } of referrers) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(sql.ref(`${table}.${column}`), '=', id)
      .executeTakeFirstOrThrow();
    const n = Number(row.n);
    if (n > 0) usage[label] = n;
  }
  return usage;
}

/** 409 IN_USE for an object that something still points at, saying what. */
export function inUseError(what: string, usage: Record<string, number>): AppError {
  const list = Object.entries(usage).map(([label, n]) => `${n} ${label}`);
  return new AppError('IN_USE', {
    detail: list.length > 0 ? `${what} is still used by ${list.join(', ')}` : `${what} is still in use`,
    extensions: { usage },
  });
}

/** The next position at the end of an ordered list of rules: gaps of 10 leave room to insert between. */
export async function nextPosition(db: Kysely<DB>, table: 'sla_rules' | 'assignment_rules'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('position').as('last'))
    .executeTakeFirst();
  const last = row?.last === null || row?.last === undefined ? 0 : Number(row.last);
  return last + 10;
}
