import type {
  Machine,
  MachineDetail,
  MachineHistoryEntry,
  MachineInstruction,
  MachineStatus,
  MachineSystemInfo,
} from '@itsm/contracts';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types.js';
import { userNameOf } from '../users/users.repository.js';

/** The columns of a machine as lists show it, with the names of what it points at. */
export function selectMachines(db: Kysely<DB>) {
  return db
    .selectFrom('machines')
    .select([
      'machines.id',
      'machines.hostname',
      'machines.domain',
      'machines.serial',
      'machines.manufacturer',
      'machines.model',
      'machines.os_name',
      'machines.os_version',
      'machines.status',
      'machines.structure_id',
      sql<string>`(select s.name from structures as s where s.id = machines.structure_id)`.as(
        'structure_name',
      ),
      'machines.site_id',
      sql<string | null>`(select s.name from sites as s where s.id = machines.site_id)`.as('site_name'),
      'machines.main_user_id',
      userNameOf('machines.main_user_id').as('main_user_name'),
      sql<boolean>`machines.agent_token_hash is not null`.as('has_agent'),
      'machines.agent_version',
      'machines.last_seen_at',
      'machines.last_inventory_at',
      'machines.created_at',
      'machines.updated_at',
    ]);
}

export type MachineRow = Awaited<ReturnType<ReturnType<typeof selectMachines>['executeTakeFirstOrThrow']>>;

export function toMachine(row: MachineRow): Machine {
  return {
    id: row.id,
    hostname: row.hostname,
    domain: row.domain,
    serial: row.serial,
    manufacturer: row.manufacturer,
    model: row.model,
    os_name: row.os_name,
    os_version: row.os_version,
    status: row.status as MachineStatus,
    structure: row.structure_id,
    structure_name: row.structure_name,
    site: row.site_id,
    site_name: row.site_name,
    main_user: row.main_user_id,
    main_user_name: row.main_user_name,
    // SQLite answers 0/1 for a boolean expression.
    has_agent: Boolean(row.has_agent),
    agent_version: row.agent_version,
    last_seen_at: row.last_seen_at,
    last_inventory_at: row.last_inventory_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

const array = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** The parts of a machine's page beyond its list columns. */
export async function machineDetailParts(
  db: Kysely<DB>,
  machineId: number,
): Promise<Omit<MachineDetail, keyof Machine | 'can_edit' | 'open_ticket_count'>> {
  const [extra, info, interfaces, counts, instructions] = await Promise.all([
    db
      .selectFrom('machines')
      .select(['system_uuid', 'notes', 'enrolled_at'])
      .where('id', '=', machineId)
      .executeTakeFirstOrThrow(),
    db.selectFrom('machine_system_info').selectAll().where('machine_id', '=', machineId).executeTakeFirst(),
    db
      .selectFrom('machine_network_interfaces')
      .select(['name', 'mac', 'ipv4_json', 'ipv6_json', 'speed_mbps', 'is_dhcp', 'is_virtual'])
      .where('machine_id', '=', machineId)
      .orderBy('name')
      .orderBy('id')
      .execute(),
    db
      .selectNoFrom([
        sql<number>`(select count(*) from machine_software where machine_id = ${machineId})`.as('software'),
      ])
      .executeTakeFirstOrThrow(),
    instructionsOf(db, machineId, { limit: 10 }),
  ]);
  const system: MachineSystemInfo | null = info
    ? {
        os_kernel: info.os_kernel,
        os_arch: info.os_arch,
        bios_vendor: info.bios_vendor,
        bios_version: info.bios_version,
        bios_date: info.bios_date,
        cpu_model: info.cpu_model,
        cpu_cores: info.cpu_cores,
        cpu_threads: info.cpu_threads,
        cpu_speed_mhz: info.cpu_speed_mhz,
        memory_mb: info.memory_mb,
        last_user: info.last_user,
        memory_modules: array(info.memory_modules_json),
        disks: array(info.disks_json),
        volumes: array(info.volumes_json),
        graphics: array(info.graphics_json),
        users: array(info.users_json),
        uptime_seconds: info.uptime_seconds,
        collected_at: info.collected_at,
      }
    : null;
  return {
    system_uuid: extra.system_uuid,
    notes: extra.notes,
    enrolled_at: extra.enrolled_at,
    system,
    interfaces: interfaces.map((i) => ({
      name: i.name,
      mac: i.mac,
      ipv4: array(i.ipv4_json),
      ipv6: array(i.ipv6_json),
      speed_mbps: i.speed_mbps,
      is_dhcp: Boolean(i.is_dhcp),
      is_virtual: Boolean(i.is_virtual),
    })),
    software_count: Number(counts.software),
    instructions,
  };
}

/** A machine's instructions, newest first: the latest `limit`, or the one `id`. */
export async function instructionsOf(
  db: Kysely<DB>,
  machineId: number,
  which: { limit: number } | { id: number },
): Promise<MachineInstruction[]> {
  const rows = await db
    .selectFrom('machine_instructions')
    .selectAll()
    .where('machine_id', '=', machineId)
    .$if('id' in which, (q) => q.where('id', '=', (which as { id: number }).id))
    .orderBy('id', 'desc')
    .limit('limit' in which ? which.limit : 1)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as MachineInstruction['kind'],
    payload: (row.payload_json ?? {}) as Record<string, unknown>,
    status: row.status as MachineInstruction['status'],
    created_by: row.created_by_id,
    created_at: row.created_at,
    sent_at: row.sent_at,
    completed_at: row.completed_at,
    result: (row.result_json ?? null) as Record<string, unknown> | null,
    error: row.error,
  }));
}

export function selectHistory(db: Kysely<DB>, machineId: number) {
  return db
    .selectFrom('machine_history')
    .select([
      'machine_history.id',
      'machine_history.field',
      'machine_history.action',
      'machine_history.item',
      'machine_history.old_value',
      'machine_history.new_value',
      'machine_history.source',
      'machine_history.actor_id as actor',
      userNameOf('machine_history.actor_id').as('actor_name'),
      'machine_history.created_at',
    ])
    .where('machine_history.machine_id', '=', machineId);
}

export type HistoryRow = Awaited<ReturnType<ReturnType<typeof selectHistory>['executeTakeFirstOrThrow']>>;

export const toHistoryEntry = (row: HistoryRow): MachineHistoryEntry => ({
  ...row,
  action: row.action as MachineHistoryEntry['action'],
  source: row.source as MachineHistoryEntry['source'],
});
