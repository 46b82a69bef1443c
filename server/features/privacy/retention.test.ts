import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, users } from '#server/db/schema/index';
import { fixedClock } from '#server/lib/clock';
import { createTestMember, signedIn, signIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { RETENTION_SWEEP, retentionOptions } from './retention.service';

failOnConsoleError();
const clock = fixedClock('2026-11-24T03:00:00Z');
const DAY = 86_400_000;
let t: TestApp;
let admin: { cookie: string };
beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = await signedIn(t, { role: 'admin' });
});
afterAll(() => t.close());

const rules = { enabled: true, inactiveYears: 2, warningDays: 30, roles: ['alumni'] };

async function sweep() {
  await t.queue.send(RETENTION_SWEEP, {});
  await t.queue.drain();
}

async function userRow(id: string) {
  const [row] = await t.db.select().from(users).where(eq(users.id, id));
  return row;
}

describe('GET/PUT /api/settings/retention', () => {
  it('401 signed out; 404 for HR and members', async () => {
    expect((await t.request('/api/settings/retention')).status).toBe(401);
    for (const role of ['alumni_manager', 'employee'] as const) {
      const other = await signedIn(t, { role });
      expect((await t.request('/api/settings/retention', { cookie: other.cookie })).status).toBe(404);
      const put = await t.request('/api/settings/retention', {
        method: 'PUT',
        cookie: other.cookie,
        json: rules,
      });
      expect(put.status).toBe(404);
    }
  });

  it('400 with per-field messages for out-of-range values', async () => {
    const res = await t.request('/api/settings/retention', {
      method: 'PUT',
      cookie: admin.cookie,
      headers: { 'accept-language': 'en' },
      json: { enabled: 'yes', inactiveYears: 0, warningDays: 200, roles: ['ceo'] },
    });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.fields.inactiveYears).toEqual(['Must be at least 1.']);
    expect(error.fields.warningDays).toEqual(['Must be at most 180.']);
    expect(error.fields['roles.0']).toBeDefined();
    expect(error.fields.enabled).toBeDefined();
  });

  it('returns the defaults (off), then what the admin saved', async () => {
    const initial = await (await t.request('/api/settings/retention', { cookie: admin.cookie })).json();
    expect(initial).toEqual({ enabled: false, inactiveYears: 5, warningDays: 30, roles: ['alumni'] });
    const put = await t.request('/api/settings/retention', {
      method: 'PUT',
      cookie: admin.cookie,
      json: rules,
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual(rules);
    expect(await (await t.request('/api/settings/retention', { cookie: admin.cookie })).json()).toEqual(
      rules,
    );
  });
});

describe('retention.sweep', () => {
  it('warns once, spares those who sign in, erases the rest after the warning period', async () => {
    await t.request('/api/settings/retention', { method: 'PUT', cookie: admin.cookie, json: rules });
    const old = new Date('2023-06-01T00:00:00Z');
    const goner = await createTestMember(t, { role: 'alumni', locale: 'en' });
    const returner = await createTestMember(t, { role: 'alumni', locale: 'ja' });
    const neverSeen = await createTestMember(t, { role: 'alumni', locale: 'ja' });
    const recent = await createTestMember(t, { role: 'alumni' });
    const employee = await createTestMember(t, { role: 'employee' });
    await t.db
      .update(users)
      .set({ lastActiveAt: old })
      .where(inArray(users.id, [goner.id, returner.id, employee.id]));
    await t.db.update(users).set({ lastActiveAt: null, createdAt: old }).where(eq(users.id, neverSeen.id));
    await t.db
      .update(users)
      .set({ lastActiveAt: new Date('2026-01-10T00:00:00Z') })
      .where(eq(users.id, recent.id));

    const sentBefore = t.mailer.sent.length;
    await sweep();
    const warnings = t.mailer.sent.slice(sentBefore);
    expect(warnings.map((m) => m.to).sort()).toEqual([goner.email, neverSeen.email, returner.email].sort());
    const en = warnings.find((m) => m.to === goner.email);
    expect(en?.subject).toBe('Your Kizuna account will be deleted unless you sign in');
    expect(en?.text).toContain('sign in before 2026-12-24');
    expect(warnings.find((m) => m.to === returner.email)?.text).toContain('2026-12-24 までに一度ログイン');
    expect((await userRow(goner.id))?.retentionWarnedAt).toEqual(clock.now());
    expect((await userRow(recent.id))?.retentionWarnedAt).toBeNull();
    expect((await userRow(employee.id))?.retentionWarnedAt).toBeNull();

    // The next day's run warns nobody again and erases nobody yet.
    clock.advance(DAY);
    const sentAfterFirst = t.mailer.sent.length;
    await sweep();
    expect(t.mailer.sent.length).toBe(sentAfterFirst);

    // Ten days later the returner signs in: the warning is cleared.
    clock.advance(9 * DAY);
    const cookie = await signIn(t, returner.email);
    expect((await t.request('/api/me', { cookie })).status).toBe(200);
    const back = await userRow(returner.id);
    expect(back?.retentionWarnedAt).toBeNull();
    expect(back?.lastActiveAt).toEqual(clock.now());

    // Past the warning period: the two still inactive are erased, the returner is not.
    clock.advance(21 * DAY);
    await sweep();
    expect(await userRow(goner.id)).toBeUndefined();
    expect(await userRow(neverSeen.id)).toBeUndefined();
    expect(await userRow(returner.id)).toBeDefined();
    expect(await userRow(recent.id)).toBeDefined();
    expect(await userRow(employee.id)).toBeDefined();
    const erased = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'member.erased'));
    expect(erased.map((e) => e.data)).toEqual([
      { by: 'retention', role: 'alumni' },
      { by: 'retention', role: 'alumni' },
    ]);
    const swept = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'retention.swept'))
      .orderBy(auditEvents.id);
    expect(swept.map((e) => e.data)).toEqual([
      { warned: 3, erased: 0 },
      { warned: 0, erased: 2 },
    ]);
  });

  it('does nothing when the rules are off', async () => {
    await t.request('/api/settings/retention', {
      method: 'PUT',
      cookie: admin.cookie,
      json: { ...rules, enabled: false },
    });
    const idle = await createTestMember(t, { role: 'alumni' });
    await t.db
      .update(users)
      .set({ lastActiveAt: new Date('2010-01-01T00:00:00Z') })
      .where(eq(users.id, idle.id));
    const sent = t.mailer.sent.length;
    await sweep();
    expect(t.mailer.sent.length).toBe(sent);
    expect((await userRow(idle.id))?.retentionWarnedAt).toBeNull();
  });
});

describe('retention.sweep over many members (decision 023)', () => {
  it('serves a concurrent request before the run ends, and warns every member due', async () => {
    await t.request('/api/settings/retention', { method: 'PUT', cookie: admin.cookie, json: rules });
    const members = [];
    for (let i = 0; i < 24; i++) members.push(await createTestMember(t, { role: 'alumni' }));
    const ids = members.map((m) => m.id);
    await t.db
      .update(users)
      .set({ lastActiveAt: new Date('2020-01-01T00:00:00Z'), retentionWarnedAt: null })
      .where(inArray(users.id, ids));
    const batchSize = retentionOptions.batchSize;
    retentionOptions.batchSize = 2;
    try {
      await t.queue.send(RETENTION_SWEEP, {});
      let finished = false;
      const running = t.queue.drain({ names: [RETENTION_SWEEP] }).then(() => {
        finished = true;
      });
      // Both requests at once: each needs several statements, and each must find the connection
      // handed back between batches (without the hand-back they wait for the whole run).
      const [health, me] = await Promise.all([
        t.request('/api/health'),
        t.request('/api/me', { cookie: admin.cookie }),
      ]);
      expect([health.status, me.status]).toEqual([200, 200]);
      expect(finished).toBe(false);
      await running;
    } finally {
      retentionOptions.batchSize = batchSize;
    }
    const rows = await t.db
      .select({ warnedAt: users.retentionWarnedAt })
      .from(users)
      .where(inArray(users.id, ids));
    expect(rows.every((r) => r.warnedAt !== null)).toBe(true);
  });
});

describe('activity', () => {
  it('records the last day a member used the app, at most once a day', async () => {
    const { member, cookie } = await signedIn(t);
    await t.request('/api/me', { cookie });
    const first = (await userRow(member.id))?.lastActiveAt;
    expect(first).toEqual(clock.now());
    clock.advance(60 * 60_000);
    await t.request('/api/me', { cookie });
    expect((await userRow(member.id))?.lastActiveAt).toEqual(first);
    clock.advance(DAY);
    await t.request('/api/me', { cookie });
    expect((await userRow(member.id))?.lastActiveAt).toEqual(clock.now());
  });
});
