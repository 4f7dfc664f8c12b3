import type { Systeminformation } from 'systeminformation';
import type {
  BiosSection,
  ContentPart,
  HardwareSection,
  OperatingSystemSection,
} from '../inventory/types.js';
import type { CollectContext } from './context.js';
import { clean, compact, formatDateTime, glpiArch } from './values.js';

export type SystemFacts = {
  os: Systeminformation.OsData;
  system: Systeminformation.SystemData;
  bios: Systeminformation.BiosData;
  baseboard: Systeminformation.BaseboardData;
  chassis: Systeminformation.ChassisData;
  hostname: string;
  timezoneName: string | undefined;
  /** Minutes, as Date#getTimezoneOffset gives them (positive west of UTC). */
  timezoneOffset: number;
  bootTime: Date;
};

/** OS, identity of the machine (manufacturer, model, serial, UUID), BIOS, boot time. */
export async function collectSystem(ctx: CollectContext): Promise<ContentPart> {
  const [os, system, bios, baseboard, chassis, bootTime, timezoneName] = await Promise.all([
    ctx.si.osInfo(),
    ctx.si.system(),
    ctx.si.bios(),
    ctx.si.baseboard(),
    ctx.si.chassis(),
    readBootTime(ctx),
    readTimezoneName(ctx),
  ]);
  const now = ctx.now();
  const part = mapSystem({
    os,
    system,
    bios,
    baseboard,
    chassis,
    hostname: ctx.hostname(),
    timezoneName,
    timezoneOffset: now.getTimezoneOffset(),
    bootTime,
  });
  return {
    ...part,
    itsm_runtime: {
      uptime_seconds: Math.max(0, Math.round((now.getTime() - bootTime.getTime()) / 1000)),
      collected_at: now.toISOString(),
    },
  };
}

/** The kernel's exact boot instant on Linux; elsewhere now − uptime, to the minute so it stays stable. */
async function readBootTime(ctx: CollectContext): Promise<Date> {
  if (ctx.platform === 'linux') {
    const btime = parseProcStatBootTime(await ctx.readText('/proc/stat'));
    if (btime !== undefined) return new Date(btime * 1000);
  }
  const uptime = ctx.uptime();
  const boot = ctx.now().getTime() - uptime * 1000;
  return new Date(Math.round(boot / 60_000) * 60_000);
}

/**
 * The IANA zone that /etc/localtime points to (Linux, macOS), else the name in Date#toString.
 * Not Intl: loading its time zone data costs the agent about 7 MB of memory.
 */
async function readTimezoneName(ctx: CollectContext): Promise<string | undefined> {
  const target = await ctx.readLink('/etc/localtime');
  return (
    zoneFromLocaltimeLink(target) ??
    ctx
      .now()
      .toString()
      .match(/\(([^)]+)\)$/)?.[1]
  );
}

/** `/usr/share/zoneinfo/Europe/Paris` → `Europe/Paris`. */
export function zoneFromLocaltimeLink(target: string | null): string | undefined {
  const zone = target?.split('/zoneinfo/')[1];
  return zone || undefined;
}

export function parseProcStatBootTime(text: string | null): number | undefined {
  const match = text?.match(/^btime\s+(\d+)$/m);
  return match ? Number(match[1]) : undefined;
}

export function mapSystem(facts: SystemFacts): ContentPart {
  const { os, system, bios, baseboard, chassis } = facts;
  const hostname = facts.hostname.split('.')[0] ?? facts.hostname;
  const fqdn = clean(os.fqdn) ?? facts.hostname;
  const domain = fqdn.toLowerCase().startsWith(`${hostname.toLowerCase()}.`)
    ? fqdn.slice(hostname.length + 1)
    : undefined;
  const release = clean(os.release);
  const codename = clean(os.codename);

  const operatingsystem: OperatingSystemSection = compact({
    name: clean(os.distro),
    full_name: [clean(os.distro), release, codename ? `(${codename})` : undefined].filter(Boolean).join(' '),
    version: release,
    kernel_name: os.platform === 'Windows' ? 'MSWin32' : clean(os.platform),
    kernel_version: clean(os.kernel),
    arch: glpiArch(os.arch) ?? clean(os.arch),
    fqdn,
    dns_domain: domain,
    service_pack: clean(os.servicepack),
    boot_time: formatDateTime(facts.bootTime),
    timezone: facts.timezoneName
      ? { name: facts.timezoneName, offset: formatOffset(facts.timezoneOffset) }
      : undefined,
  });

  const hardware: HardwareSection = compact({
    name: hostname,
    uuid: clean(system.uuid)?.toUpperCase(),
    chassis_type: clean(chassis.type),
    vmsystem: system.virtual ? (clean(system.virtualHost) ?? 'Virtual') : 'Physical',
  });

  const biosSection: BiosSection = compact({
    bdate: isoDate(bios.releaseDate),
    bmanufacturer: clean(bios.vendor),
    bversion: clean(bios.version),
    biosserial: clean(bios.serial),
    smanufacturer: clean(system.manufacturer),
    smodel: clean(system.model),
    ssn: clean(system.serial),
    skunumber: clean(system.sku),
    mmanufacturer: clean(baseboard.manufacturer),
    mmodel: clean(baseboard.model),
    msn: clean(baseboard.serial),
    assettag: clean(chassis.assetTag),
    enclosureserial: clean(chassis.serial),
  });

  return { operatingsystem, hardware, bios: biosSection };
}

/** `-120` minutes (UTC+2) → `+0200`. */
export function formatOffset(minutesWest: number): string {
  const east = -minutesWest;
  const abs = Math.abs(east);
  return `${east < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

function isoDate(value: string | undefined): string | undefined {
  const text = clean(value);
  return text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : undefined;
}
