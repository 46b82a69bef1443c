import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestMember, signedIn, TEST_PASSWORD } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign-in and sessions', () => {
  it('signs in with the right password and not with a wrong one; sign-up is closed', async () => {
    const member = await createTestMember(t);
    const wrong = await t.request('/api/auth/sign-in/email', {
      method: 'POST',
      json: { email: member.email, password: 'wrong password!!' },
    });
    expect(wrong.status).toBe(401);
    const right = await t.request('/api/auth/sign-in/email', {
      method: 'POST',
      json: { email: member.email, password: TEST_PASSWORD },
    });
    expect(right.status).toBe(200);
    const cookie = right.headers.getSetCookie()[0] ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const signUp = await t.request('/api/auth/sign-up/email', {
      method: 'POST',
      json: { email: 'x@example.com', password: 'a long enough password', name: 'x' },
    });
    expect(signUp.status).toBe(404);
    const cookieHeader = cookie.split(';')[0] as string;
    const update = await t.request('/api/auth/update-user', {
      method: 'POST',
      cookie: cookieHeader,
      json: { name: 'x' },
    });
    expect(update.status).toBe(404);
  });

  it('a deactivated member is signed out everywhere', async () => {
    const { member, cookie } = await signedIn(t);
    expect((await t.request('/api/me', { cookie })).status).toBe(200);
    const { users } = await import('#server/db/schema/index');
    const { eq } = await import('drizzle-orm');
    await t.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, member.id));
    expect((await t.request('/api/me', { cookie })).status).toBe(401);
  });
});

describe('GET/PATCH /api/me', () => {
  it('401 signed out', async () => {
    expect((await t.request('/api/me')).status).toBe(401);
    expect((await t.request('/api/me', { method: 'PATCH', json: { locale: 'en' } })).status).toBe(401);
  });

  it('returns the member and changes the language; 400 for an unknown one', async () => {
    const { member, cookie } = await signedIn(t, { role: 'employee' });
    const me = await (await t.request('/api/me', { cookie })).json();
    expect(me).toMatchObject({ id: member.id, role: 'employee', email: member.email });
    const bad = await t.request('/api/me', { method: 'PATCH', cookie, json: { locale: 'fr' } });
    expect(bad.status).toBe(400);
    const ok = await t.request('/api/me', { method: 'PATCH', cookie, json: { locale: 'en' } });
    expect(ok.status).toBe(200);
    expect((await (await t.request('/api/me', { cookie })).json()).locale).toBe('en');
    // Without Accept-Language, errors follow the member's language.
    const res = await t.app.request('http://localhost:3000/api/members/nope', { headers: { cookie } });
    expect((await res.json()).error.message).toBe('Not found.');
  });

  it('isManager: a reporting line as manager, or the manager of an open exit case', async () => {
    const { eq } = await import('drizzle-orm');
    const { leaverCases, reportingLines } = await import('#server/db/schema/index');
    const flags = async (cookie: string) => {
      const body = await (await t.request('/api/me', { cookie })).json();
      return { isManager: body.isManager, hasExitCase: body.hasExitCase };
    };
    const plain = await signedIn(t, { role: 'employee' });
    const lead = await signedIn(t, { role: 'employee' });
    const caseManager = await signedIn(t, { role: 'employee' });
    const report = await createTestMember(t, { role: 'employee' });
    const leaver = await createTestMember(t, { role: 'leaver' });
    await t.db.insert(reportingLines).values({ managerId: lead.member.id, reportId: report.id });
    await t.db.insert(leaverCases).values({
      id: `case-${leaver.id}`,
      userId: leaver.id,
      managerId: caseManager.member.id,
      lastDay: '2026-12-31',
      reasonCategory: 'other',
      previousRole: 'employee',
    });
    expect(await flags(plain.cookie)).toEqual({ isManager: false, hasExitCase: false });
    expect(await flags(lead.cookie)).toEqual({ isManager: true, hasExitCase: false });
    expect(await flags(caseManager.cookie)).toEqual({ isManager: true, hasExitCase: false });
    // Once the case is closed, managing it no longer makes a manager; PATCH answers the same flags.
    await t.db.update(leaverCases).set({ status: 'completed' }).where(eq(leaverCases.userId, leaver.id));
    expect(await flags(caseManager.cookie)).toEqual({ isManager: false, hasExitCase: false });
    const patched = await t.request('/api/me', {
      method: 'PATCH',
      cookie: lead.cookie,
      json: { locale: 'ja' },
    });
    expect(await patched.json()).toMatchObject({ isManager: true, hasExitCase: false });
  });

  it('hasExitCase: an exit case names the viewer, whatever its status (alumni keep "My exit")', async () => {
    const { leaverCases } = await import('#server/db/schema/index');
    const alumnus = await signedIn(t, { role: 'alumni' });
    const noCase = await signedIn(t, { role: 'alumni' });
    await t.db.insert(leaverCases).values({
      id: `case-${alumnus.member.id}`,
      userId: alumnus.member.id,
      lastDay: '2026-01-31',
      reasonCategory: 'study',
      previousRole: 'employee',
      status: 'completed',
    });
    const withCase = await (await t.request('/api/me', { cookie: alumnus.cookie })).json();
    expect(withCase).toMatchObject({ role: 'alumni', hasExitCase: true, isManager: false });
    const without = await (await t.request('/api/me', { cookie: noCase.cookie })).json();
    expect(without).toMatchObject({ role: 'alumni', hasExitCase: false, isManager: false });
  });

  it('never answers a 500 to malformed JSON', async () => {
    const { cookie } = await signedIn(t);
    const res = await t.app.request('http://localhost:3000/api/me', {
      method: 'PATCH',
      headers: { cookie, origin: 'http://localhost:3000', 'content-type': 'application/json' },
      body: '{"locale":',
    });
    expect(res.status).toBe(400);
  });
});

describe('OpenAPI', () => {
  it('serves the document and the docs page to signed-in members', async () => {
    const { cookie } = await signedIn(t);
    const doc = await (await t.request('/api/openapi.json', { cookie })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/directory', '/api/members/{id}', '/api/invitations', '/api/me']),
    );
    const page = await t.request('/api/docs', { cookie });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger-ui-bundle.js');
    expect((await t.request('/api/docs/assets/swagger-ui.css', { cookie })).status).toBe(200);
  });
});
