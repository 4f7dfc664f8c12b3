import { type Kysely, sql } from 'kysely';
import { toJson } from '../../../db/column-conventions.js';
import type { DB } from '../../../db/types.js';
import type { MachineChange } from './diff.js';
import type {
  DiskFacts,
  GraphicsFacts,
  MachineSnapshot,
  MemoryModuleFacts,
  NetworkFacts,
  SoftwareFacts,
  SystemFacts,
  VolumeFacts,
} from './snapshot.js';

// The stored inventory of a machine, read back as a snapshot (to compare with the next one) and
// written section by section: a section absent from a partial inventory is left as it is.

/** Rows per insert: well under the bind-parameter limits of both databases. */
const CHUNK = 200;

/**
 * The stored inventory; the network and software lists (rows of their own) are read only when
 * `lists` asks for them, as when the incoming inventory carries those sections.
 */
export async function loadSnapshot(
  db: Kysely<DB>,
  machineId: number,
  lists: { network: boolean; software: boolean } = { network: true, software: true },
): Promise<MachineSnapshot | null> {
  const machine = await db
    .selectFrom('machines')
    .leftJoin('machine_system_info as info', 'info.machine_id', 'machines.id')
    .select([
      'machines.hostname',
      'machines.domain',
      'machines.os_name',
      'machines.os_version',
      'machines.manufacturer',
      'machines.model',
      'machines.serial',
      'machines.system_uuid',
      'info.machine_id as info_id',
      'info.os_kernel',
      'info.os_arch',
      'info.bios_vendor',
      'info.bios_version',
      'info.bios_date',
      'info.cpu_model',
      'info.cpu_cores',
      'info.cpu_threads',
      'info.cpu_speed_mhz',
      'info.memory_mb',
      'info.last_user',
      'info.memory_modules_json',
      'info.disks_json',
      'info.volumes_json',
      'info.graphics_json',
      'info.users_json',
    ])
    .where('machines.id', '=', machineId)
    .executeTakeFirst();
  if (!machine || machine.info_id === null) return null;
  const network = lists.network
    ? await db
        .selectFrom('machine_network_interfaces')
        .select(['name', 'mac', 'ipv4_json', 'ipv6_json', 'speed_mbps', 'is_dhcp', 'is_virtual'])
        .where('machine_id', '=', machineId)
        .orderBy('id')
        .execute()
    : null;
  const software = lists.software
    ? await db
        .selectFrom('machine_software')
        .select(['name', 'version', 'publisher', 'arch'])
        .where('machine_id', '=', machineId)
        .orderBy('id')
        .execute()
    : null;
  const system: SystemFacts = {
    hostname: machine.hostname,
    domain: machine.domain,
    os_name: machine.os_name,
    os_version: machine.os_version,
    os_kernel: machine.os_kernel,
    os_arch: machine.os_arch,
    manufacturer: machine.manufacturer,
    model: machine.model,
    serial: machine.serial,
    uuid: machine.system_uuid,
    bios_vendor: machine.bios_vendor,
    bios_version: machine.bios_version,
    bios_date: machine.bios_date,
    cpu_model: machine.cpu_model,
    cpu_cores: machine.cpu_cores,
    cpu_threads: machine.cpu_threads,
    cpu_speed_mhz: machine.cpu_speed_mhz,
    memory_mb: machine.memory_mb === null ? null : Number(machine.memory_mb),
    last_user: machine.last_user,
  };
  return {
    system,
    network: network?.map(
      (n): NetworkFacts => ({
        name: n.name,
        mac: n.mac,
        ipv4: n.ipv4_json as string[],
        ipv6: n.ipv6_json as string[],
        speed_mbps: n.speed_mbps,
        is_dhcp: Boolean(n.is_dhcp),
        is_virtual: Boolean(n.is_virtual),
      }),
    ),
    software: (software ?? undefined) as SoftwareFacts[] | undefined,
    disks: (machine.disks_json ?? []) as DiskFacts[],
    volumes: (machine.volumes_json ?? []) as VolumeFacts[],
    memory_modules: (machine.memory_modules_json ?? []) as MemoryModuleFacts[],
    graphics: (machine.graphics_json ?? []) as GraphicsFacts[],
    users: (machine.users_json ?? []) as string[],
  };
}

/** Past this many rows to remove, one delete of the whole list is cheaper than one per row. */
const ROW_BY_ROW_LIMIT = 100;

const softwareKey = (s: SoftwareFacts) => JSON.stringify([s.name, s.version, s.publisher, s.arch]);

/** The items of `a` that `b` does not hold as many times (multisets: a package may be there twice). */
function missingFrom(a: readonly SoftwareFacts[], b: readonly SoftwareFacts[]): SoftwareFacts[] {
  const counts = new Map<string, number>();
  for (const item of b) counts.set(softwareKey(item), (counts.get(softwareKey(item)) ?? 0) + 1);
  return a.filter((item) => {
    const key = softwareKey(item);
    const left = counts.get(key) ?? 0;
    if (left > 0) counts.set(key, left - 1);
    return left === 0;
  });
}

/**
 * Brings the stored software list to `after` by its differences only: an unchanged list of 2,000
 * packages costs no write, an upgrade two statements.
 */
async function saveSoftware(
  trx: Kysely<DB>,
  machineId: number,
  before: readonly SoftwareFacts[] | undefined,
  after: readonly SoftwareFacts[],
) {
  const removed = before ? missingFrom(before, after) : null;
  const added = before ? missingFrom(after, before) : [...after];
  if (removed === null || removed.length > ROW_BY_ROW_LIMIT) {
    await trx.deleteFrom('machine_software').where('machine_id', '=', machineId).execute();
    await insertChunks([...after], (chunk) =>
      trx
        .insertInto('machine_software')
        .values(chunk.map((s) => ({ machine_id: machineId, ...s })))
        .execute(),
    );
    return;
  }
  for (const item of removed) {
    const same = (column: 'version' | 'publisher' | 'arch') =>
      sql<boolean>`${sql.ref(column)} is not distinct from ${item[column]}`;
    const one = trx
      .selectFrom('machine_software')
      .select('id')
      .where('machine_id', '=', machineId)
      .where('name', '=', item.name)
      .where(same('version'))
      .where(same('publisher'))
      .where(same('arch'))
      .limit(1);
    await trx.deleteFrom('machine_software').where('id', 'in', one).execute();
  }
  await insertChunks(added, (chunk) =>
    trx
      .insertInto('machine_software')
      .values(chunk.map((s) => ({ machine_id: machineId, ...s })))
      .execute(),
  );
}

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Writes the sections present in `snapshot` over the stored ones (inside the caller's transaction),
 * and the changes as history lines from the agent.
 */
export async function saveSnapshot(
  trx: Kysely<DB>,
  machineId: number,
  snapshot: MachineSnapshot,
  changes: readonly MachineChange[],
  at: string,
  before?: MachineSnapshot | null,
): Promise<void> {
  const { system } = snapshot;
  await trx
    .updateTable('machines')
    .set({
      // A fact the agent could not read keeps its stored value.
      ...(system?.hostname && { hostname: system.hostname }),
      ...(system?.domain && { domain: system.domain }),
      ...(system?.os_name && { os_name: system.os_name }),
      ...(system?.os_version && { os_version: system.os_version }),
      ...(system?.manufacturer && { manufacturer: system.manufacturer }),
      ...(system?.model && { model: system.model }),
      ...(system?.serial && { serial: system.serial }),
      ...(system?.uuid && { system_uuid: system.uuid }),
      ...(system && { updated_at: at }),
      last_inventory_at: at,
      last_seen_at: at,
    })
    .where('id', '=', machineId)
    .execute();
  const info = {
    ...(system && {
      os_kernel: system.os_kernel,
      os_arch: system.os_arch,
      bios_vendor: system.bios_vendor,
      bios_version: system.bios_version,
      bios_date: system.bios_date,
      cpu_model: system.cpu_model,
      cpu_cores: system.cpu_cores,
      cpu_threads: system.cpu_threads,
      cpu_speed_mhz: system.cpu_speed_mhz,
      memory_mb: system.memory_mb,
      last_user: system.last_user,
    }),
    ...(snapshot.memory_modules && { memory_modules_json: toJson(snapshot.memory_modules) }),
    ...(snapshot.disks && { disks_json: toJson(snapshot.disks) }),
    ...(snapshot.volumes && { volumes_json: toJson(snapshot.volumes) }),
    ...(snapshot.graphics && { graphics_json: toJson(snapshot.graphics) }),
    ...(snapshot.users && { users_json: toJson(snapshot.users) }),
    collected_at: at,
  };
  await trx
    .insertInto('machine_system_info')
    .values({ machine_id: machineId, ...info })
    .onConflict((oc) => oc.column('machine_id').doUpdateSet(info))
    .execute();

  if (snapshot.network) {
    await trx.deleteFrom('machine_network_interfaces').where('machine_id', '=', machineId).execute();
    await insertChunks(snapshot.network, (chunk) =>
      trx
        .insertInto('machine_network_interfaces')
        .values(
          chunk.map((n) => ({
            machine_id: machineId,
            name: n.name,
            mac: n.mac,
            ipv4_json: toJson(n.ipv4),
            ipv6_json: toJson(n.ipv6),
            speed_mbps: n.speed_mbps,
            is_dhcp: n.is_dhcp,
            is_virtual: n.is_virtual,
          })),
        )
        .execute(),
    );
  }
  if (snapshot.software) await saveSoftware(trx, machineId, before?.software, snapshot.software);
  await insertChunks([...changes], (chunk) =>
    trx
      .insertInto('machine_history')
      .values(chunk.map((c) => ({ machine_id: machineId, ...c, source: 'agent', created_at: at })))
      .execute(),
  );
}
