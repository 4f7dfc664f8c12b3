import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { type InterfaceFacts, mapNetworks } from './network.js';

const v4 = (address: string, netmask: string): NetworkInterfaceInfo => ({
  address,
  netmask,
  family: 'IPv4',
  mac: '',
  internal: false,
  cidr: null,
});
const v6 = (address: string, netmask: string): NetworkInterfaceInfo => ({
  address,
  netmask,
  family: 'IPv6',
  mac: '',
  internal: false,
  cidr: null,
  scopeid: 0,
});

const eth0: InterfaceFacts = {
  name: 'eth0',
  mac: '3C:52:82:AA:BB:CC',
  operstate: 'up',
  type: 'ethernet',
  virtual: false,
  mtu: 1500,
  speed: 1000,
  dhcp: true,
  default: true,
};

describe('mapNetworks', () => {
  it('reports one entry per address with MAC, speed, mask, subnet and the default gateway', () => {
    const items = mapNetworks(
      [eth0],
      {
        eth0: [v4('192.168.1.20', '255.255.255.0'), v6('fe80::3e52:82ff:feaa:bbcc', 'ffff:ffff:ffff:ffff::')],
      },
      '192.168.1.1',
    );
    const base = {
      description: 'eth0',
      mac: '3c:52:82:aa:bb:cc',
      status: 'up',
      type: 'ethernet',
      virtualdev: false,
      mtu: 1500,
      speed: '1000',
    };
    expect(items).toEqual([
      {
        ...base,
        ipaddress: '192.168.1.20',
        ipmask: '255.255.255.0',
        ipsubnet: '192.168.1.0',
        ipgateway: '192.168.1.1',
      },
      {
        ...base,
        ipaddress6: 'fe80::3e52:82ff:feaa:bbcc',
        ipmask6: 'ffff:ffff:ffff:ffff::',
        ipsubnet6: 'fe80::',
      },
    ]);
  });

  it('keeps an interface without address, and hides the zero MAC and unknown speeds', () => {
    const items = mapNetworks(
      [{ name: 'wlan0', mac: '00:00:00:00:00:00', operstate: 'dormant', type: 'wifi', speed: -1 }],
      {},
      '',
    );
    expect(items).toEqual([{ description: 'wlan0', status: 'dormant', type: 'wifi', virtualdev: false }]);
  });

  it('maps states outside the format to unknown', () => {
    const [item] = mapNetworks([{ name: 'tun0', operstate: 'weird' }], {}, '');
    expect(item?.status).toBe('unknown');
  });
});
