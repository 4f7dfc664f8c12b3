import type { InventoryDocument } from './types.js';

const gb = (mb: number) => `${(mb / 1024).toFixed(1)} GB`;

/** A few readable lines for `itsm-agent inventory` without --json. */
export function formatInventorySummary(doc: InventoryDocument): string {
  const c = doc.content;
  const os = c.operatingsystem;
  const bios = c.bios;
  const cpu = c.cpus?.[0];
  const interfaces = new Set((c.networks ?? []).map((n) => n.description));
  const addresses = (c.networks ?? []).flatMap((n) => [n.ipaddress, n.ipaddress6]).filter(Boolean);
  const uptime = c.itsm_runtime?.uptime_seconds;
  const rows: [string, string][] = [
    ['device id', doc.deviceid],
    ['hostname', [c.hardware?.name, os?.dns_domain].filter(Boolean).join(' / domain ') || '?'],
    [
      'os',
      [os?.full_name, os?.kernel_version ? `(kernel ${os.kernel_version})` : ''].filter(Boolean).join(' ') ||
        '?',
    ],
    [
      'machine',
      [bios?.smanufacturer, bios?.smodel, bios?.ssn ? `serial ${bios.ssn}` : ''].filter(Boolean).join(' ') ||
        '?',
    ],
    [
      'cpu',
      cpu
        ? `${c.cpus?.length} × ${cpu.name ?? '?'} (${cpu.core ?? '?'} cores, ${cpu.thread ?? '?'} threads)`
        : '?',
    ],
    ['memory', c.hardware?.memory ? gb(c.hardware.memory) : '?'],
    [
      'disks',
      (c.storages ?? []).map((s) => `${s.name} ${s.disksize ? gb(s.disksize) : '?'}`).join(', ') || 'none',
    ],
    [
      'volumes',
      (c.drives ?? [])
        .map((d) => `${d.letter ?? d.type} ${gb(d.free ?? 0)} free of ${gb(d.total ?? 0)}`)
        .join(', ') || 'none',
    ],
    ['network', `${interfaces.size} interfaces, ${addresses.length} addresses`],
    ['software', `${c.softwares?.length ?? 0} packages`],
    ['users', (c.users ?? []).map((u) => u.login).join(', ') || 'nobody logged in'],
    ['uptime', uptime === undefined ? '?' : formatDuration(uptime)],
  ];
  const width = Math.max(...rows.map(([key]) => key.length));
  return rows.map(([key, value]) => `${key.padEnd(width)}  ${value}`).join('\n');
}

export function formatDuration(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return days > 0 ? `${days} d ${hours} h ${minutes} min` : `${hours} h ${minutes} min`;
}
