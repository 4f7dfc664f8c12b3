import type { NetworkType } from '../inventory/types.js';
import type { CollectContext } from './context.js';
import type { InterfaceFacts } from './network.js';
import { compact } from './values.js';

/**
 * Interfaces from sysfs, the default route from /proc/net/route and DHCP from `ip -o addr`.
 * systeminformation's networkInterfaces runs some 25 blocking shell commands per interface and skips
 * interfaces without an address (an unplugged NIC still has a MAC worth inventorying).
 */
export async function readLinuxInterfaces(
  ctx: CollectContext,
): Promise<{ interfaces: InterfaceFacts[]; gateway: string }> {
  const [names, virtualNames, routes, addr] = await Promise.all([
    ctx.listDir('/sys/class/net'),
    ctx.listDir('/sys/devices/virtual/net'),
    ctx.readText('/proc/net/route'),
    ctx.run('ip', ['-o', 'addr', 'show']),
  ]);
  const virtual = new Set(virtualNames);
  const route = parseDefaultRoute(routes ?? '');
  const dhcp = parseDhcpInterfaces(addr ?? '');
  const interfaces = await Promise.all(
    names.sort().map(async (name): Promise<InterfaceFacts> => {
      const read = (file: string) => ctx.readText(`/sys/class/net/${name}/${file}`).then((t) => t?.trim());
      const [mac, operstate, mtu, speed, kind, phy] = await Promise.all([
        read('address'),
        read('operstate'),
        read('mtu'),
        read('speed'),
        read('type'),
        ctx.readLink(`/sys/class/net/${name}/phy80211`),
      ]);
      return compact({
        name,
        mac,
        operstate,
        type: interfaceType(kind, phy !== null),
        virtual: virtual.has(name) && kind !== '772',
        mtu: mtu ? Number(mtu) : undefined,
        // Reading speed fails (EINVAL) on an interface that is down.
        speed: speed ? Number(speed) : undefined,
        dhcp: dhcp.has(name),
        default: name === route?.iface,
      });
    }),
  );
  return { interfaces, gateway: route?.gateway ?? '' };
}

// include/uapi/linux/if_arp.h: 1 is Ethernet (Wi-Fi too, told apart by its phy80211 link), 772 the loopback.
function interfaceType(kind: string | undefined, wireless: boolean): NetworkType | undefined {
  if (kind === '772') return 'loopback';
  if (kind === '1') return wireless ? 'wifi' : 'ethernet';
  return undefined;
}

/** The default IPv4 route of /proc/net/route: its interface and gateway (little-endian hex). */
export function parseDefaultRoute(text: string): { iface: string; gateway: string } | undefined {
  for (const line of text.split('\n').slice(1)) {
    const [iface, destination, gateway, , , , metric] = line.trim().split(/\s+/);
    if (!iface || destination !== '00000000' || !gateway || Number(metric) < 0) continue;
    const bytes = gateway.match(/../g)?.map((h) => Number.parseInt(h, 16)) ?? [];
    if (bytes.length !== 4) continue;
    return { iface, gateway: bytes.reverse().join('.') };
  }
  return undefined;
}

/** Interfaces holding an IPv4 address the kernel marks `dynamic`, i.e. leased by a DHCP client. */
export function parseDhcpInterfaces(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const match = line.match(/^\d+:\s+(\S+)\s+inet\s.*\bdynamic\b/);
    if (match?.[1]) names.add(match[1].split('@')[0] ?? match[1]);
  }
  return names;
}
