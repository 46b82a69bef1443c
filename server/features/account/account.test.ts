import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD_RESET_MAIL_KIND } from '#common/mail';
import { parseUserAgent } from '#common/user-agent';
import { mailMessages, sessions, users } from '#server/db/schema/index';
import { createTestMember, signedIn, signIn, TEST_PASSWORD } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, ORIGIN, type TestApp } from '#tests/setup';
import { coarseAddress } from './account.presenter';
import {
  PASSWORD_CHANGE_LIMIT,
  RESET_ADDRESS_LIMIT,
  RESET_REQUEST_ACCOUNT_LIMIT,
  RESET_REQUEST_ADDRESS_LIMIT,
} from './account.routes';
import { PASSWORD_RESET_SEND, PASSWORD_RESET_TTL_MS } from './account.service';

failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
// Every test starts with fresh rate-limit windows.
beforeEach(() => t.clock.advance(60 * 60_000));

const NEW_PASSWORD = 'a brand new passphrase 2026';
const en = { 'accept-language': 'en' };

const requestReset = (email: string, headers: HeadersInit = {}) =>
  t.request('/api/account/password-reset/request', { method: 'POST', json: { email }, headers });
const reset = (json: unknown, headers: HeadersInit = {}) =>
  t.request('/api/account/password-reset', { method: 'POST', json, headers });
const trySignIn = (email: string, password: string) =>
  t.request('/api/auth/sign-in/email', { method: 'POST', json: { email, password } });

/** Runs the reset job and mail delivery; returns the link the member received, if any. */
async function deliveredResetLink(email: string): Promise<string | undefined> {
  await t.queue.drain();
  const mail = [...t.mailer.sent].reverse().find((m) => m.to === email);
  return mail?.text.match(/https?:\/\/\S+\/reset-password\?token=[\w%-]+/)?.[0];
}
const tokenOf = (link: string) => decodeURIComponent(new URL(link).searchParams.get('token') ?? '');

describe('POST /api/account/password-reset/request', () => {
  it('400 with a field message for a bad address', async () => {
    const res = await requestReset('not-an-address', en);
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.email).toEqual(['Enter a valid email address.']);
    const extra = await t.request('/api/account/password-reset/request', {
      method: 'POST',
      json: { email: 'a@example.com', admin: true },
    });
    expect(extra.status).toBe(400);
  });

  it('the same answer for a member, an unknown address and a member who cannot sign in yet', async () => {
    const member = await createTestMember(t);
    const notYet = await createTestMember(t, { canSignIn: false });
    const answers = [];
    for (const email of [member.email, 'nobody@example.com', notYet.email]) {
      t.clock.advance(RESET_REQUEST_ADDRESS_LIMIT.windowMs);
      const res = await requestReset(email);
      answers.push({ status: res.status, body: await res.json(), type: res.headers.get('content-type') });
    }
    expect(answers[0]).toEqual({ status: 202, body: { ok: true }, type: 'application/json' });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    // Only the member with a password gets a mail.
    expect(await deliveredResetLink(member.email)).toBeTruthy();
    expect(t.mailer.sent.filter((m) => m.to === notYet.email || m.to === 'nobody@example.com')).toEqual([]);
  });

  it('mails a link in the member’s language, through the outbox, in the member’s row', async () => {
    const member = await createTestMember(t, { locale: 'en' });
    const jaMember = await createTestMember(t, { locale: 'ja' });
    expect((await requestReset(member.email.toUpperCase())).status).toBe(202);
    expect((await requestReset(jaMember.email)).status).toBe(202);
    // Nothing is written by the request itself: the job does it.
    expect(await t.db.select().from(mailMessages).where(eq(mailMessages.userId, member.id))).toEqual([]);
    const link = await deliveredResetLink(member.email);
    expect(link).toMatch(/^http:\/\/localhost:3000\/reset-password\?token=/);
    const [row] = await t.db.select().from(mailMessages).where(eq(mailMessages.userId, member.id));
    expect(row).toMatchObject({ kind: PASSWORD_RESET_MAIL_KIND, locale: 'en', status: 'sent' });
    expect(row?.subject).toBe('Reset your Kizuna password');
    expect(row?.text).toContain('(Japan time)');
    await deliveredResetLink(jaMember.email);
    const [jaRow] = await t.db.select().from(mailMessages).where(eq(mailMessages.userId, jaMember.id));
    expect(jaRow?.subject).toBe('【Kizuna】パスワード再設定のご案内');
  });

  it('429 with Retry-After per address asked about (known or not), and per client address', async () => {
    for (const email of ['limited@example.com']) {
      for (let i = 0; i < RESET_REQUEST_ACCOUNT_LIMIT.max; i++)
        expect((await requestReset(email)).status).toBe(202);
      const limited = await requestReset(email, en);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBe(RESET_REQUEST_ACCOUNT_LIMIT.windowMs / 1000);
      expect((await limited.json()).error.code).toBe('rate_limited');
    }
    t.clock.advance(RESET_REQUEST_ADDRESS_LIMIT.windowMs);
    for (let i = 0; i < RESET_REQUEST_ADDRESS_LIMIT.max; i++) {
      expect((await requestReset(`someone-${i}@example.com`)).status).toBe(202);
    }
    const byAddress = await requestReset('someone-else@example.com');
    expect(byAddress.status).toBe(429);
    expect(Number(byAddress.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('POST /api/account/password-reset', () => {
  it('400 for a short password (field message) or an unknown token', async () => {
    const short = await reset({ token: 'x', newPassword: 'short' }, en);
    expect(short.status).toBe(400);
    expect((await short.json()).error.fields.newPassword).toEqual(['Use at least 12 characters.']);
    const unknown = await reset({ token: 'no-such-token', newPassword: NEW_PASSWORD }, en);
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.fields.token).toEqual([
      'This reset link has expired or has already been used. Please ask for a new one.',
    ]);
  });

  it('sets the new password, signs out every session, and works once', async () => {
    const { member, cookie } = await signedIn(t);
    const other = await signIn(t, member.email);
    await requestReset(member.email);
    const token = tokenOf((await deliveredResetLink(member.email)) as string);
    const res = await reset({ token, newPassword: NEW_PASSWORD });
    expect(res.status).toBe(200);
    expect((await t.request('/api/me', { cookie })).status).toBe(401);
    expect((await t.request('/api/me', { cookie: other })).status).toBe(401);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, member.id))).toEqual([]);
    expect((await trySignIn(member.email, TEST_PASSWORD)).status).toBe(401);
    expect((await trySignIn(member.email, NEW_PASSWORD)).status).toBe(200);
    // Single use.
    expect((await reset({ token, newPassword: `${NEW_PASSWORD}!` })).status).toBe(400);
  });

  it('the link expires after an hour, and a newer link replaces the older one', async () => {
    const member = await createTestMember(t);
    await requestReset(member.email);
    const first = tokenOf((await deliveredResetLink(member.email)) as string);
    t.clock.advance(60_000);
    await requestReset(member.email);
    const second = tokenOf((await deliveredResetLink(member.email)) as string);
    expect(second).not.toBe(first);
    expect((await reset({ token: first, newPassword: NEW_PASSWORD })).status).toBe(400);
    t.clock.advance(PASSWORD_RESET_TTL_MS);
    expect((await reset({ token: second, newPassword: NEW_PASSWORD })).status).toBe(400);
    expect((await trySignIn(member.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('a deactivated member cannot come back through a reset link', async () => {
    const member = await createTestMember(t);
    await requestReset(member.email);
    const token = tokenOf((await deliveredResetLink(member.email)) as string);
    await t.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, member.id));
    expect((await reset({ token, newPassword: NEW_PASSWORD })).status).toBe(400);
  });

  it('no reset token is stored as it was sent (only its hash)', async () => {
    const member = await createTestMember(t);
    await requestReset(member.email);
    const token = tokenOf((await deliveredResetLink(member.email)) as string);
    const { verifications } = await import('#server/db/schema/index');
    const rows = await t.db.select().from(verifications).where(eq(verifications.value, member.id));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('429 with Retry-After after too many submissions from one address', async () => {
    for (let i = 0; i < RESET_ADDRESS_LIMIT.max; i++) {
      expect((await reset({ token: `guess-${i}`, newPassword: NEW_PASSWORD })).status).toBe(400);
    }
    const limited = await reset({ token: 'guess', newPassword: NEW_PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
  });

  it('the job for an unknown address does nothing', async () => {
    await t.queue.send(PASSWORD_RESET_SEND, { userId: null });
    const before = t.mailer.sent.length;
    await t.queue.drain();
    expect(t.mailer.sent.length).toBe(before);
  });
});

describe('POST /api/account/password (change)', () => {
  const change = (cookie: string | undefined, json: unknown, headers: HeadersInit = {}) =>
    t.request('/api/account/password', { method: 'POST', cookie, json, headers });

  it('401 signed out', async () => {
    expect(
      (await change(undefined, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).status,
    ).toBe(401);
  });

  it('400: short, unchanged, or a wrong current password (field messages)', async () => {
    const { cookie } = await signedIn(t);
    const short = await change(cookie, { currentPassword: TEST_PASSWORD, newPassword: 'short' }, en);
    expect((await short.json()).error.fields.newPassword).toEqual(['Use at least 12 characters.']);
    const same = await change(cookie, { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }, en);
    expect(same.status).toBe(400);
    expect((await same.json()).error.fields.newPassword).toEqual([
      'Choose a password different from the current one.',
    ]);
    const wrong = await change(cookie, { currentPassword: 'not my password', newPassword: NEW_PASSWORD }, en);
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.fields.currentPassword).toEqual([
      'The current password is not correct.',
    ]);
  });

  it('changes the password, keeps this session, signs out the others', async () => {
    const { member, cookie } = await signedIn(t);
    const other = await signIn(t, member.email);
    const res = await change(cookie, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ revokedSessions: 1 });
    expect((await t.request('/api/me', { cookie })).status).toBe(200);
    expect((await t.request('/api/me', { cookie: other })).status).toBe(401);
    expect((await trySignIn(member.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('429 with Retry-After after too many wrong current passwords', async () => {
    const { cookie } = await signedIn(t);
    for (let i = 0; i < PASSWORD_CHANGE_LIMIT.max; i++) {
      expect(
        (await change(cookie, { currentPassword: `guess ${i}`, newPassword: NEW_PASSWORD })).status,
      ).toBe(400);
    }
    const limited = await change(cookie, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBe(PASSWORD_CHANGE_LIMIT.windowMs / 1000);
  });
});

describe('sessions', () => {
  const chromeMac =
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
  const signInWithAgent = async (email: string, userAgent: string) => {
    const res = await t.app.request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json', 'user-agent': userAgent },
      body: JSON.stringify({ email, password: TEST_PASSWORD }),
    });
    return res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  };

  it('401 signed out', async () => {
    expect((await t.request('/api/account/sessions')).status).toBe(401);
    expect((await t.request('/api/account/sessions/x', { method: 'DELETE' })).status).toBe(401);
    expect(
      (await t.request('/api/account/sessions/revoke-others', { method: 'POST', json: {} })).status,
    ).toBe(401);
  });

  it('lists the member’s own sessions with device, place and this device; never a token', async () => {
    const { member, cookie } = await signedIn(t);
    await signInWithAgent(member.email, chromeMac);
    const stranger = await signedIn(t);
    const [mine] = await t.db.select().from(sessions).where(eq(sessions.userId, member.id));
    await t.db
      .update(sessions)
      .set({ ipAddress: '203.0.113.77' })
      .where(eq(sessions.id, mine?.id as string));
    const res = await t.request('/api/account/sessions', { cookie });
    expect(res.status).toBe(200);
    const { sessions: list } = await res.json();
    expect(list).toHaveLength(2);
    expect(list.filter((s: { isCurrent: boolean }) => s.isCurrent)).toHaveLength(1);
    expect(list).toContainEqual(
      expect.objectContaining({ browser: 'Chrome', os: 'macOS', isCurrent: false }),
    );
    expect(list.find((s: { id: string }) => s.id === mine?.id)?.place).toBe('203.0.113.0/24');
    const text = JSON.stringify(list);
    const tokens = await t.db.select({ token: sessions.token }).from(sessions);
    for (const { token } of tokens) expect(text).not.toContain(token);
    expect(text).not.toContain(stranger.member.id);
    for (const s of list) {
      expect(Object.keys(s).sort()).toEqual([
        'browser',
        'createdAt',
        'id',
        'isCurrent',
        'lastSeenAt',
        'os',
        'place',
      ]);
    }
  });

  it('revokes one session (404 for another member’s or an unknown one), or all others', async () => {
    const { member, cookie } = await signedIn(t);
    const second = await signInWithAgent(member.email, chromeMac);
    const third = await signIn(t, member.email);
    const stranger = await signedIn(t);
    const [strangerSession] = await t.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, stranger.member.id));
    const del = (id: string) => t.request(`/api/account/sessions/${id}`, { method: 'DELETE', cookie });
    expect((await del(strangerSession?.id as string)).status).toBe(404);
    expect((await t.request('/api/me', { cookie: stranger.cookie })).status).toBe(200);
    expect((await del('no-such-session')).status).toBe(404);

    const { sessions: list } = await (await t.request('/api/account/sessions', { cookie })).json();
    const chrome = list.find((s: { browser: string | null }) => s.browser === 'Chrome');
    expect((await del(chrome.id)).status).toBe(200);
    expect((await t.request('/api/me', { cookie: second })).status).toBe(401);
    expect((await t.request('/api/me', { cookie: third })).status).toBe(200);

    const others = await t.request('/api/account/sessions/revoke-others', {
      method: 'POST',
      cookie,
      json: {},
    });
    expect(await others.json()).toEqual({ revoked: 1 });
    expect((await t.request('/api/me', { cookie: third })).status).toBe(401);
    expect((await t.request('/api/me', { cookie })).status).toBe(200);
    expect((await t.request('/api/me', { cookie: stranger.cookie })).status).toBe(200);
  });
});

describe('device and place', () => {
  it('reads the browser and system of common user agents', () => {
    const cases: [string, string | null, string | null][] = [
      [
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
        'Edge',
        'Windows',
      ],
      [
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
        'Safari',
        'iOS',
      ],
      ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox', 'Linux'],
      [
        'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
        'Chrome',
        'Android',
      ],
      ['', null, null],
    ];
    for (const [ua, browser, os] of cases) expect(parseUserAgent(ua)).toEqual({ browser, os });
  });

  it('coarsens addresses to the network', () => {
    expect(coarseAddress('203.0.113.77')).toBe('203.0.113.0/24');
    expect(coarseAddress('::ffff:198.51.100.9')).toBe('198.51.100.0/24');
    expect(coarseAddress('2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe('2001:db8:85a3::/48');
    expect(coarseAddress('2001:db8::1')).toBe('2001:db8:0::/48');
    expect(coarseAddress(null)).toBeNull();
    expect(coarseAddress('garbage')).toBeNull();
  });
});
