import type { Calendar, CalendarCreate, CalendarUpdate } from '@itsm/contracts';
import type { Kysely } from 'kysely';
import { toJson } from '../../../db/column-conventions.js';
import { type DialectHelpers, isForeignKeyViolation, isUniqueViolation } from '../../../db/dialect.js';
import type { DB } from '../../../db/types.js';
import { type AuditLog, auditContext, changesOf, definedOnly } from '../../../platform/audit/audit-log.js';
import type { Actor, RequestContext } from '../../../platform/auth/actor.js';
import type { Clock } from '../../../platform/clock.js';
import { AppError, conflictError, fieldError } from '../../../platform/errors/app-error.js';
import { defineList, type ListParams, type PageLinks, paginate } from '../../../platform/lists/index.js';
import { ALWAYS_OPEN, type BusinessCalendar, calendarProblem } from '../sla/calendar.js';
import { createAuditedWrites } from './audited-writes.js';
import { assertAdmin, assertStaff } from './config.policy.js';
import { inUseError, usageOf } from './references.js';

export const calendarList = defineList({
  filters: { time_zone: { type: 'string', column: 'business_calendars.time_zone' } },
  search: ['business_calendars.name'],
  ordering: { name: 'business_calendars.name', id: 'business_calendars.id' },
  defaultOrdering: 'name',
  tiebreaker: 'business_calendars.id',
});

const COLUMNS = [
  'business_calendars.id',
  'business_calendars.name',
  'business_calendars.time_zone',
  'business_calendars.hours_json',
  'business_calendars.holidays_json',
  'business_calendars.created_at',
  'business_calendars.updated_at',
] as const;

type Row = {
  id: number;
  name: string;
  time_zone: string;
  hours_json: unknown;
  holidays_json: unknown;
  created_at: string;
  updated_at: string;
};

const toCalendar = ({ hours_json, holidays_json, ...row }: Row): Calendar => ({
  ...row,
  hours: hours_json as Calendar['hours'],
  holidays: holidays_json as string[],
});

/** The rule form of a calendar, as the SLA clock reads it. */
export const businessCalendarOf = (
  c: Pick<Calendar, 'time_zone' | 'hours' | 'holidays'>,
): BusinessCalendar => ({
  timeZone: c.time_zone,
  hours: c.hours as BusinessCalendar['hours'],
  holidays: c.holidays,
});

/** 400 naming time_zone or hours when the calendar could not run a clock. */
function assertValid(calendar: Pick<Calendar, 'time_zone' | 'hours' | 'holidays'>) {
  if (calendarProblem({ ...ALWAYS_OPEN, timeZone: calendar.time_zone }) !== null)
    throw fieldError('body', 'time_zone', `Unknown time zone "${calendar.time_zone}"`);
  const problem = calendarProblem(businessCalendarOf(calendar));
  if (problem !== null) throw fieldError('body', 'hours', `Working hours: ${problem}`);
}

const sortedDays = (days: readonly string[]) => [...new Set(days)].sort();

type Deps = { db: Kysely<DB>; dialect: DialectHelpers; clock: Clock; audit: AuditLog };

/** Business calendars: working hours per weekday in a time zone, minus holidays. */
export function createCalendarService({ db, dialect, clock, audit }: Deps) {
  const select = () => db.selectFrom('business_calendars').select(COLUMNS);
  const writes = createAuditedWrites({ db, audit }, 'business_calendars', 'calendar');

  async function get(actor: Actor, id: number): Promise<Calendar> {
    assertStaff(actor, 'Business calendars');
    const row = await select().where('business_calendars.id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('CALENDAR_NOT_FOUND');
    return toCalendar(row);
  }

  function translate(error: unknown): never {
    if (isUniqueViolation(error))
      throw conflictError('NAME_TAKEN', 'name', 'Another calendar already has this name');
    throw error;
  }

  return {
    get,

    async list(actor: Actor, params: ListParams, links: PageLinks) {
      assertStaff(actor, 'Business calendars');
      const page = await paginate(select(), calendarList, params, dialect, links);
      return { ...page, results: page.results.map(toCalendar) };
    },

    async create(actor: Actor, input: CalendarCreate, request: RequestContext): Promise<Calendar> {
      assertAdmin(actor, 'business calendars');
      const holidays = sortedDays(input.holidays ?? []);
      assertValid({ ...input, holidays });
      const now = clock().toISOString();
      const id = await writes
        .create(auditContext(actor, request), input.name, async (trx) => {
          const row = await trx
            .insertInto('business_calendars')
            .values({
              name: input.name,
              time_zone: input.time_zone,
              hours_json: toJson(input.hours),
              holidays_json: toJson(holidays),
              created_at: now,
              updated_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          return row.id;
        })
        .catch(translate);
      return get(actor, id);
    },

    async update(
      actor: Actor,
      id: number,
      input: CalendarUpdate,
      request: RequestContext,
    ): Promise<Calendar> {
      const before = await get(actor, id);
      assertAdmin(actor, 'business calendars');
      const patch = definedOnly({
        name: input.name,
        time_zone: input.time_zone,
        hours: input.hours,
        holidays: input.holidays && sortedDays(input.holidays),
      });
      assertValid({ ...before, ...patch });
      const changes = changesOf(before, patch);
      if (!changes) return before;
      const { hours, holidays, ...columns } = patch;
      await writes
        .update(auditContext(actor, request), id, before.name, changes, (trx) =>
          trx
            .updateTable('business_calendars')
            .set({
              ...columns,
              ...(hours !== undefined && { hours_json: toJson(hours) }),
              ...(holidays !== undefined && { holidays_json: toJson(holidays) }),
              updated_at: clock().toISOString(),
            })
            .where('id', '=', id)
            .execute(),
        )
        .catch(translate);
      return get(actor, id);
    },

    async remove(actor: Actor, id: number, request: RequestContext): Promise<void> {
      const before = await get(actor, id);
      assertAdmin(actor, 'business calendars');
      const what = `The calendar "${before.name}"`;
      const usage = await usageOf(db, id, [{ table: 'slas', column: 'calendar_id', label: 'SLAs' }]);
      if (Object.keys(usage).length > 0) throw inUseError(what, usage);
      await writes
        .remove(
          auditContext(actor, request),
          id,
          before.name,
          changesOf(before, { name: null, time_zone: null }),
        )
        .catch((error: unknown) => {
          if (isForeignKeyViolation(error)) throw inUseError(what, {});
          throw error;
        });
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
