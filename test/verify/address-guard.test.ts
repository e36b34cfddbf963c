import { describe, expect, it } from 'vitest';
import { isLoopbackAddress, isPublicAddress } from '../../src/verify/address-guard.js';

describe('addresses a key may be sent to', () => {
  it.each(['140.82.112.5', '104.16.132.229', '2606:4700::6810:84e5', '8.8.8.8'])('%s is public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'IPv6 loopback'],
    ['10.1.2.3', 'private'],
    ['172.20.0.1', 'private'],
    ['192.168.1.10', 'private'],
    ['169.254.169.254', 'the cloud metadata service'],
    ['fd00:ec2::254', "AWS's IPv6 metadata service"],
    ['fe80::1', 'link-local'],
    ['100.100.100.200', 'carrier-grade NAT (Alibaba metadata)'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'IPv6 unspecified'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
    ['224.0.0.1', 'multicast'],
    ['not-an-address', 'not an address at all'],
  ])('%s (%s) is refused', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it('knows loopback, where a KEYWARD_VERIFY_ORIGINS stand-in may listen', () => {
    expect(isLoopbackAddress('127.0.0.2')).toBe(true);
    expect(isLoopbackAddress('::1')).toBe(true);
    expect(isLoopbackAddress('10.0.0.1')).toBe(false);
  });
});
