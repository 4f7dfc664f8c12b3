import type { Generated } from 'kysely';

// Table types of the machines module (migrations 20261124170000_create_machines and
// 20261125090000_create_agent_exchange).

export interface MachinesTable {
  id: Generated<number>;
  hostname: string;
  domain: string | null;
  serial: string | null;
  system_uuid: string | null;
  manufacturer: string | null;
  model: string | null;
  os_name: string | null;
  os_version: string | null;
  status: Generated<string>;
  structure_id: number;
  site_id: number | null;
  main_user_id: number | null;
  notes: string | null;
  agent_token_hash: string | null;
  agent_version: string | null;
  enrolled_at: string | null;
  section_hashes_json: unknown;
  last_seen_at: string | null;
  last_inventory_at: string | null;
  enrollment_key_id: number | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface MachineSystemInfoTable {
  machine_id: number;
  os_kernel: string | null;
  os_arch: string | null;
  bios_vendor: string | null;
  bios_version: string | null;
  bios_date: string | null;
  cpu_model: string | null;
  cpu_cores: number | null;
  cpu_threads: number | null;
  cpu_speed_mhz: number | null;
  memory_mb: number | null;
  last_user: string | null;
  memory_modules_json: unknown;
  disks_json: unknown;
  volumes_json: unknown;
  graphics_json: unknown;
  users_json: unknown;
  uptime_seconds: number | null;
  collected_at: string;
}

export interface MachineNetworkInterfacesTable {
  id: Generated<number>;
  machine_id: number;
  name: string;
  mac: string | null;
  ipv4_json: unknown;
  ipv6_json: unknown;
  speed_mbps: number | null;
  is_dhcp: Generated<boolean>;
  is_virtual: Generated<boolean>;
}

export interface MachineSoftwareTable {
  id: Generated<number>;
  machine_id: number;
  name: string;
  version: string | null;
  publisher: string | null;
  arch: string | null;
}

export interface MachineHistoryTable {
  id: Generated<number>;
  machine_id: number;
  field: string;
  action: string;
  item: string | null;
  old_value: string | null;
  new_value: string | null;
  source: string;
  actor_id: number | null;
  created_at: Generated<string>;
}

export interface EnrollmentKeysTable {
  id: Generated<number>;
  name: string;
  key_hash: string;
  key_hint: string;
  structure_id: number;
  site_id: number | null;
  expires_at: string | null;
  max_uses: number | null;
  uses: Generated<number>;
  last_used_at: string | null;
  revoked_at: string | null;
  created_by_id: number | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface MachineInstructionsTable {
  id: Generated<number>;
  machine_id: number;
  kind: string;
  payload_json: unknown;
  status: Generated<string>;
  created_by_id: number | null;
  created_at: Generated<string>;
  sent_at: string | null;
  completed_at: string | null;
  result_json: unknown;
  error: string | null;
}

export interface IdempotencyReceiptsTable {
  owner: string;
  key: string;
  kind: string;
  result_id: number | null;
  created_at: Generated<string>;
}

export interface MachineTables {
  machines: MachinesTable;
  machine_system_info: MachineSystemInfoTable;
  machine_network_interfaces: MachineNetworkInterfacesTable;
  machine_software: MachineSoftwareTable;
  machine_history: MachineHistoryTable;
  enrollment_keys: EnrollmentKeysTable;
  machine_instructions: MachineInstructionsTable;
  idempotency_receipts: IdempotencyReceiptsTable;
}
