import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages, profiles, users } from '#server/db/schema/index';
import { fixedClock } from '#server/lib/clock';
import { createTestMember, signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { FRESHNESS_ASK, freshnessOptions, freshnessToken } from './freshness.service';

failOnConsoleError();
let t: TestApp;
let hr: { cookie: string };
const clock = fixedClock('2026-11-24T03:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ clock });
  hr = await signedIn(t, { role: 'alumni_manager' });
});
afterAll(() => t.close());

const DAY = 86_400_000;
const setProfile = (userId: string, values: Partial<typeof profiles.$inferInsert>) =>
  t.db.update(profiles).set(values).where(eq(profiles.userId, userId));
const profileOf = async (userId: string) => {
  const [row] = await t.db.select().from(profiles).where(eq(profiles.userId, userId));
  if (!row) throw new Error('no profile');
  return row;
};
const freshnessMails = (userId: string) =>
  t.db.select().from(mailMessages).where(eq(mailMessages.userId, userId));
const runJob = async () => {
  await t.queue.send(FRESHNESS_ASK, {});
  await t.queue.drain();
};
const tokenFrom = (text: string) => {
  const match = /\/freshness\/confirm\?token=([^\s]+)/.exec(text);
  if (!match?.[1]) throw new Error('no confirm link');
  return decodeURIComponent(match[1]);
};

describe('freshness.ask job', () => {
  it('asks a stale active member once, in their language, with confirm and edit links', async () => {
    const stale = await createTestMember(t, { role: 'alumni', locale: 'en' });
    const fresh = await createTestMember(t, { role: 'alumni' });
    const gone = await createTestMember(t, { role: 'alumni' });
    await setProfile(stale.id, {
      confirmedAt: new Date('2025-06-01T00:00:00Z'),
      currentEmployer: 'Acme KK',
      currentTitle: 'CTO',
    });
    await setProfile(fresh.id, { confirmedAt: new Date('2026-06-01T00:00:00Z') });
    await setProfile(gone.id, { confirmedAt: new Date('2024-01-01T00:00:00Z') });
    await t.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, gone.id));

    await runJob();
    const mails = await freshnessMails(stale.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: 'freshness', toAddress: stale.email, locale: 'en' });
    expect(mails[0]?.subject).toBe('Still at Acme KK as CTO?');
    expect(mails[0]?.text).toContain(`http://localhost:3000/members/${stale.id}/edit`);
    expect(mails[0]?.text).toMatch(/http:\/\/localhost:3000\/freshness\/confirm\?token=/);
    expect((await profileOf(stale.id)).freshnessAskedAt?.toISOString()).toBe(clock.now().toISOString());
    expect(await freshnessMails(fresh.id)).toHaveLength(0);
    expect(await freshnessMails(gone.id)).toHaveLength(0);
    expect(t.mailer.sent.some((m) => m.to === stale.email && m.subject === 'Still at Acme KK as CTO?')).toBe(
      true,
    );

    // The next day: not asked twice.
    clock.advance(DAY);
    await runJob();
    expect(await freshnessMails(stale.id)).toHaveLength(1);
    // A whole period later, still unconfirmed: asked again (once).
    clock.advance(366 * DAY);
    await runJob();
    await runJob();
    expect(await freshnessMails(stale.id)).toHaveLength(2);
  });

  it('uses HR’s period and mails Japanese members in Japanese', async () => {
    const m = await createTestMember(t, { role: 'alumni', locale: 'ja' });
    await setProfile(m.id, {
      confirmedAt: new Date(clock.now().getTime() - 100 * DAY),
      currentEmployer: null,
    });
    await runJob();
    expect(await freshnessMails(m.id)).toHaveLength(0);
    await t.request('/api/settings/freshness', { method: 'PUT', cookie: hr.cookie, json: { months: 3 } });
    await runJob();
    const [mail] = await freshnessMails(m.id);
    expect(mail?.subject).toBe('Kizuna のプロフィールは最新ですか？');
    await t.request('/api/settings/freshness', { method: 'PUT', cookie: hr.cookie, json: { months: 12 } });
  });
});

describe('freshness.ask over many members (decision 023)', () => {
  it('asks in short batches and serves a concurrent request before the run ends', async () => {
    const members = [];
    for (let i = 0; i < 24; i++) members.push(await createTestMember(t, { role: 'alumni' }));
    for (const m of members)
      await setProfile(m.id, { confirmedAt: new Date(clock.now().getTime() - 400 * DAY) });
    const batchSize = freshnessOptions.batchSize;
    freshnessOptions.batchSize = 1;
    try {
      await t.queue.send(FRESHNESS_ASK, {});
      let finished = false;
      const running = t.queue.drain({ names: [FRESHNESS_ASK] }).then(() => {
        finished = true;
      });
      // Both requests at once: each needs several statements, and each must find the connection
      // handed back between batches (without the hand-back they wait for the whole run).
      const [health, me] = await Promise.all([
        t.request('/api/health'),
        t.request('/api/me', { cookie: hr.cookie }),
      ]);
      expect([health.status, me.status]).toEqual([200, 200]);
      expect(finished).toBe(false);
      await running;
    } finally {
      freshnessOptions.batchSize = batchSize;
    }
    for (const m of members) expect(await freshnessMails(m.id)).toHaveLength(1);
  });
});

describe('POST /api/freshness/confirm (the emailed link)', () => {
  async function askedMember() {
    const m = await createTestMember(t, { role: 'alumni' });
    await setProfile(m.id, { confirmedAt: new Date(clock.now().getTime() - 400 * DAY) });
    await runJob();
    const [mail] = await freshnessMails(m.id);
    return { member: m, token: tokenFrom(mail?.text ?? '') };
  }

  it('confirms with the token, without signing in; a second click changes nothing', async () => {
    const { member, token } = await askedMember();
    const res = await t.request('/api/freshness/confirm', { method: 'POST', json: { token } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ confirmedAt: clock.now().toISOString() });
    expect((await profileOf(member.id)).confirmedAt.toISOString()).toBe(clock.now().toISOString());
    const later = clock.now().toISOString();
    clock.advance(60_000);
    const again = await t.request('/api/freshness/confirm', { method: 'POST', json: { token } });
    expect(again.status).toBe(200);
    expect((await profileOf(member.id)).confirmedAt.toISOString()).toBe(later);
  });

  it('400 without a token; 404 for a forged or altered token', async () => {
    const { member, token } = await askedMember();
    expect((await t.request('/api/freshness/confirm', { method: 'POST', json: {} })).status).toBe(400);
    const altered = token.replace(/\.[^.]+$/, '.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    const forged = freshnessToken(
      { AUTH_SECRET: 'another-secret-another-secret-another-secret' },
      member.id,
      (await profileOf(member.id)).confirmedAt,
      new Date(clock.now().getTime() + DAY),
    );
    for (const bad of [altered, forged]) {
      const res = await t.request('/api/freshness/confirm', {
        method: 'POST',
        json: { token: bad },
        headers: { 'accept-language': 'en' },
      });
      expect(res.status).toBe(404);
      expect((await res.json()).error.message).toBe(
        'This link is not valid. Sign in to confirm your profile.',
      );
    }
    expect((await profileOf(member.id)).confirmedAt < clock.now()).toBe(true);
  });

  it('409 once the link has expired', async () => {
    const { member, token } = await askedMember();
    const before = (await profileOf(member.id)).confirmedAt;
    clock.advance(61 * DAY);
    const res = await t.request('/api/freshness/confirm', { method: 'POST', json: { token } });
    expect(res.status).toBe(409);
    expect((await profileOf(member.id)).confirmedAt).toEqual(before);
  });
});

describe('the signed-in member', () => {
  it('401 signed out', async () => {
    expect((await t.request('/api/me/freshness')).status).toBe(401);
    expect((await t.request('/api/me/freshness/confirm', { method: 'POST' })).status).toBe(401);
  });

  it('sees a stale profile and confirms it in one click', async () => {
    const { member, cookie } = await signedIn(t, { role: 'alumni' });
    await setProfile(member.id, {
      confirmedAt: new Date(clock.now().getTime() - 400 * DAY),
      currentEmployer: 'Acme',
      currentTitle: 'Engineer',
    });
    const before = await (await t.request('/api/me/freshness', { cookie })).json();
    expect(before).toMatchObject({
      isStale: true,
      currentEmployer: 'Acme',
      currentTitle: 'Engineer',
      months: 12,
    });
    const res = await t.request('/api/me/freshness/confirm', { method: 'POST', cookie });
    expect(res.status).toBe(200);
    const after = await (await t.request('/api/me/freshness', { cookie })).json();
    expect(after).toMatchObject({ isStale: false, confirmedAt: clock.now().toISOString() });
  });

  it('saving one’s own profile refreshes confirmed_at; an HR edit does not', async () => {
    const { member, cookie } = await signedIn(t, { role: 'alumni' });
    const old = new Date(clock.now().getTime() - 400 * DAY);
    await setProfile(member.id, { confirmedAt: old });
    const hrEdit = await t.request(`/api/members/${member.id}`, {
      method: 'PATCH',
      cookie: hr.cookie,
      json: { office: '大阪' },
    });
    expect(hrEdit.status).toBe(200);
    expect((await profileOf(member.id)).confirmedAt).toEqual(old);
    const own = await t.request(`/api/members/${member.id}`, {
      method: 'PATCH',
      cookie,
      json: { currentTitle: 'Director' },
    });
    expect(own.status).toBe(200);
    expect((await profileOf(member.id)).confirmedAt.toISOString()).toBe(clock.now().toISOString());
  });

  it('HR sees the freshness date on the member; other members do not', async () => {
    const { member } = await signedIn(t, { role: 'alumni' });
    const other = await signedIn(t, { role: 'alumni' });
    const asHr = await (await t.request(`/api/members/${member.id}`, { cookie: hr.cookie })).json();
    expect(asHr.confirmedAt).toBe((await profileOf(member.id)).confirmedAt.toISOString());
    const asOther = await (await t.request(`/api/members/${member.id}`, { cookie: other.cookie })).json();
    expect(asOther).not.toHaveProperty('confirmedAt');
  });
});

describe('settings and HR summary', () => {
  it('401 signed out, 404 for members, 400 outside 3–36 months', async () => {
    const alumni = await signedIn(t, { role: 'alumni' });
    expect((await t.request('/api/settings/freshness')).status).toBe(401);
    expect((await t.request('/api/freshness/summary')).status).toBe(401);
    expect((await t.request('/api/settings/freshness', { cookie: alumni.cookie })).status).toBe(404);
    expect((await t.request('/api/freshness/summary', { cookie: alumni.cookie })).status).toBe(404);
    for (const months of [2, 37, 6.5]) {
      const res = await t.request('/api/settings/freshness', {
        method: 'PUT',
        cookie: hr.cookie,
        json: { months },
      });
      expect(res.status).toBe(400);
      expect((await res.json()).error.fields.months).toHaveLength(1);
    }
    const ok = await t.request('/api/settings/freshness', {
      method: 'PUT',
      cookie: hr.cookie,
      json: { months: 24 },
    });
    expect(await ok.json()).toEqual({ months: 24 });
    expect(await (await t.request('/api/settings/freshness', { cookie: hr.cookie })).json()).toEqual({
      months: 24,
    });
    await t.request('/api/settings/freshness', { method: 'PUT', cookie: hr.cookie, json: { months: 12 } });
  });

  it('counts stale profiles overall, by role and by department (active members only)', async () => {
    const own = await createTestApp({ clock: fixedClock('2026-11-24T03:00:00Z') });
    try {
      const boss = await signedIn(own, { role: 'admin' });
      const old = new Date('2025-01-01T00:00:00Z');
      const recent = new Date('2026-10-01T00:00:00Z');
      const make = async (role: 'alumni' | 'employee', departments: string[], confirmedAt: Date) => {
        const m = await createTestMember(own, { role, canSignIn: false });
        await own.db.update(profiles).set({ departments, confirmedAt }).where(eq(profiles.userId, m.id));
        return m;
      };
      await own.db
        .update(profiles)
        .set({ departments: [], confirmedAt: recent })
        .where(eq(profiles.userId, boss.member.id));
      await make('alumni', ['営業部'], old);
      await make('alumni', ['営業部'], old);
      await make('alumni', ['開発部'], recent);
      await make('employee', ['開発部', '営業部'], old);
      const gone = await make('alumni', ['営業部'], old);
      await own.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, gone.id));

      const res = await own.request('/api/freshness/summary', { cookie: boss.cookie });
      expect(res.status).toBe(200);
      const summary = await res.json();
      expect(summary).toMatchObject({ months: 12, total: 5, stale: 3, share: 0.6 });
      expect(summary.byRole).toEqual([
        { role: 'admin', total: 1, stale: 0, share: 0 },
        { role: 'alumni', total: 3, stale: 2, share: 0.667 },
        { role: 'employee', total: 1, stale: 1, share: 1 },
      ]);
      expect(summary.byDepartment).toEqual([
        { department: '営業部', total: 3, stale: 3, share: 1 },
        { department: '開発部', total: 2, stale: 1, share: 0.5 },
      ]);
    } finally {
      await own.close();
    }
  });
});
