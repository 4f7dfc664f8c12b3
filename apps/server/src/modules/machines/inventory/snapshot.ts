import { type InventoryContent, isPlaceholder } from '@itsm/contracts';

// An inventory document as the server stores and compares it: one row of system facts, and lists
// keyed so that two inventories of the same machine line up. Sections missing from a (partial)
// document are left out: they are unchanged, not empty.

export type SystemFacts = {
  hostname: string | null;
  domain: string | null;
  os_name: string | null;
  os_version: string | null;
  os_kernel: string | null;
  os_arch: string | null;
  manufacturer: string | null;
  model: string | null;
  serial: string | null;
  uuid: string | null;
  bios_vendor: string | null;
  bios_version: string | null;
  bios_date: string | null;
  cpu_model: string | null;
  cpu_cores: number | null;
  cpu_threads: number | null;
  cpu_speed_mhz: number | null;
  memory_mb: number | null;
  last_user: string | null;
};

export type NetworkFacts = {
  name: string;
  mac: string | null;
  ipv4: string[];
  ipv6: string[];
  speed_mbps: number | null;
  is_dhcp: boolean;
  is_virtual: boolean;
};

export type SoftwareFacts = {
  name: string;
  version: string | null;
  publisher: string | null;
  arch: string | null;
};
export type DiskFacts = { name: string; model: string | null; serial: string | null; size_mb: number | null };
export type VolumeFacts = {
  mount: string;
  filesystem: string | null;
  total_mb: number | null;
  free_mb: number | null;
};
export type MemoryModuleFacts = { slot: string | null; capacity_mb: number | null; type: string | null };
export type GraphicsFacts = { name: string; memory_mb: number | null; resolution: string | null };

export type MachineSnapshot = {
  system?: SystemFacts;
  network?: NetworkFacts[];
  software?: SoftwareFacts[];
  disks?: DiskFacts[];
  volumes?: VolumeFacts[];
  memory_modules?: MemoryModuleFacts[];
  graphics?: GraphicsFacts[];
  users?: string[];
};

/** A reported string, or null when it is empty or a vendor placeholder. */
export function fact(value: string | undefined | null): string | null {
  const trimmed = value?.trim() ?? '';
  return isPlaceholder(trimmed) ? null : trimmed;
}

const number = (value: number | undefined | null) => (value === undefined || value === null ? null : value);

/** MAC addresses compare lowercase with colons; all-zero ones are no address. */
export function normalizeMac(value: string | undefined | null): string | null {
  const hex = (value ?? '').toLowerCase().replace(/[^0-9a-f]/g, '');
  if (hex.length !== 12 || /^0+$/.test(hex)) return null;
  return hex.match(/../g)?.join(':') ?? null;
}

function systemOf(content: InventoryContent): SystemFacts | undefined {
  const { hardware, operatingsystem: os, bios, cpus } = content;
  if (!hardware && !os && !bios && !cpus) return undefined;
  const cpu = cpus?.[0];
  const sumCores = (key: 'core' | 'thread') =>
    cpus?.length ? cpus.reduce((total, c) => total + (c[key] ?? 0), 0) || null : null;
  return {
    hostname: fact(hardware?.name) ?? fact(os?.fqdn?.split('.')[0]),
    domain: fact(os?.dns_domain) ?? fact(hardware?.workgroup),
    os_name: fact(os?.full_name) ?? fact(os?.name),
    os_version: fact(os?.version),
    os_kernel: fact(os?.kernel_version),
    os_arch: fact(os?.arch),
    manufacturer: fact(bios?.smanufacturer) ?? fact(bios?.mmanufacturer),
    model: fact(bios?.smodel) ?? fact(bios?.mmodel),
    serial: fact(bios?.ssn) ?? fact(bios?.msn),
    uuid: fact(hardware?.uuid)?.toLowerCase() ?? null,
    bios_vendor: fact(bios?.bmanufacturer),
    bios_version: fact(bios?.bversion),
    bios_date: fact(bios?.bdate),
    cpu_model: fact(cpu?.name),
    cpu_cores: sumCores('core'),
    cpu_threads: sumCores('thread'),
    cpu_speed_mhz: number(cpu?.speed),
    memory_mb: number(hardware?.memory),
    last_user: fact(hardware?.lastloggeduser),
  };
}

/** GLPI agents send one network entry per address: entries of one interface are merged. */
function networkOf(networks: NonNullable<InventoryContent['networks']>): NetworkFacts[] {
  const byKey = new Map<string, NetworkFacts>();
  for (const entry of networks) {
    const name = fact(entry.description) ?? normalizeMac(entry.mac) ?? 'interface';
    const mac = normalizeMac(entry.mac);
    const key = `${name}|${mac ?? ''}`;
    let facts = byKey.get(key);
    if (!facts) {
      facts = {
        name,
        mac,
        ipv4: [],
        ipv6: [],
        speed_mbps: number(entry.speed),
        is_dhcp: Boolean(fact(entry.ipdhcp)),
        is_virtual: entry.virtualdev === true || entry.virtualdev === 1,
      };
      byKey.set(key, facts);
    }
    const v4 = fact(entry.ipaddress);
    const v6 = fact(entry.ipaddress6);
    if (v4 && !facts.ipv4.includes(v4)) facts.ipv4.push(v4);
    if (v6 && !facts.ipv6.includes(v6)) facts.ipv6.push(v6);
  }
  return [...byKey.values()];
}

/** The snapshot of what a document reports; sections it leaves out stay undefined. */
export function snapshotOf(content: InventoryContent): MachineSnapshot {
  const snapshot: MachineSnapshot = {};
  const system = systemOf(content);
  if (system) snapshot.system = system;
  if (content.networks) snapshot.network = networkOf(content.networks);
  if (content.softwares)
    snapshot.software = content.softwares.map((s) => ({
      name: s.name,
      version: fact(s.version),
      publisher: fact(s.publisher),
      arch: fact(s.arch),
    }));
  if (content.storages)
    snapshot.disks = content.storages.map((d, i) => ({
      name: fact(d.name) ?? fact(d.model) ?? `disk ${i + 1}`,
      model: fact(d.model),
      serial: fact(d.serial),
      size_mb: number(d.disksize),
    }));
  if (content.drives)
    snapshot.volumes = content.drives.map((v, i) => ({
      mount: fact(v.volumn) ?? fact(v.letter) ?? `volume ${i + 1}`,
      filesystem: fact(v.filesystem),
      total_mb: number(v.total),
      free_mb: number(v.free),
    }));
  if (content.memories)
    snapshot.memory_modules = content.memories.map((m) => ({
      slot: fact(m.caption),
      capacity_mb: number(m.capacity),
      type: fact(m.type),
    }));
  if (content.videos)
    snapshot.graphics = content.videos.map((g, i) => ({
      name: fact(g.name) ?? fact(g.chipset) ?? `graphics ${i + 1}`,
      memory_mb: number(g.memory),
      resolution: fact(g.resolution),
    }));
  if (content.users) snapshot.users = [...new Set(content.users.map((u) => u.login))];
  return snapshot;
}
