import { describe, expect, it } from 'vitest';
import { parseDefaultRoute, parseDhcpInterfaces } from './network-linux.js';

describe('parseDefaultRoute', () => {
  it('reads the interface and gateway of the default route', () => {
    const table = [
      'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT',
      'wlp0s20f3\t0000A8C0\t00000000\t0001\t0\t0\t600\t00FFFFFF\t0\t0\t0',
      'wlp0s20f3\t00000000\t0100A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0',
    ].join('\n');
    expect(parseDefaultRoute(table)).toEqual({ iface: 'wlp0s20f3', gateway: '192.168.0.1' });
  });

  it('finds nothing without a default route', () => {
    expect(parseDefaultRoute('Iface\tDestination\tGateway\n')).toBeUndefined();
  });
});

describe('parseDhcpInterfaces', () => {
  it('keeps the interfaces with a dynamic IPv4 address', () => {
    // `ip -o addr show` on a laptop: Wi-Fi by DHCP, a static Ethernet, a bridge, SLAAC IPv6.
    const output = [
      '1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever',
      '2: enp0s31f6    inet 10.20.0.15/24 brd 10.20.0.255 scope global noprefixroute enp0s31f6\\       valid_lft forever preferred_lft forever',
      '3: wlp0s20f3    inet 192.168.0.42/24 brd 192.168.0.255 scope global dynamic noprefixroute wlp0s20f3\\       valid_lft 85979sec preferred_lft 85979sec',
      '3: wlp0s20f3    inet6 2a01:e0a:1:2::42/64 scope global dynamic noprefixroute \\       valid_lft 86300sec preferred_lft 14300sec',
      '5: veth1@if4    inet 172.18.0.1/16 brd 172.18.255.255 scope global dynamic veth1\\       valid_lft 3000sec preferred_lft 3000sec',
    ].join('\n');
    expect([...parseDhcpInterfaces(output)]).toEqual(['wlp0s20f3', 'veth1']);
  });
});
