import { asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HrRecordFilter } from '#common/hr-records';
import {
  erasureSuppressions,
  hrRecords,
  invitationBatches,
  invitations,
  mailMessages,
} from '#server/db/schema/index';
import { MAIL_SWEEP } from '#server/lib/outbox';
import { suppressionHash } from '#server/lib/suppression';
import { createHrRecord } from '#tests/factories/hr-records';
import { signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import {
  findInvitationBatch,
  issueInvitations,
  resumeInvitationBatches,
  runInvitationBatch,
} from './invitation-batches';
import { hrRecordFilterWhere } from './record-filter';

failOnConsoleError();
let t: TestApp;
let hr: Awaited<ReturnType<typeof signedIn>>;
beforeAll(async () => {
  t = await createTestApp();
  hr = await signedIn(t, { role: 'alumni_manager' });
});
afterAll(() => t.close());

const post = (json: unknown, cookie = hr.cookie, headers: Record<string, string> = {}) =>
  t.request('/api/invitations/from-records', { method: 'POST', cookie, json, headers });

const invitationsOf = (recordIds: string[]) =>
  t.db
    .select()
    .from(invitations)
    .where(inArray(invitations.hrRecordId, recordIds))
    .orderBy(asc(invitations.email));

const mailsTo = (addresses: string[]) =>
  t.db.select().from(mailMessages).where(inArray(mailMessages.toAddress, addresses));

const matching = async (filter: HrRecordFilter) =>
  (
    await t.db.select({ id: hrRecords.id }).from(hrRecords).where(hrRecordFilterWhere(filter, t.clock.now()))
  ).map((r) => r.id);

describe('POST /api/invitations/from-records: guards', () => {
  it('401 signed out; 404 for alumni, employees and leavers', async () => {
    const record = await createHrRecord(t);
    expect(
      (await t.request('/api/invitations/from-records', { method: 'POST', json: { recordIds: [record.id] } }))
        .status,
    ).toBe(401);
    for (const role of ['alumni', 'employee', 'leaver'] as const) {
      const member = await signedIn(t, { role });
      expect((await post({ recordIds: [record.id] }, member.cookie)).status).toBe(404);
    }
    expect(await invitationsOf([record.id])).toHaveLength(0);
  });

  it('400 with translated messages: both or neither of recordIds/filter, too many ids, a bad filter', async () => {
    const both = await post({ recordIds: ['a'], filter: {} }, hr.cookie, { 'accept-language': 'en' });
    expect(both.status).toBe(400);
    expect((await both.json()).error.fields.recordIds).toEqual([
      'Give either a list of records or a filter, not both.',
    ]);
    const neither = await post({}, hr.cookie, { 'accept-language': 'ja' });
    expect(neither.status).toBe(400);
    expect((await neither.json()).error.fields.recordIds[0]).toContain('どちらか一方');
    const many = await post({ recordIds: Array.from({ length: 1001 }, (_, i) => `r${i}`) }, hr.cookie, {
      'accept-language': 'en',
    });
    expect(many.status).toBe(400);
    expect((await many.json()).error.fields.recordIds).toEqual(['At most 1000 items.']);
    const badFilter = await post({ filter: { leftFrom: '2024-13-01', colour: 'red' } }, hr.cookie, {
      'accept-language': 'en',
    });
    expect(badFilter.status).toBe(400);
    const { error } = await badFilter.json();
    expect(error.fields['filter.leftFrom']).toEqual(['Use a date such as 2024-04-01.']);
  });
});

describe('inviting HR records', () => {
  it('invites the chosen records: personal address first, role from the last day, language of the record', async () => {
    const personal = await createHrRecord(t, {
      locale: 'en',
      givenNameRomaji: 'Hanako',
      familyNameRomaji: 'Sato',
    });
    const workOnly = await createHrRecord(t, { personalEmail: null, leftOn: null });
    const leaving = await createHrRecord(t, { personalEmail: null, leftOn: '2027-03-31' });
    const noAddress = await createHrRecord(t, { personalEmail: null, workEmail: null });
    const ids = [personal.id, workOnly.id, leaving.id, noAddress.id];
    const res = await post({ recordIds: ids });
    expect(res.status).toBe(202);
    const body = await res.json();
    expect(body.queued).toBe(3);
    // Nothing is written before the job runs: the request only records the batch.
    expect(await invitationsOf(ids)).toHaveLength(0);

    await t.queue.drain();
    const rows = await invitationsOf(ids);
    expect(rows.map((r) => [r.hrRecordId, r.email, r.role, r.locale, r.invitedBy]).sort()).toEqual(
      [
        [personal.id, personal.personalEmail, 'alumni', 'en', hr.member.id],
        [workOnly.id, workOnly.workEmail, 'employee', 'ja', hr.member.id],
        [leaving.id, leaving.workEmail, 'leaver', 'ja', hr.member.id],
      ].sort(),
    );
    expect(rows.every((r) => r.deliveryStatus === 'sent')).toBe(true);
    const mail = t.mailer.sent.find((m) => m.to === personal.personalEmail);
    expect(mail?.subject).toBe('You are invited to the Kizuna alumni network');
    expect(mail?.text).toContain('Dear Hanako Sato,');
    const batch = await findInvitationBatch({ db: t.db, id: body.batchId });
    expect(batch).toMatchObject({ status: 'done', total: 3, invited: 3, skipped: 1 });
  });

  it('a filter selects the records; members, open invitations, taken addresses and erased people are skipped', async () => {
    const dept = `Filter-${Date.now()}`;
    const fresh = await createHrRecord(t, { departments: [dept] });
    const member = await signedIn(t);
    const isMember = await createHrRecord(t, { departments: [dept], userId: member.member.id });
    const addressTaken = await createHrRecord(t, { departments: [dept], personalEmail: member.member.email });
    const erased = await createHrRecord(t, { departments: [dept] });
    await t.db.insert(erasureSuppressions).values({ hash: suppressionHash(t.env, erased.employeeNumber) });
    const other = await createHrRecord(t, { departments: ['elsewhere'] });
    const formInvited = await createHrRecord(t, { departments: [dept] });
    const viaForm = await t.request('/api/invitations', {
      method: 'POST',
      cookie: hr.cookie,
      json: {
        email: formInvited.personalEmail,
        role: 'alumni',
        familyName: formInvited.familyName,
        givenName: formInvited.givenName,
      },
    });
    expect(viaForm.status).toBe(201);

    const res = await post({ filter: { department: dept } });
    expect(res.status).toBe(202);
    // Counted: fresh + erased (erasure is only known to the job, which checks the HMAC keys).
    expect((await res.json()).queued).toBe(2);
    await t.queue.drain();
    const rows = await invitationsOf([fresh.id, isMember.id, addressTaken.id, erased.id, other.id]);
    expect(rows.map((r) => r.hrRecordId)).toEqual([fresh.id]);
    const byAddress = await t.db
      .select()
      .from(invitations)
      .where(eq(invitations.email, formInvited.personalEmail as string));
    expect(byAddress).toHaveLength(1);
    expect(await mailsTo([erased.personalEmail as string, erased.workEmail as string])).toHaveLength(0);
  });

  it('is idempotent: the same request again, or the same batch run again, invites nobody twice', async () => {
    const dept = `Again-${Date.now()}`;
    const records = await Promise.all([1, 2, 3].map(() => createHrRecord(t, { departments: [dept] })));
    const ids = records.map((r) => r.id);
    const first = await (await post({ filter: { department: dept } })).json();
    expect(first.queued).toBe(3);
    await t.queue.drain();
    const second = await (await post({ filter: { department: dept } })).json();
    expect(second.queued).toBe(0);
    // Replay the first batch from the start, as a crashed-and-retried job would.
    await t.db
      .update(invitationBatches)
      .set({ status: 'running', cursor: null })
      .where(eq(invitationBatches.id, first.batchId));
    await runInvitationBatch(t, { batchId: first.batchId });
    await t.queue.drain();
    expect(await invitationsOf(ids)).toHaveLength(3);
    const addresses = records.map((r) => r.personalEmail as string);
    expect(await mailsTo(addresses)).toHaveLength(3);
    expect(t.mailer.sent.filter((m) => addresses.includes(m.to))).toHaveLength(3);
  });

  it('one open invitation per record is enforced by the database', async () => {
    const record = await createHrRecord(t);
    const values = {
      email: 'uq@example.com',
      role: 'alumni' as const,
      locale: 'ja' as const,
      names: { familyName: '佐藤', givenName: '花子' },
      hrRecordId: record.id,
      expiresAt: new Date('2027-01-01T00:00:00Z'),
    };
    await t.db.insert(invitations).values({ ...values, id: crypto.randomUUID(), tokenHash: 'h1' });
    const dup = await t.db
      .insert(invitations)
      .values({ ...values, id: crypto.randomUUID(), tokenHash: 'h2' })
      .catch((e: Error & { cause?: Error }) => e);
    expect(dup).toBeInstanceOf(Error);
    const error = dup as Error & { cause?: Error };
    expect(String(error.cause?.message ?? error.message)).toMatch(/invitations_open_record_uq/);
  });

  it('a chunk insert skips (and does not mail) a record that a racing runner already invited', async () => {
    const [taken, free] = await Promise.all([createHrRecord(t), createHrRecord(t)]);
    const names = { familyName: '佐藤', givenName: '花子' };
    // The racing runner's invitation, committed after this chunk's eligibility check.
    await t.db.insert(invitations).values({
      id: crypto.randomUUID(),
      email: taken.personalEmail as string,
      role: 'alumni',
      locale: 'ja',
      names,
      hrRecordId: taken.id,
      tokenHash: `race-${taken.id}`,
      expiresAt: new Date('2027-01-01T00:00:00Z'),
    });
    const mailIds = await t.db.transaction((tx) =>
      issueInvitations(tx, {
        env: t.env,
        now: t.clock.now(),
        inviter: null,
        list: [taken, free].map((r) => ({
          email: (r.personalEmail as string).toUpperCase(),
          role: 'alumni' as const,
          locale: 'en' as const,
          names,
          hrRecordId: r.id,
        })),
      }),
    );
    expect(mailIds).toHaveLength(1);
    expect((await invitationsOf([taken.id])).map((i) => i.tokenHash)).toEqual([`race-${taken.id}`]);
    const [issued] = await invitationsOf([free.id]);
    expect(issued?.email).toBe(free.personalEmail);
    const mails = await mailsTo([taken.personalEmail as string, free.personalEmail as string]);
    expect(mails.map((m) => [m.id, m.toAddress, m.subjectId, m.locale])).toEqual([
      [mailIds[0], free.personalEmail, issued?.id, 'en'],
    ]);
    expect(mails[0]?.text).toContain('/invite/');
  });

  it('renews an expired invitation of a record instead of adding a second one', async () => {
    const record = await createHrRecord(t);
    await (await post({ recordIds: [record.id] })).json();
    await t.queue.drain();
    t.clock.advance(20 * 86_400_000);
    try {
      expect(await matching({ status: 'not_invited', q: record.employeeNumber })).toEqual([record.id]);
      const again = await (await post({ recordIds: [record.id] })).json();
      expect(again.queued).toBe(1);
      await t.queue.drain();
      const rows = await invitationsOf([record.id]);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ sendCount: 2, deliveryStatus: 'sent' });
      expect(rows[0]?.expiresAt.getTime()).toBe(t.clock.now().getTime() + 14 * 86_400_000);
      expect(t.mailer.sent.filter((m) => m.to === record.personalEmail)).toHaveLength(2);
    } finally {
      t.clock.advance(-20 * 86_400_000);
    }
  });

  it('resumes a batch killed between chunks without losing or duplicating anyone (even lost mail jobs)', async () => {
    const dept = `Crash-${Date.now()}`;
    const records = [];
    for (let i = 0; i < 230; i++) records.push(await createHrRecord(t, { departments: [dept] }));
    const { batchId, queued } = await (await post({ filter: { department: dept } })).json();
    expect(queued).toBe(230);
    // Run the first chunk, then "die": the mail jobs of that chunk are lost as well.
    const crash = new Error('killed');
    await runInvitationBatch(t, {
      batchId,
      onChunk: () => {
        throw crash;
      },
    }).catch((e) => expect(e).toBe(crash));
    await t.database.raw.query("delete from pgboss.job where name in ('mail.deliver', 'invitations.bulk')");
    const mid = await findInvitationBatch({ db: t.db, id: batchId });
    expect(mid).toMatchObject({ status: 'running', invited: 200 });

    expect(await resumeInvitationBatches(t)).toBeGreaterThanOrEqual(1);
    await t.queue.drain();
    t.clock.advance(6 * 60_000); // the sweeper finds the first chunk's mail
    try {
      await t.queue.send(MAIL_SWEEP, {});
      await t.queue.drain();
    } finally {
      t.clock.advance(-6 * 60_000);
    }
    const ids = records.map((r) => r.id);
    const rows = await invitationsOf(ids);
    expect(rows).toHaveLength(230);
    expect(new Set(rows.map((r) => r.hrRecordId)).size).toBe(230);
    const mails = await mailsTo(records.map((r) => r.personalEmail as string));
    expect(mails).toHaveLength(230);
    expect(mails.every((m) => m.status === 'sent')).toBe(true);
    const addresses = new Set(records.map((r) => r.personalEmail as string));
    expect(t.mailer.sent.filter((m) => addresses.has(m.to))).toHaveLength(230);
    expect(await findInvitationBatch({ db: t.db, id: batchId })).toMatchObject({
      status: 'done',
      invited: 230,
    });
  });
});

describe('HR sees how it went', () => {
  it('a bounce marks the invitation (and the record status "failed"); accepting links the record', async () => {
    const bouncing = await createHrRecord(t, { personalEmail: 'moved@bounce.invalid' });
    const good = await createHrRecord(t);
    await post({ recordIds: [bouncing.id, good.id] });
    await t.queue.drain();
    const [bounced] = await invitationsOf([bouncing.id]);
    expect(bounced).toMatchObject({ deliveryStatus: 'bounced' });
    expect(bounced?.deliveryError).toMatch(/550/);
    expect(await matching({ status: 'failed', q: bouncing.employeeNumber })).toEqual([bouncing.id]);
    expect(await matching({ status: 'invited', q: good.employeeNumber })).toEqual([good.id]);
    const list = await (await t.request('/api/invitations?delivery=bounced', { cookie: hr.cookie })).json();
    expect(list.items.map((i: { hrRecordId: string }) => i.hrRecordId)).toContain(bouncing.id);

    const mail = t.mailer.sent.find((m) => m.to === good.personalEmail);
    const token = mail?.text.match(/\/invite\/([\w-]+)/)?.[1];
    const accepted = await t.request(`/api/invitations/accept/${token}`, {
      method: 'POST',
      json: { password: 'a long enough password', passwordConfirm: 'a long enough password' },
    });
    expect(accepted.status).toBe(201);
    const { id: userId } = await accepted.json();
    const [linked] = await t.db.select().from(hrRecords).where(eq(hrRecords.id, good.id));
    expect(linked?.userId).toBe(userId);
    expect(await matching({ status: 'member', q: good.employeeNumber })).toEqual([good.id]);
  });
});

describe('hrRecordFilterWhere', () => {
  it('matches names in kanji, kana and romaji, employee numbers and addresses; dates; addresses', async () => {
    const tag = `${Date.now()}`;
    const a = await createHrRecord(t, {
      familyName: '渡辺',
      givenName: '未来',
      familyNameKana: 'わたなべ',
      givenNameKana: 'みらい',
      familyNameRomaji: 'Watanabe',
      givenNameRomaji: 'Mirai',
      leftOn: '2020-03-31',
      departments: [`Q-${tag}`],
      personalEmail: `mirai.${tag}@mail.example`,
    });
    const b = await createHrRecord(t, {
      leftOn: '2024-06-30',
      departments: [`Q-${tag}`],
      personalEmail: null,
      workEmail: null,
    });
    const dept = { department: `Q-${tag}` };
    expect(await matching({ ...dept, q: '渡辺' })).toEqual([a.id]);
    expect(await matching({ ...dept, q: 'ワタナベ' })).toEqual([a.id]);
    expect(await matching({ ...dept, q: 'watanabe' })).toEqual([a.id]);
    expect(await matching({ ...dept, q: 'watanbe' })).toEqual([a.id]); // fuzzy
    expect(await matching({ ...dept, q: a.employeeNumber.toLowerCase() })).toEqual([a.id]);
    expect(await matching({ ...dept, q: `MIRAI.${tag}` })).toEqual([a.id]);
    expect(await matching({ ...dept, q: '100%_' })).toEqual([]);
    expect(await matching({ ...dept, leftFrom: '2021-01-01' })).toEqual([b.id]);
    expect(await matching({ ...dept, leftTo: '2020-03-31' })).toEqual([a.id]);
    expect(await matching({ ...dept, hasEmail: true })).toEqual([a.id]);
    expect(await matching({ ...dept, hasEmail: false })).toEqual([b.id]);
    expect((await matching({ ...dept, status: 'not_invited' })).sort()).toEqual([a.id, b.id].sort());
    expect(hrRecordFilterWhere({})).toBeUndefined();
  });
});

describe('skipped records, by reason, and the batch progress (issue 9, item 7)', () => {
  it('says why chosen records get no invitation: member, no email, already invited, address taken', async () => {
    const dept = `Reasons-${Date.now()}`;
    const fresh = await createHrRecord(t, { departments: [dept] });
    const member = await signedIn(t);
    await createHrRecord(t, { departments: [dept], userId: member.member.id });
    await createHrRecord(t, { departments: [dept], personalEmail: null, workEmail: null });
    await createHrRecord(t, { departments: [dept], personalEmail: member.member.email });
    const first = await post({ filter: { department: dept } });
    expect(first.status).toBe(202);
    expect(await first.json()).toMatchObject({
      queued: 1,
      skipped: { member: 1, noEmail: 1, alreadyInvited: 0, addressTaken: 1 },
    });
    await t.queue.drain();
    // Inviting the same record again: nothing to do, and the answer says why.
    const again = await post({ recordIds: [fresh.id] });
    expect(await again.json()).toMatchObject({
      queued: 0,
      skipped: { member: 0, noEmail: 0, alreadyInvited: 1, addressTaken: 0 },
    });
  });

  it('GET /api/invitations/batches/{id}: 401, 404 for non-HR and unknown ids, 400 for a bad id, progress for HR', async () => {
    const record = await createHrRecord(t);
    const { batchId } = await (await post({ recordIds: [record.id] })).json();
    const path = `/api/invitations/batches/${batchId}`;
    expect((await t.request(path)).status).toBe(401);
    const alumni = await signedIn(t, { role: 'alumni' });
    expect((await t.request(path, { cookie: alumni.cookie })).status).toBe(404);
    expect(
      (
        await t.request('/api/invitations/batches/00000000-0000-4000-8000-000000000000', {
          cookie: hr.cookie,
        })
      ).status,
    ).toBe(404);
    const bad = await t.request('/api/invitations/batches/not-a-uuid', {
      cookie: hr.cookie,
      headers: { 'accept-language': 'en' },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields)).toEqual(['id']);

    const queued = await t.request(path, { cookie: hr.cookie });
    expect(queued.status).toBe(200);
    expect(await queued.json()).toEqual({ id: batchId, status: 'queued', total: 1, invited: 0, skipped: 0 });
    await t.queue.drain();
    expect(await (await t.request(path, { cookie: hr.cookie })).json()).toMatchObject({
      status: 'done',
      invited: 1,
    });
  });
});
