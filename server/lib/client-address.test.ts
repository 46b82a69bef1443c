import { describe, expect, it } from 'vitest';
import { resolveClientAddress } from './client-address';

const resolve = (socketAddress: string | undefined, forwardedFor?: string, trustedProxies: string[] = []) =>
  resolveClientAddress({ socketAddress, forwardedFor, trustedProxies });

describe('resolveClientAddress (TRUSTED_PROXIES)', () => {
  it('without trusted proxies, the socket address, whatever X-Forwarded-For says', () => {
    expect(resolve('203.0.113.5', '198.51.100.1')).toBe('203.0.113.5');
    expect(resolve('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(resolve(undefined, '198.51.100.1')).toBeUndefined();
  });

  it('from a trusted proxy, the rightmost address no trusted proxy vouches for', () => {
    const trusted = ['10.0.0.0/8', '2001:db8::/32'];
    expect(resolve('10.0.0.2', '198.51.100.1', trusted)).toBe('198.51.100.1');
    // The client wrote the leftmost value itself: never believed.
    expect(resolve('10.0.0.2', '1.1.1.1, 198.51.100.1, 10.0.0.9', trusted)).toBe('198.51.100.1');
    expect(resolve('::ffff:10.0.0.2', '2001:db8::7, 203.0.113.9', trusted)).toBe('203.0.113.9');
    // Every hop trusted: the leftmost one.
    expect(resolve('10.0.0.2', '10.0.0.3, 10.0.0.4', trusted)).toBe('10.0.0.3');
    // No header, or a malformed hop: the proxy itself.
    expect(resolve('10.0.0.2', undefined, trusted)).toBe('10.0.0.2');
    expect(resolve('10.0.0.2', 'not-an-ip', trusted)).toBe('10.0.0.2');
  });

  it('from an untrusted peer, the header is ignored', () => {
    expect(resolve('203.0.113.5', '10.0.0.9', ['10.0.0.0/8'])).toBe('203.0.113.5');
  });
});
