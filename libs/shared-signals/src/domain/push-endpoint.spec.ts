import { pushEndpointProblem } from './push-endpoint.js';

describe('pushEndpointProblem', () => {
  it('accepts https anywhere and http on loopback', () => {
    expect(pushEndpointProblem('https://rp.example.com/ssf/events', false)).toBeNull();
    expect(pushEndpointProblem('http://localhost:4000/events', false)).toBeNull();
    expect(pushEndpointProblem('http://127.0.0.1:4000/events', false)).toBeNull();
    expect(pushEndpointProblem('http://[::1]:4000/events', false)).toBeNull();
  });

  it('refuses plain http elsewhere unless allowed', () => {
    expect(pushEndpointProblem('http://rp.example.com/events', false)).toMatch(/https/);
    expect(pushEndpointProblem('http://rp.example.com/events', true)).toBeNull();
  });

  it.each([
    '/relative',
    'ftp://rp.example.com/x',
    'https://user:pw@rp.example.com/x',
    'https://rp.example.com/x#frag',
    'not a url',
    `https://a.example/${'x'.repeat(2100)}`,
  ])('refuses %s', (url) => expect(pushEndpointProblem(url, true)).not.toBeNull());
});
