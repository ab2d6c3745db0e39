import { rateLimitKey } from './rate-limit-key.js';

describe('rateLimitKey', () => {
  it('keeps an IPv4 address', () => {
    expect(rateLimitKey('198.51.100.7')).toBe('198.51.100.7');
  });

  it('keys an IPv4-mapped IPv6 address by the IPv4 address it carries', () => {
    expect(rateLimitKey('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(rateLimitKey('::FFFF:c633:6407')).toBe('198.51.100.7');
  });

  it('keys every IPv6 address of one /64 alike, whatever its spelling', () => {
    const key = '2001:db8:1:2::/64';
    expect(rateLimitKey('2001:db8:1:2::1')).toBe(key);
    expect(rateLimitKey('2001:0DB8:0001:0002:ffff:ffff:ffff:ffff')).toBe(key);
    expect(rateLimitKey('2001:db8:1:2:a:b:192.0.2.1')).toBe(key);
    expect(rateLimitKey('2001:db8:1:2::7%eth0')).toBe(key);
    expect(rateLimitKey('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
  });

  it('handles compressed zeros in the first half', () => {
    expect(rateLimitKey('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitKey('fe80::')).toBe('fe80:0:0:0::/64');
  });

  it('keeps anything else as it is', () => {
    expect(rateLimitKey(undefined)).toBe('unknown');
  });
});
