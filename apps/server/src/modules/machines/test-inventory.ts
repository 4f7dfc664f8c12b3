import type { InventoryContent, InventoryDocument } from '@itsm/contracts';

// Inventory documents as an agent sends them, for the machines module's tests.

export const packages = (count: number, version = '1.0') =>
  Array.from({ length: count }, (_, i) => ({
    name: `pkg-${String(i).padStart(4, '0')}`,
    version,
    publisher: 'Debian',
  }));

export type Hardware = { name?: string; uuid?: string; serial?: string; mac?: string; memory?: number };

export function inventoryContent(hw: Hardware = {}, softwareCount = 20): InventoryContent {
  return {
    versionclient: 'ITSM-Agent_v0.1.0',
    hardware: {
      name: hw.name ?? 'pc-compta-01',
      uuid: hw.uuid ?? '4c4c4544-0035-5210-8052-b5c04f4b4b32',
      memory: hw.memory ?? 8192,
      lastloggeduser: 'hdubois',
    },
    operatingsystem: {
      full_name: 'Debian GNU/Linux 12 (bookworm)',
      version: '12',
      kernel_version: '6.1.0-26-amd64',
    },
    bios: {
      smanufacturer: 'Dell Inc.',
      smodel: 'OptiPlex 7090',
      ssn: hw.serial ?? 'B5RK4K2',
      bversion: '1.18.0',
    },
    cpus: [{ name: 'Intel(R) Core(TM) i5-10500', core: 6, thread: 12, speed: 3100 }],
    memories: [{ capacity: hw.memory ?? 8192, caption: 'DIMM1' }],
    storages: [{ name: 'nvme0n1', serial: 'S1', disksize: 256_000 }],
    drives: [{ volumn: '/', filesystem: 'ext4', total: 240_000, free: 120_000 }],
    networks: [
      { description: 'eno1', mac: hw.mac ?? '10:7b:44:aa:bb:cc', ipaddress: '192.168.1.20', speed: 1000 },
    ],
    softwares: packages(softwareCount),
  };
}

export function inventoryDocument(hw: Hardware = {}, softwareCount = 20): InventoryDocument {
  return {
    deviceid: `${hw.name ?? 'pc-compta-01'}-2026-11-24-09-00-00`,
    action: 'inventory',
    itemtype: 'Computer',
    content: inventoryContent(hw, softwareCount),
  };
}
