import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_PURPOSES, CONSENT_TEXT_VERSION } from '#common/consents';
import type { PipelineBoard, PipelineCardDetail, PipelineStats } from '#common/pipeline';
import {
  atsExports,
  auditEvents,
  hires,
  orgSettings,
  pipelineCards,
  profiles,
  referrals,
  returnInterests,
  users,
} from '#server/db/schema/index';
import { REFERRAL_REWARD_KEY } from '#server/features/referrals/referrals.rewards';
import { fixedClock } from '#server/lib/clock';
import { createHrRecord } from '#tests/factories/hr-records';
import { createTestMember, grantTestConsents, signedIn, signIn } from '#tests/factories/index';
import { createExitCase, createInterestCard, createJob, createReferralCard } from '#tests/factories/pipeline';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { ATS_MAX_ATTEMPTS, resendStaleAtsExports, signAtsBody, verifyAtsSignature } from './ats';

import { runPipelineStart } from './pipeline.hires';

failOnConsoleError();
let t: TestApp;
let hr: Awaited<ReturnType<typeof signedIn>>;
let admin: Awaited<ReturnType<typeof signedIn>>;
let employee: Awaited<ReturnType<typeof signedIn>>;
const clock = fixedClock('2026-11-24T03:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ clock });
  hr = await signedIn(t, { role: 'alumni_manager' });
  admin = await signedIn(t, { role: 'admin' });
  employee = await signedIn(t, { role: 'employee' });
});
afterAll(() => t.close());

type Fields = { error: { code: string; message: string; fields?: Record<string, string[]> } };
const json = <T = Record<string, unknown>>(res: Response) => res.json() as Promise<T>;
const get = (path: string, cookie?: string, lang = 'en') =>
  t.request(path, { cookie, headers: { 'accept-language': lang } });
const post = (path: string, body: unknown, cookie?: string, lang = 'en') =>
  t.request(path, { method: 'POST', cookie, json: body, headers: { 'accept-language': lang } });
const board = async (query = '') => json<PipelineBoard>(await get(`/api/pipeline${query}`, hr.cookie));
const cardIds = (b: PipelineBoard) => b.columns.flatMap((c) => c.cards.map((x) => x.id));
const column = (b: PipelineBoard, stage: string) => b.columns.find((c) => c.stage === stage);
const detail = async (id: string) => json<PipelineCardDetail>(await get(`/api/pipeline/${id}`, hr.cookie));
const audits = (cardId: string, action: string) =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectId, cardId), eq(auditEvents.action, action)));
const HIRE = {
  startOn: '2027-01-05',
  roleTitle: 'Senior engineer',
  department: '開発部',
  timeZone: 'Asia/Tokyo',
};

describe('GET /api/pipeline (the board)', () => {
  it('401 without a session, 404 for non-HR, 400 with translated messages', async () => {
    expect((await get('/api/pipeline')).status).toBe(401);
    expect((await get('/api/pipeline', employee.cookie)).status).toBe(404);
    const bad = await get('/api/pipeline?source=friend', hr.cookie);
    expect(bad.status).toBe(400);
    const body = await json<Fields>(bad);
    expect(body.error.fields?.source?.[0]).toMatch(/^Must be one of: interest, referral/);
    const ja = await json<Fields>(await get('/api/pipeline?source=friend', hr.cookie, 'ja'));
    expect(ja.error.message).toBe('入力内容を確認してください。');
  });

  it('lists interest and referral cards with history, eligibility, job and days in stage', async () => {
    const jobId = await createJob(t, { titleJa: '決済基盤エンジニア', titleEn: 'Payments engineer' });
    const { member, cardId } = await createInterestCard(t, {
      jobId,
      names: { familyName: '出戻', givenName: '花子', familyNameKana: 'でもど', givenNameKana: 'はなこ' },
      profile: { departments: ['営業部'], lastTitle: '主任', joinedOn: '2012-04-01', leftOn: '2020-03-31' },
    });
    // The HR record wins over the profile for history.
    await createHrRecord(t, {
      userId: member.id,
      departments: ['開発部', '営業部'],
      lastTitle: '課長',
      joinedOn: '2010-04-01',
      leftOn: '2021-09-30',
    });
    await createExitCase(t, member.id, { eligibility: 'needs_review', reason: 'Left during a project' });
    const referrer = await createTestMember(t, { role: 'employee' });
    const ref = await createReferralCard(t, { referrerId: referrer.id, candidateName: 'Referred Person' });
    clock.set('2026-11-27T03:00:00Z');
    try {
      const b = await board();
      const interested = column(b, 'interested');
      const card = interested?.cards.find((c) => c.id === cardId);
      expect(card).toMatchObject({
        source: 'interest',
        stage: 'interested',
        displayName: '出戻 花子',
        job: { id: jobId, titleJa: '決済基盤エンジニア', titleEn: 'Payments engineer' },
        daysInStage: 3,
        rehireEligibility: 'needs_review',
        lastDepartment: '開発部',
        lastTitle: '課長',
        yearsAtCompany: 11,
      });
      expect(interested?.cards.find((c) => c.id === ref.cardId)).toMatchObject({
        source: 'referral',
        displayName: 'Referred Person',
        job: null,
        rehireEligibility: null,
        yearsAtCompany: null,
      });
      expect(b.columns.map((c) => c.stage)).toEqual([
        'interested',
        'conversation',
        'interview',
        'offer',
        'rehired',
        'not_now',
      ]);
      expect(b.jobs).toContainEqual({
        id: jobId,
        titleJa: '決済基盤エンジニア',
        titleEn: 'Payments engineer',
      });
      // Nothing beyond the summary: no email, no reason text on the board.
      const text = JSON.stringify(b);
      expect(text).not.toContain(member.email);
      expect(text).not.toContain('Left during a project');
    } finally {
      clock.set('2026-11-24T03:00:00Z');
    }
  });

  it('filters by job, source and name (kanji, kana, romaji, referral name)', async () => {
    const jobId = await createJob(t);
    const a = await createInterestCard(t, {
      jobId,
      names: {
        familyName: '絞込',
        givenName: '一郎',
        familyNameKana: 'しぼりこみ',
        givenNameKana: 'いちろう',
      },
    });
    const b = await createReferralCard(t, { jobId, candidateName: 'Filterable Candidate' });
    const other = await createInterestCard(t);
    const byJob = cardIds(await board(`?jobId=${jobId}`));
    expect(byJob.sort()).toEqual([a.cardId, b.cardId].sort());
    const referralsOnly = cardIds(await board(`?jobId=${jobId}&source=referral`));
    expect(referralsOnly).toEqual([b.cardId]);
    expect(cardIds(await board(`?q=${encodeURIComponent('絞込')}`))).toEqual([a.cardId]);
    expect(cardIds(await board(`?q=${encodeURIComponent('シボリコミ')}`))).toEqual([a.cardId]);
    expect(cardIds(await board('?q=shibori'))).toEqual([a.cardId]);
    expect(cardIds(await board('?q=filterable'))).toEqual([b.cardId]);
    expect(cardIds(await board('?q=nobody-has-this-name'))).toEqual([]);
    expect(cardIds(await board())).toContain(other.cardId);
  });
});

describe('HR sees every job on the board (decision 016)', () => {
  it('an alumni-only job posted by another HR user shows for every HR user: board, card, job filter, CSV', async () => {
    const poster = await signedIn(t, { role: 'alumni_manager' });
    const jobId = await createJob(t, {
      titleJa: 'アルムナイ限定の職',
      titleEn: 'Alumni-only role',
      classification: 'network',
      audience: { roles: ['alumni'] },
      postedBy: poster.member.id,
    });
    const { cardId } = await createInterestCard(t, { jobId });
    const ref = { id: jobId, titleJa: 'アルムナイ限定の職', titleEn: 'Alumni-only role' };
    // hr did not post it; admin is HR too.
    for (const viewer of [hr, admin]) {
      const filtered = await json<PipelineBoard>(await get(`/api/pipeline?jobId=${jobId}`, viewer.cookie));
      expect(cardIds(filtered)).toEqual([cardId]);
      expect(column(filtered, 'interested')?.cards[0]?.job).toEqual(ref);
      expect(filtered.jobs).toEqual([ref]);
      expect((await json<PipelineBoard>(await get('/api/pipeline', viewer.cookie))).jobs).toContainEqual(ref);
      const d = await json<PipelineCardDetail>(await get(`/api/pipeline/${cardId}`, viewer.cookie));
      expect(d.job).toEqual(ref);
      const csv = await (await get(`/api/pipeline/export.csv?jobId=${jobId}&lang=en`, viewer.cookie)).text();
      const lines = csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain('Alumni-only role');
      const one = await (await get(`/api/pipeline/${cardId}/export.csv?lang=en`, viewer.cookie)).text();
      expect(one).toContain('Alumni-only role');
    }
  });
});

describe('visibility: a withdrawn source leaves the board in the same request', () => {
  it('withdrawn interest → absent from the board and 404 on the card', async () => {
    const { cardId, interestId } = await createInterestCard(t);
    expect(cardIds(await board())).toContain(cardId);
    await t.db
      .update(returnInterests)
      .set({ status: 'withdrawn', withdrawnAt: clock.now() })
      .where(eq(returnInterests.id, interestId));
    expect(cardIds(await board())).not.toContain(cardId);
    expect((await get(`/api/pipeline/${cardId}`, hr.cookie)).status).toBe(404);
    expect((await post(`/api/pipeline/${cardId}/move`, { stage: 'conversation' }, hr.cookie)).status).toBe(
      404,
    );
    expect((await post(`/api/pipeline/${cardId}/notes`, { body: 'x' }, hr.cookie)).status).toBe(404);
    expect((await get(`/api/pipeline/${cardId}/export.csv`, hr.cookie)).status).toBe(404);
  });

  it('revoked rehiring consent → absent and 404; consenting again brings it back', async () => {
    const { member, cardId } = await createInterestCard(t);
    await grantTestConsents(t, member.id, ['directory']);
    expect(cardIds(await board())).not.toContain(cardId);
    expect((await get(`/api/pipeline/${cardId}`, hr.cookie)).status).toBe(404);
    await grantTestConsents(t, member.id, ['directory', 'rehiring']);
    expect(cardIds(await board())).toContain(cardId);
  });

  it('a referral without the candidate’s consent, or declined, is not on the board', async () => {
    const waiting = await createReferralCard(t, { status: 'awaiting_consent' });
    const declined = await createReferralCard(t, { status: 'declined' });
    const ids = cardIds(await board());
    expect(ids).not.toContain(waiting.cardId);
    expect(ids).not.toContain(declined.cardId);
    expect((await get(`/api/pipeline/${waiting.cardId}`, hr.cookie)).status).toBe(404);
  });

  it('a deactivated member’s card is not on the board', async () => {
    const { member, cardId } = await createInterestCard(t);
    await t.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, member.id));
    expect(cardIds(await board())).not.toContain(cardId);
    expect((await get(`/api/pipeline/${cardId}`, hr.cookie)).status).toBe(404);
  });
});

describe('GET /api/pipeline/{id}', () => {
  it('401, 404 for non-HR and an unknown card, 400 for a malformed id', async () => {
    const { cardId } = await createInterestCard(t);
    expect((await get(`/api/pipeline/${cardId}`)).status).toBe(401);
    expect((await get(`/api/pipeline/${cardId}`, employee.cookie)).status).toBe(404);
    expect((await get('/api/pipeline/7d3c1b2a-0000-4000-8000-000000000000', hr.cookie)).status).toBe(404);
    expect((await get('/api/pipeline/not-a-card', hr.cookie)).status).toBe(400);
  });

  it('shows the person, history, eligibility with reason, career, the interest, and audits the view', async () => {
    const { member, cardId } = await createInterestCard(t, {
      message: 'Ready to come back as a tech lead.',
      profile: {
        departments: ['法務部'],
        lastTitle: '担当',
        joinedOn: '2015-04-01',
        leftOn: '2019-06-30',
        currentEmployer: 'Acme KK',
        currentTitle: 'Tech lead',
        industry: 'it',
        location: '大阪',
        skills: ['TypeScript', 'PostgreSQL'],
      },
    });
    await createExitCase(t, member.id, {
      lastDay: '2018-01-31',
      eligibility: 'eligible',
      reason: 'old case',
    });
    const caseId = await createExitCase(t, member.id, {
      lastDay: '2019-06-30',
      eligibility: 'not_eligible',
      reason: 'Policy breach',
    });
    await createExitCase(t, member.id, {
      lastDay: '2025-01-31',
      eligibility: 'eligible',
      status: 'cancelled',
    });
    const d = await detail(cardId);
    expect(d).toMatchObject({
      id: cardId,
      person: { displayName: expect.any(String), email: member.email.toLowerCase(), memberId: member.id },
      history: {
        source: 'profile',
        departments: ['法務部'],
        joinedOn: '2015-04-01',
        leftOn: '2019-06-30',
        lastTitle: '担当',
      },
      yearsAtCompany: 4,
      eligibility: { value: 'not_eligible', reason: 'Policy breach', caseId, lastDay: '2019-06-30' },
      career: {
        currentEmployer: 'Acme KK',
        currentTitle: 'Tech lead',
        industry: 'it',
        location: '大阪',
        skills: ['TypeScript', 'PostgreSQL'],
      },
      interest: {
        message: 'Ready to come back as a tech lead.',
        preferredRoles: ['Backend engineer'],
        preferredLocations: ['東京'],
        timing: 'within_6_months',
      },
      referral: null,
      notes: [],
      hire: null,
      atsExports: [],
      atsWebhook: 'dev_inbox',
    });
    expect(d.stageHistory).toEqual([expect.objectContaining({ kind: 'opened', to: 'interested' })]);
    const viewed = await audits(cardId, 'pipeline_card.viewed');
    expect(viewed).toHaveLength(1);
    expect(viewed[0]).toMatchObject({ actorId: hr.member.id, data: { userId: member.id } });
  });

  it('a referral shows its reason and the referrer; a referred former employee’s HR record is found by email', async () => {
    const referrer = await createTestMember(t, { role: 'alumni' });
    const record = await createHrRecord(t, {
      departments: ['経理部'],
      lastTitle: '係長',
      personalEmail: 'old.friend@mail.example',
    });
    const { cardId } = await createReferralCard(t, {
      referrerId: referrer.id,
      candidateEmail: 'Old.Friend@mail.example',
      candidateName: '旧友 次郎',
    });
    const d = await detail(cardId);
    const [referrerRow] = await t.db.select().from(users).where(eq(users.id, referrer.id));
    expect(d).toMatchObject({
      source: 'referral',
      person: { displayName: '旧友 次郎', email: 'Old.Friend@mail.example', memberId: null },
      history: { source: 'hr_record', departments: ['経理部'], lastTitle: '係長', joinedOn: record.joinedOn },
      referral: {
        reason: 'Built our billing system with me at a previous company.',
        referrer: { id: referrer.id, displayName: referrerRow?.name },
      },
      interest: null,
      career: null,
    });
  });
});

describe('POST /api/pipeline/{id}/move', () => {
  it('401, 404 for non-HR and unknown cards, 400 with translated field errors', async () => {
    const { cardId } = await createInterestCard(t);
    const url = `/api/pipeline/${cardId}/move`;
    expect((await post(url, { stage: 'conversation' })).status).toBe(401);
    expect((await post(url, { stage: 'conversation' }, employee.cookie)).status).toBe(404);
    expect(
      (await post('/api/pipeline/7d3c1b2a-0000-4000-8000-000000000000/move', { stage: 'offer' }, hr.cookie))
        .status,
    ).toBe(404);
    const unknown = await json<Fields>(await post(url, { stage: 'hired' }, hr.cookie));
    expect(Object.keys(unknown.error.fields ?? {})).toEqual(['stage']);
    const noHire = await post(url, { stage: 'rehired' }, hr.cookie);
    expect(noHire.status).toBe(400);
    expect((await json<Fields>(noHire)).error.fields?.hire).toEqual([
      'Moving to "rehired" needs the hire: start date, role title and time zone.',
    ]);
    const badHire = await json<Fields>(
      await post(
        url,
        { stage: 'rehired', hire: { startOn: '2027/01/05', roleTitle: '', timeZone: 'Mars/Base' } },
        hr.cookie,
        'ja',
      ),
    );
    expect(badHire.error.fields?.['hire.startOn']).toEqual(['2024-04-01 のような日付で入力してください。']);
    expect(Object.keys(badHire.error.fields ?? {}).sort()).toEqual([
      'hire.roleTitle',
      'hire.startOn',
      'hire.timeZone',
    ]);
    const hireElsewhere = await json<Fields>(await post(url, { stage: 'offer', hire: HIRE }, hr.cookie));
    expect(hireElsewhere.error.fields?.hire).toHaveLength(1);
    const [card] = await t.db.select().from(pipelineCards).where(eq(pipelineCards.id, cardId));
    expect(card?.stage).toBe('interested');
  });

  it('records the stage, who and when, and an audit row with ids and codes only; same stage is a no-op', async () => {
    const { cardId } = await createInterestCard(t);
    clock.set('2026-11-25T01:00:00Z');
    try {
      const res = await post(`/api/pipeline/${cardId}/move`, { stage: 'conversation' }, hr.cookie);
      expect(res.status).toBe(200);
      const body = await json<PipelineCardDetail>(res);
      expect(body).toMatchObject({ stage: 'conversation', daysInStage: 0 });
      expect(body.stageHistory.map((e) => [e.kind, e.from, e.to])).toEqual([
        ['opened', null, 'interested'],
        ['moved', 'interested', 'conversation'],
      ]);
      expect(body.stageHistory[1]?.actor?.id).toBe(hr.member.id);
      const [card] = await t.db.select().from(pipelineCards).where(eq(pipelineCards.id, cardId));
      expect(card).toMatchObject({ stage: 'conversation', stageChangedBy: hr.member.id });
      expect(card?.stageChangedAt.toISOString()).toBe('2026-11-25T01:00:00.000Z');
      const moved = await audits(cardId, 'pipeline_card.moved');
      expect(moved).toHaveLength(1);
      expect(moved[0]).toMatchObject({
        actorId: hr.member.id,
        data: { from: 'interested', to: 'conversation' },
      });

      const again = await post(`/api/pipeline/${cardId}/move`, { stage: 'conversation' }, hr.cookie);
      expect(again.status).toBe(200);
      expect(await audits(cardId, 'pipeline_card.moved')).toHaveLength(1);
      const [same] = await t.db.select().from(pipelineCards).where(eq(pipelineCards.id, cardId));
      expect(same?.stageChangedAt.toISOString()).toBe('2026-11-25T01:00:00.000Z');
      // Admin counts as HR.
      expect((await post(`/api/pipeline/${cardId}/move`, { stage: 'interview' }, admin.cookie)).status).toBe(
        200,
      );
      expect(cardIds(await board('?source=interest'))).toContain(cardId);
      expect(column(await board(), 'interview')?.cards.map((c) => c.id)).toContain(cardId);
    } finally {
      clock.set('2026-11-24T03:00:00Z');
    }
  });

  it('rehired records the hire (with the latest exit case) and counts it in the stats', async () => {
    const before = await json<PipelineStats>(await get('/api/pipeline/stats', hr.cookie));
    const jobId = await createJob(t);
    const { member, cardId } = await createInterestCard(t, { jobId });
    const caseId = await createExitCase(t, member.id, { lastDay: '2023-03-31' });
    const res = await post(
      `/api/pipeline/${cardId}/move`,
      { stage: 'rehired', hire: { ...HIRE, startOn: '2026-12-01' } },
      hr.cookie,
    );
    expect(res.status).toBe(200);
    const body = await json<PipelineCardDetail>(res);
    expect(body.hire).toMatchObject({
      startOn: '2026-12-01',
      roleTitle: 'Senior engineer',
      department: '開発部',
      timeZone: 'Asia/Tokyo',
      startedAt: null,
      hasStarted: false,
      recordedBy: { id: hr.member.id },
    });
    const [hire] = await t.db.select().from(hires).where(eq(hires.cardId, cardId));
    expect(hire).toMatchObject({
      source: 'interest',
      userId: member.id,
      jobId,
      leaverCaseId: caseId,
      startOn: '2026-12-01',
      recordedBy: hr.member.id,
    });
    const [moved] = await audits(cardId, 'pipeline_card.moved');
    expect(moved?.data).toEqual({ from: 'interested', to: 'rehired', hireId: hire?.id });
    const after = await json<PipelineStats>(await get('/api/pipeline/stats', hr.cookie));
    expect(after.year).toBe(2026);
    expect(after.thisYear.total).toBe(before.thisYear.total + 1);
    expect(after.thisYear.interest).toBe(before.thisYear.interest + 1);
    expect(after.conversion.hired).toBe(before.conversion.hired + 1);
    expect(after.openByStage.rehired).toBe(before.openByStage.rehired + 1);
  });

  it('before the start a boomerang hire can be undone (the hire row goes); after the start it is a 409', async () => {
    const { cardId } = await createInterestCard(t);
    const url = `/api/pipeline/${cardId}/move`;
    await post(url, { stage: 'rehired', hire: { ...HIRE, startOn: '2026-11-26' } }, hr.cookie);
    const back = await post(url, { stage: 'offer' }, hr.cookie);
    expect(back.status).toBe(200);
    expect((await json<PipelineCardDetail>(back)).hire).toBeNull();
    expect(await t.db.select().from(hires).where(eq(hires.cardId, cardId))).toHaveLength(0);
    const [undo] = (await audits(cardId, 'pipeline_card.moved')).filter((a) => a.data.to === 'offer');
    expect(undo?.data).toMatchObject({ from: 'rehired', to: 'offer', cancelledHireId: expect.any(String) });

    await post(url, { stage: 'rehired', hire: { ...HIRE, startOn: '2026-11-26' } }, hr.cookie);
    // 2026-11-26 begins in Tokyo at 2026-11-25T15:00Z.
    clock.set('2026-11-25T15:00:00Z');
    try {
      const late = await post(url, { stage: 'offer' }, hr.cookie);
      expect(late.status).toBe(409);
      expect((await json<Fields>(late)).error.message).toBe(
        'This person has already started (the start date has come), so the card can no longer be moved.',
      );
      expect((await detail(cardId)).hire?.hasStarted).toBe(true);
    } finally {
      clock.set('2026-11-24T03:00:00Z');
    }
  });

  it('a referral hire makes the referrer’s reward eligible and cannot be undone here', async () => {
    await t.db
      .insert(orgSettings)
      .values({ key: REFERRAL_REWARD_KEY, value: { enabled: true, amount: 100000, currency: 'JPY' } })
      .onConflictDoNothing();
    const referrer = await createTestMember(t, { role: 'employee' });
    const { referralId, cardId } = await createReferralCard(t, { referrerId: referrer.id });
    const res = await post(`/api/pipeline/${cardId}/move`, { stage: 'rehired', hire: HIRE }, hr.cookie);
    expect(res.status).toBe(200);
    const [ref] = await t.db.select().from(referrals).where(eq(referrals.id, referralId));
    expect(ref).toMatchObject({ rewardStatus: 'eligible', rewardAmount: 100000, rewardCurrency: 'JPY' });
    const [hire] = await t.db.select().from(hires).where(eq(hires.cardId, cardId));
    expect(hire).toMatchObject({ source: 'referral', userId: null });
    const back = await post(`/api/pipeline/${cardId}/move`, { stage: 'offer' }, hr.cookie, 'ja');
    expect(back.status).toBe(409);
    expect((await json<Fields>(back)).error.message).toContain('紹介による採用');
  });
});

describe('POST /api/pipeline/{id}/notes', () => {
  it('401, 404, 400 (empty, too long), and a note listed on the card with its author', async () => {
    const { cardId } = await createInterestCard(t);
    const url = `/api/pipeline/${cardId}/notes`;
    expect((await post(url, { body: 'hello' })).status).toBe(401);
    expect((await post(url, { body: 'hello' }, employee.cookie)).status).toBe(404);
    const empty = await json<Fields>(await post(url, { body: '   ' }, hr.cookie));
    expect(empty.error.fields?.body).toEqual(['Required.']);
    const long = await json<Fields>(await post(url, { body: 'x'.repeat(4001) }, hr.cookie));
    expect(long.error.fields?.body).toEqual(['Must be at most 4000 characters.']);
    const res = await post(url, { body: '  Called her; very keen on the platform team.  ' }, hr.cookie);
    expect(res.status).toBe(201);
    const note = await json(res);
    expect(note).toMatchObject({
      body: 'Called her; very keen on the platform team.',
      author: { id: hr.member.id, displayName: expect.any(String) },
    });
    const d = await detail(cardId);
    expect(d.notes).toEqual([note]);
    expect(await audits(cardId, 'pipeline_note.added')).toHaveLength(1);
    const [audit] = await audits(cardId, 'pipeline_note.added');
    expect(JSON.stringify(audit?.data)).not.toContain('keen');
  });
});

describe('GET /api/pipeline/stats', () => {
  it('401, 404 for non-HR; counts only', async () => {
    expect((await get('/api/pipeline/stats')).status).toBe(401);
    expect((await get('/api/pipeline/stats', employee.cookie)).status).toBe(404);
    const res = await get('/api/pipeline/stats', hr.cookie);
    expect(res.status).toBe(200);
    const s = await json<PipelineStats>(res);
    const b = await board();
    for (const c of b.columns) expect(s.openByStage[c.stage]).toBe(c.count);
    expect(s.conversion.cards).toBeGreaterThanOrEqual(b.total);
    expect(s.conversion.rate).toBeCloseTo(s.conversion.hired / s.conversion.cards);
    expect(JSON.stringify(s)).not.toMatch(/@|displayName|name/);
  });

  it('hires by year and source follow the start date', async () => {
    const stats = async () => json<PipelineStats>(await get('/api/pipeline/stats', hr.cookie));
    const year = (s: PipelineStats, y: number) =>
      s.hiresByYear.find((x) => x.year === y) ?? { interest: 0, referral: 0, total: 0 };
    const before = await stats();
    const a = await createInterestCard(t);
    const b = await createReferralCard(t);
    const c = await createInterestCard(t);
    const move = (id: string, startOn: string) =>
      post(`/api/pipeline/${id}/move`, { stage: 'rehired', hire: { ...HIRE, startOn } }, hr.cookie);
    await move(a.cardId, '2028-02-01');
    await move(b.cardId, '2028-04-01');
    await move(c.cardId, '2026-04-01');
    const after = await stats();
    expect(year(after, 2028).interest - year(before, 2028).interest).toBe(1);
    expect(year(after, 2028).referral - year(before, 2028).referral).toBe(1);
    expect(year(after, 2028).total - year(before, 2028).total).toBe(2);
    expect(after.thisYear.interest - before.thisYear.interest).toBe(1);
    expect(after.thisYear.referral).toBe(before.thisYear.referral);
    expect(after.hiresByYear[0]?.year).toBe(2028);
    expect(after.conversion.bySource.referral.hired - before.conversion.bySource.referral.hired).toBe(1);
  });
});

describe('the start date (pipeline.start)', () => {
  /** Each test has its own database: the start job sweeps every hire that is due. */
  async function ownApp() {
    const c = fixedClock('2026-11-24T03:00:00Z');
    const app = await createTestApp({ clock: c });
    const h = await signedIn(app, { role: 'alumni_manager' });
    const a = await signedIn(app, { role: 'admin' });
    const rehire = (cardId: string, hire: Record<string, unknown>) =>
      app.request(`/api/pipeline/${cardId}/move`, {
        method: 'POST',
        cookie: h.cookie,
        json: { stage: 'rehired', hire: { ...HIRE, ...hire } },
      });
    return { app, clock: c, hr: h, admin: a, rehire };
  }

  it('makes the alumnus an employee at midnight in Tokyo, once; their session re-scopes at once', async () => {
    const s = await ownApp();
    try {
      const { member, cardId } = await createInterestCard(s.app, {
        canSignIn: true,
        profile: {
          departments: ['営業部'],
          lastTitle: '主任',
          joinedOn: '2012-04-01',
          leftOn: '2020-03-31',
          currentEmployer: 'Rival KK',
          currentTitle: 'Manager',
        },
      });
      const cookie = await signIn(s.app, member.email);
      const me = async () => json<{ role: string }>(await s.app.request('/api/me', { cookie }));
      expect((await me()).role).toBe('alumni');
      expect((await s.rehire(cardId, { startOn: '2026-12-01' })).status).toBe(200);

      s.clock.set('2026-11-30T14:59:59Z'); // 23:59:59 on 30 Nov in Tokyo
      expect((await runPipelineStart(s.app)).started).toBe(0);
      expect((await me()).role).toBe('alumni');
      s.clock.set('2026-11-30T15:00:00Z'); // 00:00 on 1 Dec in Tokyo
      const res = await s.app.request('/api/dev/jobs/pipeline.start', {
        method: 'POST',
        cookie: s.admin.cookie,
      });
      expect(res.status).toBe(200);
      expect(await json(res)).toEqual({ started: 1 });
      const [user] = await s.app.db.select().from(users).where(eq(users.id, member.id));
      const [profile] = await s.app.db.select().from(profiles).where(eq(profiles.userId, member.id));
      expect(user?.role).toBe('employee');
      expect(profile).toMatchObject({
        role: 'employee',
        leftOn: null,
        currentEmployer: null,
        lastTitle: 'Senior engineer',
        departments: ['開発部', '営業部'],
      });
      const [hire] = await s.app.db.select().from(hires).where(eq(hires.cardId, cardId));
      expect(hire?.startedAt?.toISOString()).toBe('2026-11-30T15:00:00.000Z');
      const rehired = await s.app.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'member.rehired'), eq(auditEvents.subjectId, member.id)));
      expect(rehired).toHaveLength(1);
      expect(rehired[0]?.data).toEqual({ hireId: hire?.id, cardId, roleChanged: true });
      // The same session, re-read on this request: an employee now.
      expect((await me()).role).toBe('employee');
      // Idempotent.
      expect((await runPipelineStart(s.app)).started).toBe(0);
      // Started: the card can no longer move.
      const moved = await s.app.request(`/api/pipeline/${cardId}/move`, {
        method: 'POST',
        cookie: s.hr.cookie,
        json: { stage: 'offer' },
      });
      expect(moved.status).toBe(409);
    } finally {
      await s.app.close();
    }
  });

  it('a hire in São Paulo starts at midnight there; someone already employed keeps their role', async () => {
    const s = await ownApp();
    try {
      const sp = await createInterestCard(s.app);
      expect(
        (await s.rehire(sp.cardId, { startOn: '2026-12-02', timeZone: 'America/Sao_Paulo' })).status,
      ).toBe(200);
      const staff = await createInterestCard(s.app, { role: 'alumni_manager' });
      expect((await s.rehire(staff.cardId, { startOn: '2026-12-02' })).status).toBe(200);
      s.clock.set('2026-12-02T02:59:00Z'); // 23:59 on 1 Dec in São Paulo (UTC−3), 2 Dec in Tokyo
      expect((await runPipelineStart(s.app)).started).toBe(1);
      const [staffUser] = await s.app.db.select().from(users).where(eq(users.id, staff.member.id));
      expect(staffUser?.role).toBe('alumni_manager');
      const [waiting] = await s.app.db.select().from(users).where(eq(users.id, sp.member.id));
      expect(waiting?.role).toBe('alumni');
      s.clock.set('2026-12-02T03:00:00Z');
      expect((await runPipelineStart(s.app)).started).toBe(1);
      const [user] = await s.app.db.select().from(users).where(eq(users.id, sp.member.id));
      expect(user?.role).toBe('employee');
    } finally {
      await s.app.close();
    }
  });

  it('withdrawing the interest before the start day cancels the hire (audited); the start job changes nobody', async () => {
    const s = await ownApp();
    try {
      const { member, cardId, interestId } = await createInterestCard(s.app, { canSignIn: true });
      const cookie = await signIn(s.app, member.email);
      expect((await s.rehire(cardId, { startOn: '2026-12-01' })).status).toBe(200);
      const [hire] = await s.app.db.select().from(hires).where(eq(hires.cardId, cardId));
      s.clock.set('2026-11-28T03:00:00Z');
      const res = await s.app.request(`/api/me/return-interests/${interestId}/withdraw`, {
        method: 'POST',
        cookie,
      });
      expect(res.status).toBe(200);
      // Same transaction: the hire is gone and the card left "rehired".
      expect(await s.app.db.select().from(hires).where(eq(hires.cardId, cardId))).toEqual([]);
      const [card] = await s.app.db.select().from(pipelineCards).where(eq(pipelineCards.id, cardId));
      expect(card).toMatchObject({ stage: 'not_now', stageChangedBy: null });
      const cancelled = await s.app.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'hire.cancelled'), eq(auditEvents.subjectId, hire?.id ?? '')));
      expect(cancelled).toHaveLength(1);
      expect(cancelled[0]).toMatchObject({
        actorId: null,
        subjectType: 'hire',
        data: { cardId, interestId, reason: 'interest_withdrawn' },
      });
      const moved = await s.app.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'pipeline_card.moved'), eq(auditEvents.subjectId, cardId)));
      expect(moved.at(-1)?.data).toEqual({
        from: 'rehired',
        to: 'not_now',
        reason: 'interest_withdrawn',
        cancelledHireId: hire?.id,
      });
      s.clock.set('2026-12-01T03:00:00Z');
      expect((await runPipelineStart(s.app)).started).toBe(0);
      const [user] = await s.app.db.select().from(users).where(eq(users.id, member.id));
      expect(user?.role).toBe('alumni');
    } finally {
      await s.app.close();
    }
  });

  it('revoking rehiring consent (consents API) before the start day cancels the hire; consenting again does not revive it', async () => {
    const s = await ownApp();
    try {
      const { member, cardId } = await createInterestCard(s.app, { canSignIn: true });
      const cookie = await signIn(s.app, member.email);
      expect((await s.rehire(cardId, { startOn: '2026-12-01' })).status).toBe(200);
      const [hire] = await s.app.db.select().from(hires).where(eq(hires.cardId, cardId));
      const consent = (rehiring: boolean) =>
        s.app.request('/api/me/consents', {
          method: 'PUT',
          cookie,
          json: {
            textVersion: CONSENT_TEXT_VERSION,
            consents: Object.fromEntries(
              CONSENT_PURPOSES.map((p) => [p, p === 'directory' || (rehiring && p === 'rehiring')]),
            ),
          },
        });
      expect((await consent(false)).status).toBe(200);
      expect((await s.app.request(`/api/pipeline/${cardId}`, { cookie: s.hr.cookie })).status).toBe(404);
      // The pending hire is gone, with an audit row saying why (ids and codes only).
      expect(await s.app.db.select().from(hires).where(eq(hires.cardId, cardId))).toEqual([]);
      const cancelled = await s.app.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'hire.cancelled'), eq(auditEvents.subjectId, hire?.id ?? '')));
      expect(cancelled.map((e) => e.data.reason)).toEqual(['consent_withdrawn']);

      // Consenting again brings the card back, out of "rehired", and no hire starts on the day.
      expect((await consent(true)).status).toBe(200);
      const card = await s.app.request(`/api/pipeline/${cardId}`, { cookie: s.hr.cookie });
      expect(card.status).toBe(200);
      expect((await card.json()).stage).toBe('not_now');
      s.clock.set('2026-12-01T03:00:00Z');
      expect((await runPipelineStart(s.app)).started).toBe(0);
      const [user] = await s.app.db.select().from(users).where(eq(users.id, member.id));
      expect(user?.role).toBe('alumni');
      const rehired = await s.app.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'member.rehired'), eq(auditEvents.subjectId, member.id)));
      expect(rehired).toEqual([]);
    } finally {
      await s.app.close();
    }
  });

  it('the dev trigger is for admins outside production only', async () => {
    expect((await post('/api/dev/jobs/pipeline.start', undefined)).status).toBe(401);
    expect((await post('/api/dev/jobs/pipeline.start', undefined, hr.cookie)).status).toBe(404);
    const prod = await createTestApp({ env: { NODE_ENV: 'production' } });
    try {
      const a = await signedIn(prod, { role: 'admin' });
      const r = await prod.request('/api/dev/jobs/pipeline.start', { method: 'POST', cookie: a.cookie });
      expect(r.status).toBe(404);
    } finally {
      await prod.close();
    }
  });
});

describe('CSV export', () => {
  it('401, 404 for non-HR, 400 for a bad stage; the board as CSV with a BOM, audited', async () => {
    expect((await get('/api/pipeline/export.csv')).status).toBe(401);
    expect((await get('/api/pipeline/export.csv', employee.cookie)).status).toBe(404);
    expect((await get('/api/pipeline/export.csv?stage=hired', hr.cookie)).status).toBe(400);
    const jobId = await createJob(t, { titleJa: 'CSV職', titleEn: 'CSV job' });
    const a = await createInterestCard(t, {
      jobId,
      names: { familyName: '=HYPERLINK', givenName: '太郎' },
      profile: { departments: ['開発部'], lastTitle: '課長', joinedOn: '2010-04-01', leftOn: '2020-03-31' },
    });
    const b = await createReferralCard(t, { jobId, candidateName: 'Csv Candidate' });
    await post(`/api/pipeline/${b.cardId}/move`, { stage: 'interview' }, hr.cookie);
    const res = await get(`/api/pipeline/export.csv?jobId=${jobId}&lang=ja`, hr.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="pipeline-2026-11-24\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.subarray(3));
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^カードID,経路,ステージ,氏名,メールアドレス,求人,/);
    expect(lines).toHaveLength(3);
    const rowA = lines.find((l) => l.startsWith(a.cardId));
    expect(rowA).toContain(`出戻り,関心あり,'=HYPERLINK 太郎,${a.member.email.toLowerCase()},CSV職`);
    expect(rowA).toContain('開発部,課長,10,2010-04-01,2020-03-31');
    expect(lines.find((l) => l.startsWith(b.cardId))).toContain('紹介,選考,Csv Candidate');

    const interviewOnly = await get(
      `/api/pipeline/export.csv?jobId=${jobId}&stage=interview&lang=en`,
      hr.cookie,
    );
    const enLines = (await interviewOnly.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(enLines[0]).toMatch(/^Card ID,Source,Stage,Name,Email,Job,/);
    expect(enLines.slice(1).map((l) => l.split(',')[0])).toEqual([b.cardId]);

    const rows = await t.db
      .select()
      .from(atsExports)
      .where(and(eq(atsExports.kind, 'csv'), eq(atsExports.actorId, hr.member.id)));
    const boardExport = rows.find((r) => r.data.jobId === jobId && r.data.stage === 'interview');
    expect(boardExport).toMatchObject({
      status: 'delivered',
      cardId: null,
      data: { count: 1, stage: 'interview' },
    });
    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'ats_export.csv'), eq(auditEvents.actorId, hr.member.id)));
    expect(audit.some((e) => e.data.exportId === boardExport?.id)).toBe(true);
  });

  it('one card as CSV is listed among the card’s exports', async () => {
    const { cardId } = await createInterestCard(t);
    expect((await get(`/api/pipeline/${cardId}/export.csv`, employee.cookie)).status).toBe(404);
    const res = await get(`/api/pipeline/${cardId}/export.csv?lang=en`, hr.cookie);
    expect(res.status).toBe(200);
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]?.startsWith(cardId)).toBe(true);
    const d = await detail(cardId);
    expect(d.atsExports).toEqual([
      expect.objectContaining({ kind: 'csv', status: 'delivered', attempts: 1 }),
    ]);
  });
});

describe('the ATS webhook endpoint', () => {
  it('401, 404 for non-HR, 400 for another kind; queues an export and audits it', async () => {
    const { cardId } = await createInterestCard(t);
    const url = `/api/pipeline/${cardId}/ats-export`;
    expect((await post(url, { kind: 'webhook' })).status).toBe(401);
    expect((await post(url, { kind: 'webhook' }, employee.cookie)).status).toBe(404);
    const bad = await json<Fields>(await post(url, { kind: 'csv' }, hr.cookie));
    expect(Object.keys(bad.error.fields ?? {})).toEqual(['kind']);
    const res = await post(url, { kind: 'webhook' }, hr.cookie);
    expect(res.status).toBe(201);
    const row = await json(res);
    expect(row).toMatchObject({
      kind: 'webhook',
      status: 'queued',
      attempts: 0,
      actor: { id: hr.member.id },
    });
    const [audit] = await audits(cardId, 'ats_export.webhook');
    expect(audit?.data).toEqual({ exportId: row.id });
    const [stored] = await t.db
      .select()
      .from(atsExports)
      .where(eq(atsExports.id, String(row.id)));
    expect(stored?.data).toEqual({ cardId });
  });

  it('in production without ATS_WEBHOOK_URL it answers 409 with a translated message', async () => {
    const prod = await createTestApp({ env: { NODE_ENV: 'production' } });
    try {
      const h = await signedIn(prod, { role: 'alumni_manager' });
      const { cardId } = await createInterestCard(prod);
      const res = await prod.request(`/api/pipeline/${cardId}/ats-export`, {
        method: 'POST',
        cookie: h.cookie,
        json: { kind: 'webhook' },
        headers: { 'accept-language': 'ja' },
      });
      expect(res.status).toBe(409);
      expect((await json<Fields>(res)).error.message).toContain('ATS Webhook が設定されていません');
      const d = await json<PipelineCardDetail>(
        await prod.request(`/api/pipeline/${cardId}`, { cookie: h.cookie }),
      );
      expect(d.atsWebhook).toBe('not_configured');
      // The development receiver does not exist in production.
      expect((await prod.request('/api/dev/ats-inbox', { cookie: h.cookie })).status).toBe(404);
    } finally {
      await prod.close();
    }
  });
});

describe('reopenPipelineCard', () => {
  it('leaves "interested" and "rehired" cards where they are; moves any other stage back', async () => {
    const { reopenPipelineCard } = await import('./pipeline.cards');
    const reopen = (interestId: string) =>
      t.db.transaction((tx) => reopenPipelineCard(tx as never, { interestId, now: clock.now() }));
    const fresh = await createInterestCard(t);
    expect(await reopen(fresh.interestId)).toEqual({ moved: false });
    const hired = await createInterestCard(t);
    await post(`/api/pipeline/${hired.cardId}/move`, { stage: 'rehired', hire: HIRE }, hr.cookie);
    expect(await reopen(hired.interestId)).toEqual({ moved: false });
    const [still] = await t.db.select().from(pipelineCards).where(eq(pipelineCards.id, hired.cardId));
    expect(still?.stage).toBe('rehired');
    const later = await createInterestCard(t);
    await post(`/api/pipeline/${later.cardId}/move`, { stage: 'offer' }, hr.cookie);
    expect(await reopen(later.interestId)).toEqual({ moved: true });
    const [back] = await t.db.select().from(pipelineCards).where(eq(pipelineCards.id, later.cardId));
    expect(back).toMatchObject({ stage: 'interested', stageChangedBy: null });
  });
});

describe('openPipelineCard', () => {
  it('is idempotent: one card per source', async () => {
    const { cardId, interestId, member } = await createInterestCard(t);
    const { openPipelineCard } = await import('./pipeline.cards');
    const again = await t.db.transaction((tx) =>
      openPipelineCard(tx as never, {
        source: 'interest',
        interestId,
        userId: member.id,
        jobId: null,
        actorId: null,
        now: clock.now(),
      }),
    );
    expect(again).toEqual({ id: cardId, created: false });
    expect(
      await t.db.select().from(pipelineCards).where(eq(pipelineCards.interestId, interestId)),
    ).toHaveLength(1);
  });
});

describe('the ATS webhook delivery (pipeline.ats-webhook)', () => {
  const SECRET = 'test-ats-secret-0123456789';
  let server: Server;
  let w: TestApp;
  let wHr: Awaited<ReturnType<typeof signedIn>>;
  /** Status codes the fake ATS answers with, in order (then 200). */
  let answers: number[] = [];
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.statusCode = answers.shift() ?? 200;
        res.end();
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const { port } = server.address() as AddressInfo;
    w = await createTestApp({
      env: { ATS_WEBHOOK_URL: `http://127.0.0.1:${port}/hooks/kizuna`, ATS_WEBHOOK_SECRET: SECRET },
    });
    wHr = await signedIn(w, { role: 'alumni_manager' });
  });
  afterAll(async () => {
    await w?.close();
    await new Promise((ok) => server.close(ok));
  });

  /** Makes jobs waiting for a retry due now (pg-boss schedules them on the database clock). */
  const retryNow = () =>
    w.database.raw.query(
      "update pgboss.job set start_after = now() - interval '1 minute' where name = 'pipeline.ats-webhook' and state = 'retry'",
    );
  const exportRow = async (id: string) =>
    (await w.db.select().from(atsExports).where(eq(atsExports.id, id)))[0];
  const queueExport = async (cardId: string) => {
    const res = await w.request(`/api/pipeline/${cardId}/ats-export`, {
      method: 'POST',
      cookie: wHr.cookie,
      json: { kind: 'webhook' },
    });
    expect(res.status).toBe(201);
    return String((await json(res)).id);
  };

  it('signs the body, retries after a 500, records the attempts, and is delivered', async () => {
    const jobId = await createJob(w, { titleEn: 'Platform engineer' });
    const { member, cardId } = await createInterestCard(w, {
      jobId,
      profile: { departments: ['開発部'], lastTitle: '主任', joinedOn: '2014-04-01', leftOn: '2022-03-31' },
    });
    await createExitCase(w, member.id, { eligibility: 'eligible', reason: 'Strong performer' });
    received.length = 0;
    answers = [500];
    const exportId = await queueExport(cardId);

    await w.queue.drain();
    expect(await exportRow(exportId)).toMatchObject({ status: 'queued', attempts: 1, lastError: 'http_500' });
    await retryNow();
    await w.queue.drain();
    const done = await exportRow(exportId);
    expect(done).toMatchObject({ status: 'delivered', attempts: 2, lastError: null });
    expect(done?.deliveredAt).toBeInstanceOf(Date);

    expect(received).toHaveLength(2);
    for (const r of received) {
      // The signature covers "<timestamp>.<raw body>", so the timestamp cannot be swapped.
      const ts = String(r.headers['x-kizuna-timestamp']);
      expect(ts).toMatch(/^\d{10}$/);
      const expected = `sha256=${createHmac('sha256', SECRET).update(`${ts}.${r.body}`).digest('hex')}`;
      expect(r.headers['x-kizuna-signature']).toBe(expected);
      expect(r.headers['idempotency-key']).toBe(exportId);
      expect(r.headers['content-type']).toContain('application/json');
    }
    const payload = JSON.parse(received[1]?.body ?? '{}');
    expect(payload).toMatchObject({
      schema: 'kizuna.ats-candidate/v1',
      exportId,
      card: { id: cardId, source: 'interest', stage: 'interested' },
      candidate: { memberId: member.id, email: member.email.toLowerCase() },
      history: { source: 'profile', departments: ['開発部'], lastTitle: '主任', yearsAtCompany: 8 },
      rehireEligibility: { value: 'eligible', reason: 'Strong performer' },
      job: { id: jobId, titleEn: 'Platform engineer' },
      interest: { timing: 'within_6_months' },
      referral: null,
      hire: null,
    });
    // It verifies as sent; a tampered body or another timestamp does not.
    const last = received[1];
    const signed = {
      signature: last?.headers['x-kizuna-signature'] as string,
      timestamp: last?.headers['x-kizuna-timestamp'] as string,
      now: new Date(Number(last?.headers['x-kizuna-timestamp']) * 1000),
    };
    expect(verifyAtsSignature(SECRET, last?.body ?? '', signed)).toBe(true);
    expect(verifyAtsSignature(SECRET, `${last?.body} `, signed)).toBe(false);
    expect(
      verifyAtsSignature(SECRET, last?.body ?? '', {
        ...signed,
        timestamp: String(Number(signed.timestamp) + 1),
      }),
    ).toBe(false);
    // The card page lists the export with its attempts.
    const d = await json<PipelineCardDetail>(
      await w.request(`/api/pipeline/${cardId}`, { cookie: wHr.cookie }),
    );
    expect(d.atsWebhook).toBe('configured');
    expect(d.atsExports[0]).toMatchObject({
      id: exportId,
      kind: 'webhook',
      status: 'delivered',
      attempts: 2,
    });
    // Nothing personal in the stored row.
    expect(JSON.stringify(done)).not.toContain(member.email.toLowerCase());
  });

  it('gives up after the last attempt: failed, with the status code only', async () => {
    const { cardId } = await createInterestCard(w);
    received.length = 0;
    answers = Array.from({ length: ATS_MAX_ATTEMPTS }, () => 503);
    const exportId = await queueExport(cardId);
    for (let i = 0; i < ATS_MAX_ATTEMPTS; i++) {
      await retryNow();
      await w.queue.drain();
    }
    expect(await exportRow(exportId)).toMatchObject({
      status: 'failed',
      attempts: ATS_MAX_ATTEMPTS,
      lastError: 'http_503',
    });
    expect(received).toHaveLength(ATS_MAX_ATTEMPTS);
    await retryNow();
    await w.queue.drain();
    expect(received).toHaveLength(ATS_MAX_ATTEMPTS);
  });

  it('an export whose job could not be queued is still a 201; the sweep sends it once, 5 minutes on', async () => {
    const { cardId } = await createInterestCard(w);
    received.length = 0;
    answers = [];
    const send = w.queue.send;
    w.queue.send = async () => {
      throw new Error('queue down');
    };
    let exportId: string;
    try {
      exportId = await queueExport(cardId);
    } finally {
      w.queue.send = send;
    }
    expect(await exportRow(exportId)).toMatchObject({ status: 'queued', attempts: 0 });
    // Too recent for the sweep.
    await resendStaleAtsExports(w);
    await w.queue.drain();
    expect(received).toHaveLength(0);

    const sixMinutesAgo = new Date(w.clock.now().getTime() - 6 * 60_000);
    await w.db.update(atsExports).set({ createdAt: sixMinutesAgo }).where(eq(atsExports.id, exportId));
    expect((await resendStaleAtsExports(w)).resent).toBeGreaterThanOrEqual(1);
    // A second sweep before the worker ran, and the worker: still one delivery (the export id).
    await resendStaleAtsExports(w);
    await w.queue.drain();
    expect(await exportRow(exportId)).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(received.map((r) => r.headers['idempotency-key'])).toEqual([exportId]);
    await resendStaleAtsExports(w);
    await w.queue.drain();
    expect(received).toHaveLength(1);
  });

  it('never sends a card that left the board after it was queued', async () => {
    const { member, cardId } = await createInterestCard(w);
    received.length = 0;
    answers = [];
    const exportId = await queueExport(cardId);
    await grantTestConsents(w, member.id, ['directory']);
    await w.queue.drain();
    expect(await exportRow(exportId)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'not_visible',
    });
    expect(received).toHaveLength(0);
  });
});

describe('the development ATS inbox', () => {
  const secret = () => createHmac('sha256', t.env.AUTH_SECRET).update('ats-webhook').digest('hex');
  const nowTs = () => String(Math.floor(clock.now().getTime() / 1000));
  const send = (body: string, signature: string, cookie?: string, timestamp: string | null = nowTs()) =>
    t.request('/api/dev/ats-inbox', {
      method: 'POST',
      cookie,
      body,
      headers: {
        'content-type': 'application/json',
        'x-kizuna-signature': signature,
        ...(timestamp === null ? {} : { 'x-kizuna-timestamp': timestamp }),
        'idempotency-key': 'export-123',
      },
    });

  it('checks the signature (401 when it does not match, 204 when it does) and lists what it accepted', async () => {
    const body = JSON.stringify({ schema: 'kizuna.ats-candidate/v1', exportId: 'export-123' });
    const ts = nowTs();
    expect((await send(body, 'sha256=00', hr.cookie)).status).toBe(401);
    expect((await send(body, signAtsBody('another-secret-entirely', ts, body), hr.cookie)).status).toBe(401);
    // The pre-timestamp scheme (body only) no longer verifies.
    const bodyOnly = `sha256=${createHmac('sha256', secret()).update(body).digest('hex')}`;
    expect((await send(body, bodyOnly, hr.cookie)).status).toBe(401);
    expect((await send(body, signAtsBody(secret(), ts, body), hr.cookie)).status).toBe(204);
    const list = await get('/api/dev/ats-inbox', hr.cookie);
    expect(list.status).toBe(200);
    expect((await json<{ items: unknown[] }>(list)).items[0]).toMatchObject({
      exportId: 'export-123',
      schema: 'kizuna.ats-candidate/v1',
      receivedAt: '2026-11-24T03:00:00.000Z',
    });
    expect((await get('/api/dev/ats-inbox', employee.cookie)).status).toBe(404);
    expect((await get('/api/dev/ats-inbox')).status).toBe(401);
  });

  it('rejects a replay: a timestamp more than 5 minutes old (or ahead), or none, is a 401', async () => {
    const body = JSON.stringify({ schema: 'kizuna.ats-candidate/v1', exportId: 'export-456' });
    const at = (secondsFromNow: number) => String(Math.floor(clock.now().getTime() / 1000) + secondsFromNow);
    const signedAt = (ts: string) => send(body, signAtsBody(secret(), ts, body), undefined, ts);
    expect((await signedAt(at(-301))).status).toBe(401);
    expect((await signedAt(at(301))).status).toBe(401);
    expect((await send(body, signAtsBody(secret(), at(0), body), undefined, null)).status).toBe(401);
    expect((await send(body, signAtsBody(secret(), 'abc', body), undefined, 'abc')).status).toBe(401);
    expect((await signedAt(at(-299))).status).toBe(204);
  });
});
