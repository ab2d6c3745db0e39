import { parseTrustProxy } from './trust-proxy.setting.js';

describe('parseTrustProxy', () => {
  it.each([
    [undefined, false],
    ['false', false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['10.0.0.7', ['10.0.0.7']],
    ['10.0.0.0/8, 2001:db8::/32 ,loopback', ['10.0.0.0/8', '2001:db8::/32', 'loopback']],
  ])('reads %s', (raw, value) => {
    expect(parseTrustProxy(raw)).toEqual({ value });
  });

  it.each([
    ['true', /every hop/],
    ['0.0.0.0/0', /every address/],
    ['::/0', /every address/],
    ['11', /hop count/],
    ['10.0.0.0/33', /prefix/],
    ['proxy.internal', /not an IP address/],
    ['10.0.0.1,,10.0.0.2', /empty/],
    ['-1', /not an IP address/],
  ])('refuses %s', (raw, message) => {
    const result = parseTrustProxy(raw);
    expect(typeof result).toBe('string');
    expect(result).toMatch(message);
  });
});
