import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, users } from '#server/db/schema/index';
import { createTestMember, signIn, TEST_PASSWORD } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { audit } from './audit';

failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const rowOf = async (id: number) => (await t.db.select().from(auditEvents).where(eq(auditEvents.id, id)))[0];
const lastId = async () =>
  (await t.db.select({ id: sql<number>`max(${auditEvents.id})::int` }).from(auditEvents))[0]?.id ?? 0;

/** The database's error message, under drizzle's "Failed query" wrapper. */
const refusal = (promise: PromiseLike<unknown>) =>
  Promise.resolve(promise).then(
    () => 'accepted',
    (error: { cause?: { message?: string }; message?: string }) => error.cause?.message ?? error.message,
  );

async function entry(actorId: string | null, subjectId: string | null, data: Record<string, unknown> = {}) {
  await audit(t.db, {
    actorId,
    action: 'test.done',
    subjectType: 'member',
    subjectId,
    data,
    at: new Date('2026-11-20T01:02:03Z'),
  });
  return lastId();
}

describe('audit()', () => {
  it('appends the entry with the given time, and several at once', async () => {
    const member = await createTestMember(t);
    const id = await entry(member.id, 'subject-1', { jobId: 'j1' });
    expect(await rowOf(id)).toEqual({
      id,
      actorId: member.id,
      action: 'test.done',
      subjectType: 'member',
      subjectId: 'subject-1',
      data: { jobId: 'j1' },
      createdAt: new Date('2026-11-20T01:02:03Z'),
    });
    const before = await lastId();
    await audit(t.db, [
      { actorId: null, action: 'test.a', subjectType: 'settings' },
      {
        actorId: null,
        action: 'test.b',
        subjectType: 'settings',
        subjectId: 'k',
        at: new Date('2026-01-01Z'),
      },
    ]);
    const rows = await t.db.select().from(auditEvents).where(sql`${auditEvents.id} > ${before}`);
    expect(rows.map((r) => [r.action, r.subjectId, r.data])).toEqual([
      ['test.a', null, {}],
      ['test.b', 'k', {}],
    ]);
    // Without `at`, the database's clock.
    expect(Math.abs((rows[0]?.createdAt.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    await audit(t.db, []);
    expect(await lastId()).toBe(before + 2);
  });
});

describe('the audit trail is append-only in the database', () => {
  it('refuses to change or delete an entry', async () => {
    const member = await createTestMember(t);
    const other = await createTestMember(t);
    const id = await entry(member.id, member.id, { userId: member.id });
    const changes = [
      { action: 'test.rewritten' },
      { subjectType: 'job' },
      { createdAt: new Date('2020-01-01Z') },
      { actorId: other.id },
      { subjectId: other.id },
      { data: { userId: other.id } },
      // Clearing who, together with a change of what, is still a change.
      { actorId: null, action: 'test.rewritten' },
    ];
    for (const set of changes) {
      expect(
        await refusal(t.db.update(auditEvents).set(set).where(eq(auditEvents.id, id))),
        JSON.stringify(set),
      ).toMatch(/audit_events is append-only: an entry cannot be changed/);
    }
    expect(await refusal(t.db.delete(auditEvents).where(eq(auditEvents.id, id)))).toMatch(
      /audit_events is append-only: an entry cannot be deleted/,
    );
    expect(await refusal(t.db.execute(sql`delete from audit_events`))).toMatch(/append-only/);
    expect(await rowOf(id)).toMatchObject({ actorId: member.id, subjectId: member.id, action: 'test.done' });
    // What erasure does — clearing who an entry names — is the one change allowed.
    await t.db.update(auditEvents).set({ subjectId: null, data: {} }).where(eq(auditEvents.id, id));
    expect(await rowOf(id)).toMatchObject({ actorId: member.id, subjectId: null, data: {} });
  });

  it('a deleted user leaves their entries with no actor (the foreign key sets it null)', async () => {
    const member = await createTestMember(t, { canSignIn: false, consents: null });
    const id = await entry(member.id, 'job-1', { jobId: 'job-1' });
    await t.db.delete(users).where(eq(users.id, member.id));
    expect(await rowOf(id)).toMatchObject({ actorId: null, subjectId: 'job-1', data: { jobId: 'job-1' } });
  });

  it('erasing a member still works: their entries lose actor and subject, the others stay', async () => {
    const member = await createTestMember(t);
    const bystander = await createTestMember(t);
    const acted = await entry(member.id, bystander.id, {});
    const about = await entry(bystander.id, member.id, { userId: member.id });
    const untouched = await entry(bystander.id, bystander.id, { userId: bystander.id });
    const cookie = await signIn(t, member.email);
    const res = await t.request('/api/me/delete', {
      method: 'POST',
      cookie,
      json: { password: TEST_PASSWORD, confirmation: 'DELETE' },
    });
    expect(res.status).toBe(200);
    expect(await rowOf(acted)).toMatchObject({ actorId: null, subjectId: bystander.id, action: 'test.done' });
    expect(await rowOf(about)).toMatchObject({ actorId: bystander.id, subjectId: null, data: {} });
    expect(await rowOf(untouched)).toMatchObject({ actorId: bystander.id, subjectId: bystander.id });
    // The erasure itself is on the trail.
    const [erased] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'member.erased'));
    expect(erased).toMatchObject({ subjectType: 'member', subjectId: null });
  });
});
