import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { todayIn } from '#common/dates';
import {
  type AdminReferralList,
  type MyReferral,
  type MyReferralList,
  REFERRAL_RETENTION_DAYS,
} from '#common/referrals';
import {
  auditEvents,
  hires,
  jobs,
  mailMessages,
  pipelineCards,
  pipelineNotes,
  referrals,
} from '#server/db/schema/index';
import { PIPELINE_START_JOB } from '#server/features/pipeline/pipeline.jobs';
import { fixedClock } from '#server/lib/clock';
import { createTestMember, signedIn } from '#tests/factories/index';
import { createExitCase } from '#tests/factories/pipeline';
import { dumpDatabase, findTraces } from '#tests/factories/privacy';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { redactClosedReferrals } from './referral-retention';
import { REFERRALS_EXPIRE } from './referrals.jobs';

failOnConsoleError();
const clock = fixedClock('2026-11-24T03:00:00Z');
let t: TestApp;
let hr: Awaited<ReturnType<typeof signedIn>>;
let referrer: Awaited<ReturnType<typeof signedIn>>;
let jobId: string;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const RETENTION = REFERRAL_RETENTION_DAYS * DAY;
const ACTION = 'referrals.retention_redacted';
type Body = Record<string, unknown>;

const json = <T>(res: Response) => res.json() as Promise<T>;
const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@mail.example`;

const body = (overrides: Body = {}) => ({
  candidateName: '森 遥',
  candidateEmail: uniqueEmail('cand'),
  candidateLocale: 'ja',
  reason: '前職で一緒に大型案件をまとめた、信頼できる営業です。',
  ...overrides,
});

const refer = (cookie: string, b: Body) => t.request('/api/referrals', { method: 'POST', cookie, json: b });

/** The token of the last consent email sent to the address. */
async function lastToken(email: string) {
  await t.queue.drain();
  const mail = t.mailer.sent.filter((m) => m.to === email.toLowerCase()).at(-1);
  const token = mail?.text.match(/\/referral-consent#([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error('no consent link in the mail');
  return token;
}

async function referAndGetToken(cookie: string, b: Body = body()) {
  const res = await refer(cookie, b);
  expect(res.status).toBe(201);
  const referral = await json<MyReferral>(res);
  return { referral, token: await lastToken(String(b.candidateEmail)) };
}

const decide = (token: string, decision: 'consent' | 'decline' | 'withdraw') =>
  t.request('/api/referral-consent/decide', { method: 'POST', json: { token, decision } });
const view = (token: string) => t.request('/api/referral-consent/view', { method: 'POST', json: { token } });

async function rowOf(id: string) {
  const [row] = await t.db.select().from(referrals).where(eq(referrals.id, id));
  if (!row) throw new Error('no referral');
  return row;
}

const mailsOf = (ids: string[]) =>
  t.db.select({ id: mailMessages.id }).from(mailMessages).where(inArray(mailMessages.subjectId, ids));

const retentionAudits = () => t.db.select().from(auditEvents).where(eq(auditEvents.action, ACTION));

/** The daily job as the queue runs it: expiry, then the retention step. */
async function runDailyJob() {
  await t.queue.send(REFERRALS_EXPIRE, {});
  await t.queue.drain({ names: [REFERRALS_EXPIRE] });
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  hr = await signedIn(t, { role: 'alumni_manager' });
  jobId = randomUUID();
  await t.db.insert(jobs).values({
    id: jobId,
    titleJa: '法人営業マネージャー',
    titleEn: 'Corporate sales manager',
    department: '営業部',
    location: '東京',
    remote: 'hybrid',
    employmentType: 'full_time',
    closesOn: '2027-12-31',
    status: 'open',
    classification: 'network',
    audience: {},
    searchText: 'sales',
  });
});
afterAll(() => t.close());
// A fresh window of the consent endpoints' rate limit, and a referrer with a fresh daily quota.
beforeEach(async () => {
  clock.advance(16 * MINUTE);
  referrer = await signedIn(t, { role: 'employee' });
});

describe('retention of referrals that ended without consent (decision 020)', () => {
  it('30 days after a "no": the candidate’s data, consent emails and HR’s notes go; the row stays; a rerun does nothing', async () => {
    const member = await createTestMember(t, { role: 'alumni' });
    const declinedBody = body({ jobId, candidateName: 'RET-D-NAME', reason: 'RET-D-REASON' });
    const declined = await referAndGetToken(referrer.cookie, declinedBody);
    const withdrawnBody = body({
      candidateName: 'RET-W-NAME',
      reason: 'RET-W-REASON',
      candidateEmail: member.email,
    });
    const withdrawn = await referAndGetToken(referrer.cookie, withdrawnBody);
    const consentedBody = body({ candidateName: 'RET-C-NAME', reason: 'RET-C-REASON' });
    const consented = await referAndGetToken(referrer.cookie, consentedBody);

    // The declined one was sent twice (a resend): both emails must go.
    clock.advance(2 * HOUR);
    const resent = await t.request(`/api/me/referrals/${declined.referral.id}/resend`, {
      method: 'POST',
      cookie: referrer.cookie,
    });
    expect(resent.status).toBe(200);
    expect((await decide(await lastToken(declinedBody.candidateEmail), 'decline')).status).toBe(200);
    expect((await decide(consented.token, 'consent')).status).toBe(200);
    expect((await decide(withdrawn.token, 'consent')).status).toBe(200);
    const [card] = await t.db
      .select()
      .from(pipelineCards)
      .where(eq(pipelineCards.referralId, withdrawn.referral.id));
    expect(card?.userId).toBe(member.id);
    const note = await t.request(`/api/pipeline/${card?.id}/notes`, {
      method: 'POST',
      cookie: hr.cookie,
      json: { body: 'RET-NOTE: strong negotiator, call after April' },
    });
    expect(note.status).toBe(201);
    expect((await decide(withdrawn.token, 'withdraw')).status).toBe(200);
    const ended = clock.now();
    const before = await rowOf(declined.referral.id);
    expect(await mailsOf([declined.referral.id])).toHaveLength(2);

    // One minute short of 30 days: nothing changes.
    clock.set(new Date(ended.getTime() + RETENTION - MINUTE));
    await runDailyJob();
    expect(await rowOf(declined.referral.id)).toEqual(before);
    expect((await rowOf(withdrawn.referral.id)).candidateName).toBe('RET-W-NAME');
    expect(await mailsOf([declined.referral.id, withdrawn.referral.id])).toHaveLength(3);
    expect(
      await t.db
        .select()
        .from(pipelineNotes)
        .where(eq(pipelineNotes.cardId, card?.id ?? '')),
    ).toHaveLength(1);
    const auditsBefore = (await retentionAudits()).length;

    // Day 30: gone.
    clock.advance(2 * MINUTE);
    const result = await redactClosedReferrals(t);
    expect(result).toEqual({
      redacted: 2,
      mailsDeleted: 3,
      notesDeleted: 1,
      hiresCancelled: 0,
      hiresUnlinked: 0,
    });
    const now = clock.now();
    const redacted = await rowOf(declined.referral.id);
    expect(redacted).toEqual({
      ...before,
      candidateName: null,
      candidateEmail: null,
      candidateLocale: null,
      reason: null,
      consentTokenHash: null,
      consentMailId: null,
      redactedAt: now,
      updatedAt: now,
    });
    expect(redacted).toMatchObject({ status: 'declined', referrerId: referrer.member.id, jobId });
    expect(await rowOf(withdrawn.referral.id)).toMatchObject({
      status: 'declined',
      candidateName: null,
      candidateEmail: null,
      reason: null,
      redactedAt: now,
    });
    expect(await mailsOf([declined.referral.id, withdrawn.referral.id])).toEqual([]);
    // The withdrawn consent's card stays for the figures, with no notes and no member.
    const [cardAfter] = await t.db
      .select()
      .from(pipelineCards)
      .where(eq(pipelineCards.id, card?.id ?? ''));
    expect(cardAfter).toMatchObject({ userId: null, stage: card?.stage, referralId: withdrawn.referral.id });
    expect(
      await t.db
        .select()
        .from(pipelineNotes)
        .where(eq(pipelineNotes.cardId, card?.id ?? '')),
    ).toEqual([]);
    // A consented referral is untouched.
    expect(await rowOf(consented.referral.id)).toMatchObject({
      status: 'consented',
      candidateName: 'RET-C-NAME',
      reason: 'RET-C-REASON',
      redactedAt: null,
    });
    expect(await mailsOf([consented.referral.id])).toHaveLength(1);

    // Nothing of them is left anywhere in the database.
    const traces = findTraces(await dumpDatabase(t), [
      'RET-D-NAME',
      'RET-D-REASON',
      'RET-W-NAME',
      'RET-W-REASON',
      'RET-NOTE',
      declinedBody.candidateEmail,
    ]);
    expect(traces).toEqual([]);
    // The link is dead.
    expect((await view(declined.token)).status).toBe(404);

    // Audited with counts only.
    const audits = await retentionAudits();
    expect(audits).toHaveLength(auditsBefore + 1);
    const audit = audits.at(-1);
    expect(audit).toMatchObject({ actorId: null, subjectId: null, subjectType: 'referral' });
    expect(audit?.data).toEqual({
      referrals: 2,
      mails: 3,
      notes: 1,
      hiresCancelled: 0,
      hiresUnlinked: 0,
      days: REFERRAL_RETENTION_DAYS,
    });

    // The referrer still sees both, without a name; HR still counts them as declined.
    const mine = await json<MyReferralList>(
      await t.request('/api/me/referrals', { cookie: referrer.cookie }),
    );
    expect(mine.items.find((r) => r.id === declined.referral.id)).toMatchObject({
      candidateName: null,
      status: 'declined',
      canResend: false,
    });
    expect(mine.items.find((r) => r.id === consented.referral.id)?.candidateName).toBe('RET-C-NAME');
    const list = await json<AdminReferralList>(
      await t.request('/api/admin/referrals?status=declined&pageSize=100', { cookie: hr.cookie }),
    );
    const item = list.items.find((r) => r.id === withdrawn.referral.id);
    expect(item).toMatchObject({ status: 'declined', redactedAt: now.toISOString() });
    expect(item).not.toHaveProperty('candidate');
    expect(list.items.map((r) => r.id)).toContain(declined.referral.id);

    // A rerun (or the job delivered twice) changes nothing and audits nothing.
    clock.advance(DAY);
    await runDailyJob();
    expect(await rowOf(declined.referral.id)).toEqual(redacted);
    expect(await retentionAudits()).toHaveLength(auditsBefore + 1);
    expect(await redactClosedReferrals(t)).toEqual({
      redacted: 0,
      mailsDeleted: 0,
      notesDeleted: 0,
      hiresCancelled: 0,
      hiresUnlinked: 0,
    });
  });

  it('an unanswered referral counts from its deadline, not from when the job noticed', async () => {
    const created = clock.now();
    const b = body({ candidateName: 'RET-E-NAME' });
    const { referral } = await referAndGetToken(referrer.cookie, b);
    const deadline = new Date(created.getTime() + 14 * DAY);
    clock.advance(20 * DAY);
    await runDailyJob();
    expect(await rowOf(referral.id)).toMatchObject({
      status: 'expired',
      expiredAt: deadline,
      redactedAt: null,
    });

    clock.set(new Date(deadline.getTime() + RETENTION - MINUTE));
    await runDailyJob();
    expect((await rowOf(referral.id)).candidateName).toBe('RET-E-NAME');
    clock.advance(2 * MINUTE);
    await runDailyJob();
    expect(await rowOf(referral.id)).toMatchObject({
      status: 'expired',
      candidateName: null,
      candidateEmail: null,
      redactedAt: clock.now(),
    });
    expect(await mailsOf([referral.id])).toEqual([]);
  });

  it('the 7-day cooldown and the one-per-job rule still hold until the data is gone', async () => {
    const email = uniqueEmail('cool');
    const first = await referAndGetToken(referrer.cookie, body({ jobId, candidateEmail: email }));
    expect((await decide(first.token, 'decline')).status).toBe(200);
    const other = await signedIn(t, { role: 'alumni' });

    clock.advance(6 * DAY);
    await runDailyJob();
    const cooldown = await t.request('/api/referrals', {
      method: 'POST',
      cookie: other.cookie,
      json: body({ candidateEmail: email }),
      headers: { 'accept-language': 'en' },
    });
    expect(cooldown.status).toBe(409);
    expect(
      (await json<{ error: { fields: Record<string, string[]> } }>(cooldown)).error.fields
        .candidateEmail?.[0],
    ).toMatch(/in the last 7 days/);
    // After the cooldown, the same job is still a duplicate while the row holds the address.
    clock.advance(2 * DAY);
    expect((await refer(other.cookie, body({ jobId, candidateEmail: email }))).status).toBe(409);
    expect((await rowOf(first.referral.id)).candidateEmail).toBe(email);

    // Once redacted, nothing ties the row to the address: a new request for that job is possible,
    // and it starts a new cooldown.
    clock.advance(RETENTION);
    await runDailyJob();
    expect((await rowOf(first.referral.id)).candidateEmail).toBeNull();
    expect((await refer(other.cookie, body({ jobId, candidateEmail: email }))).status).toBe(201);
    expect((await refer(referrer.cookie, body({ candidateEmail: email }))).status).toBe(409);
  });

  it('a withdrawn consent’s hire: one still to come is cancelled at once (reward revoked); one that started no longer points at the member after 30 days', async () => {
    // Whatever earlier tests left is expired and redacted first, so the counts below are this test's.
    clock.advance(RETENTION + 15 * DAY);
    await runDailyJob();
    const rule = await t.request('/api/admin/referral-reward-rule', {
      method: 'PUT',
      cookie: hr.cookie,
      json: { enabled: true, amount: 80000, currency: 'JPY' },
    });
    expect(rule.status).toBe(200);
    const rehire = async (cardId: string, startOn: string) => {
      const res = await t.request(`/api/pipeline/${cardId}/move`, {
        method: 'POST',
        cookie: hr.cookie,
        json: { stage: 'rehired', hire: { startOn, roleTitle: 'Account executive', timeZone: 'Asia/Tokyo' } },
      });
      expect(res.status).toBe(200);
    };
    /** A referral of an alumnus (with an exit case), consented, on the board, hired to start on `startOn`. */
    const hiredReferral = async (startOn: string) => {
      const member = await createTestMember(t, { role: 'alumni' });
      const caseId = await createExitCase(t, member.id);
      const { referral, token } = await referAndGetToken(
        referrer.cookie,
        body({ candidateEmail: member.email }),
      );
      expect((await decide(token, 'consent')).status).toBe(200);
      const [card] = await t.db.select().from(pipelineCards).where(eq(pipelineCards.referralId, referral.id));
      if (!card) throw new Error('no card');
      await rehire(card.id, startOn);
      return { member, caseId, referral, token, cardId: card.id };
    };
    const hireOf = async (cardId: string) =>
      (await t.db.select().from(hires).where(eq(hires.cardId, cardId)))[0];

    const today = todayIn('Asia/Tokyo', clock.now());
    const later = todayIn('Asia/Tokyo', new Date(clock.now().getTime() + 90 * DAY));
    const startedOne = await hiredReferral(today);
    const pendingOne = await hiredReferral(later);
    await t.queue.send(PIPELINE_START_JOB, {});
    await t.queue.drain({ names: [PIPELINE_START_JOB] });
    const started = await hireOf(startedOne.cardId);
    const pending = await hireOf(pendingOne.cardId);
    expect(started).toMatchObject({ userId: startedOne.member.id, leaverCaseId: startedOne.caseId });
    expect(started?.startedAt).not.toBeNull();
    expect(pending).toMatchObject({ userId: pendingOne.member.id, startedAt: null });
    for (const one of [startedOne, pendingOne]) {
      expect(await rowOf(one.referral.id)).toMatchObject({ rewardStatus: 'eligible', rewardAmount: 80000 });
      expect((await decide(one.token, 'withdraw')).status).toBe(200);
    }
    const withdrawn = clock.now();

    // The withdrawal itself cancels the hire that has not started (the card leaves the board at
    // once); the reward is not due.
    expect(await hireOf(pendingOne.cardId)).toBeUndefined();
    expect(
      await t.db
        .select()
        .from(hires)
        .where(eq(hires.id, pending?.id ?? '')),
    ).toEqual([]);
    expect(await rowOf(pendingOne.referral.id)).toMatchObject({
      rewardStatus: 'none',
      rewardAmount: null,
      rewardCurrency: null,
    });
    const [pendingCard] = await t.db
      .select()
      .from(pipelineCards)
      .where(eq(pipelineCards.id, pendingOne.cardId));
    expect(pendingCard).toMatchObject({ stage: 'not_now', stageChangedAt: withdrawn });
    const cancelled = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'hire.cancelled'), eq(auditEvents.subjectId, pending?.id ?? '')));
    expect(cancelled.map((a) => a.data)).toEqual([
      { cardId: pendingOne.cardId, referralId: pendingOne.referral.id, reason: 'consent_withdrawn' },
    ]);
    // The started hire is untouched by the withdrawal.
    expect(await hireOf(startedOne.cardId)).toMatchObject({ userId: startedOne.member.id });

    // A pending hire left on a withdrawn card by an older version (withdrawals did not cancel
    // hires then): retention cancels it.
    const legacyHireId = randomUUID();
    await t.db.insert(hires).values({
      id: legacyHireId,
      cardId: pendingOne.cardId,
      source: 'referral',
      userId: pendingOne.member.id,
      roleTitle: 'Account executive',
      startOn: later,
    });

    clock.set(new Date(withdrawn.getTime() + RETENTION + MINUTE));
    const result = await redactClosedReferrals(t);
    expect(result).toEqual({
      redacted: 2,
      mailsDeleted: 2,
      notesDeleted: 0,
      hiresCancelled: 1,
      hiresUnlinked: 1,
    });
    expect(await t.db.select().from(hires).where(eq(hires.id, legacyHireId))).toEqual([]);
    expect(await rowOf(pendingOne.referral.id)).toMatchObject({ candidateEmail: null, rewardStatus: 'none' });
    const [redactedCard] = await t.db
      .select()
      .from(pipelineCards)
      .where(eq(pipelineCards.id, pendingOne.cardId));
    expect(redactedCard).toMatchObject({ userId: null, stage: 'not_now' });

    // The hire that started stays a hire (the figures), with no member and no exit case; its card
    // stays "rehired" and the reward stays eligible.
    expect(await hireOf(startedOne.cardId)).toMatchObject({
      id: started?.id,
      userId: null,
      leaverCaseId: null,
      cardId: startedOne.cardId,
      roleTitle: 'Account executive',
    });
    const [startedCard] = await t.db
      .select()
      .from(pipelineCards)
      .where(eq(pipelineCards.id, startedOne.cardId));
    expect(startedCard).toMatchObject({ userId: null, stage: 'rehired' });
    expect(await rowOf(startedOne.referral.id)).toMatchObject({
      rewardStatus: 'eligible',
      rewardAmount: 80000,
    });

    // Nothing in these rows names either member any more.
    const linked = await t.db
      .select({ id: hires.id })
      .from(hires)
      .where(inArray(hires.userId, [startedOne.member.id, pendingOne.member.id]));
    expect(linked).toEqual([]);
    const audit = (await retentionAudits()).at(-1);
    expect(audit?.data).toEqual({
      referrals: 2,
      mails: 2,
      notes: 0,
      hiresCancelled: 1,
      hiresUnlinked: 1,
      days: REFERRAL_RETENTION_DAYS,
    });
  });

  it('works in batches, one audit row of counts per batch', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { referral, token } = await referAndGetToken(
        referrer.cookie,
        body({ candidateName: `RET-B-${i}` }),
      );
      expect((await decide(token, 'decline')).status).toBe(200);
      ids.push(referral.id);
    }
    clock.advance(RETENTION + MINUTE);
    const result = await redactClosedReferrals(t, { batchSize: 2 });
    expect(result.redacted).toBeGreaterThanOrEqual(5);
    const rows = await t.db.select().from(referrals).where(inArray(referrals.id, ids));
    expect(rows.map((r) => r.redactedAt)).toEqual(ids.map(() => clock.now()));
    expect(rows.every((r) => r.candidateName === null && r.candidateEmail === null)).toBe(true);
    const audits = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, ACTION), eq(auditEvents.createdAt, clock.now())));
    expect(audits).toHaveLength(Math.ceil(result.redacted / 2));
    expect(audits.reduce((n, a) => n + Number((a.data as { referrals: number }).referrals), 0)).toBe(
      result.redacted,
    );
    for (const a of audits)
      expect(Object.keys(a.data).sort()).toEqual([
        'days',
        'hiresCancelled',
        'hiresUnlinked',
        'mails',
        'notes',
        'referrals',
      ]);
  });
});

describe('POST /api/dev/jobs/referrals.expire', () => {
  const path = '/api/dev/jobs/referrals.expire';

  it('401 signed out; 404 for HR and members; 404 for an admin in production', async () => {
    expect((await t.request(path, { method: 'POST' })).status).toBe(401);
    for (const cookie of [hr.cookie, referrer.cookie]) {
      expect((await t.request(path, { method: 'POST', cookie })).status).toBe(404);
    }
    const prod = await createTestApp({ env: { NODE_ENV: 'production' } });
    try {
      const admin = await signedIn(prod, { role: 'admin' });
      expect((await prod.request(path, { method: 'POST', cookie: admin.cookie })).status).toBe(404);
    } finally {
      await prod.close();
    }
  });

  it('an admin runs the daily job now: expiry, then retention, with the counts', async () => {
    const admin = await signedIn(t, { role: 'admin' });
    // Whatever earlier tests left (awaiting, closed) is expired and redacted first, so the counts
    // below are this test's.
    clock.advance(RETENTION + 15 * DAY);
    await runDailyJob();
    const lapsing = await referAndGetToken(referrer.cookie, body({ candidateName: 'RET-DEV-LAPSING' }));
    const declined = await referAndGetToken(referrer.cookie, body({ candidateName: 'RET-DEV-DECLINED' }));
    expect((await decide(declined.token, 'decline')).status).toBe(200);
    clock.advance(RETENTION + MINUTE);
    const res = await t.request(path, { method: 'POST', cookie: admin.cookie });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      expired: 1,
      redacted: 1,
      mailsDeleted: 1,
      notesDeleted: 0,
      hiresCancelled: 0,
      hiresUnlinked: 0,
    });
    expect(await rowOf(lapsing.referral.id)).toMatchObject({ status: 'expired', redactedAt: null });
    expect(await rowOf(declined.referral.id)).toMatchObject({ candidateName: null, redactedAt: clock.now() });
  });
});
