import { createHash, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdminReferralList, MyReferral, MyReferralList, ReferralConsentView } from '#common/referrals';
import type { Db } from '#server/db/client';
import { auditEvents, jobs, mailMessages, pipelineCards, referrals, users } from '#server/db/schema/index';
import { fixedClock } from '#server/lib/clock';
import { createTestMember, signedIn, TEST_PASSWORD } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { REFERRALS_EXPIRE } from './referrals.jobs';
import { markReferralRewardEligible } from './referrals.rewards';
import { REFERRAL_CONSENT_RATE_LIMIT } from './referrals.routes';

failOnConsoleError();
const clock = fixedClock('2026-11-24T03:00:00Z');
let t: TestApp;
let hr: Awaited<ReturnType<typeof signedIn>>;
let referrer: Awaited<ReturnType<typeof signedIn>>;
let jobId: string;
let referrerName: string;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const en = { 'accept-language': 'en' };
type Body = Record<string, unknown>;
type ApiErrorJson = { error: { code: string; message: string; fields: Record<string, string[]> } };
const json = <T = ApiErrorJson>(res: Response) => res.json() as Promise<T>;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A job straight into its table: this file is about referrals, not about posting jobs. */
async function insertJob(overrides: Partial<typeof jobs.$inferInsert> = {}) {
  const id = randomUUID();
  await t.db.insert(jobs).values({
    id,
    titleJa: '法人営業マネージャー',
    titleEn: 'Corporate sales manager',
    department: '営業部',
    location: '東京',
    remote: 'hybrid',
    employmentType: 'full_time',
    closesOn: '2027-03-31',
    status: 'open',
    classification: 'network',
    audience: {},
    searchText: 'sales',
    ...overrides,
  });
  return id;
}

let emailCounter = 0;
const candidateEmail = () => `candidate-${++emailCounter}-${randomUUID().slice(0, 6)}@mail.example`;

function refer(cookie: string | undefined, body: Body, headers: Record<string, string> = {}) {
  return t.request('/api/referrals', { method: 'POST', cookie, json: body, headers });
}

const validBody = (overrides: Body = {}) => ({
  candidateName: '森 遥',
  candidateEmail: candidateEmail(),
  candidateLocale: 'ja',
  reason: '前職で一緒に大型案件をまとめた、信頼できる営業です。',
  ...overrides,
});

/** Refers someone and returns the referral and the token from the email actually sent. */
async function referAndGetToken(cookie: string, body: Body = validBody()) {
  const res = await refer(cookie, body);
  expect(res.status).toBe(201);
  const referral = await json<MyReferral>(res);
  await t.queue.drain();
  const mail = t.mailer.sent.filter((m) => m.to === String(body.candidateEmail).toLowerCase()).at(-1);
  const token = mail?.text.match(/\/referral-consent#([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error('no consent link in the mail');
  return { referral, token, mail: mail as NonNullable<typeof mail> };
}

/** The public consent endpoints take the token in the body (decision 019), never in the URL. */
const consentGet = (token: string, headers: Record<string, string> = {}) =>
  t.request('/api/referral-consent/view', { method: 'POST', json: { token }, headers });
const consentPost = (token: string, decision: string, headers: Record<string, string> = {}) =>
  t.request('/api/referral-consent/decide', { method: 'POST', json: { token, decision }, headers });

async function nameOf(userId: string) {
  const [user] = await t.db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return user?.name ?? '';
}

async function rowOf(id: string) {
  const [row] = await t.db.select().from(referrals).where(eq(referrals.id, id));
  if (!row) throw new Error('no referral');
  return row;
}

async function hrList(query = '') {
  const res = await t.request(`/api/admin/referrals${query}`, { cookie: hr.cookie });
  expect(res.status).toBe(200);
  return json<AdminReferralList>(res);
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  hr = await signedIn(t, { role: 'alumni_manager' });
  jobId = await insertJob();
});
afterAll(() => t.close());
// Every test starts in a fresh window of the consent endpoints' rate limit (in-process requests
// share one client key); 16 minutes a test is far from the 14-day consent deadline. Each test has
// its own referrer, so the per-referrer quota (10 a day) is a test of its own, not a side effect.
beforeEach(async () => {
  clock.advance(16 * 60_000);
  referrer = await signedIn(t, { role: 'employee' });
  referrerName = await nameOf(referrer.member.id);
});

describe('POST /api/referrals', () => {
  it('401 without a session', async () => {
    expect((await refer(undefined, validBody())).status).toBe(401);
  });

  it('400 with translated per-field messages', async () => {
    const res = await refer(
      referrer.cookie,
      { candidateName: '', candidateEmail: 'not-an-email', candidateLocale: 'fr', reason: 'x'.repeat(2001) },
      en,
    );
    expect(res.status).toBe(400);
    const { error } = await json(res);
    expect(error.message).toBe('Some fields need your attention.');
    expect(error.fields.candidateName).toEqual(['Required.']);
    expect(error.fields.candidateEmail).toEqual(['Enter a valid email address.']);
    expect(error.fields.candidateLocale).toEqual(['Must be one of: ja, en.']);
    expect(error.fields.reason).toEqual(['Must be at most 2000 characters.']);
    const missing = await refer(referrer.cookie, {
      candidateName: 'A',
      candidateEmail: 'a@b.example',
      candidateLocale: 'ja',
    });
    expect(missing.status).toBe(400);
    // Without Accept-Language: Japanese.
    expect((await json(missing)).error.fields.reason).toEqual(['必須項目です。']);
  });

  it('400 when referring yourself (any letter case)', async () => {
    const res = await refer(
      referrer.cookie,
      validBody({ candidateEmail: referrer.member.email.toUpperCase() }),
      en,
    );
    expect(res.status).toBe(400);
    const { error } = await json(res);
    expect(error.fields.candidateEmail).toEqual(['You cannot refer yourself.']);
    expect(
      await t.db.select().from(referrals).where(eq(referrals.referrerId, referrer.member.id)),
    ).toHaveLength(0);
  });

  it('404 for a job the referrer cannot see, a closed or expired job, or an unknown id', async () => {
    const alumnus = await signedIn(t, { role: 'alumni' });
    const internal = await insertJob({ classification: 'internal' });
    const closed = await insertJob({ status: 'closed' });
    const expired = await insertJob({ closesOn: '2026-01-31' });
    expect((await refer(alumnus.cookie, validBody({ jobId: internal }))).status).toBe(404);
    for (const id of [closed, expired, randomUUID()]) {
      expect((await refer(referrer.cookie, validBody({ jobId: id }))).status).toBe(404);
    }
  });

  it('404 for an internal or group job the referrer can see: its title would reach an outsider', async () => {
    const internal = await insertJob({ classification: 'internal', titleEn: 'INTERNAL-TITLE' });
    const group = await insertJob({
      classification: 'confidential',
      audience: { memberIds: [referrer.member.id] },
      titleEn: 'GROUP-TITLE',
    });
    // The employee sees both jobs...
    for (const id of [internal, group]) {
      expect((await t.request(`/api/jobs/${id}`, { cookie: referrer.cookie })).status).toBe(200);
    }
    // ...but cannot refer anyone for them: no row, no mail.
    for (const id of [internal, group]) {
      const body = validBody({ jobId: id });
      expect((await refer(referrer.cookie, body)).status).toBe(404);
      expect(
        await t.db.select().from(mailMessages).where(eq(mailMessages.toAddress, body.candidateEmail)),
      ).toHaveLength(0);
    }
    expect(
      await t.db.select().from(referrals).where(eq(referrals.referrerId, referrer.member.id)),
    ).toHaveLength(0);
    const publicJob = await insertJob({ classification: 'public' });
    expect((await refer(referrer.cookie, validBody({ jobId: publicJob }))).status).toBe(201);
    expect((await refer(referrer.cookie, validBody({ jobId }))).status).toBe(201);
  });

  it('the member’s job JSON says which jobs are referable; only those are offered', async () => {
    const tag = `refertag${randomUUID().slice(0, 6)}`;
    const internal = await insertJob({ classification: 'internal', searchText: `sales ${tag}` });
    const network = await insertJob({ classification: 'network', searchText: `sales ${tag}` });
    const list = await json<{ items: { id: string; referable: boolean }[] }>(
      await t.request(`/api/jobs?q=${tag}`, { cookie: referrer.cookie }),
    );
    expect(Object.fromEntries(list.items.map((j) => [j.id, j.referable]))).toEqual({
      [internal]: false,
      [network]: true,
    });
    const one = await json<{ referable: boolean }>(
      await t.request(`/api/jobs/${internal}`, { cookie: referrer.cookie }),
    );
    expect(one.referable).toBe(false);
  });

  it('creates the referral, stores only the token hash, and mails the candidate in their language', async () => {
    const body = validBody({ jobId, candidateEmail: 'Haruka.Mori@Mail.Example', candidateLocale: 'en' });
    const res = await refer(referrer.cookie, body);
    expect(res.status).toBe(201);
    const created = await json<MyReferral>(res);
    expect(created).toMatchObject({
      candidateName: '森 遥',
      status: 'awaiting_consent',
      outcome: null,
      canResend: true,
      job: { id: jobId, titleJa: '法人営業マネージャー', titleEn: 'Corporate sales manager' },
      rewardStatus: 'none',
    });
    expect(created).not.toHaveProperty('candidateEmail');
    const row = await rowOf(created.id);
    expect(row.candidateEmail).toBe('haruka.mori@mail.example');
    expect(row.consentExpiresAt.getTime()).toBe(clock.now().getTime() + 14 * DAY);
    expect(row.consentTokenHash).toMatch(/^[0-9a-f]{64}$/);

    // Queued in the same transaction, sent by the delivery job after commit.
    const [queued] = await t.db.select().from(mailMessages).where(eq(mailMessages.subjectId, created.id));
    expect(queued).toMatchObject({
      kind: 'referral_consent',
      locale: 'en',
      toAddress: 'haruka.mori@mail.example',
    });
    expect(row.consentMailId).toBe(queued?.id);
    await t.queue.drain();
    const mail = t.mailer.sent.filter((m) => m.to === 'haruka.mori@mail.example').at(-1);
    expect(mail?.subject).toContain(`${referrerName} has referred you`);
    expect(mail?.text).toContain('Dear 森 遥,');
    expect(mail?.text).toContain('for the position “Corporate sales manager”');
    expect(mail?.text).toContain(body.reason);
    expect(mail?.text).toContain(
      `HR will see your name (森 遥), your email address (haruka.mori@mail.example), the reason above and that ${referrerName} referred you`,
    );
    // What else HR sees of a former employee or member, the ATS, what the referrer learns, withdrawal.
    for (const phrase of [
      'your history with the company (departments, years, last job title), whether you are eligible for rehire, and your career since leaving',
      'applicant tracking system',
      'only learns whether you agreed and, later, a coarse outcome (in process, hired or closed)',
      'you can withdraw at any time through the same link',
    ]) {
      expect(mail?.text).toContain(phrase);
    }
    const token = mail?.text.match(/http:\/\/localhost:3000\/referral-consent#([A-Za-z0-9_-]{43})/)?.[1];
    expect(token).toBeDefined();
    expect(sha256(token as string)).toBe(row.consentTokenHash);
    expect(JSON.stringify(row)).not.toContain(token as string);

    const events = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, created.id))
      .orderBy(auditEvents.id);
    expect(events.map((e) => e.action)).toEqual(['referral.created']);
    expect(events[0]?.data).toEqual({ jobId });
  });

  it('a general referral mails in Japanese, naming the referrer and the company', async () => {
    const { mail } = await referAndGetToken(referrer.cookie, validBody({ candidateName: '山田 太郎' }));
    expect(mail.subject).toBe(`${referrerName}さんからのご紹介について（人事部への情報共有のご確認）`);
    expect(mail.text).toContain('山田 太郎 様');
    expect(mail.text).toContain(`${referrerName}さんが、当社にあなたを推薦しました。`);
    for (const phrase of [
      '当社での経歴（所属部署・在籍年・最後の役職）、再雇用の可否、Kizuna のプロフィールに記載された退職後の経歴',
      '採用管理システム（ATS）に登録することがあります',
      'おおまかな結果（選考中・入社決定・終了）だけです',
      '同じリンクからいつでも同意を取り消せます',
    ]) {
      expect(mail.text).toContain(phrase);
    }
  });

  it('409 (translated) for the same candidate and job, whatever the case of the email; one row only', async () => {
    const email = candidateEmail();
    expect((await refer(referrer.cookie, validBody({ jobId, candidateEmail: email }))).status).toBe(201);
    const other = await signedIn(t, { role: 'alumni' });
    const again = await refer(other.cookie, validBody({ jobId, candidateEmail: email.toUpperCase() }), en);
    expect(again.status).toBe(409);
    expect((await json(again)).error.fields.candidateEmail?.[0]).toMatch(/already been referred/);
    const rows = await t.db.select().from(referrals).where(eq(referrals.candidateEmail, email));
    expect(rows).toHaveLength(1);
    // Still a duplicate long after (not the 7-day cooldown).
    clock.advance(8 * DAY);
    const later = await refer(other.cookie, validBody({ jobId, candidateEmail: email }), en);
    expect((await json(later)).error.fields.candidateEmail?.[0]).toMatch(/already been referred/);
    // A general referral of the same person is a different referral; a second general one is not.
    expect((await refer(referrer.cookie, validBody({ candidateEmail: email }))).status).toBe(201);
    expect((await refer(referrer.cookie, validBody({ candidateEmail: email }))).status).toBe(409);
    expect(await t.db.select().from(referrals).where(eq(referrals.candidateEmail, email))).toHaveLength(2);
    // No stray mail from the refused attempts.
    const mails = await t.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email));
    expect(mails).toHaveLength(2);
  });
});

describe('the consent link (public)', () => {
  it('shows the candidate what they agree to, without signing in', async () => {
    const { referral, token } = await referAndGetToken(referrer.cookie, validBody({ jobId }));
    const res = await consentGet(token);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const view = await json<ReferralConsentView>(res);
    expect(view).toMatchObject({
      status: 'awaiting_consent',
      decidedAt: null,
      canWithdraw: false,
      isWithdrawn: false,
      request: {
        candidateName: '森 遥',
        referrerName: referrerName,
        job: { id: jobId, titleJa: '法人営業マネージャー', titleEn: 'Corporate sales manager' },
      },
    });
    expect(view.request?.expiresAt).toBe((await rowOf(referral.id)).consentExpiresAt.toISOString());
  });

  it('the token never travels in the URL: the old GET/POST by path are gone', async () => {
    const { token } = await referAndGetToken(referrer.cookie);
    expect((await t.request(`/api/referral-consent/${token}`)).status).toBe(404);
    const byPath = await t.request(`/api/referral-consent/${token}`, {
      method: 'POST',
      json: { decision: 'consent' },
    });
    expect(byPath.status).toBe(404);
    expect((await consentGet(token)).status).toBe(200);
  });

  it('400 (translated) without a token, or with unknown fields; no-store on errors too', async () => {
    for (const body of [{}, { token: '' }, { token: 'x'.repeat(201) }]) {
      const res = await t.request('/api/referral-consent/view', { method: 'POST', json: body, headers: en });
      expect(res.status).toBe(400);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(Object.keys((await json(res)).error.fields)).toEqual(['token']);
    }
    const missing = await t.request('/api/referral-consent/decide', {
      method: 'POST',
      json: { decision: 'consent' },
      headers: en,
    });
    expect(missing.status).toBe(400);
    expect((await json(missing)).error.fields.token).toEqual(['Required.']);
    const unknown = await consentGet('nope', en);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('cache-control')).toBe('no-store');
  });

  it('404 for an unknown token, with a translated message', async () => {
    const res = await consentGet('not-a-real-token', en);
    expect(res.status).toBe(404);
    expect((await json(res)).error.message).toMatch(/This link is not valid/);
    expect((await consentPost('not-a-real-token', 'consent')).status).toBe(404);
  });

  it('400 (translated) for an unknown decision', async () => {
    const { token } = await referAndGetToken(referrer.cookie);
    const res = await consentPost(token, 'maybe', en);
    expect(res.status).toBe(400);
    expect((await json(res)).error.fields.decision).toEqual(['Must be one of: consent, decline, withdraw.']);
  });

  it('consent: the candidate reaches HR and the board, once; a repeat is fine, a change is 409', async () => {
    const { referral, token } = await referAndGetToken(referrer.cookie, validBody({ jobId }));
    const before = await hrList();
    const masked = before.items.find((r) => r.id === referral.id);
    expect(masked).not.toHaveProperty('candidate');

    const res = await consentPost(token, 'consent');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await json(res)).toMatchObject({ status: 'consented' });
    const row = await rowOf(referral.id);
    expect(row.status).toBe('consented');
    expect(row.consentedAt?.toISOString()).toBe(clock.now().toISOString());
    const cards = await t.db.select().from(pipelineCards).where(eq(pipelineCards.referralId, referral.id));
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ source: 'referral', userId: null, jobId, stage: 'interested' });

    const again = await consentPost(token, 'consent');
    expect(again.status).toBe(200);
    expect(
      await t.db.select().from(pipelineCards).where(eq(pipelineCards.referralId, referral.id)),
    ).toHaveLength(1);
    const change = await consentPost(token, 'decline', en);
    expect(change.status).toBe(409);
    expect((await json(change)).error.message).toMatch(/already answered/);

    const after = (await hrList()).items.find((r) => r.id === referral.id);
    expect(after?.candidate).toEqual({ name: '森 遥', email: row.candidateEmail, reason: row.reason });
    expect(after?.stage).toBe('interested');
    const actions = (
      await t.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.subjectId, referral.id))
        .orderBy(auditEvents.id)
    ).map((e) => e.action);
    expect(actions).toEqual(['referral.created', 'referral.consented']);
  });

  it('consent of a member’s email puts that member on the card', async () => {
    const alumnus = await createTestMember(t, { role: 'alumni' });
    const { referral, token } = await referAndGetToken(
      referrer.cookie,
      validBody({ candidateEmail: alumnus.email.toUpperCase() }),
    );
    expect((await consentPost(token, 'consent')).status).toBe(200);
    const [card] = await t.db.select().from(pipelineCards).where(eq(pipelineCards.referralId, referral.id));
    expect(card?.userId).toBe(alumnus.id);
  });

  it('decline: HR never sees the candidate, no card; a change afterwards is 409', async () => {
    const body = validBody({ candidateName: 'DECLINER-NAME', reason: 'DECLINER-REASON' });
    const { referral, token } = await referAndGetToken(referrer.cookie, body);
    const res = await consentPost(token, 'decline');
    expect(res.status).toBe(200);
    expect((await json<ReferralConsentView>(res)).status).toBe('declined');
    expect((await rowOf(referral.id)).declinedAt).not.toBeNull();
    expect(
      await t.db.select().from(pipelineCards).where(eq(pipelineCards.referralId, referral.id)),
    ).toHaveLength(0);
    const raw = await (await t.request('/api/admin/referrals?status=declined', { cookie: hr.cookie })).text();
    expect(raw).toContain(referral.id);
    for (const secret of ['DECLINER-NAME', 'DECLINER-REASON', body.candidateEmail])
      expect(raw).not.toContain(secret);
    expect((await consentPost(token, 'decline')).status).toBe(200);
    expect((await consentPost(token, 'consent')).status).toBe(409);
  });

  it('an expired link answers 404 with its own message, before and after the daily job', async () => {
    const { referral, token } = await referAndGetToken(referrer.cookie);
    clock.advance(14 * DAY + 1);
    const res = await consentGet(token, en);
    expect(res.status).toBe(404);
    expect((await json(res)).error.message).toMatch(/This link has expired/);
    expect((await consentPost(token, 'consent')).status).toBe(404);
    expect((await rowOf(referral.id)).status).toBe('awaiting_consent');
    await t.queue.send(REFERRALS_EXPIRE, {});
    await t.queue.drain({ names: [REFERRALS_EXPIRE] });
    expect((await rowOf(referral.id)).status).toBe('expired');
    expect((await consentGet(token)).status).toBe(404);
    expect(
      await t.db.select().from(pipelineCards).where(eq(pipelineCards.referralId, referral.id)),
    ).toHaveLength(0);
  });

  it('is rate-limited per client address (429, translated)', async () => {
    for (let i = 0; i < REFERRAL_CONSENT_RATE_LIMIT.max; i++) await consentGet('nope');
    const res = await consentGet('nope', en);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await json(res)).error.message).toMatch(/Too many requests/);
    clock.advance(REFERRAL_CONSENT_RATE_LIMIT.windowMs);
    expect((await consentGet('nope')).status).toBe(404);
  });
});

describe('the expiry job', () => {
  it('expires only awaiting referrals past their deadline, and is idempotent', async () => {
    const late = await referAndGetToken(referrer.cookie);
    const consented = await referAndGetToken(referrer.cookie);
    expect((await consentPost(consented.token, 'consent')).status).toBe(200);
    clock.advance(7 * DAY);
    const fresh = await referAndGetToken(referrer.cookie);
    clock.advance(7 * DAY + 1);
    const run = async () => {
      await t.queue.send(REFERRALS_EXPIRE, {});
      await t.queue.drain({ names: [REFERRALS_EXPIRE] });
    };
    await run();
    expect((await rowOf(late.referral.id)).status).toBe('expired');
    expect((await rowOf(consented.referral.id)).status).toBe('consented');
    expect((await rowOf(fresh.referral.id)).status).toBe('awaiting_consent');
    const updatedAt = (await rowOf(late.referral.id)).updatedAt;
    clock.advance(DAY);
    await run();
    expect((await rowOf(late.referral.id)).updatedAt).toEqual(updatedAt);
  });
});

describe('GET /api/me/referrals', () => {
  it('401 without a session', async () => {
    expect((await t.request('/api/me/referrals')).status).toBe(401);
  });

  it('lists only my referrals with status and a coarse outcome, never the stage or notes', async () => {
    const me = await signedIn(t, { role: 'alumni' });
    const other = await signedIn(t, { role: 'alumni' });
    await referAndGetToken(other.cookie);
    const waiting = await referAndGetToken(me.cookie, validBody({ candidateName: 'Waiting' }));
    const outcomes: Record<string, string> = {};
    for (const [stage, outcome] of [
      ['interview', 'in_process'],
      ['rehired', 'hired'],
      ['not_now', 'closed'],
    ] as const) {
      const { referral, token } = await referAndGetToken(
        me.cookie,
        validBody({ candidateName: stage, jobId }),
      );
      await consentPost(token, 'consent');
      await t.db.update(pipelineCards).set({ stage }).where(eq(pipelineCards.referralId, referral.id));
      outcomes[referral.id] = outcome;
    }
    const res = await t.request('/api/me/referrals', { cookie: me.cookie });
    expect(res.status).toBe(200);
    const body = await json<MyReferralList>(res);
    expect(body.items).toHaveLength(4);
    expect(body.items.find((r) => r.id === waiting.referral.id)).toMatchObject({
      candidateName: 'Waiting',
      status: 'awaiting_consent',
      outcome: null,
      canResend: true,
    });
    for (const [id, outcome] of Object.entries(outcomes)) {
      const item = body.items.find((r) => r.id === id);
      expect(item).toMatchObject({ status: 'consented', outcome, canResend: false });
      expect(item?.job?.titleEn).toBe('Corporate sales manager');
    }
    for (const item of body.items) {
      for (const hidden of ['stage', 'notes', 'candidateEmail', 'reason'])
        expect(item).not.toHaveProperty(hidden);
    }
  });

  it('shows the reward rule to members only while it is enabled', async () => {
    const me = await signedIn(t, { role: 'employee' });
    const put = (rule: Body) =>
      t.request('/api/admin/referral-reward-rule', { method: 'PUT', cookie: hr.cookie, json: rule });
    expect((await put({ enabled: false, amount: 50000, currency: 'JPY' })).status).toBe(200);
    expect(
      (await json<MyReferralList>(await t.request('/api/me/referrals', { cookie: me.cookie }))).rewardRule,
    ).toBeNull();
    expect(
      (
        await put({
          enabled: true,
          amount: 100000,
          currency: 'jpy',
          noteJa: '入社3か月後に支給',
          noteEn: 'Paid 3 months after the start',
        })
      ).status,
    ).toBe(200);
    const body = await json<MyReferralList>(await t.request('/api/me/referrals', { cookie: me.cookie }));
    expect(body.rewardRule).toEqual({
      enabled: true,
      amount: 100000,
      currency: 'JPY',
      noteJa: '入社3か月後に支給',
      noteEn: 'Paid 3 months after the start',
    });
  });
});

describe('POST /api/me/referrals/{id}/resend', () => {
  it('401 without a session; 404 for another member, for HR and for an unknown id', async () => {
    const { referral } = await referAndGetToken(referrer.cookie);
    expect((await t.request(`/api/me/referrals/${referral.id}/resend`, { method: 'POST' })).status).toBe(401);
    const other = await signedIn(t, { role: 'employee' });
    for (const cookie of [other.cookie, hr.cookie]) {
      expect(
        (await t.request(`/api/me/referrals/${referral.id}/resend`, { method: 'POST', cookie })).status,
      ).toBe(404);
    }
    expect(
      (
        await t.request(`/api/me/referrals/${randomUUID()}/resend`, {
          method: 'POST',
          cookie: referrer.cookie,
        })
      ).status,
    ).toBe(404);
  });

  it('a new link replaces the old one, the deadline stays; not within the hour; not once answered', async () => {
    const body = validBody();
    const { referral, token: oldToken } = await referAndGetToken(referrer.cookie, body);
    const resend = () =>
      t.request(`/api/me/referrals/${referral.id}/resend`, {
        method: 'POST',
        cookie: referrer.cookie,
        headers: en,
      });
    const tooSoon = await resend();
    expect(tooSoon.status).toBe(409);
    expect((await json(tooSoon)).error.message).toMatch(/less than an hour ago/);

    clock.advance(2 * 60 * 60_000);
    const res = await resend();
    expect(res.status).toBe(200);
    const row = await rowOf(referral.id);
    // 14 days from the referral, not from the resend.
    expect(row.consentExpiresAt.getTime()).toBe(row.createdAt.getTime() + 14 * DAY);
    expect((await json<MyReferral>(res)).consentExpiresAt).toBe(row.consentExpiresAt.toISOString());
    await t.queue.drain();
    const mails = t.mailer.sent.filter((m) => m.to === body.candidateEmail);
    expect(mails).toHaveLength(2);
    expect(mails[1]?.subject).toMatch(/^【再送】/);
    const newToken = mails[1]?.text.match(/\/referral-consent#([A-Za-z0-9_-]+)/)?.[1] as string;
    expect(newToken).not.toBe(oldToken);
    expect((await consentGet(oldToken)).status).toBe(404);
    expect((await consentPost(newToken, 'consent')).status).toBe(200);
    clock.advance(2 * 60 * 60_000);
    const answered = await resend();
    expect(answered.status).toBe(409);
    expect((await json(answered)).error.message).toMatch(/no longer waiting/);
  });

  it('withdraws a copy still waiting in the outbox', async () => {
    const body = validBody();
    const res = await refer(referrer.cookie, body);
    const { id } = await json<MyReferral>(res);
    clock.advance(2 * 60 * 60_000);
    // The first mail is still queued (no delivery job ran).
    expect(
      (await t.request(`/api/me/referrals/${id}/resend`, { method: 'POST', cookie: referrer.cookie })).status,
    ).toBe(200);
    const statuses = (await t.db.select().from(mailMessages).where(eq(mailMessages.subjectId, id))).map(
      (m) => m.status,
    );
    expect(statuses.sort()).toEqual(['cancelled', 'queued']);
  });
});

describe('HR: GET /api/admin/referrals', () => {
  it('401 without a session, 404 for members who are not HR', async () => {
    expect((await t.request('/api/admin/referrals')).status).toBe(401);
    for (const role of ['employee', 'alumni', 'leaver'] as const) {
      const member = await signedIn(t, { role });
      expect((await t.request('/api/admin/referrals', { cookie: member.cookie })).status, role).toBe(404);
    }
  });

  it('400 (translated) for an unknown filter', async () => {
    const res = await t.request('/api/admin/referrals?status=maybe&reward=lots', {
      cookie: hr.cookie,
      headers: en,
    });
    expect(res.status).toBe(400);
    const { error } = await json(res);
    expect(error.fields.status?.[0]).toMatch(/^Must be one of: awaiting_consent, consented/);
    expect(Object.keys(error.fields)).toContain('reward');
  });

  it('filters by status and reward, newest first, with the referrer and the job; masked until consent', async () => {
    const body = validBody({ jobId, candidateName: 'MASKED-NAME', reason: 'MASKED-REASON' });
    const { referral } = await referAndGetToken(referrer.cookie, body);
    const list = await hrList('?status=awaiting_consent&pageSize=100');
    expect(list.items.every((r) => r.status === 'awaiting_consent')).toBe(true);
    const item = list.items.find((r) => r.id === referral.id);
    expect(item).toMatchObject({
      referrer: { id: referrer.member.id, displayName: referrerName },
      job: { id: jobId },
      stage: null,
    });
    expect(item).not.toHaveProperty('candidate');
    const raw = JSON.stringify(list);
    for (const secret of ['MASKED-NAME', 'MASKED-REASON', body.candidateEmail])
      expect(raw).not.toContain(secret);
    const none = await hrList('?reward=paid');
    expect(none.items.every((r) => r.rewardStatus === 'paid')).toBe(true);
    expect(list.total).toBeGreaterThanOrEqual(list.items.length);
  });
});

describe('HR: the reward rule and paying rewards', () => {
  const put = (cookie: string | undefined, rule: Body, headers: Record<string, string> = {}) =>
    t.request('/api/admin/referral-reward-rule', { method: 'PUT', cookie, json: rule, headers });

  it('GET/PUT: 401 anonymous, 404 for members, 400 translated', async () => {
    expect((await t.request('/api/admin/referral-reward-rule')).status).toBe(401);
    expect((await put(undefined, { enabled: true, amount: 1, currency: 'JPY' })).status).toBe(401);
    const member = await signedIn(t, { role: 'employee' });
    expect((await t.request('/api/admin/referral-reward-rule', { cookie: member.cookie })).status).toBe(404);
    expect((await put(member.cookie, { enabled: true, amount: 1, currency: 'JPY' })).status).toBe(404);
    const res = await put(hr.cookie, { enabled: 'yes', amount: -5.5, currency: 'XYZ1' }, en);
    expect(res.status).toBe(400);
    const { error } = await json(res);
    expect(Object.keys(error.fields).sort()).toEqual(['amount', 'currency', 'enabled']);
    const unknown = await put(hr.cookie, { enabled: true, amount: 1, currency: 'QQQ' }, en);
    expect((await json(unknown)).error.fields.currency).toEqual([
      'Use a three-letter currency code such as JPY.',
    ]);
  });

  it('HR sets the rule (audited); a hire makes the reward eligible with the amount of that day; HR marks it paid', async () => {
    const res = await put(hr.cookie, {
      enabled: true,
      amount: 100000,
      currency: 'JPY',
      noteJa: null,
      noteEn: null,
    });
    expect(res.status).toBe(200);
    expect(await json(await t.request('/api/admin/referral-reward-rule', { cookie: hr.cookie }))).toEqual({
      enabled: true,
      amount: 100000,
      currency: 'JPY',
      noteJa: null,
      noteEn: null,
    });
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'referral_reward_rule.changed'))
      .orderBy(auditEvents.id)
      .limit(1);
    expect(event?.actorId).toBe(hr.member.id);

    const { referral, token } = await referAndGetToken(referrer.cookie);
    const paid = (cookie = hr.cookie) =>
      t.request(`/api/admin/referrals/${referral.id}/reward-paid`, { method: 'POST', cookie, headers: en });
    const notYet = await paid();
    expect(notYet.status).toBe(409);
    expect((await json(notYet)).error.message).toMatch(/Only a reward that is eligible/);

    // Not consented yet: the pipeline could not hire them, and the reward stays none.
    await t.db.transaction((tx) =>
      markReferralRewardEligible(tx as unknown as Db, { referralId: referral.id, now: clock.now() }),
    );
    expect((await rowOf(referral.id)).rewardStatus).toBe('none');
    await consentPost(token, 'consent');
    await t.db.transaction((tx) =>
      markReferralRewardEligible(tx as unknown as Db, { referralId: referral.id, now: clock.now() }),
    );
    // A later change of the rule does not alter a reward already eligible.
    await put(hr.cookie, { enabled: true, amount: 200000, currency: 'JPY' });
    await t.db.transaction((tx) =>
      markReferralRewardEligible(tx as unknown as Db, { referralId: referral.id, now: clock.now() }),
    );
    expect(await rowOf(referral.id)).toMatchObject({
      rewardStatus: 'eligible',
      rewardAmount: 100000,
      rewardCurrency: 'JPY',
    });

    const member = await signedIn(t, { role: 'alumni' });
    expect((await paid(member.cookie)).status).toBe(404);
    expect(
      (await t.request(`/api/admin/referrals/${referral.id}/reward-paid`, { method: 'POST' })).status,
    ).toBe(401);
    expect(
      (
        await t.request(`/api/admin/referrals/${randomUUID()}/reward-paid`, {
          method: 'POST',
          cookie: hr.cookie,
        })
      ).status,
    ).toBe(404);
    const ok = await paid();
    expect(ok.status).toBe(200);
    expect(await json(ok)).toMatchObject({
      rewardStatus: 'paid',
      rewardAmount: 100000,
      rewardPaidBy: hr.member.id,
    });
    expect((await rowOf(referral.id)).rewardPaidAt?.toISOString()).toBe(clock.now().toISOString());
    expect((await paid()).status).toBe(409);
    const [paidEvent] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, referral.id), eq(auditEvents.action, 'referral.reward_paid')));
    expect(paidEvent).toMatchObject({ actorId: hr.member.id, data: {} });

    // The referrer sees the reward on their list.
    const mine = await json<MyReferralList>(
      await t.request('/api/me/referrals', { cookie: referrer.cookie }),
    );
    expect(mine.items.find((r) => r.id === referral.id)).toMatchObject({
      rewardStatus: 'paid',
      rewardAmount: 100000,
      rewardCurrency: 'JPY',
    });
  });

  it('409 (translated) when an HR member would mark their own reward paid; another HR member may', async () => {
    const hrReferrer = await signedIn(t, { role: 'alumni_manager' });
    const { referral, token } = await referAndGetToken(hrReferrer.cookie);
    expect((await consentPost(token, 'consent')).status).toBe(200);
    await put(hr.cookie, { enabled: true, amount: 50000, currency: 'JPY' });
    await t.db.transaction((tx) =>
      markReferralRewardEligible(tx as unknown as Db, { referralId: referral.id, now: clock.now() }),
    );
    const own = await t.request(`/api/admin/referrals/${referral.id}/reward-paid`, {
      method: 'POST',
      cookie: hrReferrer.cookie,
      headers: en,
    });
    expect(own.status).toBe(409);
    expect((await json(own)).error.message).toMatch(/another HR member must mark your reward paid/);
    expect((await rowOf(referral.id)).rewardStatus).toBe('eligible');
    const other = await t.request(`/api/admin/referrals/${referral.id}/reward-paid`, {
      method: 'POST',
      cookie: hr.cookie,
    });
    expect(other.status).toBe(200);
    expect((await rowOf(referral.id)).rewardPaidBy).toBe(hr.member.id);
  });

  it('a disabled rule makes nothing eligible', async () => {
    await put(hr.cookie, { enabled: false, amount: 100000, currency: 'JPY' });
    const { referral, token } = await referAndGetToken(referrer.cookie);
    await consentPost(token, 'consent');
    await t.db.transaction((tx) =>
      markReferralRewardEligible(tx as unknown as Db, { referralId: referral.id, now: clock.now() }),
    );
    expect((await rowOf(referral.id)).rewardStatus).toBe('none');
  });
});

describe('limits against spam', () => {
  const resendOf = (id: string, cookie = referrer.cookie) =>
    t.request(`/api/me/referrals/${id}/resend`, { method: 'POST', cookie, headers: en });
  const myItem = async (id: string, cookie = referrer.cookie) =>
    (await json<MyReferralList>(await t.request('/api/me/referrals', { cookie }))).items.find(
      (r) => r.id === id,
    );

  it('resend: at most twice per referral, then 409 (translated); canResend says so', async () => {
    const { referral } = await referAndGetToken(referrer.cookie);
    for (const canResendAfter of [true, false]) {
      clock.advance(2 * HOUR);
      const res = await resendOf(referral.id);
      expect(res.status).toBe(200);
      expect((await json<MyReferral>(res)).canResend).toBe(canResendAfter);
    }
    expect((await myItem(referral.id))?.canResend).toBe(false);
    clock.advance(2 * HOUR);
    const third = await resendOf(referral.id);
    expect(third.status).toBe(409);
    expect((await json(third)).error.message).toMatch(/already been sent again twice/);
    const mails = await t.db.select().from(mailMessages).where(eq(mailMessages.subjectId, referral.id));
    expect(mails).toHaveLength(3);
    const row = await rowOf(referral.id);
    expect(row.consentExpiresAt.getTime()).toBe(row.createdAt.getTime() + 14 * DAY);
  });

  it('resend: refused (409, translated) once the 14 days are over, before and after the daily job', async () => {
    const { referral } = await referAndGetToken(referrer.cookie);
    clock.advance(13 * DAY);
    expect((await myItem(referral.id))?.canResend).toBe(true);
    clock.advance(DAY);
    expect((await myItem(referral.id))?.canResend).toBe(false);
    const lapsed = await resendOf(referral.id);
    expect(lapsed.status).toBe(409);
    expect((await json(lapsed)).error.message).toMatch(/did not answer within 14 days/);
    await t.queue.send(REFERRALS_EXPIRE, {});
    await t.queue.drain({ names: [REFERRALS_EXPIRE] });
    expect((await rowOf(referral.id)).status).toBe('expired');
    expect((await resendOf(referral.id)).status).toBe(409);
    const mails = await t.db.select().from(mailMessages).where(eq(mailMessages.subjectId, referral.id));
    expect(mails).toHaveLength(1);
  });

  it('quota: 10 referrals per referrer in 24 hours, then 429 (translated), even when sent at once', async () => {
    const me = await signedIn(t, { role: 'alumni' });
    const bodies = Array.from({ length: 12 }, () => validBody());
    const results = await Promise.all(bodies.map((body) => refer(me.cookie, body, en)));
    expect(results.map((r) => r.status).sort()).toEqual([...Array(10).fill(201), 429, 429]);
    const refused = results.find((r) => r.status === 429) as Response;
    expect((await json(refused)).error.message).toMatch(/10 referrals in the last 24 hours/);
    expect(await t.db.select().from(referrals).where(eq(referrals.referrerId, me.member.id))).toHaveLength(
      10,
    );
    const refusedEmails = bodies.filter((_, i) => results[i]?.status === 429).map((b) => b.candidateEmail);
    for (const email of refusedEmails) {
      expect(await t.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email))).toHaveLength(0);
    }
    // Retry-After: when the oldest referral of the window leaves it (all were made at the same instant).
    expect(refused.headers.get('retry-after')).toBe(String(24 * 60 * 60));
    clock.advance(23 * HOUR);
    const later = await refer(me.cookie, validBody());
    expect(later.status).toBe(429);
    expect(later.headers.get('retry-after')).toBe(String(60 * 60));
    clock.advance(HOUR);
    expect((await refer(me.cookie, validBody())).status).toBe(201);
    // Someone else's quota is their own.
    expect((await refer(referrer.cookie, validBody())).status).toBe(201);
  });

  it('cooldown: no new referral of an address within 7 days, by anyone, for any job (409, translated)', async () => {
    const email = candidateEmail();
    const otherJob = await insertJob();
    expect((await refer(referrer.cookie, validBody({ jobId, candidateEmail: email }))).status).toBe(201);
    const other = await signedIn(t, { role: 'alumni' });
    clock.advance(7 * DAY - HOUR);
    for (const body of [
      validBody({ jobId: otherJob, candidateEmail: email.toUpperCase() }),
      validBody({ candidateEmail: email }),
    ]) {
      const res = await refer(other.cookie, body, en);
      expect(res.status).toBe(409);
      expect((await json(res)).error.fields.candidateEmail?.[0]).toMatch(/in the last 7 days/);
    }
    expect(await t.db.select().from(referrals).where(eq(referrals.candidateEmail, email))).toHaveLength(1);
    clock.advance(HOUR);
    expect((await refer(other.cookie, validBody({ jobId: otherJob, candidateEmail: email }))).status).toBe(
      201,
    );
    // And the clock starts again from that one.
    const ja = await refer(referrer.cookie, validBody({ candidateEmail: email }));
    expect(ja.status).toBe(409);
    expect((await json(ja)).error.fields.candidateEmail).toEqual([
      'この方には過去7日以内に紹介のご連絡をしています。メールが多くなりすぎないよう、しばらくしてからもう一度お試しください。',
    ]);
    expect(await t.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email))).toHaveLength(2);
  });
});

describe('after the answer', () => {
  it('the link shows the status only — not the name, email, reason or referrer again', async () => {
    for (const decision of ['consent', 'decline'] as const) {
      const body = validBody({ candidateName: `S2-NAME-${decision}`, reason: `S2-REASON-${decision}` });
      const { token } = await referAndGetToken(referrer.cookie, body);
      const answered = await consentPost(token, decision);
      expect(answered.status).toBe(200);
      for (const res of [answered, await consentGet(token), await consentPost(token, decision)]) {
        expect(res.status).toBe(200);
        const text = await res.text();
        for (const secret of [body.candidateName, body.reason, body.candidateEmail, referrerName])
          expect(text).not.toContain(secret);
        const view = JSON.parse(text) as ReferralConsentView;
        expect(view).not.toHaveProperty('request');
        expect(view).toMatchObject({
          status: decision === 'consent' ? 'consented' : 'declined',
          canWithdraw: decision === 'consent',
          isWithdrawn: false,
        });
        expect(view.decidedAt).not.toBeNull();
      }
    }
  });
});

describe('withdrawing consent through the same link', () => {
  it('consented → withdrawn: the card leaves GET /api/pipeline and HR’s list in the same request', async () => {
    const body = validBody({ jobId, candidateName: 'WITHDRAW-NAME', reason: 'WITHDRAW-REASON' });
    const { referral, token } = await referAndGetToken(referrer.cookie, body);
    expect((await consentPost(token, 'consent')).status).toBe(200);
    const [card] = await t.db.select().from(pipelineCards).where(eq(pipelineCards.referralId, referral.id));
    const cardId = card?.id as string;
    const board = async () => {
      const res = await t.request('/api/pipeline', { cookie: hr.cookie });
      expect(res.status).toBe(200);
      return res.text();
    };
    expect(await board()).toContain(cardId);
    expect((await t.request(`/api/pipeline/${cardId}`, { cookie: hr.cookie })).status).toBe(200);
    clock.advance(3 * DAY);

    const res = await consentPost(token, 'withdraw');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const view = await json<ReferralConsentView>(res);
    expect(view).toEqual({
      status: 'declined',
      decidedAt: clock.now().toISOString(),
      canWithdraw: false,
      isWithdrawn: true,
    });

    const raw = await board();
    expect(raw).not.toContain(cardId);
    expect(raw).not.toContain('WITHDRAW-NAME');
    expect((await t.request(`/api/pipeline/${cardId}`, { cookie: hr.cookie })).status).toBe(404);
    const list = await hrList('?pageSize=100');
    const item = list.items.find((r) => r.id === referral.id);
    expect(item).toMatchObject({ status: 'declined', stage: null });
    expect(item).not.toHaveProperty('candidate');
    const text = JSON.stringify(list);
    for (const secret of ['WITHDRAW-NAME', 'WITHDRAW-REASON', body.candidateEmail])
      expect(text).not.toContain(secret);

    const row = await rowOf(referral.id);
    expect(row.status).toBe('declined');
    expect(row.declinedAt?.toISOString()).toBe(clock.now().toISOString());
    expect(row.consentedAt).not.toBeNull();
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, referral.id))
      .orderBy(auditEvents.id);
    expect(events.map((e) => e.action)).toEqual([
      'referral.created',
      'referral.consented',
      'referral.consent_withdrawn',
    ]);
    expect(events.at(-1)).toMatchObject({ actorId: null, data: { jobId } });

    // The referrer sees "declined" and no outcome.
    const mine = await json<MyReferralList>(
      await t.request('/api/me/referrals', { cookie: referrer.cookie }),
    );
    expect(mine.items.find((r) => r.id === referral.id)).toMatchObject({ status: 'declined', outcome: null });
    // Withdrawing again is harmless; agreeing again through the link is not possible.
    expect((await consentPost(token, 'withdraw')).status).toBe(200);
    const again = await consentPost(token, 'consent', en);
    expect(again.status).toBe(409);
    expect((await json(again)).error.message).toMatch(/already answered/);
  });

  it('works after the 14 days of the request too', async () => {
    const { referral, token } = await referAndGetToken(referrer.cookie);
    expect((await consentPost(token, 'consent')).status).toBe(200);
    clock.advance(30 * DAY);
    expect((await consentGet(token)).status).toBe(200);
    expect((await consentPost(token, 'withdraw')).status).toBe(200);
    expect((await rowOf(referral.id)).status).toBe('declined');
  });

  it('409 (translated): withdraw before agreeing; "decline" after agreeing (withdraw is the way)', async () => {
    const { referral, token } = await referAndGetToken(referrer.cookie);
    const early = await consentPost(token, 'withdraw', en);
    expect(early.status).toBe(409);
    expect((await json(early)).error.message).toMatch(/nothing to withdraw/);
    expect((await rowOf(referral.id)).status).toBe('awaiting_consent');
    expect((await consentPost(token, 'consent')).status).toBe(200);
    const decline = await consentPost(token, 'decline', en);
    expect(decline.status).toBe(409);
    expect((await rowOf(referral.id)).status).toBe('consented');
    // A declined request has nothing to withdraw either, but saying so again is harmless.
    const declined = await referAndGetToken(referrer.cookie);
    expect((await consentPost(declined.token, 'decline')).status).toBe(200);
    const view = await json<ReferralConsentView>(await consentPost(declined.token, 'withdraw'));
    expect(view).toMatchObject({ status: 'declined', isWithdrawn: false });
  });

  it('404 for an unknown token', async () => {
    expect((await consentPost('not-a-real-token', 'withdraw')).status).toBe(404);
  });
});

describe('job titles the candidate and the referrer may not read', () => {
  it('a job made internal after the referral: "a position" for the referrer, the candidate and the resend; HR sees it', async () => {
    const secretJob = await insertJob({ titleJa: '社内限定ポジション', titleEn: 'SECRET-TITLE' });
    const body = validBody({ jobId: secretJob });
    const { referral, token } = await referAndGetToken(referrer.cookie, body);
    await t.db.update(jobs).set({ classification: 'internal' }).where(eq(jobs.id, secretJob));
    const hidden = { id: secretJob, titleJa: null, titleEn: null };

    const mine = await json<MyReferralList>(
      await t.request('/api/me/referrals', { cookie: referrer.cookie }),
    );
    expect(mine.items.find((r) => r.id === referral.id)?.job).toEqual(hidden);
    const view = await json<ReferralConsentView>(await consentGet(token));
    expect(view.request?.job).toEqual(hidden);

    clock.advance(2 * HOUR);
    const resent = await t.request(`/api/me/referrals/${referral.id}/resend`, {
      method: 'POST',
      cookie: referrer.cookie,
    });
    expect(resent.status).toBe(200);
    expect((await json<MyReferral>(resent)).job).toEqual(hidden);
    await t.queue.drain();
    const mail = t.mailer.sent.filter((m) => m.to === body.candidateEmail).at(-1);
    expect(mail?.text).toContain(`${referrerName}さんが、当社のポジションにあなたを推薦しました。`);
    for (const secret of ['SECRET-TITLE', '社内限定ポジション']) {
      expect(mail?.text).not.toContain(secret);
      expect(mail?.subject).not.toContain(secret);
    }

    const item = (await hrList('?pageSize=100')).items.find((r) => r.id === referral.id);
    expect(item?.job).toEqual({ id: secretJob, titleJa: '社内限定ポジション', titleEn: 'SECRET-TITLE' });
  });
});

describe('erasure of a referrer', () => {
  it('deletes the consent emails that name them; the referral stays, without them', async () => {
    const me = await signedIn(t, { role: 'alumni' });
    const { referral, token } = await referAndGetToken(me.cookie);
    const other = await referAndGetToken(referrer.cookie);
    const mailsOf = (id: string) => t.db.select().from(mailMessages).where(eq(mailMessages.subjectId, id));
    expect(await mailsOf(referral.id)).toHaveLength(1);
    const res = await t.request('/api/me/delete', {
      method: 'POST',
      cookie: me.cookie,
      json: { password: TEST_PASSWORD, confirmation: 'DELETE' },
    });
    expect(res.status).toBe(200);
    expect(await mailsOf(referral.id)).toHaveLength(0);
    // Someone else's consent mail stays.
    expect(await mailsOf(other.referral.id)).toHaveLength(1);
    expect((await rowOf(referral.id)).referrerId).toBeNull();
    // The candidate can still answer; the page no longer names anyone.
    const view = await json<ReferralConsentView>(await consentGet(token));
    expect(view.request?.referrerName).toBeNull();
  });
});
