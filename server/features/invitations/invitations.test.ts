import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_TEXT_VERSION } from '#common/consents';
import { signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

failOnConsoleError();
let t: TestApp;
let hr: Awaited<ReturnType<typeof signedIn>>;
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
    expect(body).toMatchObject({ deliveryStatus: 'queued', sendCount: 1 });
    // The email waits in the outbox until the delivery job runs.
    expect(t.mailer.sent.find((m) => m.to === 'kenta@example.com')).toBeUndefined();
    await t.queue.drain();
    const mail = t.mailer.sent.at(-1);
    expect(mail?.to).toBe('kenta@example.com');
    expect(mail?.subject).toBe('You are invited to the Kizuna alumni network');
    expect(mail?.text).toContain(body.acceptUrl);
    expect(mail?.text).toContain('Dear Kenta Sato,');
    expect(mail?.text).toMatch(/valid until 8 December 2026 at 12:00 \(Japan time\)/);
    const me = await (await t.request('/api/me', { cookie: hr.cookie })).json();
    expect(mail?.text).toContain(`${me.displayName} (HR) has invited you`);

    const list = await (await t.request('/api/invitations', { cookie: hr.cookie })).json();
    expect(list.items[0]).toMatchObject({ id: body.id, status: 'pending', deliveryStatus: 'sent' });
    expect(list.items[0]).not.toHaveProperty('acceptUrl');
  });

  it('writes the email in polite Japanese for a Japanese invitee', async () => {
    const res = await t.request('/api/invitations', {
      method: 'POST',
      cookie: hr.cookie,
      json: invitee('hanako@example.com', { locale: 'ja', givenName: '花子', givenNameKana: 'はなこ' }),
    });
    expect(res.status).toBe(201);
    await t.queue.drain();
    const mail = t.mailer.sent.find((m) => m.to === 'hanako@example.com');
    expect(mail?.subject).toBe('Kizuna アルムナイネットワークへのご招待');
    expect(mail?.text).toMatch(/^佐藤 花子 様/);
    expect(mail?.text).toContain('ご招待いたします');
    expect(mail?.text).toContain('2026年12月8日');
    expect(mail?.text).toContain('人事部までご連絡ください');
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
    // A new member is listed in the directory only once they opt in (decision 010).
    expect(me.consentsReviewedAt).toBeNull();
    const optIn = await t.request('/api/me/consents', {
      method: 'PUT',
      cookie,
      json: {
        textVersion: CONSENT_TEXT_VERSION,
        consents: { directory: true, rehiring: false, business: false, newsletter: false, events: false },
      },
    });
    expect(optIn.status).toBe(200);
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

describe('resend and revoke', () => {
  const create = async (email: string) => {
    const res = await t.request('/api/invitations', {
      method: 'POST',
      cookie: hr.cookie,
      json: invitee(email),
    });
    expect(res.status).toBe(201);
    return res.json();
  };

  it('401 signed out, 404 for a member who is not HR or an unknown id, 400 for a malformed id', async () => {
    const created = await create('guard@example.com');
    for (const action of ['resend', 'revoke']) {
      const path = `/api/invitations/${created.id}/${action}`;
      expect((await t.request(path, { method: 'POST' })).status).toBe(401);
      const employee = await signedIn(t, { role: 'employee' });
      expect((await t.request(path, { method: 'POST', cookie: employee.cookie })).status).toBe(404);
      const unknown = `/api/invitations/00000000-0000-4000-8000-000000000000/${action}`;
      expect((await t.request(unknown, { method: 'POST', cookie: hr.cookie })).status).toBe(404);
      const bad = await t.request(`/api/invitations/nope/${action}`, { method: 'POST', cookie: hr.cookie });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.fields.id).toBeDefined();
    }
  });

  it('resend: new link and expiry, the old link stops working, a new email goes out', async () => {
    const created = await create('resend@example.com');
    await t.queue.drain();
    t.clock.advance(20 * 86_400_000); // expired
    try {
      expect((await t.request(`/api/invitations/accept/${tokenOf(created.acceptUrl)}`)).status).toBe(409);
      const res = await t.request(`/api/invitations/${created.id}/resend`, {
        method: 'POST',
        cookie: hr.cookie,
      });
      expect(res.status).toBe(200);
      const resent = await res.json();
      expect(resent).toMatchObject({
        id: created.id,
        status: 'pending',
        sendCount: 2,
        deliveryStatus: 'queued',
      });
      expect(resent.acceptUrl).not.toBe(created.acceptUrl);
      expect(new Date(resent.expiresAt).getTime()).toBe(t.clock.now().getTime() + 14 * 86_400_000);
      expect((await t.request(`/api/invitations/accept/${tokenOf(created.acceptUrl)}`)).status).toBe(404);
      expect((await t.request(`/api/invitations/accept/${tokenOf(resent.acceptUrl)}`)).status).toBe(200);
      await t.queue.drain();
      const mails = t.mailer.sent.filter((m) => m.to === 'resend@example.com');
      expect(mails).toHaveLength(2);
      expect(mails[1]?.subject).toBe('Your new invitation link to the Kizuna alumni network');
      expect(mails[1]?.text).toContain(resent.acceptUrl);
    } finally {
      t.clock.advance(-20 * 86_400_000);
    }
  });

  it('a resend before the first email went out withdraws the first one (only the new link is mailed)', async () => {
    const created = await create('quick@example.com');
    const res = await t.request(`/api/invitations/${created.id}/resend`, {
      method: 'POST',
      cookie: hr.cookie,
    });
    const resent = await res.json();
    await t.queue.drain();
    const mails = t.mailer.sent.filter((m) => m.to === 'quick@example.com');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain(resent.acceptUrl);
    const outbox = await (await t.request('/api/outbox?q=quick@example.com', { cookie: hr.cookie })).json();
    expect(outbox.items.map((m: { status: string }) => m.status).sort()).toEqual(['cancelled', 'sent']);
  });

  it('resend is throttled: at most 3 per invitation per hour, then 429 with Retry-After', async () => {
    const created = await create('throttle@example.com');
    const other = await create('throttle-other@example.com');
    const resend = (id: string) =>
      t.request(`/api/invitations/${id}/resend`, {
        method: 'POST',
        cookie: hr.cookie,
        headers: { 'accept-language': 'en' },
      });
    for (let i = 0; i < 3; i++) expect((await resend(created.id)).status).toBe(200);
    const limited = await resend(created.id);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3600');
    expect((await limited.json()).error.message).toBe(
      'This invitation was sent several times in the last hour. Please wait before sending it again.',
    );
    // Another invitation is not affected; an hour later the first can be resent again.
    expect((await resend(other.id)).status).toBe(200);
    t.clock.advance(60 * 60_000);
    expect((await resend(created.id)).status).toBe(200);
    await t.queue.drain();
  });

  it('revoke: the link stops working, the unsent email is not sent; accepted ones cannot be revoked', async () => {
    const created = await create('revoke@example.com');
    const res = await t.request(`/api/invitations/${created.id}/revoke`, {
      method: 'POST',
      cookie: hr.cookie,
    });
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe('revoked');
    await t.queue.drain();
    expect(t.mailer.sent.filter((m) => m.to === 'revoke@example.com')).toHaveLength(0);
    expect((await t.request(`/api/invitations/accept/${tokenOf(created.acceptUrl)}`)).status).toBe(404);
    const again = await t.request(`/api/invitations/${created.id}/resend`, {
      method: 'POST',
      cookie: hr.cookie,
      headers: { 'accept-language': 'en' },
    });
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toBe('This invitation has already been accepted or revoked.');

    const accepted = await create('accepted@example.com');
    await t.request(`/api/invitations/accept/${tokenOf(accepted.acceptUrl)}`, {
      method: 'POST',
      json: { password: 'a long enough password', passwordConfirm: 'a long enough password' },
    });
    const revokeAccepted = await t.request(`/api/invitations/${accepted.id}/revoke`, {
      method: 'POST',
      cookie: hr.cookie,
    });
    expect(revokeAccepted.status).toBe(409);
  });
});

describe('GET /api/invitations filters', () => {
  it('filters by delivery status and invitation status; 400 on an unknown status', async () => {
    const bounced = await t.request('/api/invitations', {
      method: 'POST',
      cookie: hr.cookie,
      json: invitee('nobody@bounce.invalid'),
    });
    expect(bounced.status).toBe(201);
    const { id } = await bounced.json();
    await t.queue.drain();
    const res = await t.request('/api/invitations?delivery=bounced', { cookie: hr.cookie });
    const list = await res.json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(list.items[0].deliveryError).toMatch(/550/);
    const pending = await (await t.request('/api/invitations?status=pending', { cookie: hr.cookie })).json();
    expect(pending.items.every((i: { status: string }) => i.status === 'pending')).toBe(true);
    const revoked = await (await t.request('/api/invitations?status=revoked', { cookie: hr.cookie })).json();
    expect(revoked.items.every((i: { status: string }) => i.status === 'revoked')).toBe(true);
    const bad = await t.request('/api/invitations?delivery=lost', { cookie: hr.cookie });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.delivery).toBeDefined();
    expect((await t.request('/api/invitations?cursor=zzz', { cookie: hr.cookie })).status).toBe(400);
  });
});
