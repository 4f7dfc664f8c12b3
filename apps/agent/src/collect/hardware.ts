import type { Systeminformation } from 'systeminformation';
import type {
  ContentPart,
  CpuItem,
  DriveItem,
  MemoryItem,
  StorageItem,
  VideoItem,
} from '../inventory/types.js';
import type { CollectContext } from './context.js';
import { bytesToMb, clean, compact, glpiArch } from './values.js';

export type HardwareFacts = {
  cpu: Systeminformation.CpuData;
  arch: string;
  mem: Systeminformation.MemData;
  memLayout: Systeminformation.MemLayoutData[];
  blockDevices: Systeminformation.BlockDevicesData[];
  fsSize: Systeminformation.FsSizeData[];
  graphics: Systeminformation.GraphicsData;
  platform: NodeJS.Platform;
};

/** CPU, memory modules, disks, volumes with their usage, graphics. */
export async function collectHardware(ctx: CollectContext): Promise<ContentPart> {
  // blockDevices (lsblk) rather than diskLayout, which runs a full SMART query per disk.
  const [cpu, mem, memLayout, blockDevices, fsSize, graphics] = await Promise.all([
    ctx.si.cpu(),
    ctx.si.mem(),
    ctx.si.memLayout(),
    ctx.si.blockDevices(),
    ctx.si.fsSize(),
    ctx.si.graphics(),
  ]);
  return mapHardware({
    cpu,
    arch: ctx.arch,
    mem,
    memLayout,
    blockDevices,
    fsSize,
    graphics,
    platform: ctx.platform,
  });
}

export function mapHardware(facts: HardwareFacts): ContentPart {
  return {
    hardware: compact({ memory: bytesToMb(facts.mem.total), swap: bytesToMb(facts.mem.swaptotal) ?? 0 }),
    cpus: mapCpus(facts.cpu, facts.arch),
    memories: mapMemories(facts.memLayout),
    storages: mapStorages(facts.blockDevices),
    drives: mapDrives(facts.fsSize, facts.blockDevices, facts.platform),
    videos: mapVideos(facts.graphics),
  };
}

/** One entry per socket, as GLPI agents report them. */
export function mapCpus(cpu: Systeminformation.CpuData, arch: string): CpuItem[] {
  const sockets = Math.max(1, cpu.processors || 1);
  const stepping = Number.parseInt(cpu.stepping, 10);
  const item: CpuItem = compact({
    name: [clean(cpu.manufacturer), clean(cpu.brand)].filter(Boolean).join(' ') || undefined,
    manufacturer: clean(cpu.manufacturer),
    arch: glpiArch(arch),
    core: cpu.physicalCores ? Math.max(1, Math.round(cpu.physicalCores / sockets)) : undefined,
    thread: cpu.cores ? Math.max(1, Math.round(cpu.cores / sockets)) : undefined,
    speed: cpu.speedMax || cpu.speed ? Math.round((cpu.speedMax || cpu.speed) * 1000) : undefined,
    familynumber: clean(cpu.family),
    model: clean(cpu.model),
    stepping: Number.isNaN(stepping) ? undefined : stepping,
  });
  return Array.from({ length: sockets }, () => ({ ...item }));
}

export function mapMemories(modules: Systeminformation.MemLayoutData[]): MemoryItem[] {
  return modules
    .filter((m) => m.size > 0)
    .map((m, index) =>
      compact({
        capacity: bytesToMb(m.size),
        caption: clean(m.bank),
        description: clean(m.formFactor),
        formfactor: clean(m.formFactor),
        manufacturer: clean(m.manufacturer),
        model: clean(m.partNum),
        serialnumber: clean(m.serialNum),
        speed: m.clockSpeed ? String(m.clockSpeed) : undefined,
        type: clean(m.type),
        numslots: index + 1,
      }),
    );
}

// RAM disks and compressed swap are not storage a technician can replace.
const NOT_A_DISK = /^(zram|ram|loop)\d/;

export function mapStorages(devices: Systeminformation.BlockDevicesData[]): StorageItem[] {
  return devices
    .filter((d) => d.type === 'disk' && d.size > 0 && !NOT_A_DISK.test(d.name))
    .map((d) =>
      compact({
        name: d.name,
        description: clean(d.physical),
        disksize: bytesToMb(d.size),
        model: clean(d.model),
        serial: clean(d.serial),
        interface: clean(d.protocol),
        type: d.removable ? 'removable' : 'disk',
      }),
    );
}

export function mapDrives(
  volumes: Systeminformation.FsSizeData[],
  devices: Systeminformation.BlockDevicesData[],
  platform: NodeJS.Platform,
): DriveItem[] {
  const labels = new Map(devices.map((d) => [d.device ?? `/dev/${d.name}`, clean(d.label)]));
  return volumes.map((v) => {
    const isLetter = platform === 'win32' && /^[A-Za-z]:$/.test(v.mount);
    return compact({
      volumn: clean(v.fs),
      // GLPI agents put the mount point in `type` on Unix and the drive letter in `letter` on Windows.
      type: isLetter ? undefined : clean(v.mount),
      letter: isLetter ? v.mount.toUpperCase() : undefined,
      filesystem: clean(v.type),
      label: labels.get(v.fs),
      total: bytesToMb(v.size) ?? 0,
      free: bytesToMb(v.available) ?? 0,
    });
  });
}

export function mapVideos(graphics: Systeminformation.GraphicsData): VideoItem[] {
  const display = graphics.displays.find((d) => d.main) ?? graphics.displays[0];
  const resolution =
    display?.currentResX && display.currentResY ? `${display.currentResX}x${display.currentResY}` : undefined;
  return graphics.controllers.map((c, index) =>
    compact({
      name: clean(c.model) ?? clean(c.name),
      chipset: clean(c.vendor),
      memory: c.vram && c.vram > 0 ? c.vram : undefined,
      resolution: index === 0 ? resolution : undefined,
      pcislot: clean(c.busAddress),
    }),
  );
}
