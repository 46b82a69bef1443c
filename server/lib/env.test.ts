import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#tests/setup';
import { parseEnv } from './env';
import { trustedOriginsFor } from './security';

const secret = 'a-secret-of-at-least-thirty-two-characters';

describe('parseEnv', () => {
  it('an empty variable counts as unset', () => {
    const env = parseEnv({
      NODE_ENV: 'test',
      DATABASE_URL: '',
      SMTP_URL: '',
      PORT: '',
      AUTH_SECRET: secret,
      BASE_URL: '',
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.BASE_URL).toBe('http://localhost:3000');
  });

  it('HOST: loopback outside production, every interface in production, HOST opens it up', () => {
    expect(parseEnv({ NODE_ENV: 'development', AUTH_SECRET: secret }).HOST).toBe('127.0.0.1');
    expect(parseEnv({ NODE_ENV: 'test', AUTH_SECRET: secret }).HOST).toBe('127.0.0.1');
    expect(parseEnv({ NODE_ENV: 'production', AUTH_SECRET: secret }).HOST).toBe('0.0.0.0');
    expect(parseEnv({ NODE_ENV: 'development', AUTH_SECRET: secret, HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
    expect(parseEnv({ NODE_ENV: 'development', AUTH_SECRET: secret, HOST: '' }).HOST).toBe('127.0.0.1');
  });

  it('TRUSTED_PROXIES: empty by default, a list of addresses and CIDR ranges, anything else refused', () => {
    expect(parseEnv({ NODE_ENV: 'test', AUTH_SECRET: secret }).TRUSTED_PROXIES).toEqual([]);
    expect(
      parseEnv({
        NODE_ENV: 'test',
        AUTH_SECRET: secret,
        TRUSTED_PROXIES: ' 10.0.0.0/8, 192.0.2.1 ,2001:db8::/32,::1',
      }).TRUSTED_PROXIES,
    ).toEqual(['10.0.0.0/8', '192.0.2.1', '2001:db8::/32', '::1']);
    for (const bad of ['proxy.example', '10.0.0.0/33', '10.0.0.1/8/1', '2001:db8::/129', '10.0.0.0/x']) {
      expect(() => parseEnv({ NODE_ENV: 'test', AUTH_SECRET: secret, TRUSTED_PROXIES: bad })).toThrow(
        /TRUSTED_PROXIES/,
      );
    }
  });
});

describe('trusted origins', () => {
  it('in development, every loopback spelling of the server port and of the Vite port', () => {
    const origins = trustedOriginsFor({
      BASE_URL: 'http://localhost:3000',
      NODE_ENV: 'development',
      PORT: 3000,
    });
    expect(origins).toEqual(
      expect.arrayContaining([
        'http://localhost:3000',
        'http://127.0.0.1:3000',
        'http://[::1]:3000',
        'http://localhost:5173',
        'http://127.0.0.1:5173',
        'http://[::1]:5173',
      ]),
    );
    expect(origins).not.toContain('http://127.0.0.1:4000');
  });

  it('in production, only BASE_URL', () => {
    expect(
      trustedOriginsFor({ BASE_URL: 'https://alumni.example.com/', NODE_ENV: 'production', PORT: 3000 }),
    ).toEqual(['https://alumni.example.com']);
  });
});

describe('signing in from http://127.0.0.1:3000 in development', () => {
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await createTestApp({ env: { NODE_ENV: 'development' } });
  });
  afterAll(() => t?.close());

  it('is accepted (it was a 403: only localhost was trusted); a foreign origin still is not', async () => {
    const { createTestMember, TEST_PASSWORD } = await import('#tests/factories/index');
    const member = await createTestMember(t as TestApp);
    const signIn = (origin: string) =>
      (t as TestApp).app.request('http://127.0.0.1:3000/api/auth/sign-in/email', {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: JSON.stringify({ email: member.email, password: TEST_PASSWORD }),
      });
    expect((await signIn('http://127.0.0.1:3000')).status).toBe(200);
    expect((await signIn('http://[::1]:3000')).status).toBe(200);
    expect((await signIn('http://127.0.0.1:5173')).status).toBe(200);
    expect((await signIn('http://evil.example')).status).toBe(403);
  });
});
