import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, users } from '#server/db/schema/index';
import { signedIn, signIn, TEST_PASSWORD } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

/**
 * better-auth's session cookie cache (decision 005, 2026-11-24, later) spares the session reads, but the
 * API re-reads the user and checks the session on every request: nothing that ends a session may
 * wait for the cached cookie to expire.
 */
failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** The Cookie header a browser would send after applying a response's Set-Cookie headers. */
function applySetCookie(cookie: string, res: Response) {
  const pair = (c: string) => [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)] as const;
  const jar = new Map(cookie.split('; ').map(pair));
  for (const header of res.headers.getSetCookie()) {
    const [first = '', ...attributes] = header.split(';');
    const [name, value] = pair(first);
    const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
    if (expired) jar.delete(name);
    else jar.set(name, value);
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

describe('session cookie cache', () => {
  it('signing in sets the signed session cache cookie next to the session token', async () => {
    const { cookie } = await signedIn(t);
    expect(cookie).toMatch(/kizuna\.session_token=/);
    expect(cookie).toMatch(/kizuna\.session_data=/);
    expect((await t.request('/api/me', { cookie })).status).toBe(200);
  });

  it('a signed-out session is refused at once, even when its cookies are replayed', async () => {
    const { cookie } = await signedIn(t);
    expect((await t.request('/api/me', { cookie })).status).toBe(200);
    const out = await t.request('/api/auth/sign-out', { method: 'POST', cookie, json: {} });
    expect(out.status).toBe(200);
    // The browser drops the cookies…
    const after = applySetCookie(cookie, out);
    expect(after).not.toMatch(/session_token/);
    expect((await t.request('/api/me', { cookie: after })).status).toBe(401);
    // …and a copy kept elsewhere (still carrying the signed cache) is refused too.
    expect((await t.request('/api/me', { cookie })).status).toBe(401);
    expect((await t.request('/api/directory', { cookie })).status).toBe(401);
  });

  it('a revoked session (e.g. "sign out other devices") is refused at once', async () => {
    const { member, cookie } = await signedIn(t);
    const other = await signIn(t, member.email);
    expect((await t.request('/api/me', { cookie: other })).status).toBe(200);
    const res = await t.request('/api/account/password', {
      method: 'POST',
      cookie,
      json: { currentPassword: TEST_PASSWORD, newPassword: `${TEST_PASSWORD}-new` },
    });
    expect(res.status).toBe(200);
    expect((await t.request('/api/me', { cookie: other })).status).toBe(401);
  });

  it('a deleted session row, a deactivated or a deleted member is refused at once', async () => {
    const a = await signedIn(t);
    expect((await t.request('/api/me', { cookie: a.cookie })).status).toBe(200);
    await t.db.delete(sessions).where(eq(sessions.userId, a.member.id));
    expect((await t.request('/api/me', { cookie: a.cookie })).status).toBe(401);

    const b = await signedIn(t);
    expect((await t.request('/api/me', { cookie: b.cookie })).status).toBe(200);
    await t.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, b.member.id));
    expect((await t.request('/api/me', { cookie: b.cookie })).status).toBe(401);

    const c = await signedIn(t);
    expect((await t.request('/api/me', { cookie: c.cookie })).status).toBe(200);
    await t.db.delete(users).where(eq(users.id, c.member.id));
    expect((await t.request('/api/me', { cookie: c.cookie })).status).toBe(401);
  });

  it('the cache cookie alone, or a tampered one alone, signs nobody in', async () => {
    const { cookie } = await signedIn(t);
    const data = /kizuna\.session_data=[^;]*/.exec(cookie)?.[0] ?? '';
    expect(data).not.toBe('');
    expect((await t.request('/api/me', { cookie: data })).status).toBe(401);
    const token = /kizuna\.session_token=[^;]*/.exec(cookie)?.[0] ?? '';
    const forged = `${token.slice(0, -4)}AAAA; ${data}`;
    expect((await t.request('/api/me', { cookie: forged })).status).toBe(401);
  });
});
