import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JOB_ALERT_DIGEST_MAIL_KIND, JOB_ALERT_MAIL_KIND } from '#common/mail';
import { JOB_ALERTS_MATCH_JOB } from '#common/rehiring-reference';
import {
  jobAlertDeliveries,
  jobAlerts,
  jobs,
  mailMessages,
  notifications,
  users,
} from '#server/db/schema/index';
import { seedDemoJobAlerts } from '#server/demo/job-alerts';
import { fixedClock } from '#server/lib/clock';
import { createTestMember, grantTestConsents, signedIn, signIn } from '#tests/factories/index';
import { insertTestJob } from '#tests/factories/job-alerts';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { alertMatchesJob } from './job-alerts.matching';

failOnConsoleError();
let t: TestApp;
const clock = fixedClock('2026-11-24T03:00:00Z');
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());
beforeEach(() => clock.set('2026-11-24T03:00:00Z'));

type Json = Record<string, unknown>;
type FieldErrors = { error: { code: string; message: string; fields: Record<string, string[]> } };
const json = <T = Json>(res: Response) => res.json() as Promise<T>;

async function createAlert(cookie: string, body: Json, lang = 'en') {
  return t.request('/api/me/job-alerts', {
    method: 'POST',
    cookie,
    headers: { 'accept-language': lang },
    json: body,
  });
}

/** Publishes a job the way the jobs feature does: the row, then the match job on the queue. */
async function publish(overrides: Parameters<typeof insertTestJob>[1] = {}) {
  const job = await insertTestJob(t, overrides);
  await t.queue.send(JOB_ALERTS_MATCH_JOB, { jobId: job.id });
  await t.queue.drain();
  return job;
}

const deliveriesOf = (userId: string, jobId?: string) =>
  t.db
    .select()
    .from(jobAlertDeliveries)
    .where(
      and(eq(jobAlertDeliveries.userId, userId), ...(jobId ? [eq(jobAlertDeliveries.jobId, jobId)] : [])),
    );
const mailTo = (email: string) => t.mailer.sent.filter((m) => m.to === email);
const outboxOf = (userId: string) => t.db.select().from(mailMessages).where(eq(mailMessages.userId, userId));

/** A signed-in member with one alert (created through the API) and the given consents. */
async function memberWithAlert(alert: Json, options: Parameters<typeof createTestMember>[1] = {}) {
  const who = await signedIn(t, { consents: ['directory', 'newsletter'], ...options });
  const res = await createAlert(who.cookie, alert);
  expect(res.status).toBe(201);
  return { ...who, alert: await json<{ id: string }>(res) };
}

describe('alertMatchesJob (criteria)', () => {
  const job = {
    searchText: 'プロダクトマネージャー product manager typescript 事業開発部 東京本社',
    department: '事業開発部',
    location: '東京本社',
    remote: 'hybrid' as const,
  };
  const none = { keywords: [], departments: [], locations: [] };
  it.each([
    [{ ...none, keywords: ['TypeScript'] }, true],
    [{ ...none, keywords: ['ＴＹＰＥＳＣＲＩＰＴ'] }, true], // full-width, upper case
    [{ ...none, keywords: ['ぷろだくと'] }, true], // hiragana finds katakana
    [{ ...none, keywords: ['manager product'] }, true], // every word, any order
    [{ ...none, keywords: ['cobol', 'typescript'] }, true], // any keyword
    [{ ...none, keywords: ['cobol'] }, false],
    [{ ...none, departments: ['事業開発部'] }, true],
    [{ ...none, departments: ['営業部'] }, false],
    [{ ...none, locations: ['東京'] }, true],
    [{ ...none, locations: ['大阪'] }, false],
    [{ ...none, keywords: ['typescript'], departments: ['営業部'] }, false], // every criterion
    [{ ...none, keywords: ['typescript'], departments: ['営業部', '事業開発部'], locations: ['東京'] }, true],
  ])('%j → %s', (alert, expected) => {
    expect(alertMatchesJob(alert, job)).toBe(expected);
  });

  it('department is case- and width-insensitive; a remote job is in every location', () => {
    const sales = { searchText: 'sales', department: 'Sales', location: 'Osaka', remote: 'remote' as const };
    expect(alertMatchesJob({ ...none, departments: ['ＳＡＬＥＳ'] }, sales)).toBe(true);
    expect(alertMatchesJob({ ...none, locations: ['Fukuoka'] }, sales)).toBe(true);
    expect(alertMatchesJob({ ...none, locations: ['Fukuoka'] }, { ...sales, remote: 'hybrid' })).toBe(false);
  });
});

describe('GET/POST /api/me/job-alerts', () => {
  it('401 without a session', async () => {
    expect((await t.request('/api/me/job-alerts')).status).toBe(401);
    expect(
      (await t.request('/api/me/job-alerts', { method: 'POST', json: { keywords: ['x'] } })).status,
    ).toBe(401);
  });

  it('400 with translated per-field messages', async () => {
    const { cookie } = await signedIn(t);
    const empty = await createAlert(cookie, { keywords: [], frequency: 'instant' });
    expect(empty.status).toBe(400);
    expect((await json<FieldErrors>(empty)).error.fields.criteria).toEqual([
      'Add at least one keyword, department or location.',
    ]);
    const ja = await createAlert(cookie, {}, 'ja');
    expect((await json<FieldErrors>(ja)).error.fields.criteria).toEqual([
      'キーワード・部署・勤務地のいずれかを1つ以上入力してください。',
    ]);
    const bad = await createAlert(cookie, {
      keywords: ['ok', 'x'.repeat(51)],
      departments: Array.from({ length: 11 }, (_, i) => `d${i}`),
      locations: ['   '],
      frequency: 'weekly',
    });
    expect(bad.status).toBe(400);
    const fields = (await json<FieldErrors>(bad)).error.fields;
    expect(fields['keywords.1']).toEqual(['Must be at most 50 characters.']);
    expect(fields.departments).toEqual(['At most 10 items.']);
    expect(fields['locations.0']).toEqual(['Required.']);
    expect(fields.frequency?.[0]).toMatch(/instant, daily/);
  });

  it('creates, lists (own only) and says whether email may go out', async () => {
    const me = await signedIn(t, { consents: ['directory'] });
    const other = await memberWithAlert({ keywords: ['other-member-secret'] });
    const res = await createAlert(me.cookie, {
      keywords: [' TypeScript ', 'typescript', 'React'],
      departments: ['技術開発本部'],
      frequency: 'daily',
    });
    expect(res.status).toBe(201);
    const created = await json(res);
    expect(created).toMatchObject({
      keywords: ['TypeScript', 'React'], // trimmed, repeats dropped
      departments: ['技術開発本部'],
      locations: [],
      frequency: 'daily',
      active: true,
      emailAllowed: false,
    });
    const list = await json<{ items: Json[]; emailAllowed: boolean; max: number }>(
      await t.request('/api/me/job-alerts', { cookie: me.cookie }),
    );
    expect(list.items.map((a) => a.id)).toEqual([created.id]);
    expect(list.emailAllowed).toBe(false);
    expect(list.max).toBe(20);
    expect(JSON.stringify(list)).not.toContain(other.alert.id);
    await grantTestConsents(t, me.member.id, ['directory', 'newsletter']);
    const again = await json<{ emailAllowed: boolean }>(
      await t.request('/api/me/job-alerts', { cookie: me.cookie }),
    );
    expect(again.emailAllowed).toBe(true);
  });

  it('at most 20 alerts per member (409, translated)', async () => {
    const me = await signedIn(t);
    for (let i = 0; i < 20; i++) {
      expect((await createAlert(me.cookie, { keywords: [`k${i}`] })).status).toBe(201);
    }
    const res = await createAlert(me.cookie, { keywords: ['one too many'] }, 'ja');
    expect(res.status).toBe(409);
    expect((await json<FieldErrors>(res)).error.message).toContain('20件');
  });
});

describe('PATCH/DELETE /api/me/job-alerts/{id}', () => {
  it('401 anonymous, 400 bad input, 404 for another member’s alert, happy path', async () => {
    const owner = await memberWithAlert({ keywords: ['go'], locations: ['東京'] });
    const path = `/api/me/job-alerts/${owner.alert.id}`;
    expect((await t.request(path, { method: 'PATCH', json: { active: false } })).status).toBe(401);
    expect((await t.request(path, { method: 'DELETE' })).status).toBe(401);

    const nothing = await t.request(path, { method: 'PATCH', cookie: owner.cookie, json: {} });
    expect(nothing.status).toBe(400);
    const cleared = await t.request(path, {
      method: 'PATCH',
      cookie: owner.cookie,
      headers: { 'accept-language': 'en' },
      json: { keywords: [], locations: [] },
    });
    expect(cleared.status).toBe(400);
    expect((await json<FieldErrors>(cleared)).error.fields.criteria).toEqual([
      'Add at least one keyword, department or location.',
    ]);
    expect(
      (await t.request('/api/me/job-alerts/not-a-uuid', { method: 'PATCH', cookie: owner.cookie, json: {} }))
        .status,
    ).toBe(400);

    for (const role of ['alumni', 'employee', 'alumni_manager', 'admin'] as const) {
      const stranger = await signedIn(t, { role });
      const patch = await t.request(path, {
        method: 'PATCH',
        cookie: stranger.cookie,
        json: { active: false },
      });
      expect(patch.status, role).toBe(404);
      expect((await t.request(path, { method: 'DELETE', cookie: stranger.cookie })).status, role).toBe(404);
    }

    const ok = await t.request(path, {
      method: 'PATCH',
      cookie: owner.cookie,
      json: { keywords: [], departments: ['営業部'], frequency: 'daily', active: false },
    });
    expect(ok.status).toBe(200);
    expect(await json(ok)).toMatchObject({
      keywords: [],
      departments: ['営業部'],
      locations: ['東京'],
      frequency: 'daily',
      active: false,
    });
    expect((await t.request(path, { method: 'DELETE', cookie: owner.cookie })).status).toBe(204);
    expect((await t.request(path, { method: 'DELETE', cookie: owner.cookie })).status).toBe(404);
  });
});

describe('matching a published job', () => {
  it('keyword, department, location and remote criteria; non-matching alerts get nothing', async () => {
    const byKeyword = await memberWithAlert({ keywords: ['ｋｕｂｅｒｎｅｔｅｓ'] });
    const byDepartment = await memberWithAlert({ departments: ['クラウド基盤部'] });
    const byLocation = await memberWithAlert({ locations: ['福岡'] });
    const byRemoteLocation = await memberWithAlert({ locations: ['札幌'] });
    const notMatching = await memberWithAlert({ keywords: ['kubernetes'], departments: ['営業部'] });
    const onsite = await publish({
      titleJa: 'SRE',
      titleEn: 'Site reliability engineer',
      department: 'クラウド基盤部',
      location: '福岡オフィス',
      remote: 'onsite',
      skills: ['Kubernetes'],
    });
    expect(await deliveriesOf(byKeyword.member.id, onsite.id)).toHaveLength(1);
    expect(await deliveriesOf(byDepartment.member.id, onsite.id)).toHaveLength(1);
    expect(await deliveriesOf(byLocation.member.id, onsite.id)).toHaveLength(1);
    expect(await deliveriesOf(byRemoteLocation.member.id, onsite.id)).toHaveLength(0);
    expect(await deliveriesOf(notMatching.member.id, onsite.id)).toHaveLength(0);

    const remote = await publish({
      department: '総務部',
      location: '東京本社',
      remote: 'remote',
      skills: [],
    });
    expect(await deliveriesOf(byRemoteLocation.member.id, remote.id)).toHaveLength(1);
    expect(await deliveriesOf(byKeyword.member.id, remote.id)).toHaveLength(0);
  });

  it('alumni are never alerted about internal jobs; employees are', async () => {
    const alumnus = await memberWithAlert({ keywords: ['internal-only-role'] }, { role: 'alumni' });
    const employee = await memberWithAlert({ keywords: ['internal-only-role'] }, { role: 'employee' });
    const job = await publish({ classification: 'internal', skills: ['internal-only-role'] });
    expect(await deliveriesOf(alumnus.member.id, job.id)).toHaveLength(0);
    expect(mailTo(alumnus.member.email)).toHaveLength(0);
    expect(await deliveriesOf(employee.member.id, job.id)).toHaveLength(1);
    expect(mailTo(employee.member.email)).toHaveLength(1);
  });

  it('a confidential job reaches only the named member; audience rules exclude (competitor)', async () => {
    const named = await memberWithAlert({ keywords: ['secret-project'] }, { role: 'alumni' });
    const hr = await memberWithAlert({ keywords: ['secret-project'] }, { role: 'admin' });
    const job = await publish({
      classification: 'confidential',
      audience: { memberIds: [named.member.id] },
      skills: ['secret-project'],
    });
    expect(await deliveriesOf(named.member.id, job.id)).toHaveLength(1);
    expect(await deliveriesOf(hr.member.id, job.id)).toHaveLength(0);

    const atRival = await memberWithAlert(
      { keywords: ['rival-check'] },
      { role: 'alumni', profile: { leftOn: '2024-03-31', currentEmployer: 'Rival KK' } },
    );
    const elsewhere = await memberWithAlert(
      { keywords: ['rival-check'] },
      { role: 'alumni', profile: { leftOn: '2024-03-31', currentEmployer: 'Friendly KK' } },
    );
    const guarded = await publish({
      skills: ['rival-check'],
      audience: { excludeWhen: [{ attribute: 'currentEmployer', op: 'in', value: ['ＲＩＶＡＬ KK'] }] },
    });
    expect(await deliveriesOf(atRival.member.id, guarded.id)).toHaveLength(0);
    expect(await deliveriesOf(elsewhere.member.id, guarded.id)).toHaveLength(1);
  });

  it('inactive alerts, deactivated members and unlisted jobs match nothing', async () => {
    const paused = await memberWithAlert({ keywords: ['paused-kw'], active: false });
    const gone = await memberWithAlert({ keywords: ['paused-kw'] });
    await t.request('/api/auth/sign-out', { method: 'POST', cookie: gone.cookie });
    await t.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, gone.member.id));
    const job = await publish({ skills: ['paused-kw'] });
    expect(await deliveriesOf(paused.member.id, job.id)).toHaveLength(0);
    expect(await deliveriesOf(gone.member.id, job.id)).toHaveLength(0);

    const watcher = await memberWithAlert({ keywords: ['unlisted-kw'] });
    const draft = await publish({ skills: ['unlisted-kw'], status: 'draft' });
    const expired = await publish({ skills: ['unlisted-kw'], closesOn: '2026-11-23' });
    expect(await deliveriesOf(watcher.member.id, draft.id)).toHaveLength(0);
    expect(await deliveriesOf(watcher.member.id, expired.id)).toHaveLength(0);
  });

  it('is idempotent: a re-run makes no second delivery and no second mail; two alerts, one mail', async () => {
    const me = await memberWithAlert({ keywords: ['idem-kw'] });
    const second = await createAlert(me.cookie, { departments: ['冪等部'] });
    expect(second.status).toBe(201);
    const job = await publish({ skills: ['idem-kw'], department: '冪等部' });
    for (let i = 0; i < 2; i++) {
      await t.queue.send(JOB_ALERTS_MATCH_JOB, { jobId: job.id });
      await t.queue.drain();
    }
    const rows = await deliveriesOf(me.member.id, job.id);
    expect(rows).toHaveLength(2); // one per alert
    expect(new Set(rows.map((r) => r.mailId)).size).toBe(1);
    expect(rows.every((r) => r.mailId && r.mailedAt)).toBe(true);
    expect(mailTo(me.member.email)).toHaveLength(1);
    expect(await outboxOf(me.member.id)).toHaveLength(1);

    // A third alert made later that also matches: a new delivery, still no second mail.
    await createAlert(me.cookie, { locations: ['東京'] });
    await t.queue.send(JOB_ALERTS_MATCH_JOB, { jobId: job.id });
    await t.queue.drain();
    expect(await deliveriesOf(me.member.id, job.id)).toHaveLength(3);
    expect(mailTo(me.member.email)).toHaveLength(1);
  });

  it('instant mail: the member’s language, title fallback, department, location, closing day, links', async () => {
    const ja = await memberWithAlert({ keywords: ['mail-content'] }, { locale: 'ja' });
    const en = await memberWithAlert({ keywords: ['mail-content'] }, { locale: 'en' });
    const job = await publish({
      titleJa: 'データアナリスト',
      titleEn: null,
      department: 'データ戦略部',
      location: '大阪支社',
      remote: 'hybrid',
      closesOn: '2027-01-15',
      skills: ['mail-content'],
    });
    const [jaMail] = mailTo(ja.member.email);
    expect(jaMail?.subject).toBe('新着求人のお知らせ：データアナリスト');
    expect(jaMail?.text).toContain('部署：データ戦略部');
    expect(jaMail?.text).toContain('勤務地：大阪支社・ハイブリッド');
    expect(jaMail?.text).toContain('応募締切：2027年1月15日');
    expect(jaMail?.text).toContain(`${t.env.BASE_URL}/jobs/${job.id}`);
    expect(jaMail?.text).toContain(`${t.env.BASE_URL}/jobs/alerts`);
    const [enMail] = mailTo(en.member.email);
    expect(enMail?.subject).toBe('New job for you: データアナリスト'); // no English title: the Japanese one
    expect(enMail?.text).toContain('Department: データ戦略部');
    expect(enMail?.text).toContain('Location: 大阪支社 · Hybrid');
    expect(enMail?.text).toContain('Applications close: 15 January 2027');
    expect(enMail?.text).toContain(`${t.env.BASE_URL}/settings/privacy`);
    const [row] = await outboxOf(en.member.id);
    expect(row).toMatchObject({ kind: JOB_ALERT_MAIL_KIND, locale: 'en', status: 'sent', subjectId: job.id });
  });

  it('no mail without newsletter consent, but in-app yes; withdrawing consent stops mail at once', async () => {
    const silent = await memberWithAlert({ keywords: ['consent-kw'] }, { consents: ['directory'] });
    const job = await publish({ skills: ['consent-kw'] });
    expect(mailTo(silent.member.email)).toHaveLength(0);
    const [delivery] = await deliveriesOf(silent.member.id, job.id);
    expect(delivery?.mailId).toBeNull();
    const matches = await json<{ items: { job: { id: string } }[]; unseen: number }>(
      await t.request('/api/me/job-alerts/matches', { cookie: silent.cookie }),
    );
    expect(matches.items.map((m) => m.job.id)).toEqual([job.id]);
    expect(matches.unseen).toBe(1);

    const revoking = await memberWithAlert({ keywords: ['revoke-kw'] });
    await publish({ skills: ['revoke-kw'] });
    expect(mailTo(revoking.member.email)).toHaveLength(1);
    await grantTestConsents(t, revoking.member.id, ['directory']);
    const next = await publish({ skills: ['revoke-kw'], titleEn: 'Second role' });
    expect(mailTo(revoking.member.email)).toHaveLength(1);
    expect(await deliveriesOf(revoking.member.id, next.id)).toHaveLength(1);
  });
});

describe('daily digest', () => {
  const runDigest = async (cookie: string) => {
    const res = await t.request('/api/dev/jobs/job-alerts.digest', { method: 'POST', cookie });
    await t.queue.drain();
    return res;
  };

  it('dev trigger: admins only, never in production', async () => {
    const employee = await signedIn(t, { role: 'employee' });
    expect((await t.request('/api/dev/jobs/job-alerts.digest', { method: 'POST' })).status).toBe(401);
    expect((await runDigest(employee.cookie)).status).toBe(404);
    const prod = await createTestApp({ env: { NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40) } });
    try {
      const admin = await createTestMember(prod, { role: 'admin' });
      const cookie = await signIn(prod, admin.email);
      const res = await prod.request('/api/dev/jobs/job-alerts.digest', { method: 'POST', cookie });
      expect(res.status).toBe(404);
    } finally {
      await prod.close();
    }
  });

  it('one mail per member listing their jobs; idempotent; skips closed jobs and non-consenting members', async () => {
    const admin = await signedIn(t, { role: 'admin' });
    const a = await memberWithAlert({ keywords: ['digest-a'], frequency: 'daily' }, { locale: 'en' });
    await createAlert(a.cookie, { keywords: ['digest-b'], frequency: 'daily' });
    const b = await memberWithAlert({ keywords: ['digest-b'], frequency: 'daily' }, { locale: 'ja' });
    const quiet = await memberWithAlert(
      { keywords: ['digest-a'], frequency: 'daily' },
      { consents: ['directory'] },
    );
    const jobA = await publish({ skills: ['digest-a'], titleEn: 'Digest role A' });
    clock.advance(HOUR);
    const jobB = await publish({ skills: ['digest-b'], titleEn: 'Digest role B', titleJa: 'ダイジェストB' });
    const closed = await publish({ skills: ['digest-a'], titleEn: 'Closed before the digest' });
    await t.db.update(jobs).set({ status: 'closed' }).where(eq(jobs.id, closed.id));
    expect(mailTo(a.member.email)).toHaveLength(0); // daily: nothing at once

    clock.advance(HOUR);
    const res = await runDigest(admin.cookie);
    expect(res.status).toBe(200);
    const result = await json<{ members: number; mailed: number }>(res);
    expect(result.mailed).toBeGreaterThanOrEqual(2);

    const aMails = mailTo(a.member.email);
    expect(aMails).toHaveLength(1);
    expect(aMails[0]?.subject).toBe('Your job alerts: 2 new jobs');
    expect(aMails[0]?.text).toContain('Digest role A');
    expect(aMails[0]?.text).toContain('Digest role B');
    expect(aMails[0]?.text).not.toContain('Closed before the digest');
    const bMails = mailTo(b.member.email);
    expect(bMails.map((m) => m.subject)).toEqual(['求人アラート：新着求人 1 件']);
    expect(bMails[0]?.text).toContain('ダイジェストB');
    expect(mailTo(quiet.member.email)).toHaveLength(0);
    const [digestRow] = await outboxOf(a.member.id);
    expect(digestRow?.kind).toBe(JOB_ALERT_DIGEST_MAIL_KIND);
    const aRows = await deliveriesOf(a.member.id);
    expect(aRows.filter((r) => r.jobId !== closed.id).every((r) => r.mailId === digestRow?.id)).toBe(true);
    expect(aRows.map((r) => r.jobId)).toEqual(expect.arrayContaining([jobA.id, jobB.id]));

    // Again (same day, or after the quiet member consents): nothing new goes out.
    await grantTestConsents(t, quiet.member.id, ['directory', 'newsletter']);
    clock.advance(HOUR);
    await runDigest(admin.cookie);
    expect(mailTo(a.member.email)).toHaveLength(1);
    expect(mailTo(b.member.email)).toHaveLength(1);
    expect(mailTo(quiet.member.email)).toHaveLength(0);

    // The next day's new job: a new digest with only that job.
    clock.advance(20 * HOUR);
    await publish({ skills: ['digest-a'], titleEn: 'Next day role' });
    clock.advance(HOUR);
    await runDigest(admin.cookie);
    const next = mailTo(a.member.email);
    expect(next).toHaveLength(2);
    expect(next[1]?.subject).toBe('Your job alerts: 1 new job');
    expect(next[1]?.text).toContain('Next day role');
    expect(next[1]?.text).not.toContain('Digest role A');
  });

  it('a job already mailed by an instant alert is not repeated in the digest', async () => {
    const admin = await signedIn(t, { role: 'admin' });
    const me = await memberWithAlert({ keywords: ['both-kw'], frequency: 'daily' });
    await createAlert(me.cookie, { keywords: ['both-kw'], frequency: 'instant' });
    await publish({ skills: ['both-kw'] });
    expect(mailTo(me.member.email)).toHaveLength(1);
    clock.advance(HOUR);
    await runDigest(admin.cookie);
    expect(mailTo(me.member.email)).toHaveLength(1);
  });
});

describe('GET /api/me/job-alerts/matches and POST …/seen', () => {
  it('401 anonymous', async () => {
    expect((await t.request('/api/me/job-alerts/matches')).status).toBe(401);
    expect((await t.request('/api/me/job-alerts/matches/seen', { method: 'POST' })).status).toBe(401);
  });

  it('newest first, one entry per job, unseen count; seen marks all; closed, expired or hidden jobs leave', async () => {
    const me = await memberWithAlert({ keywords: ['inapp-kw'] }, { role: 'alumni' });
    await createAlert(me.cookie, { departments: ['アプリ部'] });
    const first = await publish({ skills: ['inapp-kw'], department: 'アプリ部' });
    clock.advance(HOUR);
    const second = await publish({ skills: ['inapp-kw'], closesOn: '2026-11-30' });
    clock.advance(HOUR);
    const third = await publish({ skills: ['inapp-kw'] });
    const get = async () =>
      json<{ items: { job: { id: string }; seen: boolean; alertIds: string[] }[]; unseen: number }>(
        await t.request('/api/me/job-alerts/matches', { cookie: me.cookie }),
      );
    const before = await get();
    expect(before.items.map((m) => m.job.id)).toEqual([third.id, second.id, first.id]);
    expect(before.items[2]?.alertIds).toHaveLength(2);
    expect(before.unseen).toBe(3);

    const seen = await t.request('/api/me/job-alerts/matches/seen', { method: 'POST', cookie: me.cookie });
    expect(await json(seen)).toEqual({ marked: 3 });
    const after = await get();
    expect(after.unseen).toBe(0);
    expect(after.items.every((m) => m.seen)).toBe(true);

    await t.db.update(jobs).set({ status: 'closed' }).where(eq(jobs.id, third.id));
    await t.db.update(jobs).set({ classification: 'internal' }).where(eq(jobs.id, first.id));
    clock.set('2026-12-01T03:00:00Z'); // second closed on 2026-11-30 (Tokyo)
    expect((await get()).items).toEqual([]);

    // Another member never sees my matches.
    const other = await signedIn(t);
    const theirs = await json<{ items: unknown[] }>(
      await t.request('/api/me/job-alerts/matches', { cookie: other.cookie }),
    );
    expect(theirs.items).toEqual([]);
  });
});

describe('the notification centre (decision 033)', () => {
  const bell = (userId: string) => t.db.select().from(notifications).where(eq(notifications.userId, userId));

  it('a new match notifies once per member and job (two alerts, a re-run: one notification); never an alumnus of an internal job', async () => {
    const me = await memberWithAlert({ keywords: ['bell-kw'] }, { role: 'employee' });
    await createAlert(me.cookie, { keywords: ['bell-kw'], frequency: 'daily' });
    const alumnus = await memberWithAlert({ keywords: ['bell-kw'] }, { role: 'alumni' });
    const job = await publish({ skills: ['bell-kw'], titleEn: 'Bell role', classification: 'internal' });
    await t.queue.send(JOB_ALERTS_MATCH_JOB, { jobId: job.id });
    await t.queue.drain({ names: [JOB_ALERTS_MATCH_JOB] });
    const rows = await bell(me.member.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      type: 'job_alert',
      threadKey: `job:${job.id}`,
      link: `/jobs/${job.id}`,
      channel: 'in_app',
      readAt: null,
    });
    expect(rows[0]?.data).toMatchObject({ titleEn: 'Bell role' });
    expect(await bell(alumnus.member.id)).toHaveLength(0);
    // The alert's own instant mail is unchanged.
    expect(mailTo(me.member.email)).toHaveLength(1);
  });

  it('"new jobs for you" marked seen marks the bell\'s job notifications read', async () => {
    const me = await memberWithAlert({ keywords: ['bell-seen-kw'] }, { role: 'employee' });
    await publish({ skills: ['bell-seen-kw'] });
    expect((await bell(me.member.id)).filter((r) => r.readAt === null)).toHaveLength(1);
    const seen = await t.request('/api/me/job-alerts/matches/seen', { method: 'POST', cookie: me.cookie });
    expect(seen.status).toBe(200);
    expect((await bell(me.member.id)).filter((r) => r.readAt === null)).toHaveLength(0);
  });
});

describe('deleting an alert removes its deliveries', () => {
  it('cascades', async () => {
    const me = await memberWithAlert({ keywords: ['cascade-kw'] });
    await publish({ skills: ['cascade-kw'] });
    expect(await deliveriesOf(me.member.id)).toHaveLength(1);
    await t.request(`/api/me/job-alerts/${me.alert.id}`, { method: 'DELETE', cookie: me.cookie });
    expect(await deliveriesOf(me.member.id)).toHaveLength(0);
    expect(await t.db.select().from(jobAlerts).where(eq(jobAlerts.userId, me.member.id))).toEqual([]);
  });
});

describe('OpenAPI', () => {
  it('documents the job-alert endpoints', async () => {
    const { cookie } = await signedIn(t);
    const res = await t.request('/api/openapi.json', { cookie });
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/me/job-alerts',
        '/api/me/job-alerts/{id}',
        '/api/me/job-alerts/matches',
        '/api/me/job-alerts/matches/seen',
        '/api/dev/jobs/job-alerts.digest',
      ]),
    );
  });
});

describe('seedDemoJobAlerts', () => {
  it('gives the demo alumna an instant alert that finds open jobs without mailing; re-runs add nothing', async () => {
    const alumna = await createTestMember(t, {
      role: 'alumni',
      email: 'alumni@kizuna.example',
      consents: ['directory', 'newsletter'],
    });
    for (let i = 0; i < 6; i++) await createTestMember(t, { role: 'alumni', canSignIn: false });
    const job = await insertTestJob(t, {
      skills: ['データ分析'],
      closesOn: '2099-12-31', // the seed runs on the real clock
    });
    const outboxBefore = (await t.db.select().from(mailMessages)).length;
    await seedDemoJobAlerts(t.db);
    await seedDemoJobAlerts(t.db);
    const [alert, ...more] = await t.db.select().from(jobAlerts).where(eq(jobAlerts.userId, alumna.id));
    expect(more).toEqual([]);
    expect(alert).toMatchObject({ frequency: 'instant', active: true });
    const rows = await deliveriesOf(alumna.id, job.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.mailId).toBeNull();
    expect((await t.db.select().from(mailMessages)).length).toBe(outboxBefore);
    const daily = await t.db.select().from(jobAlerts).where(eq(jobAlerts.frequency, 'daily'));
    const seeded = daily.filter((a) => a.departments.includes('人事部') || a.locations.includes('横浜'));
    expect(seeded).toHaveLength(2); // two of the six seeded members' daily alerts, not repeated
  });
});
