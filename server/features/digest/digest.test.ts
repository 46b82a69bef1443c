import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIGEST_MAIL_KIND } from '#common/mail';
import { NOTIFICATION_TYPES } from '#common/notifications';
import { digestSubscriptions, mailMessages, notifications, profiles, users } from '#server/db/schema/index';
import { fixedClock } from '#server/lib/clock';
import { MAIL_DELIVER } from '#server/lib/outbox';
import { insertDigestNotification, insertTestGroup, insertTestPost, seenAt } from '#tests/factories/digest';
import { createTestEvent } from '#tests/factories/events';
import { createTestMember, signedIn } from '#tests/factories/index';
import { insertTestJob } from '#tests/factories/job-alerts';
import { createTestApp, failOnConsoleError, ORIGIN, type TestApp } from '#tests/setup';
import { DIGEST_SEND_JOB, DIGEST_WEEKLY_JOB } from './digest.jobs';
import { t as digestText } from './digest.messages';
import { digestOptions } from './digest.sending';
import { runDigestNow } from './digest.service';

failOnConsoleError();
let t: TestApp;
const START = '2026-11-24T03:00:00Z';
const clock = fixedClock(START);
const DAY = 86_400_000;
let author: Awaited<ReturnType<typeof createTestMember>>;
let admin: Awaited<ReturnType<typeof signedIn>>;

beforeAll(async () => {
  t = await createTestApp({ clock });
  author = await createTestMember(t, { role: 'employee', consents: ['directory'] });
  admin = await signedIn(t, { role: 'admin', consents: ['directory'] });
  // Something new for everyone in every test's period.
  await insertTestPost(t, {
    authorId: author.id,
    title: 'Company news of the week',
    isCompany: true,
    kind: 'news',
    createdAt: new Date(Date.parse(START) - DAY),
  });
});
afterAll(() => t.close());
beforeEach(() => clock.set(START));

type Json = Record<string, unknown>;
const json = <T = Json>(res: Response) => res.json() as Promise<T>;
const ago = (days: number) => new Date(clock.now().getTime() - days * DAY);

const run = () => runDigestNow({ db: t.db, clock, env: t.env, queue: t.queue });
const digestsOf = (userId: string) =>
  t.db
    .select()
    .from(mailMessages)
    .where(and(eq(mailMessages.userId, userId), eq(mailMessages.kind, DIGEST_MAIL_KIND)))
    .orderBy(mailMessages.createdAt);
const tokenOf = (text: string) => /\/unsubscribe\?token=([\w-]+)/.exec(text)?.[1] ?? '';

/** A member who is due a digest: consents to newsletters, never seen. */
const dueMember = (options: Parameters<typeof createTestMember>[1] = {}) =>
  createTestMember(t, { consents: ['directory', 'newsletter'], ...options });

describe('who gets the digest (Discourse’s rule)', () => {
  it('a consenting member not seen within their period gets one, with the top post', async () => {
    const m = await dueMember({ locale: 'en' });
    await run();
    const [mail, ...rest] = await digestsOf(m.id);
    expect(rest).toHaveLength(0);
    expect(mail?.subject).toMatch(/^Your Kizuna digest: \d+ new items?$/);
    expect(mail?.text).toContain('Company news of the week');
    expect(mail?.html).toContain('Company news of the week');
  });

  it('not without the newsletter consent (the master switch)', async () => {
    const m = await createTestMember(t, { consents: ['directory'] });
    await run();
    expect(await digestsOf(m.id)).toHaveLength(0);
  });

  it('not when seen within their period; yes when last seen before it', async () => {
    const recent = await dueMember();
    await seenAt(t, recent.id, ago(2));
    const away = await dueMember();
    await seenAt(t, away.id, ago(10));
    await run();
    expect(await digestsOf(recent.id)).toHaveLength(0);
    expect(await digestsOf(away.id)).toHaveLength(1);
  });

  it('not to an address whose last mail bounced; again once a mail got through', async () => {
    const m = await dueMember();
    await t.db.insert(mailMessages).values({
      id: crypto.randomUUID(),
      kind: 'freshness',
      toAddress: m.email,
      userId: m.id,
      locale: 'ja',
      subject: 's',
      text: 't',
      status: 'bounced',
      createdAt: ago(3),
    });
    await run();
    expect(await digestsOf(m.id)).toHaveLength(0);
    await t.db.insert(mailMessages).values({
      id: crypto.randomUUID(),
      kind: 'freshness',
      toAddress: m.email,
      userId: m.id,
      locale: 'ja',
      subject: 's',
      text: 't',
      status: 'sent',
      createdAt: ago(1),
    });
    await run();
    expect(await digestsOf(m.id)).toHaveLength(1);
  });

  it('not to a deactivated member, nor one whose frequency is off', async () => {
    const gone = await dueMember();
    await t.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, gone.id));
    const off = await signedIn(t, { consents: ['directory', 'newsletter'] });
    await t.request('/api/me/digest', { method: 'PUT', cookie: off.cookie, json: { frequency: 'off' } });
    await seenAt(t, off.member.id, ago(30));
    await run();
    expect(await digestsOf(gone.id)).toHaveLength(0);
    expect(await digestsOf(off.member.id)).toHaveLength(0);
  });

  it('once per period: a re-run sends nothing twice; weekly again a week later', async () => {
    const m = await dueMember();
    await run();
    await run();
    expect(await digestsOf(m.id)).toHaveLength(1);
    clock.advance(7 * DAY);
    await insertTestPost(t, { authorId: author.id, title: 'Next week', createdAt: ago(1) });
    await run();
    expect(await digestsOf(m.id)).toHaveLength(2);
  });

  it('monthly: not after a week, but after four', async () => {
    const m = await signedIn(t, { consents: ['directory', 'newsletter'] });
    await t.request('/api/me/digest', { method: 'PUT', cookie: m.cookie, json: { frequency: 'monthly' } });
    await seenAt(t, m.member.id, ago(60));
    await run();
    expect(await digestsOf(m.member.id)).toHaveLength(1);
    clock.advance(7 * DAY);
    await insertTestPost(t, { authorId: author.id, title: 'A week on', createdAt: ago(1) });
    await run();
    expect(await digestsOf(m.member.id)).toHaveLength(1);
    clock.advance(21 * DAY);
    await insertTestPost(t, { authorId: author.id, title: 'Four weeks on', createdAt: ago(1) });
    await run();
    expect(await digestsOf(m.member.id)).toHaveLength(2);
  });

  it('no mail when there is nothing new', async () => {
    clock.advance(200 * DAY);
    const m = await dueMember();
    await run();
    expect(await digestsOf(m.id)).toHaveLength(0);
  });
});

describe('what the digest holds', () => {
  it('never an internal post for an alumnus; an employee gets it', async () => {
    const alumnus = await dueMember({ role: 'alumni' });
    const employee = await dueMember({ role: 'employee' });
    await insertTestPost(t, {
      authorId: author.id,
      title: 'Internal only: reorganisation',
      classification: 'internal',
      isCompany: true,
      kind: 'news',
      reactionCounts: { like: 50 },
      createdAt: ago(1),
    });
    await run();
    const [a] = await digestsOf(alumnus.id);
    const [e] = await digestsOf(employee.id);
    expect(a?.text).not.toContain('Internal only');
    expect(a?.html).not.toContain('Internal only');
    expect(e?.text).toContain('Internal only: reorganisation');
  });

  it('a group post only to the group’s members; never a hidden or deleted post', async () => {
    const inside = await dueMember();
    const outside = await dueMember();
    const group = await insertTestGroup(t, [inside.id]);
    await insertTestPost(t, {
      authorId: author.id,
      title: 'Chapter meetup notes',
      groupId: group.id,
      audience: { groupIds: [group.id] },
      reactionCounts: { like: 40 },
      createdAt: ago(1),
    });
    await insertTestPost(t, {
      authorId: author.id,
      title: 'Hidden one',
      hiddenAt: ago(0.5),
      createdAt: ago(1),
    });
    await insertTestPost(t, {
      authorId: author.id,
      title: 'Deleted one',
      deletedAt: ago(0.5),
      createdAt: ago(1),
    });
    await run();
    const [i] = await digestsOf(inside.id);
    const [o] = await digestsOf(outside.id);
    expect(i?.text).toContain('Chapter meetup notes');
    expect(o?.text).not.toContain('Chapter meetup notes');
    for (const mail of [i, o]) {
      expect(mail?.text).not.toContain('Hidden one');
      expect(mail?.text).not.toContain('Deleted one');
    }
  });

  it('caps posts, jobs and notifications; marks the member’s notifications mailed', async () => {
    clock.advance(400 * DAY); // a period of its own
    const m = await dueMember({ locale: 'en' });
    await t.db
      .update(profiles)
      .set({ skills: ['Digest Testing'] })
      .where(eq(profiles.userId, m.id));
    for (let i = 0; i < 8; i++) {
      await insertTestPost(t, {
        authorId: author.id,
        title: `Capped post ${i}`,
        commentCount: i,
        createdAt: ago(1),
      });
    }
    for (let i = 0; i < 5; i++) {
      await insertTestJob(t, {
        titleEn: `Capped job ${i}`,
        skills: ['Digest Testing'],
        publishedAt: ago(1),
        closesOn: new Date(clock.now().getTime() + 30 * DAY).toISOString().slice(0, 10),
      });
    }
    for (let i = 0; i < 12; i++) {
      await insertDigestNotification(t, {
        userId: m.id,
        actorId: author.id,
        type: 'group_invite',
        threadKey: `group:${i}`,
        data: { title: `Group ${i}` },
      });
    }
    await run();
    const [mail] = await digestsOf(m.id);
    const text = mail?.text ?? '';
    expect(text.match(/Capped post \d/g)).toHaveLength(5);
    // Ranked by reactions + comments: the most commented first.
    expect(text.indexOf('Capped post 7')).toBeLessThan(text.indexOf('Capped post 6'));
    expect(text).not.toContain('Capped post 0');
    expect(text.match(/Capped job \d/g)).toHaveLength(3);
    expect(text.match(/invited you to a group/g)).toHaveLength(10);
    expect(text).toContain('and 2 more in Kizuna');
    expect(text.length).toBeLessThan(20_000);
    const pending = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, m.id), eq(notifications.channel, 'digest')));
    expect(pending.every((n) => n.mailedAt !== null)).toBe(true);
  });

  it('in the member’s language', async () => {
    const ja = await dueMember({ locale: 'ja' });
    const en = await dueMember({ locale: 'en' });
    await run();
    const [j] = await digestsOf(ja.id);
    const [e] = await digestsOf(en.id);
    expect(j?.subject).toMatch(/^Kizuna ダイジェスト：新着 \d+ 件$/);
    expect(j?.text).toContain('注目の投稿');
    expect(j?.text).toContain('配信停止');
    expect(e?.text).toContain('Top posts');
    expect(e?.text).toContain('Stop receiving this digest');
  });

  it('escapes what members wrote (XSS through the title and text)', async () => {
    clock.advance(600 * DAY);
    const m = await dueMember();
    await insertTestPost(t, {
      authorId: author.id,
      title: '<script>alert(1)</script><img src=x onerror=alert(2)>',
      bodyMarkdown: '<b>bold?</b> [x](javascript:alert(3))',
      createdAt: ago(1),
    });
    await run();
    const [mail] = await digestsOf(m.id);
    expect(mail?.html).not.toMatch(/<script|<img|href="javascript:/i);
    expect(mail?.html).toContain('&lt;script&gt;');
  });
});

describe('one-click unsubscribe (RFC 8058)', () => {
  async function digestFor() {
    const m = await dueMember();
    await run();
    const [mail] = await digestsOf(m.id);
    return { member: m, mail, token: tokenOf(mail?.text ?? '') };
  }
  const frequencyOf = async (userId: string) =>
    (await t.db.select().from(digestSubscriptions).where(eq(digestSubscriptions.userId, userId)))[0]
      ?.frequency;

  it('each digest carries List-Unsubscribe and List-Unsubscribe-Post', async () => {
    const { member, token } = await digestFor();
    await t.queue.drain({ names: [MAIL_DELIVER] });
    const sent = t.mailer.sent.find((m) => m.to === member.email);
    expect(sent?.headers?.['List-Unsubscribe']).toBe(
      `<${t.env.BASE_URL}/api/digest/unsubscribe?token=${token}>, <mailto:no-reply@kizuna.local?subject=unsubscribe%20digest>`,
    );
    expect(sent?.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(sent?.html).toContain(`/unsubscribe?token=${token}`);
  });

  it('a mail provider’s POST works without a session or our origin, and is idempotent', async () => {
    const { member, token } = await digestFor();
    const post = () =>
      t.app.request(`${ORIGIN}/api/digest/unsubscribe?token=${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://mail.example.net' },
        body: 'List-Unsubscribe=One-Click',
      });
    const first = await post();
    expect(first.status).toBe(200);
    expect(await json(first)).toEqual({ frequency: 'off' });
    expect(await frequencyOf(member.id)).toBe('off');
    expect((await post()).status).toBe(200);
    expect(await frequencyOf(member.id)).toBe('off');
    // No digest while off.
    clock.advance(8 * DAY);
    await insertTestPost(t, { authorId: author.id, title: 'After unsubscribing', createdAt: ago(1) });
    await run();
    expect(await digestsOf(member.id)).toHaveLength(1);
  });

  it('the origin exemption is for this one path only', async () => {
    const m = await signedIn(t);
    const res = await t.app.request(`${ORIGIN}/api/me/digest`, {
      method: 'PUT',
      headers: { cookie: m.cookie, origin: 'https://mail.example.net', 'content-type': 'application/json' },
      body: JSON.stringify({ frequency: 'off' }),
    });
    expect(res.status).toBe(403);
  });

  it('GET does not unsubscribe (link prefetchers); bad token 400; unknown token 404', async () => {
    const { member, token } = await digestFor();
    const get = await t.request(`/api/digest/unsubscribe?token=${token}`);
    expect(get.status).toBe(404);
    expect(await frequencyOf(member.id)).toBe('weekly');
    const bad = await t.request('/api/digest/unsubscribe?token=<x>', {
      method: 'POST',
      headers: { 'accept-language': 'ja' },
    });
    expect(bad.status).toBe(400);
    expect(((await json(bad)) as { error: { fields: Json } }).error.fields.token).toBeDefined();
    expect((await t.request('/api/digest/unsubscribe', { method: 'POST' })).status).toBe(400);
    const unknown = await t.request(`/api/digest/unsubscribe?token=${'A'.repeat(43)}`, { method: 'POST' });
    expect(unknown.status).toBe(404);
  });

  it('the previous digest’s link still works after a new digest', async () => {
    const { member, token } = await digestFor();
    clock.advance(7 * DAY);
    await insertTestPost(t, { authorId: author.id, title: 'Week two', createdAt: ago(1) });
    await run();
    expect(await digestsOf(member.id)).toHaveLength(2);
    const res = await t.request(`/api/digest/unsubscribe?token=${token}`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await frequencyOf(member.id)).toBe('off');
  });
});

describe('GET/PUT /api/me/digest', () => {
  it('anonymous: 401', async () => {
    expect((await t.request('/api/me/digest')).status).toBe(401);
    expect((await t.request('/api/me/digest', { method: 'PUT', json: { frequency: 'off' } })).status).toBe(
      401,
    );
  });

  it('weekly until chosen; shows the master switch; sets a frequency of one’s own only', async () => {
    const a = await signedIn(t, { consents: ['directory'] });
    const b = await signedIn(t, { consents: ['directory', 'newsletter'] });
    const got = await t.request('/api/me/digest', { cookie: a.cookie });
    expect(got.status).toBe(200);
    expect(await json(got)).toEqual({ frequency: 'weekly', newsletterConsent: false, lastSentAt: null });
    const put = await t.request('/api/me/digest', {
      method: 'PUT',
      cookie: a.cookie,
      json: { frequency: 'biweekly' },
    });
    expect(put.status).toBe(200);
    expect(await json(put)).toMatchObject({ frequency: 'biweekly' });
    expect(await json(await t.request('/api/me/digest', { cookie: b.cookie }))).toEqual({
      frequency: 'weekly',
      newsletterConsent: true,
      lastSentAt: null,
    });
  });

  it('bad input: 400 with a translated field message', async () => {
    const a = await signedIn(t);
    for (const [lang, body] of [
      ['en', { frequency: 'daily' }],
      ['ja', { frequency: 'daily' }],
      ['en', { frequency: 'weekly', extra: 1 }],
      ['en', {}],
    ] as const) {
      const res = await t.request('/api/me/digest', {
        method: 'PUT',
        cookie: a.cookie,
        headers: { 'accept-language': lang },
        json: body,
      });
      expect(res.status).toBe(400);
      const fields = ((await json(res)) as { error: { fields: Record<string, string[]> } }).error.fields;
      expect(Object.keys(fields).length).toBeGreaterThan(0);
      if (lang === 'ja') expect(Object.values(fields).flat().join('')).toMatch(/[぀-ヿ一-鿿]/);
    }
  });
});

describe('POST /api/dev/jobs/digest.weekly', () => {
  it('anonymous 401; a member who is not an admin 404; an admin runs it', async () => {
    const path = '/api/dev/jobs/digest.weekly';
    expect((await t.request(path, { method: 'POST' })).status).toBe(401);
    const member = await signedIn(t, { role: 'alumni_manager' });
    expect((await t.request(path, { method: 'POST', cookie: member.cookie })).status).toBe(404);
    const m = await dueMember();
    const res = await t.request(path, { method: 'POST', cookie: admin.cookie });
    expect(res.status).toBe(200);
    const body = await json<{ batches: number; mailed: number }>(res);
    expect(body.batches).toBeGreaterThan(0);
    expect(body.mailed).toBeGreaterThan(0);
    expect(await digestsOf(m.id)).toHaveLength(1);
  });
});

describe('the weekly job over many members (decision 023)', () => {
  it('queues ranges, sends in short pieces and serves a concurrent request before the run ends', async () => {
    clock.advance(800 * DAY);
    await insertTestPost(t, { authorId: author.id, title: 'For the many', createdAt: ago(1) });
    const members = [];
    for (let i = 0; i < 12; i++) members.push(await dueMember());
    const saved = { ...digestOptions };
    Object.assign(digestOptions, { walkBatch: 5, chunk: 1 });
    try {
      await t.queue.send(DIGEST_WEEKLY_JOB, {});
      let finished = false;
      const running = t.queue.drain({ names: [DIGEST_WEEKLY_JOB, DIGEST_SEND_JOB] }).then(() => {
        finished = true;
      });
      const [health, me] = await Promise.all([
        t.request('/api/health'),
        t.request('/api/me/digest', { cookie: admin.cookie }),
      ]);
      expect([health.status, me.status]).toEqual([200, 200]);
      expect(finished).toBe(false);
      await running;
    } finally {
      Object.assign(digestOptions, saved);
    }
    for (const m of members) {
      const mails = await digestsOf(m.id);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.text).toContain('For the many');
    }
  });
});

describe('upcoming events (issue 13 §6)', () => {
  it('lists the coming fortnight’s events each member may see, in their language and the event’s zone', async () => {
    clock.advance(1600 * DAY);
    const now = clock.now();
    const alumnus = await dueMember({ role: 'alumni', locale: 'en' });
    const employee = await dueMember({ role: 'employee', locale: 'ja' });
    const group = await insertTestGroup(t, [employee.id]);
    const inDays = (days: number) => new Date(now.getTime() + days * DAY);
    const open = await createTestEvent(t, {
      now,
      startsAt: inDays(3),
      titleEn: 'Open meetup for all',
      titleJa: 'みんなの交流会',
      timeZone: 'Europe/London',
    });
    const internal = await createTestEvent(t, {
      now,
      startsAt: inDays(4),
      titleEn: 'Employees only briefing',
      titleJa: '社員向け説明会',
      classification: 'internal',
    });
    const forGroup = await createTestEvent(t, {
      now,
      startsAt: inDays(5),
      titleEn: 'Group night',
      titleJa: 'グループの夜',
      groupId: group.id,
      audience: { groupIds: [group.id] },
    });
    await createTestEvent(t, { now, startsAt: inDays(20), titleEn: 'Far away', titleJa: '遠い先' });
    await createTestEvent(t, { now, startsAt: inDays(2), titleEn: 'Still a draft', status: 'draft' });
    await run();

    const [en] = await digestsOf(alumnus.id);
    expect(en?.text).toContain('■ Upcoming events');
    expect(en?.text).toContain('Open meetup for all');
    expect(en?.text).toContain('(Europe/London)');
    expect(en?.text).toContain(`/events/${open.id}`);
    expect(en?.html).toContain('Open meetup for all');
    for (const hidden of ['Employees only briefing', 'Group night', 'Far away', 'Still a draft']) {
      expect(en?.text).not.toContain(hidden);
      expect(en?.html).not.toContain(hidden);
    }

    const [ja] = await digestsOf(employee.id);
    expect(ja?.text).toContain('■ 近日開催のイベント');
    expect(ja?.text).toContain('みんなの交流会');
    expect(ja?.text).toContain(`/events/${internal.id}`);
    expect(ja?.text).toContain(`/events/${forGroup.id}`);
    expect(ja?.text).toContain('(Asia/Tokyo)');
    expect(ja?.text).not.toContain('遠い先');
  });

  it('every notification type has its digest line in ja and en (never a raw key)', () => {
    for (const type of NOTIFICATION_TYPES) {
      for (const locale of ['ja', 'en'] as const) {
        const text = digestText(locale, `notification.${type}`, { actor: 'A' });
        expect(text, `${locale} ${type}`).not.toContain('notification.');
      }
    }
  });
});
