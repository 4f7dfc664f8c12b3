import { z } from 'zod';

// The part of a GLPI inventory document (https://glpi-project.org/inventory.json) the server reads.
// Agents of the GLPI family and ours send the same document; unknown sections and fields pass
// through untouched, known ones are checked for type and sane bounds so that absurd values are
// refused before anything is stored. Sizes follow the format: megabytes, MHz, Mbit/s.

const MAX_ITEMS = 20_000;
/** 64 TiB in MB: more memory or disk than this is not a real machine. */
const MAX_MB = 64 * 1024 * 1024;

const text = (max = 255) => z.string().trim().max(max);
const megabytes = z.number().int().min(0).max(MAX_MB);
/** Agents send numbers as numbers or as numeric strings. */
const count = (max: number) => z.coerce.number().int().min(0).max(max);
const list = <T extends z.ZodType>(item: T, max = 1_000) => z.array(item).max(max);

export const InventoryHardwareSchema = z.looseObject({
  name: text().optional(),
  uuid: text(64).optional(),
  memory: megabytes.optional(),
  workgroup: text().optional(),
  dns: text(1_000).optional(),
  lastloggeduser: text().optional(),
  chassis_type: text(64).optional(),
  vmsystem: text(64).optional(),
});

export const InventoryOperatingSystemSchema = z.looseObject({
  name: text().optional(),
  full_name: text().optional(),
  version: text().optional(),
  kernel_name: text().optional(),
  kernel_version: text().optional(),
  arch: text(64).optional(),
  fqdn: text().optional(),
  dns_domain: text().optional(),
  boot_time: text(64).optional(),
});

export const InventoryBiosSchema = z.looseObject({
  smanufacturer: text().optional(),
  smodel: text().optional(),
  ssn: text().optional(),
  bmanufacturer: text().optional(),
  bversion: text().optional(),
  bdate: text(64).optional(),
  mmanufacturer: text().optional(),
  mmodel: text().optional(),
  msn: text().optional(),
  assettag: text().optional(),
});

export const InventoryCpuSchema = z.looseObject({
  name: text().optional(),
  manufacturer: text().optional(),
  core: count(4_096).optional(),
  thread: count(16_384).optional(),
  speed: count(100_000).optional(),
  arch: text(64).optional(),
});

export const InventoryMemorySchema = z.looseObject({
  capacity: megabytes.optional(),
  caption: text().optional(),
  type: text(64).optional(),
  speed: text(64).optional(),
  numslots: count(1_024).optional(),
  manufacturer: text().optional(),
  serialnumber: text().optional(),
});

export const InventoryStorageSchema = z.looseObject({
  name: text().optional(),
  model: text().optional(),
  manufacturer: text().optional(),
  serial: text().optional(),
  type: text(64).optional(),
  interface: text(64).optional(),
  disksize: megabytes.optional(),
});

export const InventoryDriveSchema = z.looseObject({
  volumn: text().optional(),
  letter: text(16).optional(),
  label: text().optional(),
  filesystem: text(64).optional(),
  type: text(255).optional(),
  total: megabytes.optional(),
  free: megabytes.optional(),
});

export const InventoryNetworkSchema = z.looseObject({
  description: text().optional(),
  mac: text(64).optional(),
  ipaddress: text(64).optional(),
  ipaddress6: text(128).optional(),
  ipmask: text(64).optional(),
  ipgateway: text(64).optional(),
  ipdhcp: text(64).optional(),
  speed: count(10_000_000).optional(),
  status: text(32).optional(),
  type: text(64).optional(),
  virtualdev: z.union([z.boolean(), z.coerce.number()]).optional(),
});

export const InventorySoftwareSchema = z.looseObject({
  name: text(),
  version: text().optional(),
  publisher: text().optional(),
  arch: text(64).optional(),
  install_date: text(64).optional(),
  from: text(64).optional(),
});

export const InventoryVideoSchema = z.looseObject({
  name: text().optional(),
  chipset: text().optional(),
  memory: megabytes.optional(),
  resolution: text(64).optional(),
});

export const InventoryUserSchema = z.looseObject({ login: text(), domain: text().optional() });

export const InventoryContentSchema = z.looseObject({
  versionclient: text(),
  hardware: InventoryHardwareSchema.optional(),
  operatingsystem: InventoryOperatingSystemSchema.optional(),
  bios: InventoryBiosSchema.optional(),
  cpus: list(InventoryCpuSchema, 256).optional(),
  memories: list(InventoryMemorySchema, 1_024).optional(),
  storages: list(InventoryStorageSchema).optional(),
  drives: list(InventoryDriveSchema).optional(),
  networks: list(InventoryNetworkSchema).optional(),
  softwares: list(InventorySoftwareSchema, MAX_ITEMS).optional(),
  videos: list(InventoryVideoSchema, 64).optional(),
  users: list(InventoryUserSchema).optional(),
});

export const InventoryDocumentSchema = z.looseObject({
  deviceid: text(),
  action: z.literal('inventory').optional(),
  itemtype: text(64).optional(),
  /** Only the sections present are compared with the stored inventory. */
  partial: z.boolean().optional(),
  content: InventoryContentSchema,
});

export type InventoryDocument = z.infer<typeof InventoryDocumentSchema>;
export type InventoryContent = z.infer<typeof InventoryContentSchema>;
