import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../identity/common.js';

export const MACHINE_STATUSES = ['active', 'in_stock', 'retired'] as const;
export const MachineStatusSchema = z.enum(MACHINE_STATUSES);
export type MachineStatus = z.infer<typeof MachineStatusSchema>;

const name = z.string().nullable();

export const MachineSchema = z
  .object({
    id: IdSchema,
    hostname: z.string(),
    domain: name,
    serial: name,
    manufacturer: name,
    model: name,
    os_name: name,
    os_version: name,
    status: MachineStatusSchema,
    structure: IdSchema,
    structure_name: z.string(),
    site: IdSchema.nullable(),
    site_name: name,
    main_user: IdSchema.nullable(),
    main_user_name: name,
    has_agent: z.boolean().describe('An enrolled agent holds a valid token for it'),
    agent_version: name,
    last_seen_at: TimestampSchema.nullable().describe('Last exchange with its agent'),
    last_inventory_at: TimestampSchema.nullable(),
    created_at: TimestampSchema,
    updated_at: TimestampSchema,
  })
  .meta({ id: 'Machine' });
export type Machine = z.infer<typeof MachineSchema>;

// The shapes stored by the inventory (server: machines/inventory/snapshot.ts).
export const DiskSchema = z.object({
  name: z.string(),
  model: name,
  serial: name,
  size_mb: z.number().nullable(),
});
export const VolumeSchema = z.object({
  mount: z.string(),
  filesystem: name,
  total_mb: z.number().nullable(),
  free_mb: z.number().nullable(),
});
export const MemoryModuleSchema = z.object({
  slot: name,
  capacity_mb: z.number().nullable(),
  type: name,
});
export const GraphicsSchema = z.object({
  name: z.string(),
  memory_mb: z.number().nullable(),
  resolution: name,
});

export const MachineSystemInfoSchema = z.object({
  os_kernel: name,
  os_arch: name,
  bios_vendor: name,
  bios_version: name,
  bios_date: name,
  cpu_model: name,
  cpu_cores: z.number().nullable(),
  cpu_threads: z.number().nullable(),
  cpu_speed_mhz: z.number().nullable(),
  memory_mb: z.number().nullable(),
  last_user: name,
  memory_modules: z.array(MemoryModuleSchema),
  disks: z.array(DiskSchema),
  volumes: z.array(VolumeSchema),
  graphics: z.array(GraphicsSchema),
  users: z.array(z.string()).describe('Logged in at collection time'),
  uptime_seconds: z.number().nullable(),
  collected_at: TimestampSchema,
});
export type MachineSystemInfo = z.infer<typeof MachineSystemInfoSchema>;

export const NetworkInterfaceSchema = z.object({
  name: z.string(),
  mac: name,
  ipv4: z.array(z.string()),
  ipv6: z.array(z.string()),
  speed_mbps: z.number().nullable(),
  is_dhcp: z.boolean(),
  is_virtual: z.boolean(),
});
export type NetworkInterface = z.infer<typeof NetworkInterfaceSchema>;

export const INSTRUCTION_KINDS = ['inventory', 'set_intervals'] as const;
export const InstructionKindSchema = z.enum(INSTRUCTION_KINDS);
export const INSTRUCTION_STATUSES = ['pending', 'sent', 'done', 'failed', 'expired'] as const;

export const MachineInstructionSchema = z
  .object({
    id: IdSchema,
    kind: InstructionKindSchema,
    payload: z.record(z.string(), z.unknown()),
    status: z.enum(INSTRUCTION_STATUSES),
    created_by: IdSchema.nullable(),
    created_at: TimestampSchema,
    sent_at: TimestampSchema.nullable(),
    completed_at: TimestampSchema.nullable(),
    result: z.record(z.string(), z.unknown()).nullable(),
    error: name,
  })
  .meta({ id: 'MachineInstruction' });
export type MachineInstruction = z.infer<typeof MachineInstructionSchema>;

export const MachineDetailSchema = MachineSchema.extend({
  system_uuid: name,
  notes: name,
  enrolled_at: TimestampSchema.nullable(),
  system: MachineSystemInfoSchema.nullable().describe('Null until a first inventory'),
  interfaces: z.array(NetworkInterfaceSchema),
  software_count: z.number().int(),
  open_ticket_count: z.number().int(),
  instructions: z.array(MachineInstructionSchema).describe('The 10 latest'),
  can_edit: z.boolean(),
}).meta({ id: 'MachineDetail' });
export type MachineDetail = z.infer<typeof MachineDetailSchema>;

const text = z.string().trim();

export const MachineCreateSchema = z.strictObject({
  hostname: text.min(1).max(255),
  domain: text.max(255).nullish(),
  serial: text.max(255).nullish(),
  manufacturer: text.max(255).nullish(),
  model: text.max(255).nullish(),
  status: MachineStatusSchema.default('in_stock'),
  structure: IdSchema,
  site: IdSchema.nullish(),
  main_user: IdSchema.nullish(),
  notes: z.string().max(10_000).nullish(),
});
export type MachineCreate = z.input<typeof MachineCreateSchema>;

/** What people edit; the rest comes from the agent. */
export const MachineUpdateSchema = z
  .strictObject({
    status: MachineStatusSchema,
    structure: IdSchema,
    site: IdSchema.nullable(),
    main_user: IdSchema.nullable(),
    notes: z.string().max(10_000).nullable(),
  })
  .partial();
export type MachineUpdate = z.infer<typeof MachineUpdateSchema>;

export const SoftwareSchema = z.object({
  id: IdSchema,
  name: z.string(),
  version: name,
  publisher: name,
  arch: name,
});
export type Software = z.infer<typeof SoftwareSchema>;

export const MachineHistoryEntrySchema = z
  .object({
    id: IdSchema,
    field: z.string(),
    action: z.enum(['changed', 'added', 'removed', 'upgraded']),
    item: name,
    old_value: name,
    new_value: name,
    source: z.enum(['agent', 'user']),
    actor: IdSchema.nullable(),
    actor_name: name,
    created_at: TimestampSchema,
  })
  .meta({ id: 'MachineHistoryEntry' });
export type MachineHistoryEntry = z.infer<typeof MachineHistoryEntrySchema>;

export const IntervalsSchema = z.strictObject({
  heartbeat_seconds: z.number().int().min(15).max(86_400).optional(),
  inventory_minutes: z
    .number()
    .int()
    .min(5)
    .max(10_080)
    .optional()
    .describe('How often the agent looks for changed sections (partial inventory)'),
  full_inventory_hours: z.number().int().min(1).max(720).optional(),
});
export type Intervals = z.infer<typeof IntervalsSchema>;

export const InstructionCreateSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('inventory'),
    payload: z.strictObject({ full: z.boolean().default(true) }).default({ full: true }),
  }),
  z.strictObject({ kind: z.literal('set_intervals'), payload: IntervalsSchema }),
]);
export type InstructionCreate = z.input<typeof InstructionCreateSchema>;
