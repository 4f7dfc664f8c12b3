import { describe, expect, it } from 'vitest';
import { ipv4Subnet, ipv6Subnet } from './ip-subnet.js';

describe('ipv4Subnet', () => {
  it.each([
    ['192.168.10.37', '255.255.255.0', '192.168.10.0'],
    ['10.1.2.3', '255.240.0.0', '10.0.0.0'],
    ['127.0.0.1', '255.0.0.0', '127.0.0.0'],
  ])('%s/%s → %s', (address, mask, subnet) => {
    expect(ipv4Subnet(address, mask)).toBe(subnet);
  });

  it('gives up on malformed input', () => {
    expect(ipv4Subnet('10.0.0', '255.0.0.0')).toBeUndefined();
  });
});

describe('ipv6Subnet', () => {
  it.each([
    ['fe80::fc:ff:fe00:1', 'ffff:ffff:ffff:ffff::', 'fe80::'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', 'ffff:ffff:ffff:ff00::', '2001:db8:85a3:800::'],
    ['fe80::1%eth0', 'ffff:ffff:ffff:ffff::', 'fe80::'],
    ['::1', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '::1'],
    ['2001:db8:0:1:1:1:1:1', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '2001:db8:0:1:1:1:1:1'],
  ])('%s/%s → %s', (address, mask, subnet) => {
    expect(ipv6Subnet(address, mask)).toBe(subnet);
  });

  it('gives up on malformed input', () => {
    expect(ipv6Subnet('1::2::3', 'ffff::')).toBeUndefined();
    expect(ipv6Subnet('zz::1', 'ffff::')).toBeUndefined();
  });
});
