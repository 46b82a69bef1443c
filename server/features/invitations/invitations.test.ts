import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '../../../tests/setup';

failOnConsoleError();
let t: TestApp;
let hr: { cookie: string };
beforeAll(async () => {
  t = await createTestApp();
  hr = await signedIn(t, { role: 'alumni_manager' });
});
afterAll(() => t.close());

const invitee = (email: string, extra: Record<string, unknown> = {}) => ({
  email,
  role: 'alumni',
  locale: 'en',
  familyName: '佐藤',
  givenName: '健太',
  familyNameKana: 'さとう',
  givenNameKana: 'けんた',
  ...extra,
});
const tokenOf = (url: string) => url.split('/invite/')[1] as string;

describe('POST /api/invitations', () => {
  it('401 when signed out, 404 for a member who is not HR', async () => {
    expect(
      (await t.request('/api/invitations', { method: 'POST', json: invitee('a@example.com') })).status,
    ).toBe(401);
    const employee = await signedIn(t, { role: 'employee' });
    const res = await t.request('/api/invitations', {
      method: 'POST',
      cookie: employee.cookie,
      json: invitee('a@example.com'),
    });
    expect(res.status).toBe(404);
    expect((await t.request('/api/invitations', { cookie: employee.cookie })).status).toBe(404);
  });

  it('400 with translated per-field messages', async () => {
    const res = await t.request('/api/invitations', {
      method: 'POST',
      cookie: hr.cookie,
      json: { email: 'not-an-email', role: 'ceo', familyName: '' },
      headers: { 'accept-language': 'ja' },
    });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.message).toBe('入力内容を確認してください。');
    expect(error.fields.email).toEqual(['正しいメールアドレスを入力してください。']);
    expect(error.fields.familyName).toEqual(['必須項目です。']);
    expect(error.fields.givenName).toEqual(['必須項目です。']);
    expect(error.fields.role[0]).toContain('alumni');
  });

  it('creates an invitation, mails the link in the invitee language and lists it', async () => {
    const res = await t.request('/api/invitations', {
      method: 'POST',
      cookie: hr.cookie,
      json: invitee('Kenta@Example.com'),
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({
      email: 'kenta@example.com',
      role: 'alumni',
      status: 'pending',
      displayName: '佐藤 健太',
    });
    expect(body.acceptUrl).toMatch(/^http:\/\/localhost:3000\/invite\/[\w-]{40,}$/);
    const mail = t.mailer.sent.at(-1);
    expect(mail?.to).toBe('kenta@example.com');
    expect(mail?.subject).toBe('You are invited to the Kizuna alumni network');
    expect(mail?.text).toContain(body.acceptUrl);

    const list = await (await t.request('/api/invitations', { cookie: hr.cookie })).json();
    expect(list.items[0]).toMatchObject({ id: body.id, status: 'pending' });
    expect(list.items[0]).not.toHaveProperty('acceptUrl');
  });

  it('409 for an address already invited or already a member', async () => {
    await t.request('/api/invitations', {
      method: 'POST',
      cookie: hr.cookie,
      json: invitee('twice@example.com'),
    });
    const again = await t.request('/api/invitations', {
      method: 'POST',
      cookie: hr.cookie,
      json: invitee('twice@example.com'),
    });
    expect(again.status).toBe(409);
    expect((await again.json()).error.fields.email).toBeDefined();
    const member = await signedIn(t);
    const existing = await t.request('/api/invitations', {
      method: 'POST',
      cookie: hr.cookie,
      json: invitee(member.member.email),
    });
    expect(existing.status).toBe(409);
  });

  it('refuses a cross-site request (CSRF) before doing anything', async () => {
    const res = await t.app.request('http://localhost:3000/api/invitations', {
      method: 'POST',
      headers: { origin: 'https://evil.example', cookie: hr.cookie, 'content-type': 'application/json' },
      body: JSON.stringify(invitee('csrf@example.com')),
    });
    expect(res.status).toBe(403);
    const form = await t.app.request('http://localhost:3000/api/invitations', {
      method: 'POST',
      headers: { cookie: hr.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=csrf@example.com',
    });
    expect(form.status).toBe(400);
    const list = await (await t.request('/api/invitations', { cookie: hr.cookie })).json();
    expect(list.items.map((i: { email: string }) => i.email)).not.toContain('csrf@example.com');
  });
});

describe('accepting an invitation', () => {
  it('404 for an unknown token, 400 for a malformed one', async () => {
    expect((await t.request(`/api/invitations/accept/${'x'.repeat(43)}`)).status).toBe(404);
    expect((await t.request('/api/invitations/accept/short')).status).toBe(400);
  });

  it('previews, rejects a bad password, then signs the new member in; a second use is 409', async () => {
    const created = await (
      await t.request('/api/invitations', {
        method: 'POST',
        cookie: hr.cookie,
        json: invitee('new@example.com'),
      })
    ).json();
    const token = tokenOf(created.acceptUrl);
    const preview = await t.request(`/api/invitations/accept/${token}`);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({
      email: 'new@example.com',
      displayName: '佐藤 健太',
      role: 'alumni',
    });

    const bad = await t.request(`/api/invitations/accept/${token}`, {
      method: 'POST',
      json: { password: 'short', passwordConfirm: 'different' },
      headers: { 'accept-language': 'en' },
    });
    expect(bad.status).toBe(400);
    const { error } = await bad.json();
    expect(error.fields.password).toEqual(['Use at least 12 characters.']);

    const ok = await t.request(`/api/invitations/accept/${token}`, {
      method: 'POST',
      json: { password: 'a long enough password', passwordConfirm: 'a long enough password', locale: 'en' },
    });
    expect(ok.status).toBe(201);
    const me = await ok.json();
    expect(me).toMatchObject({ email: 'new@example.com', role: 'alumni', locale: 'en' });
    const cookie = ok.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const session = await t.request('/api/me', { cookie });
    expect(session.status).toBe(200);
    expect((await session.json()).id).toBe(me.id);

    const profile = await (await t.request(`/api/members/${me.id}`, { cookie })).json();
    expect(profile.familyNameRomaji).toBe('Sato');
    const bySpelling = await (await t.request('/api/directory?q=satou', { cookie })).json();
    expect(bySpelling.items.map((m: { id: string }) => m.id)).toContain(me.id);

    const reuse = await t.request(`/api/invitations/accept/${token}`, {
      method: 'POST',
      json: { password: 'a long enough password', passwordConfirm: 'a long enough password' },
    });
    expect(reuse.status).toBe(409);
    expect((await t.request(`/api/invitations/accept/${token}`)).status).toBe(409);
  });

  it('an expired invitation cannot be used', async () => {
    const created = await (
      await t.request('/api/invitations', {
        method: 'POST',
        cookie: hr.cookie,
        json: invitee('late@example.com'),
      })
    ).json();
    t.clock.advance(15 * 86_400_000);
    try {
      const res = await t.request(`/api/invitations/accept/${tokenOf(created.acceptUrl)}`, {
        method: 'POST',
        json: { password: 'a long enough password', passwordConfirm: 'a long enough password' },
        headers: { 'accept-language': 'en' },
      });
      expect(res.status).toBe(409);
      expect((await res.json()).error.message).toBe('This invitation has expired. Ask HR for a new one.');
    } finally {
      t.clock.advance(-15 * 86_400_000);
    }
  });
});
