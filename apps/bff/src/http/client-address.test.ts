import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { addressBehindProxies } from './client-address.js';

/** Behind nginx every request comes from 127.0.0.1: the client is named by the proxy, and only by it. */
describe('the client address behind a reverse proxy', () => {
  const NGINX = ['127.0.0.1'];

  it('takes the address the trusted proxy appended, not one the client wrote before it', () => {
    expect(addressBehindProxies('127.0.0.1', '203.0.113.9', NGINX)).toBe('203.0.113.9');
    // A client forging X-Forwarded-For: nginx appends the real address at the right.
    expect(addressBehindProxies('127.0.0.1', '10.0.0.1, 198.51.100.7', NGINX)).toBe('198.51.100.7');
    expect(addressBehindProxies('::ffff:127.0.0.1', '198.51.100.7', NGINX)).toBe('198.51.100.7');
  });

  it('ignores X-Forwarded-For from anyone who is not a trusted proxy, and always when none is set', () => {
    expect(addressBehindProxies('198.51.100.7', '10.0.0.1', NGINX)).toBe('198.51.100.7');
    expect(addressBehindProxies('127.0.0.1', '10.0.0.1', [])).toBe('127.0.0.1');
    expect(addressBehindProxies('::ffff:192.0.2.1', undefined, [])).toBe('192.0.2.1');
  });

  it('skips a chain of trusted proxies to reach the client', () => {
    expect(addressBehindProxies('127.0.0.1', '198.51.100.7, 10.1.1.1', ['127.0.0.1', '10.1.1.1'])).toBe('198.51.100.7');
  });

  it('refuses to start with a TRUSTED_PROXIES entry that is not an IP address', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', TRUSTED_PROXIES: '127.0.0.1, nginx.local' })).toThrow(/TRUSTED_PROXIES: "nginx\.local" is not an IP address/);
    expect(loadConfig({ NODE_ENV: 'test', TRUSTED_PROXIES: '127.0.0.1, ::1' }).trustedProxies).toEqual(['127.0.0.1', '::1']);
  });
});
