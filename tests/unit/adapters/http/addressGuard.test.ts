import { guardedLookup, isBlockedAddress } from '../../../../lambdas/adapters/http/addressGuard';

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
    'not-an-ip',
  ])('blocks %s', (addr) => {
    expect(isBlockedAddress(addr)).toBe(true);
  });

  it.each(['8.8.8.8', '93.184.216.34', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111'])('allows %s', (addr) => {
    expect(isBlockedAddress(addr)).toBe(false);
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
