import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestMember, signedIn, TEST_PASSWORD } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, ORIGIN, type TestApp } from '#tests/setup';
import { AUTH_ADDRESS_LIMIT, SIGN_IN_ACCOUNT_WINDOW_MS } from './auth.gateway';

/**
 * The door to better-auth (decision 025): sign-in limited per client address and per account,
 * Retry-After on every 429, X-Forwarded-For believed only from TRUSTED_PROXIES, and no session
 * token in any answer or readable in the session-data cookie.
 */
failOnConsoleError();
let t: TestApp;
const SIGN_IN_LIMIT = 4;
const ACCOUNT_LIMIT = 3;
beforeAll(async () => {
  t = await createTestApp({
    env: {
      SIGN_IN_RATE_LIMIT: SIGN_IN_LIMIT,
      SIGN_IN_ACCOUNT_RATE_LIMIT: ACCOUNT_LIMIT,
      TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.1',
    },
  });
});
afterAll(() => t.close());

/** A request as it arrives on a socket from `address` (what @hono/node-server gives getConnInfo). */
function fromAddress(address: string, path: string, init: RequestInit & { json?: unknown } = {}) {
  const headers = new Headers(init.headers);
  headers.set('origin', ORIGIN);
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
  return t.app.request(
    `${ORIGIN}${path}`,
    { ...init, headers, body },
    {
      incoming: { socket: { remoteAddress: address, remotePort: 40000, remoteFamily: 'IPv4' } },
    },
  );
}

const signInFrom = (address: string, email: string, password: string, headers: HeadersInit = {}) =>
  fromAddress(address, '/api/auth/sign-in/email', { method: 'POST', json: { email, password }, headers });

describe('sign-in limits', () => {
  it('per address: after SIGN_IN_RATE_LIMIT attempts in a minute, 429 with Retry-After; others unaffected', async () => {
    const members = await Promise.all([1, 2, 3, 4, 5].map(() => createTestMember(t)));
    for (const m of members.slice(0, SIGN_IN_LIMIT)) {
      expect((await signInFrom('203.0.113.10', m.email, 'wrong password!!')).status).toBe(401);
    }
    const limited = await signInFrom('203.0.113.10', (members[4] as { email: string }).email, TEST_PASSWORD, {
      'accept-language': 'en',
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await limited.json()).error).toMatchObject({ code: 'rate_limited' });
    // Another address is not affected.
    const other = await signInFrom('203.0.113.11', (members[4] as { email: string }).email, TEST_PASSWORD);
    expect(other.status).toBe(200);
    t.clock.advance(60_000);
    expect(
      (await signInFrom('203.0.113.10', (members[4] as { email: string }).email, TEST_PASSWORD)).status,
    ).toBe(200);
  });

  it('per account: failed attempts from many addresses lock that account only, until the window ends', async () => {
    const target = await createTestMember(t);
    const bystander = await createTestMember(t);
    for (let i = 0; i < ACCOUNT_LIMIT; i++) {
      expect((await signInFrom(`198.51.100.${i + 1}`, target.email, 'wrong password!!')).status).toBe(401);
    }
    // Even the right password waits now (the guesser must not learn it is right) — with Retry-After.
    const locked = await signInFrom('198.51.100.50', target.email.toUpperCase(), TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBe(SIGN_IN_ACCOUNT_WINDOW_MS / 1000);
    expect((await signInFrom('198.51.100.1', bystander.email, TEST_PASSWORD)).status).toBe(200);
    t.clock.advance(SIGN_IN_ACCOUNT_WINDOW_MS);
    expect((await signInFrom('198.51.100.50', target.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('a successful sign-in is not counted against the account', async () => {
    const member = await createTestMember(t);
    for (let i = 0; i < ACCOUNT_LIMIT + 2; i++) {
      t.clock.advance(60_000); // keep under the per-address limit
      expect((await signInFrom('203.0.113.20', member.email, TEST_PASSWORD)).status).toBe(200);
    }
  });

  it('every auth endpoint is limited per address', async () => {
    t.clock.advance(60_000);
    for (let i = 0; i < AUTH_ADDRESS_LIMIT.max; i++) {
      expect((await fromAddress('203.0.113.30', '/api/auth/get-session')).status).toBe(200);
    }
    const limited = await fromAddress('203.0.113.30', '/api/auth/get-session');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
  });
});

describe('TRUSTED_PROXIES', () => {
  it('behind a trusted proxy, each client (X-Forwarded-For) has its own budget', async () => {
    t.clock.advance(60_000);
    const members = await Promise.all([1, 2, 3, 4, 5, 6].map(() => createTestMember(t)));
    const viaProxy = (client: string, email: string) =>
      signInFrom('10.1.2.3', email, 'wrong password!!', { 'x-forwarded-for': `${client}, 10.9.9.9` });
    for (const m of members.slice(0, SIGN_IN_LIMIT))
      expect((await viaProxy('203.0.113.40', m.email)).status).toBe(401);
    expect((await viaProxy('203.0.113.40', (members[4] as { email: string }).email)).status).toBe(429);
    // Another person behind the same proxy is not locked out by that script.
    expect((await viaProxy('203.0.113.41', (members[5] as { email: string }).email)).status).toBe(401);
  });

  it('an untrusted peer cannot choose its address with X-Forwarded-For', async () => {
    t.clock.advance(60_000);
    const members = await Promise.all([1, 2, 3, 4, 5].map(() => createTestMember(t)));
    for (const [i, m] of members.entries()) {
      const res = await signInFrom('203.0.113.50', m.email, 'wrong password!!', {
        'x-forwarded-for': `203.0.113.${100 + i}`,
      });
      expect(res.status).toBe(i < SIGN_IN_LIMIT ? 401 : 429);
    }
  });

  it('the session records the client address the proxy vouches for', async () => {
    t.clock.advance(60_000);
    const member = await createTestMember(t);
    const res = await signInFrom('192.0.2.1', member.email, TEST_PASSWORD, {
      'x-forwarded-for': '1.2.3.4, 203.0.113.60',
    });
    expect(res.status).toBe(200);
    const { sessions } = await import('#server/db/schema/index');
    const { eq } = await import('drizzle-orm');
    const [row] = await t.db.select().from(sessions).where(eq(sessions.userId, member.id));
    expect(row?.ipAddress).toBe('203.0.113.60');
  });
});

describe('the session token stays in its HttpOnly cookie', () => {
  it('get-session and sign-in answer without the token', async () => {
    const member = await createTestMember(t);
    const res = await t.request('/api/auth/sign-in/email', {
      method: 'POST',
      json: { email: member.email, password: TEST_PASSWORD },
    });
    expect(res.status).toBe(200);
    const signInBody = await res.json();
    expect(signInBody.user.id).toBe(member.id);
    expect(signInBody).not.toHaveProperty('token');
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const session = await t.request('/api/auth/get-session', { cookie });
    expect(session.status).toBe(200);
    const body = await session.json();
    expect(body.user.id).toBe(member.id);
    expect(body.session.id).toEqual(expect.any(String));
    expect(body.session).not.toHaveProperty('token');
    const token = decodeURIComponent(cookie.match(/kizuna\.session_token=([^;]+)/)?.[1] ?? '').split('.')[0];
    expect(token?.length).toBeGreaterThan(10);
    expect(JSON.stringify(body)).not.toContain(token);
  });

  it('the session-data cookie is encrypted: no email, address or browser can be read from it', async () => {
    const member = await createTestMember(t);
    const userAgent = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) KizunaTestBrowser/1.0';
    const res = await fromAddress('203.0.113.77', '/api/auth/sign-in/email', {
      method: 'POST',
      json: { email: member.email, password: TEST_PASSWORD },
      headers: { 'user-agent': userAgent },
    });
    expect(res.status).toBe(200);
    const data = res.headers
      .getSetCookie()
      .find((c) => c.startsWith('kizuna.session_data='))
      ?.split(';')[0]
      ?.slice('kizuna.session_data='.length);
    expect(data).toBeTruthy();
    const raw = decodeURIComponent(data as string);
    // Every readable form: as sent, and each dot-separated part decoded from base64url.
    const decoded = [raw, ...raw.split('.').map((part) => Buffer.from(part, 'base64url').toString('latin1'))];
    for (const text of decoded) {
      expect(text).not.toContain(member.email);
      expect(text).not.toContain('203.0.113.77');
      expect(text).not.toContain('KizunaTestBrowser');
      expect(text).not.toContain(member.id);
    }
    // And it still works as a session cache.
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    expect((await t.request('/api/me', { cookie })).status).toBe(200);
  });

  it('signed-in members still read their own session (for the UI) without its token', async () => {
    const { cookie } = await signedIn(t);
    const body = await (await t.request('/api/auth/get-session', { cookie })).json();
    expect(Object.keys(body.session)).not.toContain('token');
  });
});
