import { embeddedIPv4, guardedLookup, isBlockedAddress } from '../../../../lambdas/adapters/http/addressGuard';

describe('isBlockedAddress', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '10.0.0.1',
    '172.16.5.4',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    'fc12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:8.8.8.8',
    '64:ff9b::a00:1',
    '64:ff9b::169.254.169.254',
    '64:ff9b:1::808:808', // local-use NAT64
    '2002:a00:1::1', // 6to4 of 10.0.0.1
    '2002:7f00:1::', // 6to4 of 127.0.0.1
    '2001:0:4136:e378::1', // Teredo
    '::10.0.0.1', // IPv4-compatible
    '::ffff:10.0.0.1',
    '::ffff:a9fe:a9fe',
    '::ffff:0:7f00:1', // IPv4-translated (SIIT) 127.0.0.1, as in http://[::ffff:0:7f00:1]/
    '::ffff:0:127.0.0.1',
    '::ffff:0:a9fe:a9fe', // translated 169.254.169.254
    '::ffff:0:808:808', // translated, even of a public address: never a DNS answer for a web site
    '64:ff9b::7f00:1', // NAT64 of 127.0.0.1
    '2002:a9fe:a9fe::1', // 6to4 of the metadata address
    '3fff::1', // documentation (RFC 9637)
    '4000::1', // outside global unicast 2000::/3
    '::1:0:0:1', // outside global unicast, in none of the named ranges
    '192.0.2.7',
    '198.18.0.1',
    'fec0::1',
    'not-an-ip',
  ])('blocks %s', (addr) => {
    expect(isBlockedAddress(addr)).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '93.184.216.34',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '64:ff9b::808:808', // NAT64 of a public address: how IPv6-only networks reach IPv4 sites
    '2002:808:808::1', // 6to4 of a public address
  ])('allows %s', (addr) => {
    expect(isBlockedAddress(addr)).toBe(false);
  });
});

describe('embeddedIPv4', () => {
  it.each([
    ['64:ff9b::a00:1', '10.0.0.1'],
    ['64:ff9b::8.8.8.8', '8.8.8.8'],
    ['2002:c0a8:101::1', '192.168.1.1'],
    ['2606:4700::1', null],
    ['::1', null],
  ])('%s → %s', (v6, v4) => {
    expect(embeddedIPv4(v6)).toBe(v4);
  });
});

describe('guardedLookup', () => {
  it('fails for a name that resolves to loopback', (done) => {
    guardedLookup('localhost', {}, (err) => {
      expect(err?.name).toBe('BlockedAddressError');
      done();
    });
  });
});
