import type { Kysely } from 'kysely';
import { schemaTypes } from './schema-types.js';

// Machines with their current inventory (system facts, network interfaces, software) and their
// history of changes. Enrollment keys and agent instructions come with the agent endpoints.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any>
export async function up(db: Kysely<any>): Promise<void> {
  const t = schemaTypes(db);
  const index = (name: string, table: string, columns: string[]) =>
    db.schema.createIndex(name).on(table).columns(columns).execute();

  await db.schema
    .createTable('machines')
    .$call(t.withId)
    .addColumn('hostname', 'varchar(255)', (c) => c.notNull())
    .addColumn('domain', 'varchar(255)')
    // Hardware identity, as reported (vendor placeholders stored as null). Not unique: vendors ship
    // duplicate serials; the identity rule (machines/identity.ts) matches UUID, serial and MACs.
    .addColumn('serial', 'varchar(255)')
    .addColumn('system_uuid', 'varchar(64)')
    .addColumn('manufacturer', 'varchar(255)')
    .addColumn('model', 'varchar(255)')
    .addColumn('os_name', 'varchar(255)')
    .addColumn('os_version', 'varchar(255)')
    // active | in_stock | retired
    .addColumn('status', 'varchar(20)', (c) => c.notNull().defaultTo('active'))
    .addColumn('structure_id', t.bigint, (c) => c.notNull().references('structures.id').onDelete('restrict'))
    .addColumn('site_id', t.bigint, (c) => c.references('sites.id').onDelete('set null'))
    .addColumn('main_user_id', t.bigint, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('notes', 'text')
    // sha256 of the machine token its agent holds; null when no agent (or revoked).
    .addColumn('agent_token_hash', 'varchar(64)', (c) => c.unique())
    .addColumn('agent_version', 'varchar(64)')
    .addColumn('enrolled_at', t.timestamp)
    // sha256 of each inventory section last received: unchanged sections are not compared again.
    .addColumn('section_hashes_json', t.json)
    .addColumn('last_seen_at', t.timestamp)
    .addColumn('last_inventory_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await index('machines_structure_id_hostname_idx', 'machines', ['structure_id', 'hostname']);
  await index('machines_hostname_idx', 'machines', ['hostname']);
  await index('machines_serial_idx', 'machines', ['serial']);
  await index('machines_system_uuid_idx', 'machines', ['system_uuid']);
  await index('machines_last_seen_at_idx', 'machines', ['last_seen_at']);
  await index('machines_os_name_idx', 'machines', ['os_name']);
  await index('machines_status_idx', 'machines', ['status']);
  await index('machines_site_id_idx', 'machines', ['site_id']);
  await index('machines_main_user_id_idx', 'machines', ['main_user_id']);

  // The latest inventory's system facts and lists that are read as a whole.
  await db.schema
    .createTable('machine_system_info')
    .addColumn('machine_id', t.bigint, (c) => c.primaryKey().references('machines.id').onDelete('cascade'))
    .addColumn('os_kernel', 'varchar(255)')
    .addColumn('os_arch', 'varchar(64)')
    .addColumn('bios_vendor', 'varchar(255)')
    .addColumn('bios_version', 'varchar(255)')
    .addColumn('bios_date', 'varchar(64)')
    .addColumn('cpu_model', 'varchar(255)')
    .addColumn('cpu_cores', 'integer')
    .addColumn('cpu_threads', 'integer')
    .addColumn('cpu_speed_mhz', 'integer')
    .addColumn('memory_mb', t.bigint)
    .addColumn('last_user', 'varchar(255)')
    .addColumn('memory_modules_json', t.json)
    .addColumn('disks_json', t.json)
    .addColumn('volumes_json', t.json)
    .addColumn('graphics_json', t.json)
    .addColumn('users_json', t.json)
    .addColumn('uptime_seconds', t.bigint)
    .addColumn('collected_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('machine_network_interfaces')
    .$call(t.withId)
    .addColumn('machine_id', t.bigint, (c) => c.notNull().references('machines.id').onDelete('cascade'))
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('mac', 'varchar(17)')
    .addColumn('ipv4_json', t.json, (c) => c.notNull())
    .addColumn('ipv6_json', t.json, (c) => c.notNull())
    .addColumn('speed_mbps', 'integer')
    .addColumn('is_dhcp', t.boolean, (c) => c.notNull().defaultTo(false))
    .addColumn('is_virtual', t.boolean, (c) => c.notNull().defaultTo(false))
    .execute();
  await index('machine_network_interfaces_machine_id_idx', 'machine_network_interfaces', ['machine_id']);
  await index('machine_network_interfaces_mac_idx', 'machine_network_interfaces', ['mac']);

  await db.schema
    .createTable('machine_software')
    .$call(t.withId)
    .addColumn('machine_id', t.bigint, (c) => c.notNull().references('machines.id').onDelete('cascade'))
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('version', 'varchar(255)')
    .addColumn('publisher', 'varchar(255)')
    .addColumn('arch', 'varchar(64)')
    .execute();
  await index('machine_software_machine_id_name_idx', 'machine_software', ['machine_id', 'name']);
  // "Which machines run X (version Y)?"
  await index('machine_software_name_version_idx', 'machine_software', ['name', 'version']);

  await db.schema
    .createTable('machine_history')
    .$call(t.withId)
    .addColumn('machine_id', t.bigint, (c) => c.notNull().references('machines.id').onDelete('cascade'))
    .addColumn('field', 'varchar(64)', (c) => c.notNull())
    // changed | added | removed | upgraded
    .addColumn('action', 'varchar(16)', (c) => c.notNull())
    .addColumn('item', 'varchar(255)')
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    // agent | user
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('actor_id', t.bigint, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await index('machine_history_machine_id_created_at_idx', 'machine_history', ['machine_id', 'created_at']);
  await index('machine_history_actor_id_idx', 'machine_history', ['actor_id']);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any>
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'machine_history',
    'machine_software',
    'machine_network_interfaces',
    'machine_system_info',
    'machines',
  ])
    await db.schema.dropTable(table).execute();
}
