import { MACHINE_STATUSES } from '@itsm/contracts';
import { type SelectQueryBuilder, sql } from 'kysely';
import { z } from 'zod';
import type { DialectHelpers } from '../../db/dialect.js';
import { defineList } from '../../platform/lists/index.js';

export const machineList = defineList({
  filters: {
    status: { type: 'enum', column: 'machines.status', values: MACHINE_STATUSES, ops: ['eq', 'in'] },
    structure: { type: 'int', column: 'machines.structure_id', ops: ['eq', 'in'] },
    site: { type: 'int', column: 'machines.site_id', ops: ['eq', 'in', 'isnull'] },
    main_user: { type: 'int', column: 'machines.main_user_id', ops: ['eq', 'isnull'] },
    os_name: { type: 'string', column: 'machines.os_name', ops: ['eq', 'in', 'isnull'] },
    manufacturer: { type: 'string', column: 'machines.manufacturer', ops: ['eq', 'isnull'] },
    last_seen_at: {
      type: 'datetime',
      column: 'machines.last_seen_at',
      ops: ['gte', 'lte', 'isnull'],
      description: 'Last exchange with its agent',
    },
    last_inventory_at: { type: 'datetime', column: 'machines.last_inventory_at', ops: ['gte', 'lte'] },
    created_at: { type: 'datetime', column: 'machines.created_at', ops: ['gte', 'lte'] },
  },
  search: ['machines.hostname', 'machines.serial', 'machines.model', 'machines.manufacturer'],
  ordering: {
    hostname: 'machines.hostname',
    last_seen_at: 'machines.last_seen_at',
    os_name: 'machines.os_name',
    status: 'machines.status',
    created_at: 'machines.created_at',
    id: 'machines.id',
  },
  nullable: ['last_seen_at', 'os_name'],
  defaultOrdering: 'hostname',
  tiebreaker: 'machines.id',
});

/** List parameters that are not plain column filters. */
export const machineListExtras = {
  software: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Has installed software whose name contains this text'),
  software_version: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('With `software`: that exact version'),
  not_seen_days: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of days')
    .transform(Number)
    .pipe(z.number().int().min(1).max(3650))
    .optional()
    .describe('Has an agent that has not been heard of for at least this many days'),
  has_agent: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .transform((v) => v === 'true')
    .optional()
    .describe('An enrolled agent reports for it (false: registered by hand, or its agent revoked)'),
};

export type MachineListExtras = {
  software?: string;
  software_version?: string;
  not_seen_days?: number;
  has_agent?: boolean;
};

/** Adds the computed filters (software installed, agent quiet for N days, has an agent) to a machines query. */
// biome-ignore lint/suspicious/noExplicitAny: any query on machines
export function applyMachineExtras<Q extends SelectQueryBuilder<any, any, any>>(
  query: Q,
  extras: MachineListExtras,
  dialect: DialectHelpers,
  now: Date,
): Q {
  let q = query;
  if (extras.software) {
    const name = dialect.containsText(sql.ref('s.name'), extras.software);
    const version = extras.software_version ? sql`and s.version = ${extras.software_version}` : sql``;
    q = q.where(
      sql<boolean>`exists (select 1 from machine_software as s
        where s.machine_id = machines.id and ${name} ${version})`,
    ) as Q;
  }
  if (extras.not_seen_days !== undefined) {
    // Machines without an agent are never "seen": they are not the ones that went quiet.
    const since = new Date(now.getTime() - extras.not_seen_days * 86_400_000).toISOString();
    q = q.where(
      sql<boolean>`machines.agent_token_hash is not null
        and (machines.last_seen_at is null or machines.last_seen_at < ${since})`,
    ) as Q;
  }
  if (extras.has_agent !== undefined)
    q = q.where(
      extras.has_agent
        ? sql<boolean>`machines.agent_token_hash is not null`
        : sql<boolean>`machines.agent_token_hash is null`,
    ) as Q;
  return q;
}
