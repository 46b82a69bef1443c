import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// The SPA's first question on every page. A visitor is an answer (null), not a failed request:
// a 401 here was logged in the console of every signed-out page.
describe('GET /api/whoami', () => {
  it('is null for a visitor and for a cookie that no longer signs anyone in', async () => {
    const anonymous = await t.request('/api/whoami');
    expect(anonymous.status).toBe(200);
    expect(await anonymous.json()).toBeNull();
    const stale = await t.request('/api/whoami', { cookie: 'better-auth.session_token=gone.invalid' });
    expect(stale.status).toBe(200);
    expect(await stale.json()).toBeNull();
  });

  it('is the same member as GET /api/me when signed in', async () => {
    const { member, cookie } = await signedIn(t, { role: 'employee' });
    const res = await t.request('/api/whoami', { cookie });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual(await (await t.request('/api/me', { cookie })).json());
    expect(body.id).toBe(member.id);
  });

  it('does not accept other methods', async () => {
    expect((await t.request('/api/whoami', { method: 'POST', json: {} })).status).toBe(404);
  });
});
