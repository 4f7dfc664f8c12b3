import type { NetworkInterfaceInfo } from 'node:os';
import type { Systeminformation } from 'systeminformation';
import type { ContentPart, NetworkItem, NetworkStatus, NetworkType } from '../inventory/types.js';
import type { CollectContext } from './context.js';
import { ipv4Subnet, ipv6Subnet } from './ip-subnet.js';
import { readLinuxInterfaces } from './network-linux.js';
import { compact } from './values.js';

/** What the system says about one interface (systeminformation, or sysfs on Linux). */
export type InterfaceFacts = {
  name: string;
  mac?: string;
  operstate?: string;
  type?: NetworkType;
  virtual?: boolean;
  mtu?: number | null;
  speed?: number | null;
  dhcp?: boolean;
  default?: boolean;
};

export async function collectNetwork(ctx: CollectContext): Promise<ContentPart> {
  const { interfaces, gateway } =
    ctx.platform === 'linux' ? await readLinuxInterfaces(ctx) : await readInterfaces(ctx);
  return {
    networks: mapNetworks(interfaces, ctx.addresses(), gateway),
    hardware: gateway ? { defaultgateway: gateway } : {},
    itsm: { dhcp_interfaces: interfaces.filter((f) => f.dhcp).map((f) => f.name) },
  };
}

async function readInterfaces(
  ctx: CollectContext,
): Promise<{ interfaces: InterfaceFacts[]; gateway: string }> {
  const [ifaces, gateway] = await Promise.all([ctx.si.networkInterfaces(), ctx.si.networkGatewayDefault()]);
  return { interfaces: (Array.isArray(ifaces) ? ifaces : [ifaces]).map(fromSystemInformation), gateway };
}

export function fromSystemInformation(i: Systeminformation.NetworkInterfacesData): InterfaceFacts {
  let type: NetworkType | undefined;
  if (i.internal) type = 'loopback';
  else if (i.type === 'wired') type = 'ethernet';
  else if (i.type === 'wireless') type = 'wifi';
  return {
    name: i.iface,
    mac: i.mac,
    operstate: i.operstate,
    type,
    virtual: i.virtual,
    mtu: i.mtu,
    speed: i.speed,
    dhcp: i.dhcp,
    default: i.default,
  };
}

const STATUSES = new Set<NetworkStatus>(['up', 'down', 'dormant', 'notpresent', 'lowerlayerdown', 'testing']);
const ZERO_MAC = /^(00[:-]){5}00$/;

/** One entry per address, the way GLPI agents report interfaces; one bare entry when there is none. */
export function mapNetworks(
  interfaces: InterfaceFacts[],
  addresses: NodeJS.Dict<NetworkInterfaceInfo[]>,
  gateway: string,
): NetworkItem[] {
  return interfaces.flatMap((f) => {
    const status = f.operstate?.toLowerCase() as NetworkStatus | undefined;
    const base: NetworkItem = compact({
      description: f.name,
      mac: f.mac && !ZERO_MAC.test(f.mac) ? f.mac.toLowerCase() : undefined,
      status: status && STATUSES.has(status) ? status : 'unknown',
      type: f.type,
      virtualdev: f.virtual ?? false,
      mtu: f.mtu && f.mtu > 0 ? f.mtu : undefined,
      speed: f.speed && f.speed > 0 ? String(Math.round(f.speed)) : undefined,
    });
    const entries = (addresses[f.name] ?? []).map((a): NetworkItem => {
      if (a.family === 'IPv4') {
        return compact({
          ...base,
          ipaddress: a.address,
          ipmask: a.netmask,
          ipsubnet: ipv4Subnet(a.address, a.netmask),
          ipgateway: f.default && gateway && !gateway.includes(':') ? gateway : undefined,
        });
      }
      return compact({
        ...base,
        ipaddress6: a.address,
        ipmask6: a.netmask,
        ipsubnet6: ipv6Subnet(a.address, a.netmask),
      });
    });
    return entries.length > 0 ? entries : [base];
  });
}
