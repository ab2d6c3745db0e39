import { QueueBoardKey } from './queue-board-key.js';

const KEY = 'an-administration-key-of-some-length';
const basic = (credentials: string): string => `Basic ${Buffer.from(credentials).toString('base64')}`;

describe('QueueBoardKey', () => {
  const key = new QueueBoardKey(KEY);

  it('accepts the key as a bearer token and as the password of HTTP Basic, whatever the user name', () => {
    expect(key.matches(`Bearer ${KEY}`)).toBe(true);
    expect(key.matches(basic(`admin:${KEY}`))).toBe(true);
    expect(key.matches(basic(`:${KEY}`))).toBe(true);
    expect(key.matches(basic(`someone:${KEY}`))).toBe(true);
  });

  it('refuses anything else', () => {
    expect(key.matches(undefined)).toBe(false);
    expect(key.matches('')).toBe(false);
    expect(key.matches(`Bearer ${KEY}x`)).toBe(false);
    expect(key.matches(basic(`admin:${KEY}x`))).toBe(false);
    expect(key.matches(basic(`${KEY}:admin`))).toBe(false);
    expect(key.matches(basic(KEY))).toBe(false);
    expect(key.matches(`Basic ${KEY}`)).toBe(false);
    expect(key.matches(`Digest ${KEY}`)).toBe(false);
  });
});
