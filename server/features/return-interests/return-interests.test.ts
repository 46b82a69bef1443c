import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_INTEREST_MESSAGE, MAX_PREFERENCES, RETURN_TIMINGS } from '#common/return-interests';
import {
  auditEvents,
  consentEvents,
  jobs,
  leaverCases,
  pipelineCards,
  profiles,
  returnInterests,
} from '#server/db/schema/index';
import { seedDemoReturnInterests } from '#server/demo/return-interests';
import { runExitTransition } from '#server/features/exits/exits.transition';
import { consentedSql } from '#server/lib/access/consented';
import { fixedClock } from '#server/lib/clock';
import { t as translate } from '#server/lib/i18n';
import { createTestMember, grantTestConsents, signedIn } from '#tests/factories/index';
import { openTestCase } from '#tests/factories/offboarding';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

failOnConsoleError();
let t: TestApp;
const clock = fixedClock('2026-11-24T03:00:00Z');
type Signed = Awaited<ReturnType<typeof signedIn>>;
let alumnus: Signed;
let employee: Signed;
let leaver: Signed;
let hr: Signed;
let admin: Signed;
let openJob: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  alumnus = await signedIn(t, { role: 'alumni', consents: ['directory', 'rehiring'] });
  employee = await signedIn(t, { role: 'employee', consents: ['directory', 'rehiring'] });
  leaver = await signedIn(t, { role: 'leaver', consents: ['directory', 'rehiring'] });
  hr = await signedIn(t, { role: 'alumni_manager' });
  admin = await signedIn(t, { role: 'admin' });
  openJob = await createJob();
});
afterAll(() => t.close());

type Json = Record<string, unknown> & {
  interest: Record<string, unknown> & { job: Record<string, unknown> | null };
  error: { code: string; message: string; fields?: Record<string, string[]> };
};
const json = (res: Response) => res.json() as Promise<Json>;

/** A job straight in the table (the jobs API is another feature's): open, for every member. */
async function createJob(overrides: Partial<typeof jobs.$inferInsert> = {}) {
  const id = randomUUID();
  await t.db.insert(jobs).values({
    id,
    titleJa: `求人 ${id.slice(0, 4)}`,
    titleEn: `Job ${id.slice(0, 4)}`,
    department: '営業部',
    location: '東京',
    remote: 'hybrid',
    employmentType: 'full_time',
    closesOn: '2027-03-31',
    status: 'open',
    classification: 'network',
    audience: {},
    searchText: 'job',
    publishedAt: new Date('2026-11-01T00:00:00Z'),
    ...overrides,
  });
  return id;
}

const putGeneral = (cookie: string | undefined, body: unknown, locale = 'en') =>
  t.request('/api/me/return-interest', {
    method: 'PUT',
    cookie,
    json: body,
    headers: { 'accept-language': locale },
  });
const postJob = (cookie: string | undefined, jobId: string, body: unknown, locale = 'en') =>
  t.request(`/api/jobs/${jobId}/interest`, {
    method: 'POST',
    cookie,
    json: body,
    headers: { 'accept-language': locale },
  });
const withdraw = (cookie: string | undefined, id: string) =>
  t.request(`/api/me/return-interests/${id}/withdraw`, { method: 'POST', cookie });
const mine = (cookie: string | undefined) => t.request('/api/me/return-interests', { cookie });

const rowsOf = (userId: string) =>
  t.db.select().from(returnInterests).where(eq(returnInterests.userId, userId));
const cardsOf = (interestId: string) =>
  t.db.select().from(pipelineCards).where(eq(pipelineCards.interestId, interestId));
const auditsOf = (interestId: string) =>
  t.db
    .select({ action: auditEvents.action, data: auditEvents.data, actorId: auditEvents.actorId })
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectType, 'return_interest'), eq(auditEvents.subjectId, interestId)))
    .orderBy(auditEvents.id);

/**
 * Is the interest on HR's board? The board's visibility rule (decision 015) as one query: its
 * card, an active interest, and the member's 'rehiring' consent.
 */
async function onBoard(interestId: string) {
  const rows = await t.db
    .select({ id: pipelineCards.id })
    .from(pipelineCards)
    .innerJoin(returnInterests, eq(returnInterests.id, pipelineCards.interestId))
    .innerJoin(profiles, eq(profiles.userId, returnInterests.userId))
    .where(
      and(
        eq(pipelineCards.interestId, interestId),
        eq(returnInterests.status, 'active'),
        consentedSql('rehiring'),
      ),
    );
  return rows.length === 1;
}

/** What HR gets from the pipeline feature's API: the card itself, and whether the board lists it. */
async function hrView(interestId: string) {
  const [card] = await cardsOf(interestId);
  if (!card) throw new Error('no card');
  const detail = await t.request(`/api/pipeline/${card.id}`, { cookie: hr.cookie });
  const board = await t.request('/api/pipeline?source=interest', { cookie: hr.cookie });
  expect(board.status).toBe(200);
  return { card: detail.status, onBoard: (await board.text()).includes(card.id) };
}

describe('GET /api/me/return-interests', () => {
  it('401 anonymous; 404 for everyone who is not alumni', async () => {
    expect((await mine(undefined)).status).toBe(401);
    for (const viewer of [employee, leaver, hr, admin]) expect((await mine(viewer.cookie)).status).toBe(404);
  });

  it('an alumnus starts with nothing, and sees whether they consent to rehiring contact', async () => {
    const fresh = await signedIn(t, { role: 'alumni', consents: ['directory'] });
    const res = await mine(fresh.cookie);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ rehiringConsent: false, general: null, jobs: [] });
    await grantTestConsents(t, fresh.member.id, ['rehiring']);
    expect((await (await mine(fresh.cookie)).json()).rehiringConsent).toBe(true);
  });
});

describe('PUT /api/me/return-interest', () => {
  it('401 anonymous', async () => {
    expect((await putGeneral(undefined, {})).status).toBe(401);
  });

  it('400 with per-field messages in the requester’s language', async () => {
    const bad = {
      preferredRoles: Array.from({ length: MAX_PREFERENCES + 1 }, (_, i) => `role ${i}`),
      preferredLocations: ['  '],
      timing: 'someday',
      message: 'x'.repeat(MAX_INTEREST_MESSAGE + 1),
      allowRehiringContact: false,
      extra: 1,
    };
    for (const locale of ['en', 'ja'] as const) {
      const res = await putGeneral(alumnus.cookie, bad, locale);
      expect(res.status).toBe(400);
      const { error } = await json(res);
      expect(error.message).toBe(translate(locale, 'error.bad_request'));
      expect(error.fields?.preferredRoles).toEqual([
        translate(locale, 'v.tooManyItems', { n: MAX_PREFERENCES }),
      ]);
      expect(error.fields?.['preferredLocations.0']).toEqual([translate(locale, 'v.required')]);
      expect(error.fields?.timing).toEqual([
        translate(locale, 'v.oneOf', { values: RETURN_TIMINGS.join(', ') }),
      ]);
      expect(error.fields?.message).toEqual([translate(locale, 'v.tooLong', { n: MAX_INTEREST_MESSAGE })]);
      expect(error.fields?.allowRehiringContact).toEqual([translate(locale, 'kz.returnInterestConsentTrue')]);
      expect(error.fields?.extra).toEqual([translate(locale, 'v.unknownKey', { keys: 'extra' })]);
    }
    expect(await rowsOf(alumnus.member.id)).toHaveLength(0);
  });

  it('404 for employees, leavers, HR and admins (nothing is written)', async () => {
    for (const viewer of [employee, leaver, hr, admin]) {
      expect((await putGeneral(viewer.cookie, { timing: 'now' })).status).toBe(404);
      expect(await rowsOf(viewer.member.id)).toHaveLength(0);
    }
  });

  it('creates the one general interest and its card; a repeat updates the same row and card', async () => {
    const me = await signedIn(t, { role: 'alumni', consents: ['directory', 'rehiring'] });
    const first = await putGeneral(me.cookie, {
      preferredRoles: ['営業マネージャー', ' 営業マネージャー ', 'Sales lead', 'sales LEAD'],
      preferredLocations: ['大阪'],
      timing: 'within_6_months',
      message: '  いつか戻りたいです。  ',
    });
    expect(first.status).toBe(200);
    const a = await json(first);
    expect(a.rehiringConsent).toBe(true);
    expect(a.interest).toMatchObject({
      kind: 'general',
      job: null,
      status: 'active',
      visibleToHr: true,
      // Trimmed, and repeated entries (case-insensitive) kept once in their first spelling.
      preferredRoles: ['営業マネージャー', 'Sales lead'],
      preferredLocations: ['大阪'],
      timing: 'within_6_months',
      message: 'いつか戻りたいです。',
      updatedAt: clock.now().toISOString(),
      withdrawnAt: null,
    });
    const id = String(a.interest.id);
    expect(await cardsOf(id)).toHaveLength(1);
    expect(await onBoard(id)).toBe(true);

    clock.advance(60_000);
    const again = await putGeneral(me.cookie, { preferredRoles: [], timing: 'later', message: '' });
    expect(again.status).toBe(200);
    const b = await json(again);
    expect(b.interest).toMatchObject({ id, preferredRoles: [], timing: 'later', message: null });
    expect(b.interest.updatedAt).toBe(clock.now().toISOString());
    expect(await rowsOf(me.member.id)).toHaveLength(1);
    expect(await cardsOf(id)).toHaveLength(1);
    const audits = await auditsOf(id);
    expect(audits.map((e) => e.action)).toEqual(['return_interest.raised', 'return_interest.updated']);
    // Ids and codes only: nothing the member wrote is copied into the audit log.
    expect(JSON.stringify(audits)).not.toContain('戻りたい');
    expect(audits[0]?.actorId).toBe(me.member.id);

    const list = await (await mine(me.cookie)).json();
    expect(list.general.id).toBe(id);
    expect(list.jobs).toEqual([]);
  });

  it('without rehiring consent HR cannot see it; allowRehiringContact grants it in the same request', async () => {
    const me = await signedIn(t, { role: 'alumni', consents: ['directory', 'events'] });
    const hidden = await json(await putGeneral(me.cookie, { timing: 'now' }));
    expect(hidden.rehiringConsent).toBe(false);
    expect(hidden.interest.visibleToHr).toBe(false);
    const id = String(hidden.interest.id);
    expect(await cardsOf(id)).toHaveLength(1);
    expect(await onBoard(id)).toBe(false);
    expect(await hrView(id)).toEqual({ card: 404, onBoard: false });

    const ledgerBefore = await t.db
      .select()
      .from(consentEvents)
      .where(eq(consentEvents.userId, me.member.id));
    const granted = await json(
      await putGeneral(me.cookie, { timing: 'now', allowRehiringContact: true }, 'ja'),
    );
    expect(granted.rehiringConsent).toBe(true);
    expect(granted.interest).toMatchObject({ id, visibleToHr: true });
    expect(await onBoard(id)).toBe(true);
    const ledger = await t.db.select().from(consentEvents).where(eq(consentEvents.userId, me.member.id));
    const added = ledger.slice(ledgerBefore.length);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ purpose: 'rehiring', granted: true, source: 'settings', locale: 'ja' });
    // The other answers stay as they were.
    const [profile] = await t.db.select().from(profiles).where(eq(profiles.userId, me.member.id));
    expect([...(profile?.consents ?? [])].sort()).toEqual(['directory', 'events', 'rehiring']);

    // Granting again records nothing new.
    await putGeneral(me.cookie, { timing: 'now', allowRehiringContact: true });
    expect(
      await t.db.select().from(consentEvents).where(eq(consentEvents.userId, me.member.id)),
    ).toHaveLength(ledger.length);

    // Withdrawing the consent on the privacy side hides the interest from HR at once.
    expect(await hrView(id)).toEqual({ card: 200, onBoard: true });
    await grantTestConsents(t, me.member.id, ['directory', 'events']);
    expect(await onBoard(id)).toBe(false);
    expect(await hrView(id)).toEqual({ card: 404, onBoard: false });
    const list = await (await mine(me.cookie)).json();
    expect(list).toMatchObject({
      rehiringConsent: false,
      general: { id, status: 'active', visibleToHr: false },
    });
  });
});

describe('POST /api/jobs/{id}/interest', () => {
  it('401 anonymous', async () => {
    expect((await postJob(undefined, openJob, { message: 'hi' })).status).toBe(401);
  });

  it('400 with per-field messages (message required, only true for consent, no unknown keys)', async () => {
    for (const locale of ['en', 'ja'] as const) {
      const res = await postJob(
        alumnus.cookie,
        openJob,
        { message: '   ', allowRehiringContact: 'yes', x: 1 },
        locale,
      );
      expect(res.status).toBe(400);
      const { error } = await json(res);
      expect(error.message).toBe(translate(locale, 'error.bad_request'));
      expect(error.fields?.message).toEqual([translate(locale, 'v.required')]);
      expect(error.fields?.allowRehiringContact).toEqual([translate(locale, 'kz.returnInterestConsentTrue')]);
      expect(error.fields?.x).toEqual([translate(locale, 'v.unknownKey', { keys: 'x' })]);
    }
    const missing = await json(await postJob(alumnus.cookie, openJob, {}));
    expect(missing.error.fields?.message).toEqual([translate('en', 'v.required')]);
  });

  it('404 for non-alumni, and for unknown, internal, expired, closed and draft jobs', async () => {
    for (const viewer of [employee, leaver, hr, admin]) {
      expect((await postJob(viewer.cookie, openJob, { message: 'hi' })).status).toBe(404);
    }
    const invisible = [
      randomUUID(),
      'not-a-job',
      await createJob({ classification: 'internal' }),
      await createJob({ closesOn: '2026-11-23' }),
      await createJob({ status: 'closed', closedAt: new Date('2026-11-20T00:00:00Z') }),
      await createJob({ status: 'draft' }),
      await createJob({ classification: 'network', audience: { roles: ['employee'] } }),
    ];
    for (const jobId of invisible) {
      expect((await postJob(alumnus.cookie, jobId, { message: 'hi' })).status).toBe(404);
    }
    expect(await rowsOf(alumnus.member.id)).toHaveLength(0);
  });

  it('a job closing today is still open (Tokyo calendar day)', async () => {
    const me = await signedIn(t, { role: 'alumni', consents: ['rehiring'] });
    const today = await createJob({ closesOn: '2026-11-24' });
    expect((await postJob(me.cookie, today, { message: 'today' })).status).toBe(201);
  });

  it('raises once: 201, then a repeat merges into the same row and card (200); shows the job title', async () => {
    const me = await signedIn(t, { role: 'alumni', consents: ['rehiring'] });
    const res = await postJob(me.cookie, openJob, { message: 'この求人に興味があります。' });
    expect(res.status).toBe(201);
    const a = await json(res);
    const [job] = await t.db.select().from(jobs).where(eq(jobs.id, openJob));
    expect(a.interest).toMatchObject({
      kind: 'job',
      job: { id: openJob, titleJa: job?.titleJa, titleEn: job?.titleEn, listed: true },
      message: 'この求人に興味があります。',
      status: 'active',
      visibleToHr: true,
    });
    const id = String(a.interest.id);
    const [card] = await cardsOf(id);
    expect(card).toMatchObject({
      source: 'interest',
      userId: me.member.id,
      jobId: openJob,
      stage: 'interested',
    });

    clock.advance(60_000);
    const repeat = await postJob(me.cookie, openJob, { message: '面談を希望します。' });
    expect(repeat.status).toBe(200);
    expect((await json(repeat)).interest).toMatchObject({ id, message: '面談を希望します。' });
    expect(await rowsOf(me.member.id)).toHaveLength(1);
    expect(await cardsOf(id)).toHaveLength(1);

    // A general interest is a separate row (and card) from the job one.
    await putGeneral(me.cookie, { timing: 'now' });
    const list = await (await mine(me.cookie)).json();
    expect(list.general).not.toBeNull();
    expect(list.jobs.map((j: { id: string }) => j.id)).toEqual([id]);
    expect(await rowsOf(me.member.id)).toHaveLength(2);
  });

  it('two requests at once still make one interest and one card', async () => {
    const me = await signedIn(t, { role: 'alumni', consents: ['rehiring'] });
    const results = await Promise.all([
      postJob(me.cookie, openJob, { message: 'one' }),
      postJob(me.cookie, openJob, { message: 'two' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 201]);
    const rows = await rowsOf(me.member.id);
    expect(rows).toHaveLength(1);
    expect(await cardsOf(String(rows[0]?.id))).toHaveLength(1);
  });

  it('grants rehiring consent in the same transaction — and not at all when the job is invisible', async () => {
    const me = await signedIn(t, { role: 'alumni', consents: ['directory'] });
    const internal = await createJob({ classification: 'internal' });
    expect((await postJob(me.cookie, internal, { message: 'hi', allowRehiringContact: true })).status).toBe(
      404,
    );
    expect((await (await mine(me.cookie)).json()).rehiringConsent).toBe(false);

    const res = await postJob(me.cookie, openJob, { message: 'hi', allowRehiringContact: true });
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body.rehiringConsent).toBe(true);
    expect(await onBoard(String(body.interest.id))).toBe(true);
  });

  it('after the job closes the member still sees the interest, without the title', async () => {
    const me = await signedIn(t, { role: 'alumni', consents: ['rehiring'] });
    const soon = await createJob({ closesOn: '2026-11-30' });
    const { interest } = await json(await postJob(me.cookie, soon, { message: 'hi' }));
    clock.set('2026-12-01T03:00:00Z');
    try {
      const list = await (await mine(me.cookie)).json();
      expect(list.jobs[0]).toMatchObject({
        id: interest.id,
        job: { id: soon, titleJa: null, titleEn: null, listed: false },
      });
      // Raising it again needs a job the member can still see.
      expect((await postJob(me.cookie, soon, { message: 'again' })).status).toBe(404);
    } finally {
      clock.set('2026-11-24T03:00:00Z');
    }
  });
});

describe('POST /api/me/return-interests/{id}/withdraw', () => {
  it('401 anonymous, 400 malformed id, 404 unknown id, another member’s interest and non-alumni', async () => {
    const owner = await signedIn(t, { role: 'alumni', consents: ['rehiring'] });
    const other = await signedIn(t, { role: 'alumni', consents: ['rehiring'] });
    const { interest } = await json(await putGeneral(owner.cookie, { timing: 'now' }));
    const id = String(interest.id);
    expect((await withdraw(undefined, id)).status).toBe(401);
    expect((await withdraw(owner.cookie, 'nope')).status).toBe(400);
    expect((await withdraw(owner.cookie, randomUUID())).status).toBe(404);
    for (const viewer of [other, employee, leaver, hr, admin]) {
      expect((await withdraw(viewer.cookie, id)).status).toBe(404);
    }
    expect((await rowsOf(owner.member.id))[0]?.status).toBe('active');
  });

  it('withdraws at once (off the board), and raising again reuses the same row and card', async () => {
    const me = await signedIn(t, { role: 'alumni', consents: ['rehiring'] });
    const raised = await json(await postJob(me.cookie, openJob, { message: 'first' }));
    const id = String(raised.interest.id);
    const [card] = await cardsOf(id);
    expect(await onBoard(id)).toBe(true);
    expect(await hrView(id)).toEqual({ card: 200, onBoard: true });

    clock.advance(60_000);
    const res = await withdraw(me.cookie, id);
    expect(res.status).toBe(200);
    expect((await json(res)).interest).toMatchObject({
      id,
      status: 'withdrawn',
      visibleToHr: false,
      withdrawnAt: clock.now().toISOString(),
    });
    const [row] = await rowsOf(me.member.id);
    expect(row).toMatchObject({ status: 'withdrawn', withdrawnAt: clock.now() });
    expect(await onBoard(id)).toBe(false);
    expect(await hrView(id)).toEqual({ card: 404, onBoard: false });

    // Withdrawing again changes nothing.
    expect((await withdraw(me.cookie, id)).status).toBe(200);

    clock.advance(60_000);
    const again = await postJob(me.cookie, openJob, { message: 'second' });
    expect(again.status).toBe(200);
    expect((await json(again)).interest).toMatchObject({
      id,
      status: 'active',
      withdrawnAt: null,
      message: 'second',
    });
    expect(await rowsOf(me.member.id)).toHaveLength(1);
    expect(await cardsOf(id)).toEqual([card]);
    expect(await onBoard(id)).toBe(true);
    expect(await hrView(id)).toEqual({ card: 200, onBoard: true });
    const audits = await auditsOf(id);
    expect(audits.map((e) => e.action)).toEqual([
      'return_interest.raised',
      'return_interest.withdrawn',
      'return_interest.raised',
    ]);
    expect(audits[2]?.data).toMatchObject({ reactivated: true });
  });

  it('the general interest comes back the same way after a withdrawal', async () => {
    const me = await signedIn(t, { role: 'alumni', consents: ['rehiring'] });
    const { interest } = await json(await putGeneral(me.cookie, { timing: 'now' }));
    await withdraw(me.cookie, String(interest.id));
    const list = await (await mine(me.cookie)).json();
    expect(list.general).toMatchObject({ id: interest.id, status: 'withdrawn' });
    const back = await json(await putGeneral(me.cookie, { timing: 'within_1_year' }));
    expect(back.interest).toMatchObject({ id: interest.id, status: 'active', timing: 'within_1_year' });
    expect(await rowsOf(me.member.id)).toHaveLength(1);
    expect(await cardsOf(String(interest.id))).toHaveLength(1);
  });
});

describe('a renewed interest on the board (reopenPipelineCard)', () => {
  const moveCard = (cardId: string, json: unknown) =>
    t.request(`/api/pipeline/${cardId}/move`, { method: 'POST', cookie: hr.cookie, json });
  const cardMoves = (cardId: string) =>
    t.db
      .select({ data: auditEvents.data, actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'pipeline_card.moved'), eq(auditEvents.subjectId, cardId)))
      .orderBy(auditEvents.id);

  it('comes back as "interested", not in the column HR had left it in; nobody moved it, the audit says why', async () => {
    const me = await signedIn(t, { role: 'alumni', consents: ['rehiring'] });
    const { interest } = await json(await putGeneral(me.cookie, { timing: 'now' }));
    const id = String(interest.id);
    const [card] = await cardsOf(id);
    if (!card) throw new Error('no card');
    expect((await moveCard(card.id, { stage: 'interview' })).status).toBe(200);
    clock.advance(60_000);
    expect((await withdraw(me.cookie, id)).status).toBe(200);
    // Withdrawing leaves the stage alone (no hire to cancel); the card is simply off the board.
    expect((await cardsOf(id))[0]?.stage).toBe('interview');
    clock.advance(60_000);
    expect((await putGeneral(me.cookie, { timing: 'within_1_year' })).status).toBe(200);
    const [after] = await cardsOf(id);
    expect(after).toMatchObject({
      id: card.id,
      stage: 'interested',
      stageChangedBy: null,
      stageChangedAt: clock.now(),
    });
    expect((await cardMoves(card.id)).at(-1)).toEqual({
      actorId: null,
      data: { from: 'interview', to: 'interested', reason: 'interest_renewed' },
    });
    const detail = (await (await t.request(`/api/pipeline/${card.id}`, { cookie: hr.cookie })).json()) as {
      stage: string;
      stageHistory: Record<string, unknown>[];
    };
    expect(detail.stage).toBe('interested');
    expect(detail.stageHistory.at(-1)).toMatchObject({
      kind: 'moved',
      from: 'interview',
      to: 'interested',
      actor: null,
      reason: 'interest_renewed',
    });
  });

  it('a withdrawn hire that had not started comes back as "interested" too (via "not now")', async () => {
    const me = await signedIn(t, { role: 'alumni', consents: ['rehiring'] });
    const raised = await json(await postJob(me.cookie, openJob, { message: 'back to sales' }));
    const id = String(raised.interest.id);
    const [card] = await cardsOf(id);
    if (!card) throw new Error('no card');
    const hire = { startOn: '2027-02-01', roleTitle: 'Sales lead', timeZone: 'Asia/Tokyo' };
    expect((await moveCard(card.id, { stage: 'rehired', hire })).status).toBe(200);
    clock.advance(60_000);
    await withdraw(me.cookie, id);
    expect((await cardsOf(id))[0]?.stage).toBe('not_now');
    clock.advance(60_000);
    expect((await postJob(me.cookie, openJob, { message: 'still keen' })).status).toBe(200);
    expect((await cardsOf(id))[0]?.stage).toBe('interested');
    expect((await cardMoves(card.id)).map((m) => [m.data.from, m.data.to, m.data.reason ?? null])).toEqual([
      ['interested', 'rehired', null],
      ['rehired', 'not_now', 'interest_withdrawn'],
      ['not_now', 'interested', 'interest_renewed'],
    ]);
  });

  it('a repeat while active and a first interest leave the card where it is', async () => {
    const me = await signedIn(t, { role: 'alumni', consents: ['rehiring'] });
    const { interest } = await json(await putGeneral(me.cookie, { timing: 'now' }));
    const [card] = await cardsOf(String(interest.id));
    if (!card) throw new Error('no card');
    expect((await moveCard(card.id, { stage: 'conversation' })).status).toBe(200);
    expect((await putGeneral(me.cookie, { timing: 'within_6_months' })).status).toBe(200);
    expect((await cardsOf(String(interest.id)))[0]?.stage).toBe('conversation');
  });
});

describe('the exit plug-in (decisions 012, 015)', () => {
  async function leaverWithCase(set: Partial<typeof leaverCases.$inferInsert>) {
    clock.set('2026-11-24T03:00:00Z');
    const c = await openTestCase(t, { lastDay: '2026-12-01' });
    await t.db.update(leaverCases).set(set).where(eq(leaverCases.id, c.row.id));
    return c;
  }

  it('open to return and joined: the new alumnus has a general interest on the board, once', async () => {
    const c = await leaverWithCase({ openToReturn: true, networkDecision: 'joined' });
    await grantTestConsents(t, c.leaver.id, ['directory', 'rehiring']);
    expect((await mine(c.leaver.cookie)).status).toBe(404); // still a leaver

    clock.set('2026-12-02T00:00:00Z');
    try {
      await runExitTransition(depsOf(t));
      const rows = await rowsOf(c.leaver.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ jobId: null, status: 'active' });
      const id = String(rows[0]?.id);
      expect(await cardsOf(id)).toHaveLength(1);
      expect(await onBoard(id)).toBe(true);
      const [audit] = await auditsOf(id);
      expect(audit).toMatchObject({ action: 'return_interest.raised', actorId: null, data: { via: 'exit' } });

      // The same session now sees it as the alumnus's own; a re-run adds nothing.
      const list = await (await mine(c.leaver.cookie)).json();
      expect(list.general).toMatchObject({ id, status: 'active', visibleToHr: true });
      await runExitTransition(depsOf(t));
      expect(await rowsOf(c.leaver.id)).toHaveLength(1);
    } finally {
      clock.set('2026-11-24T03:00:00Z');
    }
  });

  it('consent still decides: without it the interest exists but HR does not see it', async () => {
    const c = await leaverWithCase({ openToReturn: true, networkDecision: 'joined' });
    clock.set('2026-12-02T00:00:00Z');
    try {
      await runExitTransition(depsOf(t));
      const [row] = await rowsOf(c.leaver.id);
      expect(row?.status).toBe('active');
      expect(await onBoard(String(row?.id))).toBe(false);
    } finally {
      clock.set('2026-11-24T03:00:00Z');
    }
  });

  it('nothing when not open to return, when the network decision is pending, or declined', async () => {
    const cases = [
      await leaverWithCase({ openToReturn: false, networkDecision: 'joined' }),
      await leaverWithCase({ openToReturn: true, networkDecision: 'pending' }),
      await leaverWithCase({ openToReturn: true, networkDecision: 'declined' }),
    ];
    clock.set('2026-12-02T00:00:00Z');
    try {
      await runExitTransition(depsOf(t));
      for (const c of cases) {
        const [done] = await t.db.select().from(leaverCases).where(eq(leaverCases.id, c.row.id));
        expect(done?.status).toBe('completed');
        expect(await rowsOf(c.leaver.id)).toHaveLength(0);
      }
    } finally {
      clock.set('2026-11-24T03:00:00Z');
    }
  });
});

describe('the one-active-interest constraint', () => {
  it('the database refuses a second active interest for the same member and job', async () => {
    const member = await createTestMember(t, { role: 'alumni' });
    const row = { userId: member.id, jobId: null, status: 'active' as const };
    await t.db.insert(returnInterests).values({ id: randomUUID(), ...row });
    await expect(t.db.insert(returnInterests).values({ id: randomUUID(), ...row })).rejects.toThrow();
    const [{ n } = { n: 0 }] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(returnInterests)
      .where(eq(returnInterests.userId, member.id));
    expect(n).toBe(1);
  });
});

describe('the demo seed', () => {
  it('six consenting alumni (never a demo login) raise interests, each on the board; a re-run adds nothing', async () => {
    const demo = await createTestApp();
    try {
      const login = await createTestMember(demo, {
        role: 'alumni',
        email: 'alumni@kizuna.example',
        consents: ['directory', 'rehiring'],
        canSignIn: false,
      });
      const consenting = [];
      for (let i = 0; i < 8; i++) {
        consenting.push(
          await createTestMember(demo, { role: 'alumni', consents: ['rehiring'], canSignIn: false }),
        );
      }
      const refusing = await createTestMember(demo, {
        role: 'alumni',
        consents: ['directory'],
        canSignIn: false,
      });
      const employed = await createTestMember(demo, {
        role: 'employee',
        consents: ['rehiring'],
        canSignIn: false,
      });
      const jobId = randomUUID();
      await demo.db.insert(jobs).values({
        id: jobId,
        titleJa: 'デモ求人',
        titleEn: 'Demo job',
        department: '営業部',
        location: '東京',
        remote: 'hybrid',
        employmentType: 'full_time',
        closesOn: '2999-12-31',
        status: 'open',
        classification: 'network',
        audience: {},
        searchText: 'demo',
      });

      await seedDemoReturnInterests(demo.db);
      const rows = await demo.db.select().from(returnInterests);
      const people = new Set(rows.map((r) => r.userId));
      expect(people.size).toBe(6);
      for (const id of [login.id, refusing.id, employed.id]) expect(people.has(id)).toBe(false);
      expect(rows.every((r) => r.status === 'active')).toBe(true);
      expect(rows.some((r) => r.jobId === jobId)).toBe(true);
      expect(rows.some((r) => r.jobId === null)).toBe(true);
      const cards = await demo.db.select().from(pipelineCards);
      expect(new Set(cards.map((c) => c.interestId))).toEqual(new Set(rows.map((r) => r.id)));

      await seedDemoReturnInterests(demo.db);
      expect(await demo.db.select().from(returnInterests)).toHaveLength(rows.length);
      expect(await demo.db.select().from(pipelineCards)).toHaveLength(cards.length);
    } finally {
      await demo.close();
    }
  });
});

/** The deps the app was built with (the same db, clock and queue as the requests use). */
function depsOf(app: TestApp) {
  return {
    db: app.db,
    env: app.env,
    clock: app.clock,
    queue: app.queue,
    hooks: app.hooks,
    mailer: undefined as never,
    logger: { info() {}, warn() {}, error() {}, debug() {} } as never,
    auth: undefined as never,
  };
}
