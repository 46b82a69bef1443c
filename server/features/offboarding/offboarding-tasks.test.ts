import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_PURPOSES, type ConsentAnswers } from '#common/consents';
import { todayIn } from '#common/dates';
import { isTaskOverdue, type MyTaskList, type Task, type TaskList } from '#common/offboarding';
import type { Db } from '#server/db/client';
import { consentEvents, leaverCases, profiles } from '#server/db/schema/index';
import { signedIn } from '#tests/factories/index';
import { openTestCase } from '#tests/factories/offboarding';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { syncChecklistWithCase } from './offboarding.service';

failOnConsoleError();

let t: TestApp;
let other: { cookie: string };

beforeAll(async () => {
  t = await createTestApp();
  other = await signedIn(t, { role: 'employee' });
});
afterAll(() => t.close());

type Opened = Awaited<ReturnType<typeof openTestCase>>;

const tasksOf = async (c: Opened, cookie: string) => {
  const res = await t.request(`/api/exit-cases/${c.row.id}/tasks`, { cookie });
  expect(res.status).toBe(200);
  return (await res.json()) as TaskList;
};
const taskOf = async (c: Opened, kind: Task['kind']) => {
  const list = await tasksOf(c, c.hr.cookie);
  const task = list.items.find((x) => x.kind === kind);
  if (!task) throw new Error(`no ${kind} task`);
  return task;
};
const complete = (c: Opened, taskId: string, cookie: string | undefined, json: unknown = {}, lang = 'en') =>
  t.request(`/api/exit-cases/${c.row.id}/tasks/${taskId}/complete`, {
    method: 'POST',
    cookie,
    json,
    headers: { 'accept-language': lang },
  });
const fieldsOf = async (res: Response) =>
  ((await res.json()) as { error: { fields?: Record<string, string[]> } }).error.fields ?? {};

const allConsents = (granted: string[]) =>
  Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, granted.includes(p)])) as ConsentAnswers;

describe('checklist created from the templates', () => {
  it('copies each template with due date = last day + offset and the assignee by owner role', async () => {
    const c = await openTestCase(t, { lastDay: '2026-12-25' });
    const list = await tasksOf(c, c.hr.cookie);
    const byKind = Object.fromEntries(list.items.map((x) => [x.kind, x]));
    expect(byKind.handover).toMatchObject({ dueOn: '2026-12-18', ownerRole: 'manager' });
    expect(byKind.handover?.assignee?.id).toBe(c.manager?.id);
    expect(byKind.equipment).toMatchObject({ dueOn: '2026-12-24', ownerRole: 'manager' });
    expect(byKind.personal_email).toMatchObject({ dueOn: '2026-12-20', ownerRole: 'leaver' });
    expect(byKind.personal_email?.assignee?.id).toBe(c.leaver.id);
    expect(byKind.confidentiality?.dueOn).toBe('2026-12-22');
    expect(byKind.consents?.dueOn).toBe('2026-12-23');
    expect(byKind.farewell?.dueOn).toBe('2026-12-25');
    // Ordered by due date.
    expect(list.items.map((x) => x.dueOn)).toEqual([...list.items.map((x) => x.dueOn)].sort());
    expect(list.items.every((x) => x.doneAt === null && !x.isOverdue)).toBe(true);
  });

  it('crosses a month and year boundary; without a manager the manager tasks have no assignee', async () => {
    const c = await openTestCase(t, { lastDay: '2027-01-03', withManager: false });
    const list = await tasksOf(c, c.hr.cookie);
    const handover = list.items.find((x) => x.kind === 'handover');
    expect(handover).toMatchObject({ dueOn: '2026-12-27', assignee: null, canComplete: true });
  });
});

describe('GET /api/exit-cases/{id}/tasks', () => {
  it('401 anonymous, 404 for another member or an unknown / malformed id', async () => {
    const c = await openTestCase(t);
    expect((await t.request(`/api/exit-cases/${c.row.id}/tasks`)).status).toBe(401);
    expect((await t.request(`/api/exit-cases/${c.row.id}/tasks`, { cookie: other.cookie })).status).toBe(404);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await t.request(`/api/exit-cases/${unknown}/tasks`, { cookie: c.hr.cookie })).status).toBe(404);
    expect((await t.request('/api/exit-cases/nope/tasks', { cookie: c.hr.cookie })).status).toBe(404);
  });

  it('HR, the manager and the leaver see it; canComplete follows the assignee; the manager does not see personal choices', async () => {
    const c = await openTestCase(t);
    const leaverView = await tasksOf(c, c.leaver.cookie);
    expect(
      leaverView.items
        .filter((x) => x.canComplete)
        .map((x) => x.kind)
        .sort(),
    ).toEqual(['confidentiality', 'consents', 'farewell', 'personal_email'].sort());
    expect(leaverView.case.networkDecision).toBe('pending');
    const managerView = await tasksOf(c, c.manager?.cookie ?? '');
    expect(
      managerView.items
        .filter((x) => x.canComplete)
        .map((x) => x.kind)
        .sort(),
    ).toEqual(['equipment', 'handover']);
    expect(managerView.case).toMatchObject({
      personalEmail: null,
      networkDecision: null,
      openToReturn: null,
    });
    const hrView = await tasksOf(c, c.hr.cookie);
    expect(hrView.items.every((x) => x.canComplete)).toBe(true);
  });
});

describe('completing and reopening tasks', () => {
  it('the assignee and HR may complete and reopen; everyone else gets 404; anonymous 401', async () => {
    const c = await openTestCase(t);
    const equipment = await taskOf(c, 'equipment');
    expect((await complete(c, equipment.id, undefined)).status).toBe(401);
    expect((await complete(c, equipment.id, other.cookie)).status).toBe(404);
    // The leaver sees the case but is not the assignee of this task.
    expect((await complete(c, equipment.id, c.leaver.cookie)).status).toBe(404);

    const done = await complete(c, equipment.id, c.manager?.cookie, { note: 'PC と社員証を受領' });
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ doneBy: { id: c.manager?.id }, note: 'PC と社員証を受領' });

    const reopenOther = await t.request(`/api/exit-cases/${c.row.id}/tasks/${equipment.id}/reopen`, {
      method: 'POST',
      cookie: other.cookie,
    });
    expect(reopenOther.status).toBe(404);
    const reopened = await t.request(`/api/exit-cases/${c.row.id}/tasks/${equipment.id}/reopen`, {
      method: 'POST',
      cookie: c.hr.cookie,
    });
    expect(reopened.status).toBe(200);
    expect(await reopened.json()).toMatchObject({ doneAt: null, doneBy: null, note: 'PC と社員証を受領' });

    const handover = await taskOf(c, 'handover');
    const byHr = await complete(c, handover.id, c.hr.cookie);
    expect(byHr.status).toBe(200);
    expect(((await byHr.json()) as Task).doneBy?.id).toBe(c.hr.id);
    // A task of another case is not found through this case.
    const c2 = await openTestCase(t);
    const foreign = await taskOf(c2, 'equipment');
    expect((await complete(c, foreign.id, c.hr.cookie)).status).toBe(404);
  });

  it('400 for unknown fields, fields the kind does not take, or a note that is too long', async () => {
    const c = await openTestCase(t);
    const equipment = await taskOf(c, 'equipment');
    const unknown = await complete(c, equipment.id, c.hr.cookie, { foo: 1 });
    expect(unknown.status).toBe(400);
    const wrongField = await complete(c, equipment.id, c.hr.cookie, { farewellMessage: 'bye' });
    expect(wrongField.status).toBe(400);
    expect((await fieldsOf(wrongField)).farewellMessage?.[0]).toBe('This task does not take this field.');
    const tooLong = await complete(c, equipment.id, c.hr.cookie, { note: 'x'.repeat(2001) });
    expect(tooLong.status).toBe(400);
    expect((await taskOf(c, 'equipment')).doneAt).toBeNull();
  });

  it('confidentiality: the leaver acknowledges; without the acknowledgement 400; HR cannot do it for them', async () => {
    const c = await openTestCase(t);
    const task = await taskOf(c, 'confidentiality');
    const missing = await complete(c, task.id, c.leaver.cookie, {}, 'ja');
    expect(missing.status).toBe(400);
    expect((await fieldsOf(missing)).acknowledged?.[0]).toBe(
      '内容をお読みいただいたことを確認してください。',
    );
    expect((await complete(c, task.id, c.leaver.cookie, { acknowledged: false })).status).toBe(400);
    const byHr = await complete(c, task.id, c.hr.cookie, { acknowledged: true });
    expect(byHr.status).toBe(400);
    const ok = await complete(c, task.id, c.leaver.cookie, { acknowledged: true });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ doneBy: { id: c.leaver.id } });
    expect((await taskOf(c, 'confidentiality')).doneAt).not.toBeNull();
  });

  it('personal email: valid, not on a company domain, not used by another member or case', async () => {
    const c = await openTestCase(t);
    const task = await taskOf(c, 'personal_email');
    const invalid = await complete(c, task.id, c.leaver.cookie, { personalEmail: 'not-an-email' });
    expect(invalid.status).toBe(400);
    expect((await fieldsOf(invalid)).personalEmail?.[0]).toBe('Enter a valid email address.');
    // Test accounts live on example.com: that is the company domain here.
    const company = await complete(c, task.id, c.leaver.cookie, { personalEmail: 'me@Example.com' });
    expect(company.status).toBe(400);
    expect((await fieldsOf(company)).personalEmail?.[0]).toBe(
      'Enter a private address, not one on a company domain.',
    );

    const c2 = await openTestCase(t);
    const t2 = await taskOf(c2, 'personal_email');
    expect(
      (await complete(c2, t2.id, c2.leaver.cookie, { personalEmail: 'shared@private.example' })).status,
    ).toBe(200);
    const takenByCase = await complete(c, task.id, c.leaver.cookie, {
      personalEmail: 'SHARED@private.example',
    });
    expect(takenByCase.status).toBe(400);
    expect((await fieldsOf(takenByCase)).personalEmail?.[0]).toBe(
      'This address is already used by another member.',
    );

    const ok = await complete(c, task.id, c.leaver.cookie, { personalEmail: ' Kenta.Sato@Private.example ' });
    expect(ok.status).toBe(200);
    const [row] = await t.db.select().from(leaverCases).where(eq(leaverCases.id, c.row.id));
    expect(row?.personalEmail).toBe('kenta.sato@private.example');
    expect((await tasksOf(c, c.leaver.cookie)).case.personalEmail).toBe('kenta.sato@private.example');
  });

  it('personal email used as another member’s sign-in address is refused', async () => {
    const c = await openTestCase(t);
    const task = await taskOf(c, 'personal_email');
    const someone = await signedIn(t, { role: 'alumni', email: 'taken@elsewhere.example' });
    expect(someone.member.email).toBe('taken@elsewhere.example');
    const res = await complete(c, task.id, c.leaver.cookie, { personalEmail: 'Taken@elsewhere.example' });
    expect(res.status).toBe(400);
    expect((await fieldsOf(res)).personalEmail?.[0]).toBe('This address is already used by another member.');
  });

  it('consents: joining records the answers in the ledger and "open to return" on the case and profile', async () => {
    const c = await openTestCase(t);
    const task = await taskOf(c, 'consents');
    const noConsents = await complete(c, task.id, c.leaver.cookie, { networkDecision: 'joined' });
    expect(noConsents.status).toBe(400);
    expect(Object.keys(await fieldsOf(noConsents))).toEqual(['consents']);
    expect((await complete(c, task.id, c.leaver.cookie, {})).status).toBe(400);
    expect((await complete(c, task.id, c.hr.cookie, { networkDecision: 'declined' })).status).toBe(400);

    const res = await complete(c, task.id, c.leaver.cookie, {
      networkDecision: 'joined',
      consents: allConsents(['rehiring', 'events']),
      openToReturn: true,
    });
    expect(res.status).toBe(200);
    const ledger = await t.db
      .select()
      .from(consentEvents)
      .where(and(eq(consentEvents.userId, c.leaver.id), eq(consentEvents.source, 'offboarding')));
    // Only changed answers are appended: the test member had agreed to the directory before.
    expect(ledger.map((e) => [e.purpose, e.granted]).sort()).toEqual([
      ['directory', false],
      ['events', true],
      ['rehiring', true],
    ]);
    expect(ledger.every((e) => e.locale === 'en')).toBe(true);
    const [profile] = await t.db.select().from(profiles).where(eq(profiles.userId, c.leaver.id));
    expect(profile?.consents.sort()).toEqual(['events', 'rehiring']);
    expect(profile?.openToReturn).toBe(true);
    const list = await tasksOf(c, c.leaver.cookie);
    expect(list.case).toMatchObject({ networkDecision: 'joined', openToReturn: true });
  });

  it('consents: declining the network sets the decision and withdraws "open to return"', async () => {
    const c = await openTestCase(t);
    const task = await taskOf(c, 'consents');
    await complete(c, task.id, c.leaver.cookie, {
      networkDecision: 'joined',
      consents: allConsents(['directory']),
      openToReturn: true,
    });
    await t.request(`/api/exit-cases/${c.row.id}/tasks/${task.id}/reopen`, {
      method: 'POST',
      cookie: c.leaver.cookie,
    });
    const res = await complete(c, task.id, c.leaver.cookie, { networkDecision: 'declined' });
    expect(res.status).toBe(200);
    const [row] = await t.db.select().from(leaverCases).where(eq(leaverCases.id, c.row.id));
    expect(row).toMatchObject({ networkDecision: 'declined', openToReturn: false });
    const [profile] = await t.db.select().from(profiles).where(eq(profiles.userId, c.leaver.id));
    expect(profile?.openToReturn).toBe(false);
  });

  it('farewell: the message is stored on the case and shown to the manager', async () => {
    const c = await openTestCase(t);
    const task = await taskOf(c, 'farewell');
    expect((await complete(c, task.id, c.leaver.cookie, { farewellMessage: '  ' })).status).toBe(400);
    const res = await complete(c, task.id, c.leaver.cookie, {
      farewellMessage: '皆さん、ありがとうございました。',
    });
    expect(res.status).toBe(200);
    const managerView = await tasksOf(c, c.manager?.cookie ?? '');
    expect(managerView.case.farewellMessage).toBe('皆さん、ありがとうございました。');
  });

  it('a closed case cannot be changed (409)', async () => {
    const c = await openTestCase(t);
    const task = await taskOf(c, 'equipment');
    await t.db.update(leaverCases).set({ status: 'completed' }).where(eq(leaverCases.id, c.row.id));
    expect((await complete(c, task.id, c.hr.cookie)).status).toBe(409);
    // The list says so too: no task offers an action, none is overdue.
    const view = await tasksOf(c, c.hr.cookie);
    expect(view.items.length).toBeGreaterThan(0);
    expect(view.items.some((x) => x.canComplete || x.isOverdue)).toBe(false);
  });
});

describe('overdue', () => {
  it('is judged on the calendar of the case’s time zone', () => {
    // 16:00 UTC on 24 Nov is already 25 Nov in Tokyo but still 24 Nov in Honolulu.
    const now = new Date('2026-11-24T16:00:00Z');
    expect(todayIn('Asia/Tokyo', now)).toBe('2026-11-25');
    expect(todayIn('Pacific/Honolulu', now)).toBe('2026-11-24');
    const task = { dueOn: '2026-11-24', doneAt: null };
    expect(isTaskOverdue(task, 'Asia/Tokyo', now)).toBe(true);
    expect(isTaskOverdue(task, 'Pacific/Honolulu', now)).toBe(false);
    expect(isTaskOverdue({ ...task, doneAt: new Date() }, 'Asia/Tokyo', now)).toBe(false);
  });

  it('the API flags overdue tasks per case time zone', async () => {
    const tokyo = await openTestCase(t, { lastDay: '2026-11-25', timeZone: 'Asia/Tokyo' });
    const honolulu = await openTestCase(t, { lastDay: '2026-11-25', timeZone: 'Pacific/Honolulu' });
    t.clock.set('2026-11-24T16:00:00Z');
    try {
      const a = await tasksOf(tokyo, tokyo.hr.cookie);
      const b = await tasksOf(honolulu, honolulu.hr.cookie);
      expect(a.today).toBe('2026-11-25');
      expect(b.today).toBe('2026-11-24');
      // equipment is due the day before the last day: 2026-11-24.
      expect(a.items.find((x) => x.kind === 'equipment')?.isOverdue).toBe(true);
      expect(b.items.find((x) => x.kind === 'equipment')?.isOverdue).toBe(false);
      // Due earlier: overdue in both.
      expect(a.items.find((x) => x.kind === 'handover')?.isOverdue).toBe(true);
      expect(b.items.find((x) => x.kind === 'handover')?.isOverdue).toBe(true);
      expect(a.items.find((x) => x.kind === 'farewell')?.isOverdue).toBe(false);
      // Done tasks are never overdue.
      const handover = a.items.find((x) => x.kind === 'handover');
      await complete(tokyo, handover?.id ?? '', tokyo.hr.cookie);
      expect(
        (await tasksOf(tokyo, tokyo.hr.cookie)).items.find((x) => x.kind === 'handover')?.isOverdue,
      ).toBe(false);
    } finally {
      t.clock.set('2026-11-24T03:00:00Z');
    }
  });
});

describe('GET /api/me/tasks', () => {
  it('lists only the tasks assigned to the viewer, in open cases', async () => {
    expect((await t.request('/api/me/tasks')).status).toBe(401);
    const c = await openTestCase(t);
    const mine = async (cookie: string) => {
      const res = await t.request('/api/me/tasks', { cookie });
      expect(res.status).toBe(200);
      return ((await res.json()) as MyTaskList).items;
    };
    const managerTasks = await mine(c.manager?.cookie ?? '');
    expect(managerTasks.map((x) => x.kind).sort()).toEqual(['equipment', 'handover']);
    expect(managerTasks[0]).toMatchObject({
      leaver: { id: c.leaver.id },
      lastDay: c.row.lastDay,
      canComplete: true,
    });
    expect((await mine(c.leaver.cookie)).map((x) => x.kind).sort()).toEqual(
      ['confidentiality', 'consents', 'farewell', 'personal_email'].sort(),
    );
    expect(await mine(other.cookie)).toEqual([]);
    await t.db.update(leaverCases).set({ status: 'cancelled' }).where(eq(leaverCases.id, c.row.id));
    expect(await mine(c.manager?.cookie ?? '')).toEqual([]);
  });
});

describe('syncChecklistWithCase', () => {
  it('moves open tasks with a new last day and hands them to the new manager; done tasks stay', async () => {
    const c = await openTestCase(t, { lastDay: '2026-12-25' });
    const handover = await taskOf(c, 'handover');
    await complete(c, handover.id, c.hr.cookie);
    const newManager = await signedIn(t, { role: 'employee' });
    const after = { ...c.row, lastDay: '2027-01-08', managerId: newManager.member.id };
    await t.db.transaction((tx) => syncChecklistWithCase(tx as unknown as Db, c.row, after));
    const list = await tasksOf(c, c.hr.cookie);
    const byKind = Object.fromEntries(list.items.map((x) => [x.kind, x]));
    expect(byKind.equipment).toMatchObject({ dueOn: '2027-01-07', assignee: { id: newManager.member.id } });
    expect(byKind.farewell?.dueOn).toBe('2027-01-08');
    expect(byKind.handover).toMatchObject({ dueOn: '2026-12-18', assignee: { id: c.manager?.id } });
  });
});
