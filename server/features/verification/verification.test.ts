import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  auditEvents,
  erasureSuppressions,
  hrRecords,
  invitations,
  mailMessages,
  verificationRequests,
} from '#server/db/schema/index';
import { suppressionHash } from '#server/lib/suppression';
import { createHrRecord } from '#tests/factories/hr-records';
import { createTestMember, signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { JOIN_RATE_LIMIT } from './verification.routes';

failOnConsoleError();
let t: TestApp;
let hr: { cookie: string; member: { id: string } };
beforeAll(async () => {
  t = await createTestApp();
  hr = await signedIn(t, { role: 'alumni_manager' });
});
afterAll(() => t.close());
// Each test starts a fresh rate-limit window (the limiter keys in-process requests together).
beforeEach(() => t.clock.advance(JOIN_RATE_LIMIT.windowMs));

let n = 0;
/** n in letters (romaji must be Latin letters): 12 → "bc". */
const tag = (k: number) => String(k).replace(/\d/g, (d) => 'abcdefghij'[Number(d)] as string);
/** A record with unique names/numbers, so tests do not see each other's records as candidates. */
async function record(overrides: Parameters<typeof createHrRecord>[1] = {}) {
  n += 1;
  const family = ['高橋', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田', '佐々木'][
    n % 10
  ] as string;
  return createHrRecord(t, {
    familyName: family,
    givenName: `花${n}`,
    familyNameKana: null,
    givenNameKana: null,
    familyNameRomaji: `Zz${tag(n)}q`,
    givenNameRomaji: `Hanako${tag(n)}x`,
    employeeNumber: `V${String(n).padStart(5, '0')}-${randomUUID().slice(0, 4)}`,
    ...overrides,
  });
}

const requestFor = (r: Awaited<ReturnType<typeof record>>, extra: Record<string, unknown> = {}) => ({
  familyName: r.familyName,
  givenName: r.givenName,
  email: `contact-${randomUUID().slice(0, 8)}@mail.example`,
  employeeNumber: r.employeeNumber,
  joinedOn: r.joinedOn?.slice(0, 7),
  leftOn: r.leftOn?.slice(0, 7),
  locale: 'en',
  ...extra,
});

const submit = (json: unknown, headers: Record<string, string> = {}) =>
  t.request('/api/join-requests', { method: 'POST', json, headers });

async function requestByEmail(email: string) {
  const [row] = await t.db.select().from(verificationRequests).where(eq(verificationRequests.email, email));
  if (!row) throw new Error('no request stored');
  return row;
}

describe('POST /api/join-requests (anonymous)', () => {
  it('400 with translated per-field messages', async () => {
    const res = await submit(
      { familyName: '', givenName: '太郎', email: 'nope', joinedOn: '2019/04', familyNameKana: 'Sato' },
      { 'accept-language': 'ja' },
    );
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.fields.familyName).toEqual(['必須項目です。']);
    expect(error.fields.email).toEqual(['正しいメールアドレスを入力してください。']);
    expect(error.fields.joinedOn).toEqual(['2019-04 のような年月で入力してください。']);
    expect(error.fields.familyNameKana).toEqual(['ひらがなまたはカタカナで入力してください。']);
    expect(error.fields.employeeNumber).toEqual([
      '社員番号、または在籍時のメールアドレスを入力してください。',
    ]);
  });

  it('400 when the last day is before the first (in English)', async () => {
    const res = await submit(
      {
        familyName: 'Wilson',
        givenName: 'Emma',
        email: 'e@mail.example',
        employeeNumber: 'X1',
        joinedOn: '2019-04',
        leftOn: '2018-01',
      },
      { 'accept-language': 'en' },
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.leftOn).toEqual(['The last day cannot be before the first day.']);
  });

  it('answers the same 202 whether or not anyone matched', async () => {
    const r = await record();
    const matched = await submit(requestFor(r));
    const unknown = await submit({
      familyName: '存在',
      givenName: 'しない',
      email: 'nobody@mail.example',
      employeeNumber: 'NOPE-1',
      joinedOn: '2001-01',
    });
    expect(matched.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await matched.json()).toEqual(await unknown.json());
    expect((await requestByEmail('nobody@mail.example')).status).toBe('pending');
  });

  it(`429 after ${JOIN_RATE_LIMIT.max} requests in the window, translated`, async () => {
    const body = {
      familyName: '田中',
      givenName: '一郎',
      email: 'rate@mail.example',
      employeeNumber: 'R1',
      joinedOn: '2010-04',
    };
    for (let i = 0; i < JOIN_RATE_LIMIT.max; i++) expect((await submit(body)).status).toBe(202);
    const limited = await submit(body, { 'accept-language': 'en' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe(String(JOIN_RATE_LIMIT.windowMs / 1000));
    expect((await limited.json()).error.message).toBe(
      'Too many requests from your network. Please try again in 15 minutes.',
    );
    t.clock.advance(JOIN_RATE_LIMIT.windowMs);
    expect((await submit(body)).status).toBe(202);
  });
});

describe('matching against HR records', () => {
  it('matches the employee number case- and width-insensitively (decision 028)', async () => {
    const r = await record();
    const typed = r.employeeNumber
      .toLowerCase()
      .replace(/[0-9a-z]/g, (c) => String.fromCodePoint((c.codePointAt(0) as number) + 0xfee0));
    const body = requestFor(r, { employeeNumber: typed });
    expect((await submit(body)).status).toBe(202);
    const row = await requestByEmail(body.email);
    expect(row).toMatchObject({ status: 'approved', matchRecordId: r.id, employeeNumber: r.employeeNumber });
  });

  it('exact + eligible: approved and invited automatically, linked to the record', async () => {
    const r = await record({ leaveReason: 'career_change' });
    const body = requestFor(r);
    expect((await submit(body)).status).toBe(202);
    const row = await requestByEmail(body.email);
    expect(row).toMatchObject({ status: 'approved', decision: 'auto', matchRecordId: r.id });
    expect(row.invitationId).toBeTruthy();
    const [invitation] = await t.db
      .select()
      .from(invitations)
      .where(eq(invitations.id, row.invitationId as string));
    expect(invitation).toMatchObject({
      email: body.email,
      role: 'alumni',
      hrRecordId: r.id,
      invitedBy: null,
    });
    expect(invitation?.names.familyName).toBe(r.familyName);
    await t.queue.drain();
    expect(t.mailer.sent.some((m) => m.to === body.email)).toBe(true);
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.subjectId, row.id));
    expect(event).toMatchObject({ action: 'verification.auto_approve', actorId: null });
    expect(JSON.stringify(event?.data)).not.toContain(body.email);
  });

  it('a current employee is invited as employee when HR allows current employees', async () => {
    await t.request('/api/settings/eligibility', {
      method: 'PUT',
      cookie: hr.cookie,
      json: { minTenureMonths: 0, excludedLeaveReasons: [], allowCurrentEmployees: true },
    });
    const r = await record({ leftOn: null, leaveReason: null });
    const body = requestFor(r, { leftOn: '' });
    await submit(body);
    const row = await requestByEmail(body.email);
    expect(row.status).toBe('approved');
    const [invitation] = await t.db
      .select()
      .from(invitations)
      .where(eq(invitations.id, row.invitationId as string));
    expect(invitation?.role).toBe('employee');
    await t.request('/api/settings/eligibility', {
      method: 'PUT',
      cookie: hr.cookie,
      json: { minTenureMonths: 0, excludedLeaveReasons: [], allowCurrentEmployees: false },
    });
  });

  it('matches kana given in katakana against romaji, and romaji in word-processor spelling', async () => {
    const r = await record({
      familyName: '大野',
      givenName: `翔${n}`,
      familyNameKana: null,
      givenNameKana: null,
      familyNameRomaji: 'Ono',
      givenNameRomaji: 'Sho',
      employeeNumber: `K-${randomUUID().slice(0, 8)}`,
    });
    // Different kanji typed, but the reading (katakana) spells the record's romaji.
    const byKana = requestFor(r, { givenName: '将', familyNameKana: 'オオノ', givenNameKana: 'ショウ' });
    await submit(byKana);
    expect(await requestByEmail(byKana.email)).toMatchObject({ status: 'approved', matchRecordId: r.id });

    const k = tag(n);
    const r2 = await record({ familyNameRomaji: 'Oota', givenNameRomaji: `Yuuki${k}` });
    const byRomaji = requestFor(r2, {
      givenName: '違う',
      familyNameRomaji: 'Ota',
      givenNameRomaji: `Yuki${k}`,
    });
    await submit(byRomaji);
    // Stored romaji "Oota" is passport "ota" too: the same name.
    expect(await requestByEmail(byRomaji.email)).toMatchObject({ status: 'approved', matchRecordId: r2.id });
  });

  it('fuzzy: a misspelt name with the right number waits for HR with a scored candidate', async () => {
    const k = tag(n);
    const r = await record({ familyNameRomaji: 'Takahashi', givenNameRomaji: `Kenichiro${k}` });
    const body = requestFor(r, {
      familyName: '高梁',
      givenName: '健一郎',
      familyNameRomaji: 'Takahasi',
      givenNameRomaji: `Kenichiro${k}`,
    });
    await submit(body);
    const row = await requestByEmail(body.email);
    expect(row).toMatchObject({ status: 'pending', matchRecordId: r.id, invitationId: null });
    expect(row.matchScore).toBeGreaterThan(0.6);
    expect(row.matchScore).toBeLessThan(1);
    const details = row.matchDetails as { flags: string[]; candidates: { facts: Record<string, string> }[] };
    expect(details.flags).toContain('not_exact');
    expect(details.candidates[0]?.facts).toMatchObject({ name: 'partial', employeeNumber: 'agree' });
  });

  it('fuzzy: no employee number or work email match, found by name alone', async () => {
    const k = tag(n);
    const r = await record({ familyNameRomaji: 'Fujiwara', givenNameRomaji: `Michiko${k}` });
    const body = requestFor(r, {
      employeeNumber: 'WRONG-1',
      familyNameRomaji: 'Fujiwara',
      givenNameRomaji: `Michiko${k}`,
    });
    await submit(body);
    const row = await requestByEmail(body.email);
    expect(row).toMatchObject({ status: 'pending', matchRecordId: r.id });
    const details = row.matchDetails as { candidates: { facts: Record<string, string> }[] };
    expect(details.candidates[0]?.facts).toMatchObject({ name: 'agree', employeeNumber: 'disagree' });
  });

  it('wrong dates: pending, with the date marked as disagreeing', async () => {
    const r = await record({ joinedOn: '2012-04-01' });
    const body = requestFor(r, { joinedOn: '2012-07' });
    await submit(body);
    const row = await requestByEmail(body.email);
    expect(row.status).toBe('pending');
    const details = row.matchDetails as { candidates: { facts: Record<string, string> }[] };
    expect(details.candidates[0]?.facts.joinedOn).toBe('disagree');
    // ±1 month is fine.
    const ok = requestFor(await record({ joinedOn: '2012-04-01' }), { joinedOn: '2012-05' });
    await submit(ok);
    expect((await requestByEmail(ok.email)).status).toBe('approved');
  });

  it('ineligible by HR rules: pending with the reasons, never auto-approved', async () => {
    await t.request('/api/settings/eligibility', {
      method: 'PUT',
      cookie: hr.cookie,
      json: { minTenureMonths: 24, excludedLeaveReasons: ['dismissal'], allowCurrentEmployees: false },
    });
    const short = await record({ joinedOn: '2024-04-01', leftOn: '2025-03-31' });
    const dismissed = await record({ leaveReason: 'dismissal' });
    const a = requestFor(short);
    const b = requestFor(dismissed);
    await submit(a);
    await submit(b);
    expect(await requestByEmail(a.email)).toMatchObject({
      status: 'pending',
      eligibility: { eligible: false, reasons: ['tenure_too_short'] },
    });
    expect(await requestByEmail(b.email)).toMatchObject({
      status: 'pending',
      eligibility: { eligible: false, reasons: ['leave_reason_excluded'] },
    });
    await t.request('/api/settings/eligibility', {
      method: 'PUT',
      cookie: hr.cookie,
      json: { minTenureMonths: 0, excludedLeaveReasons: [], allowCurrentEmployees: false },
    });
  });

  it('erased people: pending with a flag, never auto-approved', async () => {
    const r = await record();
    await t.db.insert(erasureSuppressions).values({ hash: suppressionHash(t.env, r.employeeNumber) });
    const body = requestFor(r);
    await submit(body);
    const row = await requestByEmail(body.email);
    expect(row).toMatchObject({ status: 'pending', invitationId: null });
    expect((row.matchDetails as { flags: string[] }).flags).toContain('erased');
  });

  it('already a member: no second account, told by email to sign in', async () => {
    const member = await createTestMember(t, { role: 'alumni', locale: 'en' });
    const r = await record();
    await t.db.update(hrRecords).set({ userId: member.id }).where(eq(hrRecords.id, r.id));
    const body = requestFor(r);
    expect((await submit(body)).status).toBe(202);
    const row = await requestByEmail(body.email);
    expect(row).toMatchObject({ status: 'rejected', decision: 'auto', invitationId: null });
    expect(await t.db.select().from(invitations).where(eq(invitations.email, body.email))).toEqual([]);
    await t.queue.drain();
    const mail = t.mailer.sent.find((m) => m.to === member.email);
    expect(mail?.subject).toBe('You already have a Kizuna account');
    expect(mail?.text).toContain('http://localhost:3000/login');

    // The contact address itself belongs to a member: the same.
    const again = requestFor(await record(), { email: member.email });
    await submit(again);
    expect((await requestByEmail(member.email)).status).toBe('rejected');
  });
});

describe('HR queue', () => {
  async function pendingRequest(locale: 'ja' | 'en' = 'en') {
    const r = await record();
    const body = requestFor(r, { joinedOn: '1999-01', locale });
    await submit(body);
    return { record: r, request: await requestByEmail(body.email) };
  }

  it('401 signed out, 404 for members who are not HR', async () => {
    const { request } = await pendingRequest();
    expect((await t.request('/api/join-requests')).status).toBe(401);
    expect(
      (
        await t.request(`/api/join-requests/${request.id}/approve`, {
          method: 'POST',
          json: { recordId: null },
        })
      ).status,
    ).toBe(401);
    const alumni = await signedIn(t, { role: 'alumni' });
    expect((await t.request('/api/join-requests', { cookie: alumni.cookie })).status).toBe(404);
    for (const action of ['approve', 'reject']) {
      const res = await t.request(`/api/join-requests/${request.id}/${action}`, {
        method: 'POST',
        cookie: alumni.cookie,
        json: action === 'approve' ? { recordId: null } : { note: 'x' },
      });
      expect(res.status).toBe(404);
    }
    expect((await t.request('/api/settings/eligibility', { cookie: alumni.cookie })).status).toBe(404);
  });

  it('lists pending requests with candidates, facts and eligibility warnings', async () => {
    const { record: r, request } = await pendingRequest();
    const res = await t.request('/api/join-requests?status=pending', { cookie: hr.cookie });
    expect(res.status).toBe(200);
    const item = (await res.json()).items.find((i: { id: string }) => i.id === request.id);
    expect(item).toMatchObject({ status: 'pending', flags: ['not_exact'] });
    expect(item.candidates[0]).toMatchObject({
      recordId: r.id,
      employeeNumber: r.employeeNumber,
      isExact: false,
      isMember: false,
      facts: { name: 'agree', employeeNumber: 'agree', joinedOn: 'disagree' },
      warnings: [],
    });
    expect(typeof item.candidates[0].score).toBe('number');
  });

  it('400 for bad decisions, 404 for an unknown request', async () => {
    const { request } = await pendingRequest();
    const bad = await t.request(`/api/join-requests/${request.id}/reject`, {
      method: 'POST',
      cookie: hr.cookie,
      json: { note: '' },
      headers: { 'accept-language': 'en' },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.note).toEqual(['Required.']);
    const badApprove = await t.request(`/api/join-requests/${request.id}/approve`, {
      method: 'POST',
      cookie: hr.cookie,
      json: { recordId: 'no-such-record' },
    });
    expect(badApprove.status).toBe(400);
    expect((await badApprove.json()).error.fields.recordId).toHaveLength(1);
    const unknown = await t.request('/api/join-requests/nope/reject', {
      method: 'POST',
      cookie: hr.cookie,
      json: { note: 'x' },
    });
    expect(unknown.status).toBe(404);
    const stillPending = await requestByEmail(request.email);
    expect(stillPending.status).toBe('pending');
  });

  it('approve: invites as the chosen record, audits ids only, cannot be decided twice', async () => {
    const { record: r, request } = await pendingRequest();
    const res = await t.request(`/api/join-requests/${request.id}/approve`, {
      method: 'POST',
      cookie: hr.cookie,
      json: { recordId: r.id },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'approved', decision: 'manual', matchRecordId: r.id });
    const [invitation] = await t.db.select().from(invitations).where(eq(invitations.id, body.invitationId));
    expect(invitation).toMatchObject({
      email: request.email,
      hrRecordId: r.id,
      invitedBy: hr.member.id,
      role: 'alumni',
    });
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, request.id), eq(auditEvents.action, 'verification.approve')));
    expect(event).toMatchObject({
      actorId: hr.member.id,
      data: { recordId: r.id, invitationId: body.invitationId },
    });

    const again = await t.request(`/api/join-requests/${request.id}/reject`, {
      method: 'POST',
      cookie: hr.cookie,
      json: { note: 'late' },
    });
    expect(again.status).toBe(409);

    const history = await (
      await t.request('/api/join-requests?status=decided', { cookie: hr.cookie })
    ).json();
    expect(history.items.find((i: { id: string }) => i.id === request.id)).toMatchObject({
      status: 'approved',
    });
  });

  it('reject: keeps the note for HR and mails the requester politely in their language', async () => {
    const { request } = await pendingRequest('ja');
    const res = await t.request(`/api/join-requests/${request.id}/reject`, {
      method: 'POST',
      cookie: hr.cookie,
      json: { note: '記録と一致しない' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'rejected', decisionNote: '記録と一致しない' });
    const [queued] = await t.db.select().from(mailMessages).where(eq(mailMessages.subjectId, request.id));
    expect(queued).toMatchObject({ kind: 'verification_rejected', toAddress: request.email, locale: 'ja' });
    expect(queued?.text).not.toContain('記録と一致しない');
    await t.queue.drain();
    expect(t.mailer.sent.find((m) => m.to === request.email)?.subject).toBe('Kizuna への参加申請について');
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.subjectId, request.id));
    expect(event).toMatchObject({ action: 'verification.reject', data: {} });
  });
});

describe('eligibility settings', () => {
  it('401 signed out; 400 on bad values; HR reads and writes them', async () => {
    expect((await t.request('/api/settings/eligibility')).status).toBe(401);
    const bad = await t.request('/api/settings/eligibility', {
      method: 'PUT',
      cookie: hr.cookie,
      json: { minTenureMonths: -1, excludedLeaveReasons: 'x', allowCurrentEmployees: 'yes' },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual([
      'allowCurrentEmployees',
      'excludedLeaveReasons',
      'minTenureMonths',
    ]);
    const rules = {
      minTenureMonths: 6,
      excludedLeaveReasons: ['dismissal', 'dismissal'],
      allowCurrentEmployees: true,
    };
    const put = await t.request('/api/settings/eligibility', {
      method: 'PUT',
      cookie: hr.cookie,
      json: rules,
    });
    expect(put.status).toBe(200);
    const got = await (await t.request('/api/settings/eligibility', { cookie: hr.cookie })).json();
    expect(got).toEqual({ ...rules, excludedLeaveReasons: ['dismissal'] });
    await t.request('/api/settings/eligibility', {
      method: 'PUT',
      cookie: hr.cookie,
      json: { minTenureMonths: 0, excludedLeaveReasons: [], allowCurrentEmployees: false },
    });
  });

  it('lists the distinct leave-reason codes of the HR records for HR only (401, 404)', async () => {
    const url = '/api/settings/eligibility/leave-reasons';
    expect((await t.request(url)).status).toBe(401);
    const alumni = await signedIn(t, { role: 'alumni' });
    expect((await t.request(url, { cookie: alumni.cookie })).status).toBe(404);
    const employee = await signedIn(t, { role: 'employee' });
    expect((await t.request(url, { cookie: employee.cookie })).status).toBe(404);
    for (const leaveReason of ['zz_dismissal', 'family', 'zz_dismissal', '  ', null]) {
      await record({ leaveReason });
    }
    const res = await t.request(url, { cookie: hr.cookie });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: string[] };
    expect(items).toContain('family');
    expect(items.filter((code) => code === 'zz_dismissal')).toHaveLength(1);
    expect(items.every((code) => code.trim() !== '')).toBe(true);
    expect(items).toEqual([...items].sort());
  });
});
