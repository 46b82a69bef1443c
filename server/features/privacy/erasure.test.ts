import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineStats } from '#common/pipeline';
import { queryRows } from '#server/db/client';
import {
  auditEvents,
  comments,
  companyPosters,
  erasureSuppressions,
  hires,
  homeChecklistDismissals,
  invitations,
  memberModerationNotes,
  notificationMutes,
  notificationPreferences,
  notifications,
  orgSettings,
  pipelineCards,
  postingSuspensions,
  postMedia,
  postRevisions,
  posts,
  reactions,
  referrals,
  reports,
  shareLinks,
  users,
} from '#server/db/schema/index';
import { PIPELINE_START_JOB } from '#server/features/pipeline/pipeline.jobs';
import { renderMemberText } from '#server/lib/member-text';
import { suppressionHash } from '#server/lib/suppression';
import { createTestGroup, createTestPost } from '#tests/factories/comments';
import { createTestMember, signedIn, signIn, TEST_PASSWORD } from '#tests/factories/index';
import { notifyTest } from '#tests/factories/notifications';
import { createExitCase, createInterestCard, createReferralCard } from '#tests/factories/pipeline';
import {
  DISTINCT,
  dumpDatabase,
  findTraces,
  forbiddenForms,
  seedDistinctMember,
} from '#tests/factories/privacy';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const deleteBody = (password = TEST_PASSWORD, confirmation = 'DELETE') => ({ password, confirmation });

describe('deleting my account leaves no trace', () => {
  it('a dump of every table in every schema holds none of their values afterwards', async () => {
    const bystander = await createTestMember(t, { email: 'bystander.q7@example.net' });
    const subject = await seedDistinctMember(t);
    const forms = forbiddenForms(subject.values);
    expect(forms).toContain('washinomiya');
    expect(forms).toContain('kasumiko.washinomiya.q7@example.org');

    const before = await dumpDatabase(t);
    const tracesBefore = new Set(findTraces(before, forms).map((x) => x.table));
    // The seed really did reach every table the register lists as personal for a member.
    for (const table of [
      'public.users',
      'public.profiles',
      'public.sessions',
      'public.accounts',
      'public.verifications',
      'public.consent_events',
      'public.mail_messages',
      'public.invitations',
      'public.hr_records',
      'public.hr_import_errors',
      'public.verification_requests',
      'public.audit_events',
      'pgboss.archive',
    ]) {
      expect(tracesBefore, table).toContain(table);
    }
    expect([...tracesBefore].some((x) => x.startsWith('pgboss.j'))).toBe(true);

    const res = await t.request('/api/me/delete', {
      method: 'POST',
      cookie: subject.cookie,
      json: deleteBody(),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ erased: true });
    expect(res.headers.getSetCookie().join(';')).toMatch(/kizuna\.session_token=;/);

    const after = await dumpDatabase(t);
    expect(after.tables).toEqual(
      expect.arrayContaining(['public.users', 'pgboss.job', 'drizzle.__drizzle_migrations']),
    );
    expect(findTraces(after, forms)).toEqual([]);
    // The dump is real: the bystander and the HR member are still in it.
    expect(findTraces(after, [bystander.email, subject.hr.email]).length).toBeGreaterThan(0);

    // Signed out, cannot sign in again, cannot be re-imported or re-invited.
    expect((await t.request('/api/me', { cookie: subject.cookie })).status).toBe(401);
    const signInAgain = await t.request('/api/auth/sign-in/email', {
      method: 'POST',
      json: { email: DISTINCT.email, password: TEST_PASSWORD },
    });
    expect(signInAgain.status).toBe(401);
    const hashes = (await t.db.select().from(erasureSuppressions)).map((r) => r.hash);
    for (const v of [DISTINCT.email, DISTINCT.employeeNumber, DISTINCT.workEmail, DISTINCT.personalEmail]) {
      expect(hashes).toContain(suppressionHash(t.env, v));
    }
    const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'member.erased'));
    expect(audit).toMatchObject({ actorId: null, subjectId: null, data: { by: 'self', role: 'alumni' } });
  });

  it('keeps what other people own: an erased HR member’s invitations stay, without them', async () => {
    const hr = await signedIn(t, { role: 'alumni_manager' });
    const res = await t.request('/api/invitations', {
      method: 'POST',
      cookie: hr.cookie,
      json: { email: 'invitee.q8@example.com', role: 'alumni', familyName: '森', givenName: '一郎' },
    });
    expect(res.status).toBe(201);
    const del = await t.request('/api/me/delete', { method: 'POST', cookie: hr.cookie, json: deleteBody() });
    expect(del.status).toBe(200);
    const [row] = await t.db
      .select()
      .from(invitations)
      .where(eq(invitations.email, 'invitee.q8@example.com'));
    expect(row).toMatchObject({ invitedBy: null });
    expect(findTraces(await dumpDatabase(t), [hr.member.id, hr.member.email])).toEqual([]);
  });
});

describe('erasure keeps started hires, anonymised, and cancels the others (decision 020)', () => {
  it('a started hire stays without any link; one still to come is cancelled as a withdrawal does; audit rows about their cards are cleared', async () => {
    const hr = await signedIn(t, { role: 'alumni_manager' });
    const referrer = await createTestMember(t, { role: 'employee' });
    const rule = await t.request('/api/admin/referral-reward-rule', {
      method: 'PUT',
      cookie: hr.cookie,
      json: { enabled: true, amount: 100000, currency: 'JPY' },
    });
    expect(rule.status).toBe(200);
    const stats = async () => {
      const res = await t.request('/api/pipeline/stats', { cookie: hr.cookie });
      expect(res.status).toBe(200);
      return (await res.json()) as PipelineStats;
    };
    const rehire = async (cardId: string, startOn: string) => {
      const res = await t.request(`/api/pipeline/${cardId}/move`, {
        method: 'POST',
        cookie: hr.cookie,
        json: {
          stage: 'rehired',
          hire: { startOn, roleTitle: 'Platform engineer', department: '開発部', timeZone: 'Asia/Tokyo' },
        },
      });
      expect(res.status).toBe(200);
    };
    const auditMentioning = (id: string) =>
      t.db
        .select({ id: auditEvents.id, action: auditEvents.action })
        .from(auditEvents)
        .where(sql`${auditEvents.data}::text like ${`%${id}%`}`);
    // A boomerang whose hire has started, and a referred member whose hire is still to come.
    const boomerang = await createInterestCard(t, { canSignIn: true });
    const caseId = await createExitCase(t, boomerang.member.id);
    await rehire(boomerang.cardId, '2026-12-01');
    const candidate = await createTestMember(t, { role: 'alumni' });
    const referral = await createReferralCard(t, {
      referrerId: referrer.id,
      userId: candidate.id,
      candidateEmail: candidate.email,
      candidateName: 'ERASED-CANDIDATE-NAME',
    });
    await rehire(referral.cardId, '2027-02-01');
    t.clock.advance(8 * 86_400_000);
    await t.queue.send(PIPELINE_START_JOB, {});
    await t.queue.drain({ names: [PIPELINE_START_JOB] });
    const hireRows = await t.db
      .select()
      .from(hires)
      .where(inArray(hires.cardId, [boomerang.cardId, referral.cardId]));
    expect(hireRows.map((h) => [h.cardId, h.startedAt !== null, h.leaverCaseId]).sort()).toEqual(
      [
        [boomerang.cardId, true, caseId],
        [referral.cardId, false, null],
      ].sort(),
    );
    const started = hireRows.find((h) => h.cardId === boomerang.cardId);
    const pending = hireRows.find((h) => h.cardId === referral.cardId);
    if (!started || !pending) throw new Error('hires missing');
    expect(
      (await t.db.select().from(referrals).where(eq(referrals.id, referral.referralId)))[0],
    ).toMatchObject({
      rewardStatus: 'eligible',
      rewardAmount: 100000,
    });
    // Before: the audit log ties the cards to the referral and to the hires.
    const cardAudits = await t.db
      .select()
      .from(auditEvents)
      .where(inArray(auditEvents.subjectId, [boomerang.cardId, referral.cardId]));
    expect(cardAudits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['pipeline_card.opened', 'pipeline_card.moved']),
    );
    expect(await auditMentioning(referral.referralId)).not.toEqual([]);
    expect(await auditMentioning(started.id)).not.toEqual([]);
    const names = await t.db
      .select({ name: users.name })
      .from(users)
      .where(inArray(users.id, [boomerang.member.id, candidate.id]));
    const before = await stats();

    const self = await t.request('/api/me/delete', {
      method: 'POST',
      cookie: await signIn(t, boomerang.member.email),
      json: deleteBody(),
    });
    expect(self.status).toBe(200);
    const theirs = await t.request('/api/me/delete', {
      method: 'POST',
      cookie: await signIn(t, candidate.email),
      json: deleteBody(),
    });
    expect(theirs.status).toBe(200);

    // The started hire still counts; the one that never started no longer does, anywhere.
    const after = await stats();
    const year2027 = (s: PipelineStats) => s.hiresByYear.find((y) => y.year === 2027);
    expect(after.hiresByYear.filter((y) => y.year !== 2027)).toEqual(
      before.hiresByYear.filter((y) => y.year !== 2027),
    );
    expect(year2027(after)?.referral ?? 0).toBe((year2027(before)?.referral ?? 0) - 1);
    expect(after.thisYear).toEqual(before.thisYear);
    expect(after.conversion.bySource.interest).toEqual(before.conversion.bySource.interest);
    expect(after.conversion.bySource.referral).toEqual({
      cards: before.conversion.bySource.referral.cards - 1,
      hired: before.conversion.bySource.referral.hired - 1,
    });
    // The board is what HR can act on now: their two "rehired" cards left it with them.
    expect(after.openByStage.rehired).toBe(before.openByStage.rehired - 2);

    // The started hire stays, with what describes the position and nothing that points at the person.
    const kept = await t.db
      .select()
      .from(hires)
      .where(inArray(hires.id, [started.id, pending.id]));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({
      id: started.id,
      userId: null,
      cardId: null,
      leaverCaseId: null,
      roleTitle: 'Platform engineer',
    });
    expect(
      await t.db
        .select()
        .from(pipelineCards)
        .where(inArray(pipelineCards.id, [boomerang.cardId, referral.cardId])),
    ).toEqual([]);
    // The hire to come was cancelled as a withdrawal cancels it: audited with the reason only,
    // and the referrer's reward is no longer due.
    const cancelled = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'hire.cancelled'), eq(auditEvents.subjectId, pending.id)));
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]).toMatchObject({ actorId: null, subjectType: 'hire', data: { reason: 'erased' } });
    expect(Object.keys(cancelled[0]?.data ?? {})).toEqual(['reason']);
    // The referral stays under its referrer, without the candidate and without a reward.
    const [row] = await t.db.select().from(referrals).where(eq(referrals.id, referral.referralId));
    expect(row).toMatchObject({
      referrerId: referrer.id,
      status: 'consented',
      candidateName: null,
      candidateEmail: null,
      reason: null,
      consentTokenHash: null,
      rewardStatus: 'none',
      rewardAmount: null,
      rewardCurrency: null,
    });
    expect(row?.redactedAt).not.toBeNull();
    const revoked = await t.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'referral.reward_revoked'),
          eq(auditEvents.subjectId, referral.referralId),
        ),
      );
    expect(revoked.map((a) => a.data)).toEqual([{ reason: 'erased' }]);

    // Audit rows about their cards keep what happened and when, nothing about whom or which.
    const cleared = await t.db
      .select()
      .from(auditEvents)
      .where(
        inArray(
          auditEvents.id,
          cardAudits.map((a) => a.id),
        ),
      );
    expect(cleared).toHaveLength(cardAudits.length);
    for (const audit of cleared) expect(audit).toMatchObject({ subjectId: null, data: {} });
    expect(await auditMentioning(referral.referralId)).toEqual([]);
    expect(await auditMentioning(started.id)).toEqual([]);
    // The kept hire's id is in its own row only; the cards' ids are nowhere.
    const dump = await dumpDatabase(t);
    expect(findTraces(dump, [started.id])).toEqual([{ table: 'public.hires', form: started.id }]);
    expect(findTraces(dump, [boomerang.cardId, referral.cardId])).toEqual([]);
    const forms = [
      boomerang.member.id,
      boomerang.member.email,
      candidate.id,
      candidate.email,
      'ERASED-CANDIDATE-NAME',
      ...names.map((n) => n.name),
    ];
    expect(findTraces(dump, forms)).toEqual([]);
  });
});

describe('POST /api/me/delete', () => {
  it('401 when signed out', async () => {
    expect((await t.request('/api/me/delete', { method: 'POST', json: deleteBody() })).status).toBe(401);
  });

  it('400 with translated messages for a wrong password or confirmation word; nothing is erased', async () => {
    const { member, cookie } = await signedIn(t);
    const wrong = await t.request('/api/me/delete', {
      method: 'POST',
      cookie,
      json: { password: 'not my password', confirmation: '退会する' },
      headers: { 'accept-language': 'ja' },
    });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.fields).toEqual({ password: ['パスワードが正しくありません。'] });

    const word = await t.request('/api/me/delete', {
      method: 'POST',
      cookie,
      json: { password: TEST_PASSWORD, confirmation: 'yes', extra: 1 },
      headers: { 'accept-language': 'en' },
    });
    expect(word.status).toBe(400);
    const { error } = await word.json();
    expect(error.fields.confirmation).toEqual(['Type the confirmation word exactly as shown.']);
    expect(error.fields.extra).toBeDefined();
    expect(await t.db.select({ id: users.id }).from(users).where(eq(users.id, member.id))).toHaveLength(1);
  });

  it('refuses to erase the last admin (409) and erases one who is not', async () => {
    const admin = await signedIn(t, { role: 'admin' });
    const refused = await t.request('/api/me/delete', {
      method: 'POST',
      cookie: admin.cookie,
      json: deleteBody(),
    });
    expect(refused.status).toBe(409);
    await createTestMember(t, { role: 'admin' });
    const ok = await t.request('/api/me/delete', {
      method: 'POST',
      cookie: admin.cookie,
      json: deleteBody(),
    });
    expect(ok.status).toBe(200);
  });
});

describe('POST /api/admin/members/{id}/erase', () => {
  let admin: { cookie: string; member: { id: string } };
  beforeAll(async () => {
    admin = await signedIn(t, { role: 'admin' });
  });

  it('401 signed out; 404 for HR and members; 404 for an unknown id; 400 without the word', async () => {
    const target = await createTestMember(t);
    const path = `/api/admin/members/${target.id}/erase`;
    expect((await t.request(path, { method: 'POST', json: { confirmation: 'DELETE' } })).status).toBe(401);
    for (const role of ['alumni_manager', 'alumni'] as const) {
      const other = await signedIn(t, { role });
      const res = await t.request(path, {
        method: 'POST',
        cookie: other.cookie,
        json: { confirmation: 'DELETE' },
      });
      expect(res.status).toBe(404);
    }
    const unknown = await t.request('/api/admin/members/no-such-member/erase', {
      method: 'POST',
      cookie: admin.cookie,
      json: { confirmation: 'DELETE' },
    });
    expect(unknown.status).toBe(404);
    const bad = await t.request(path, { method: 'POST', cookie: admin.cookie, json: { confirmation: 'ok' } });
    expect(bad.status).toBe(400);
    expect(await t.db.select({ id: users.id }).from(users).where(eq(users.id, target.id))).toHaveLength(1);
  });

  it('erases the member with the same function, audited with the admin as actor', async () => {
    const target = await createTestMember(t);
    const cookie = await signIn(t, target.email);
    const res = await t.request(`/api/admin/members/${target.id}/erase`, {
      method: 'POST',
      cookie: admin.cookie,
      json: { confirmation: '退会する' },
    });
    expect(res.status).toBe(200);
    expect((await t.request('/api/me', { cookie })).status).toBe(401);
    expect(findTraces(await dumpDatabase(t), [target.id, target.email])).toEqual([]);
    const rows = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from ${auditEvents} where action = 'member.erased' and actor_id = ${admin.member.id}`,
    );
    expect(rows[0]?.n).toBe(1);
  });
});

describe('content policy', () => {
  it('admins read and set keepContent; others get 404; bad input 400', async () => {
    const admin = await signedIn(t, { role: 'admin' });
    const hr = await signedIn(t, { role: 'alumni_manager' });
    expect((await t.request('/api/settings/erasure')).status).toBe(401);
    expect((await t.request('/api/settings/erasure', { cookie: hr.cookie })).status).toBe(404);
    expect(await (await t.request('/api/settings/erasure', { cookie: admin.cookie })).json()).toEqual({
      keepContent: false,
    });
    const bad = await t.request('/api/settings/erasure', {
      method: 'PUT',
      cookie: admin.cookie,
      json: { keepContent: 'yes' },
    });
    expect(bad.status).toBe(400);
    const put = await t.request('/api/settings/erasure', {
      method: 'PUT',
      cookie: admin.cookie,
      json: { keepContent: true },
    });
    expect(await put.json()).toEqual({ keepContent: true });
    const [row] = await t.db.select().from(orgSettings).where(eq(orgSettings.key, 'erasure'));
    expect(row?.value).toEqual({ keepContent: true });
    const hrPut = await t.request('/api/settings/erasure', {
      method: 'PUT',
      cookie: hr.cookie,
      json: { keepContent: false },
    });
    expect(hrPut.status).toBe(404);
  });
});

describe('erasing a member of the community (issue 11)', () => {
  it('leaves no personal data behind; others’ posts stay, minus the mention', async () => {
    const other = await createTestMember(t, { email: 'other.q9@example.net' });
    const hr = await createTestMember(t, { role: 'alumni_manager', email: 'hr.q9@example.net' });
    const { member, cookie } = await signedIn(t, { email: 'sumino.q9@example.org' });
    const id = member.id;
    const typedName = 'Sumino Washimi-q9';
    const now = new Date('2026-12-01T00:00:00Z');

    const groupId = await createTestGroup(t, [id, other.id]);
    const theirs = await createTestPost(t, {
      authorId: id,
      bodyMarkdown: 'My distinctive insight q9 #q9topic',
    });
    const mentionText = `Thanks @[${typedName}](member:${id}) for the talk`;
    const othersPost = await createTestPost(t, { authorId: other.id, bodyMarkdown: mentionText, groupId });
    await t.db
      .update(posts)
      .set({
        mentionIds: [id],
        bodyHtml: renderMemberText(mentionText, new Map([[id, typedName]])),
        pinnedBy: id,
        pinnedAt: now,
      })
      .where(eq(posts.id, othersPost.id));
    await t.db.insert(postRevisions).values({
      id: randomUUID(),
      postId: theirs.id,
      bodyMarkdown: 'An earlier distinctive draft q9',
      editedBy: id,
    });
    await t.db.insert(postMedia).values({
      id: randomUUID(),
      ownerId: id,
      postId: theirs.id,
      kind: 'image',
      mimeType: 'image/png',
      fileName: 'sumino-q9-photo.png',
      size: 10,
      storageKey: `media/${id}.png`,
    });
    const commentId = randomUUID();
    await t.db.insert(comments).values([
      {
        id: commentId,
        postId: othersPost.id,
        authorId: id,
        bodyMarkdown: 'A distinctive comment q9',
        bodyHtml: '<p>A distinctive comment q9</p>',
      },
      {
        id: randomUUID(),
        postId: othersPost.id,
        parentId: commentId,
        authorId: other.id,
        bodyMarkdown: mentionText,
        bodyHtml: renderMemberText(mentionText, new Map([[id, typedName]])),
        mentionIds: [id],
      },
    ]);
    await t.db.insert(reactions).values({ postId: othersPost.id, userId: id, reaction: 'celebrate' });
    await t.db.insert(shareLinks).values({ token: `tok-${id}`, postId: othersPost.id, userId: id });
    await t.db.insert(reports).values([
      {
        id: randomUUID(),
        postId: othersPost.id,
        reporterId: id,
        category: 'spam',
        note: 'Distinctive note q9',
      },
      { id: randomUUID(), postId: theirs.id, reporterId: other.id, category: 'other' },
    ]);
    await t.db.insert(postingSuspensions).values({
      id: randomUUID(),
      userId: id,
      until: now,
      reason: 'Distinctive reason q9',
      createdBy: hr.id,
    });
    await t.db
      .insert(memberModerationNotes)
      .values({ id: randomUUID(), userId: id, authorId: hr.id, body: 'Distinctive HR note q9' });
    // Before the mutes: a person muted is not notified.
    await notifyTest(t.db, now, { userIds: [id], actorId: other.id });
    await notifyTest(t.db, now, { userIds: [other.id], actorId: id, data: { actorName: typedName } });
    await t.db.insert(notificationPreferences).values({ userId: id, type: 'post_comment', channel: 'email' });
    await t.db.insert(notificationMutes).values([
      { userId: id, kind: 'thread', key: `post:${othersPost.id}` },
      { userId: other.id, kind: 'person', key: id },
    ]);
    await t.db.insert(companyPosters).values({ userId: id, appointedBy: hr.id });
    await t.db.insert(homeChecklistDismissals).values({ userId: id });

    const forms = [id, member.email, typedName, 'distinctive', 'sumino-q9', 'q9topic'];
    expect(findTraces(await dumpDatabase(t), forms).length).toBeGreaterThan(10);

    // "What we hold" counts it under the community.
    const held = await (await t.request('/api/me/data', { cookie })).json();
    const community = held.categories.find((x: { category: string }) => x.category === 'community');
    expect(community.rows).toBeGreaterThan(10);

    const res = await t.request('/api/me/delete', { method: 'POST', cookie, json: deleteBody() });
    expect(res.status).toBe(200);

    expect(findTraces(await dumpDatabase(t), forms)).toEqual([]);
    const [kept] = await t.db.select().from(posts).where(eq(posts.id, othersPost.id));
    expect(kept).toMatchObject({ authorId: other.id, mentionIds: [], pinnedBy: null });
    expect(kept?.bodyMarkdown).toBe('Thanks @退会したメンバー / Former member for the talk');
    expect(kept?.bodyHtml).toContain('@退会したメンバー / Former member');
    expect(await t.db.select().from(posts).where(eq(posts.id, theirs.id))).toEqual([]);
    const left = await t.db.select().from(comments).where(eq(comments.postId, othersPost.id));
    expect(left.map((c) => c.authorId)).toEqual([other.id]);
    expect(left[0]?.mentionIds).toEqual([]);
    const [report] = await t.db.select().from(reports).where(eq(reports.postId, othersPost.id));
    expect(report).toMatchObject({ reporterId: null, note: null, category: 'spam' });
    const [notice] = await t.db.select().from(notifications).where(eq(notifications.userId, other.id));
    expect(notice).toMatchObject({ actorId: null });
  });
});
