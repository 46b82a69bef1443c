import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Group,
  GroupEvents,
  GroupForYouList,
  GroupInvitationsResult,
  GroupList,
  GroupMemberList,
} from '#common/groups';
import { auditEvents, groupMembers, groups, notifications, users } from '#server/db/schema/index';
import { fixedClock } from '#server/lib/clock';
import { createTestEvent } from '#tests/factories/events';
import { createTestGroup } from '#tests/factories/groups';
import { createTestMember, signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

failOnConsoleError();
const clock = fixedClock('2026-11-24T03:00:00Z');
let t: TestApp;
type Session = Awaited<ReturnType<typeof signedIn>>;
let hr: Session;
let alumnus: Session;
let other: Session;
let employee: Session;

const XSS = '<img src=x onerror=alert(1)><script>alert(2)</script>';
const MISSING = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp({ clock });
  hr = await signedIn(t, { role: 'alumni_manager' });
  alumnus = await signedIn(t, {
    role: 'alumni',
    profile: {
      leftOn: '2020-03-31',
      joinedOn: '2012-04-01',
      country: 'SG',
      location: 'Singapore',
      departments: ['海外営業部'],
      skills: ['Photography', 'Go'],
    },
  });
  other = await signedIn(t, { role: 'alumni', profile: { leftOn: '2019-03-31' } });
  employee = await signedIn(t, { role: 'employee' });
});
afterAll(() => t.close());

const call = (
  method: string,
  path: string,
  cookie?: string,
  json?: unknown,
  lang = 'en',
): Promise<Response> => t.request(path, { method, cookie, json, headers: { 'accept-language': lang } });
const get = (path: string, cookie?: string, lang = 'en') => call('GET', path, cookie, undefined, lang);
const fieldsOf = async (res: Response) =>
  ((await res.json()) as { error: { fields: Record<string, string[]> } }).error.fields;
const expectStatus = async (res: Response, status: number) => {
  expect(res.status, await res.clone().text()).toBe(status);
  return res;
};
const groupOf = async (res: Response) => (await (await expectStatus(res, 200)).json()) as Group;
const notificationsFor = (userId: string, type: string) =>
  t.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.type, type)));
const auditFor = (groupId: string, action: string) =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectId, groupId), eq(auditEvents.action, action)));
const stateOf = async (groupId: string, userId: string) =>
  (
    await t.db
      .select()
      .from(groupMembers)
      .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)))
  )[0] ?? null;
const countOf = async (groupId: string) =>
  (await t.db.select().from(groups).where(eq(groups.id, groupId)))[0]?.memberCount;

describe('GET /api/groups', () => {
  it('401 anonymous; 400 translated', async () => {
    expect((await get('/api/groups')).status).toBe(401);
    const res = await expectStatus(await get('/api/groups?kind=moon&pageSize=500', alumnus.cookie), 400);
    const fields = await fieldsOf(res);
    expect(fields.kind?.[0]).toMatch(/^Must be one of/);
    expect(fields.pageSize).toEqual(['Must be at most 50.']);
    const ja = await fieldsOf(await get('/api/groups?pageSize=500&mine=maybe', alumnus.cookie, 'ja'));
    expect(ja.pageSize?.[0]).toMatch(/50/);
    expect(ja.mine).toEqual(['true か false を指定してください。']);
  });

  it('searches names in both languages (kana and width folded), filters by kind and mine', async () => {
    const a = await createTestGroup(t, {
      nameJa: 'カメラ部ゆうき',
      nameEn: 'Camera club yuki',
      kind: 'interest',
    });
    const b = await createTestGroup(t, {
      nameJa: '大阪支部ゆうき',
      nameEn: 'Osaka yuki',
      members: [alumnus.member.id],
    });
    const ids = async (qs: string) =>
      (
        (await (await expectStatus(await get(`/api/groups${qs}`, alumnus.cookie), 200)).json()) as GroupList
      ).items.map((g) => g.id);
    expect(await ids(`?q=${encodeURIComponent('かめら')}`)).toContain(a.id);
    expect(await ids(`?q=${encodeURIComponent('ＣＡＭＥＲＡ')}`)).toContain(a.id);
    expect(await ids(`?q=yuki&kind=interest`)).toEqual([a.id]);
    expect(await ids(`?q=yuki&mine=true`)).toEqual([b.id]);
    const list = (await (await get(`/api/groups?q=yuki&mine=true`, alumnus.cookie)).json()) as GroupList;
    expect(list.items[0]?.myState).toBe('active');
    expect(list.items[0]?.memberCount).toBe(1);
  });
});

describe('an internal group', () => {
  it('never reaches an alumnus by id, list, search, members, join or for-you; an employee sees it', async () => {
    const g = await createTestGroup(t, {
      kind: 'department',
      nameJa: '社内限定 海外営業部',
      nameEn: 'Internal overseas sales',
      department: '海外営業部',
      classification: 'internal',
      members: [employee.member.id],
    });
    expect((await get(`/api/groups/${g.id}`, alumnus.cookie)).status).toBe(404);
    expect((await get(`/api/groups/${g.id}/members`, alumnus.cookie)).status).toBe(404);
    expect((await call('POST', `/api/groups/${g.id}/join`, alumnus.cookie)).status).toBe(404);
    const search = (await (
      await get(`/api/groups?q=${encodeURIComponent('社内限定')}`, alumnus.cookie)
    ).json()) as GroupList;
    expect(search.items).toEqual([]);
    expect(search.total).toBe(0);
    const all = (await (
      await get('/api/groups?kind=department&pageSize=50', alumnus.cookie)
    ).json()) as GroupList;
    expect(all.items.map((x) => x.id)).not.toContain(g.id);
    const forYou = (await (
      await get('/api/groups/for-you?limit=20', alumnus.cookie)
    ).json()) as GroupForYouList;
    expect(forYou.items.map((x) => x.group.id)).not.toContain(g.id);

    const seen = await groupOf(await get(`/api/groups/${g.id}`, employee.cookie));
    expect(seen.visibility).toBe('internal');
    expect(seen.myState).toBe('active');
  });

  it('cannot be given to an alumnus by invitation', async () => {
    const g = await createTestGroup(t, { classification: 'internal', admins: [employee.member.id] });
    const res = await expectStatus(
      await call('POST', `/api/groups/${g.id}/invitations`, employee.cookie, {
        memberIds: [alumnus.member.id],
      }),
      400,
    );
    expect((await fieldsOf(res))['memberIds.0']).toEqual(['This member cannot be invited to this group.']);
    expect(await stateOf(g.id, alumnus.member.id)).toBeNull();
  });
});

describe('GET /api/groups/for-you', () => {
  it('401 anonymous; 400 bad limit', async () => {
    expect((await get('/api/groups/for-you')).status).toBe(401);
    expect((await get('/api/groups/for-you?limit=99', alumnus.cookie)).status).toBe(400);
  });

  it('matches chapter, department, intake year and skills, explains why, leaves out joined groups', async () => {
    const chapter = await createTestGroup(t, {
      kind: 'chapter',
      nameEn: 'Singapore',
      country: 'SG',
      region: 'Singapore',
    });
    const dept = await createTestGroup(t, {
      kind: 'department',
      nameJa: '海外営業部OB会',
      department: '海外営業部',
    });
    const intake = await createTestGroup(t, {
      kind: 'intake',
      nameJa: '2012年入社 同期会',
      intakeYear: 2012,
    });
    const interest = await createTestGroup(t, {
      kind: 'interest',
      nameEn: 'Photography walks',
      official: false,
    });
    const joined = await createTestGroup(t, {
      kind: 'intake',
      intakeYear: 2012,
      nameEn: 'Joined already',
      members: [alumnus.member.id],
    });
    const unrelated = await createTestGroup(t, { kind: 'chapter', country: 'BR', region: 'São Paulo' });
    const res = (await (
      await expectStatus(await get('/api/groups/for-you?limit=20', alumnus.cookie), 200)
    ).json()) as GroupForYouList;
    const byId = new Map(res.items.map((i) => [i.group.id, i.reasons]));
    expect(byId.get(chapter.id)?.map((r) => r.kind)).toEqual(['country', 'location']);
    expect(byId.get(dept.id)).toEqual([{ kind: 'department', value: '海外営業部' }]);
    expect(byId.get(intake.id)).toEqual([{ kind: 'intake', value: '2012' }]);
    expect(byId.get(interest.id)).toEqual([{ kind: 'skills', value: 'Photography' }]);
    expect(byId.has(joined.id)).toBe(false);
    expect(byId.has(unrelated.id)).toBe(false);
  });
});

describe('POST /api/groups', () => {
  it('401 anonymous; 400 translated (no name; a member may not create a chapter)', async () => {
    expect((await call('POST', '/api/groups', undefined, { kind: 'interest', nameEn: 'x' })).status).toBe(
      401,
    );
    const res = await expectStatus(
      await call('POST', '/api/groups', alumnus.cookie, { kind: 'interest' }, 'ja'),
      400,
    );
    expect((await fieldsOf(res)).nameJa).toEqual(['日本語または英語でグループ名を入力してください。']);
    const chapter = await expectStatus(
      await call('POST', '/api/groups', alumnus.cookie, { kind: 'chapter', nameEn: 'My chapter' }),
      400,
    );
    expect((await fieldsOf(chapter)).kind?.[0]).toMatch(/interest groups only/);
    const intake = await expectStatus(
      await call('POST', '/api/groups', hr.cookie, { kind: 'intake', nameEn: 'Intake', country: 'Japan' }),
      400,
    );
    const fields = await fieldsOf(intake);
    expect(fields.intakeYear).toEqual(['Give the intake year of an intake group.']);
    expect(fields.country).toEqual(['Use a two-letter country code such as JP.']);
  });

  it('HR creates an official group, active at once, audited', async () => {
    const g = (await (
      await expectStatus(
        await call('POST', '/api/groups', hr.cookie, {
          kind: 'chapter',
          nameJa: '東京支部',
          nameEn: 'Tokyo chapter',
          country: 'jp',
          region: '東京',
          joinPolicy: 'request',
        }),
        201,
      )
    ).json()) as Group;
    expect(g).toMatchObject({
      status: 'active',
      official: true,
      country: 'JP',
      memberCount: 0,
      canManage: true,
    });
    expect(await auditFor(g.id, 'group.created')).toHaveLength(1);
  });

  it('a member proposes an interest group: pending, they are its admin, HR is told; others cannot see it', async () => {
    const g = (await (
      await expectStatus(
        await call('POST', '/api/groups', alumnus.cookie, {
          kind: 'interest',
          nameEn: `Trail running ${XSS}`,
          descriptionEn: XSS,
          joinPolicy: 'open',
        }),
        201,
      )
    ).json()) as Group;
    expect(g).toMatchObject({
      status: 'pending',
      official: false,
      myState: 'active',
      myRole: 'admin',
      memberCount: 1,
    });
    // Stored and returned as plain text: the web renders it as text, never as HTML.
    expect(g.nameEn).toBe(`Trail running ${XSS}`);
    const told = await notificationsFor(hr.member.id, 'group_proposal');
    expect(told.some((n) => n.link === '/admin/groups' && n.data.groupId === g.id)).toBe(true);
    expect((await get(`/api/groups/${g.id}`, other.cookie)).status).toBe(404);
    expect((await call('POST', `/api/groups/${g.id}/join`, other.cookie)).status).toBe(404);
    expect((await groupOf(await get(`/api/groups/${g.id}`, alumnus.cookie))).status).toBe('pending');
    const pending = (await (await get('/api/groups?status=pending', hr.cookie)).json()) as GroupList;
    expect(pending.items.map((x) => x.id)).toContain(g.id);
    const mine = (await (await get('/api/groups?mine=true', alumnus.cookie)).json()) as GroupList;
    expect(mine.items.map((x) => x.id)).toContain(g.id);
    const internal = await call('POST', '/api/groups', alumnus.cookie, {
      kind: 'interest',
      nameEn: 'Secret',
      visibility: 'internal',
    });
    expect((await fieldsOf(await expectStatus(internal, 400))).visibility).toBeDefined();
  });
});

describe('POST /api/groups/{id}/decision', () => {
  it('401, 404 for a member, 400 bad decision; HR approves once (proposer told, audited), then 409', async () => {
    const g = await createTestGroup(t, {
      kind: 'interest',
      official: false,
      status: 'pending',
      createdBy: alumnus.member.id,
      admins: [alumnus.member.id],
    });
    const path = `/api/groups/${g.id}/decision`;
    expect((await call('POST', path, undefined, { decision: 'approve' })).status).toBe(401);
    expect((await call('POST', path, alumnus.cookie, { decision: 'approve' })).status).toBe(404);
    expect((await call('POST', path, hr.cookie, { decision: 'maybe' })).status).toBe(400);
    const decided = await groupOf(
      await call('POST', path, hr.cookie, { decision: 'approve', note: 'いいですね' }),
    );
    expect(decided.status).toBe('active');
    expect(decided.decisionNote).toBe('いいですね');
    const told = await notificationsFor(alumnus.member.id, 'group_proposal_decided');
    expect(told.some((n) => n.data.groupId === g.id && n.data.decision === 'approve')).toBe(true);
    expect(await auditFor(g.id, 'group.approved')).toHaveLength(1);
    expect((await call('POST', path, hr.cookie, { decision: 'decline' })).status).toBe(409);
    // Now anyone in the network sees it.
    expect((await get(`/api/groups/${g.id}`, other.cookie)).status).toBe(200);
  });

  it('a declined proposal stays visible to its proposer only, with the note', async () => {
    const g = await createTestGroup(t, {
      kind: 'interest',
      official: false,
      status: 'pending',
      createdBy: alumnus.member.id,
      admins: [alumnus.member.id],
    });
    await groupOf(
      await call('POST', `/api/groups/${g.id}/decision`, hr.cookie, {
        decision: 'decline',
        note: 'Too close to another group',
      }),
    );
    const mine = await groupOf(await get(`/api/groups/${g.id}`, alumnus.cookie));
    expect(mine).toMatchObject({ status: 'declined', decisionNote: 'Too close to another group' });
    expect((await get(`/api/groups/${g.id}`, other.cookie)).status).toBe(404);
  });
});

describe('PATCH /api/groups/{id}', () => {
  it('401; 400 empty; 404 for a non-admin; an admin edits (not the visibility); HR may', async () => {
    const g = await createTestGroup(t, { admins: [alumnus.member.id], members: [other.member.id] });
    const path = `/api/groups/${g.id}`;
    expect((await call('PATCH', path, undefined, { nameEn: 'x' })).status).toBe(401);
    expect((await call('PATCH', path, alumnus.cookie, {})).status).toBe(400);
    expect((await call('PATCH', path, other.cookie, { nameEn: 'Hijacked' })).status).toBe(404);
    expect((await call('PATCH', `/api/groups/${MISSING}`, hr.cookie, { nameEn: 'x' })).status).toBe(404);
    const cleared = await call('PATCH', path, alumnus.cookie, { nameJa: '', nameEn: '' });
    expect((await fieldsOf(await expectStatus(cleared, 400))).nameEn).toEqual([
      'Enter a name in Japanese or English.',
    ]);
    const edited = await groupOf(
      await call('PATCH', path, alumnus.cookie, { nameEn: 'Renamed sakura', joinPolicy: 'request' }),
    );
    expect(edited).toMatchObject({ nameEn: 'Renamed sakura', joinPolicy: 'request' });
    const found = (await (await get('/api/groups?q=sakura', other.cookie)).json()) as GroupList;
    expect(found.items.map((x) => x.id)).toContain(g.id);
    expect((await call('PATCH', path, alumnus.cookie, { visibility: 'internal' })).status).toBe(400);
    const hidden = await groupOf(await call('PATCH', path, hr.cookie, { visibility: 'internal' }));
    expect(hidden.visibility).toBe('internal');
    expect((await get(path, other.cookie)).status).toBe(404);
    expect(await auditFor(g.id, 'group.updated')).toHaveLength(2);
  });
});

describe('join, leave, invitations', () => {
  it('401 and 404 for a missing group', async () => {
    expect((await call('POST', `/api/groups/${MISSING}/join`)).status).toBe(401);
    expect((await call('POST', `/api/groups/${MISSING}/join`, alumnus.cookie)).status).toBe(404);
    expect((await call('POST', `/api/groups/not-a-uuid/leave`, alumnus.cookie)).status).toBe(400);
  });

  it('an open group is joined at once and left again, the count kept', async () => {
    const g = await createTestGroup(t, { admins: [employee.member.id] });
    const joined = await groupOf(await call('POST', `/api/groups/${g.id}/join`, other.cookie));
    expect(joined).toMatchObject({ myState: 'active', myRole: 'member', memberCount: 2 });
    const again = await groupOf(await call('POST', `/api/groups/${g.id}/join`, other.cookie));
    expect(again.memberCount).toBe(2);
    const left = await groupOf(await call('POST', `/api/groups/${g.id}/leave`, other.cookie));
    expect(left).toMatchObject({ myState: null, memberCount: 1 });
  });

  it('a request-to-join group records the request, tells its admins; an admin approves it', async () => {
    const g = await createTestGroup(t, { joinPolicy: 'request', admins: [employee.member.id] });
    const asked = await groupOf(await call('POST', `/api/groups/${g.id}/join`, other.cookie));
    expect(asked).toMatchObject({ myState: 'requested', memberCount: 1 });
    const told = await notificationsFor(employee.member.id, 'group_join_request');
    expect(told.some((n) => n.data.groupId === g.id)).toBe(true);

    const path = `/api/groups/${g.id}/requests/${other.member.id}`;
    expect((await call('POST', path, undefined, { decision: 'approve' })).status).toBe(401);
    expect((await call('POST', path, alumnus.cookie, { decision: 'approve' })).status).toBe(404);
    expect((await call('POST', path, employee.cookie, { decision: 'yes' })).status).toBe(400);
    const requests = (await (
      await get(`/api/groups/${g.id}/members?state=requested`, employee.cookie)
    ).json()) as GroupMemberList;
    expect(requests.items.map((m) => m.id)).toEqual([other.member.id]);
    expect((await get(`/api/groups/${g.id}/members?state=requested`, alumnus.cookie)).status).toBe(404);

    const approved = await call('POST', path, employee.cookie, { decision: 'approve' });
    expect(((await (await expectStatus(approved, 200)).json()) as { state: string }).state).toBe('active');
    expect(await countOf(g.id)).toBe(2);
    const ok = await notificationsFor(other.member.id, 'group_join_approved');
    expect(ok.some((n) => n.data.groupId === g.id)).toBe(true);
    expect(await auditFor(g.id, 'group.request_approved')).toHaveLength(1);
    expect((await call('POST', path, employee.cookie, { decision: 'approve' })).status).toBe(404);
  });

  it('a declined request is gone', async () => {
    const g = await createTestGroup(t, {
      joinPolicy: 'request',
      admins: [employee.member.id],
      requested: [other.member.id],
    });
    await expectStatus(
      await call('POST', `/api/groups/${g.id}/requests/${other.member.id}`, employee.cookie, {
        decision: 'decline',
      }),
      200,
    );
    expect(await stateOf(g.id, other.member.id)).toBeNull();
    expect(await auditFor(g.id, 'group.request_declined')).toHaveLength(1);
  });

  it('an invite-only group refuses a join (404) until invited; an invitation is accepted or declined', async () => {
    const g = await createTestGroup(t, { joinPolicy: 'invite', admins: [employee.member.id] });
    expect((await call('POST', `/api/groups/${g.id}/join`, other.cookie)).status).toBe(404);
    expect((await call('POST', `/api/groups/${g.id}/invitation/accept`, other.cookie)).status).toBe(404);

    const path = `/api/groups/${g.id}/invitations`;
    expect((await call('POST', path, undefined, { memberIds: [other.member.id] })).status).toBe(401);
    expect((await call('POST', path, employee.cookie, { memberIds: [] })).status).toBe(400);
    expect((await call('POST', path, employee.cookie, { memberIds: ['nope'] })).status).toBe(400);
    expect((await call('POST', path, alumnus.cookie, { memberIds: [other.member.id] })).status).toBe(404);
    const unknown = await call('POST', path, employee.cookie, { memberIds: [MISSING] });
    expect((await fieldsOf(await expectStatus(unknown, 400)))['memberIds.0']).toBeDefined();
    const result = (await (
      await expectStatus(
        await call('POST', path, employee.cookie, {
          memberIds: [other.member.id, alumnus.member.id, employee.member.id],
        }),
        200,
      )
    ).json()) as GroupInvitationsResult;
    expect(result.invited.sort()).toEqual([other.member.id, alumnus.member.id].sort());
    expect(result.unchanged).toEqual([employee.member.id]);
    const told = await notificationsFor(other.member.id, 'group_invite');
    expect(told.some((n) => n.data.groupId === g.id)).toBe(true);
    expect(await auditFor(g.id, 'group.member_invited')).toHaveLength(2);
    const invitations = (await (
      await get(`/api/groups/${g.id}/members?state=invited`, employee.cookie)
    ).json()) as GroupMemberList;
    expect(invitations.total).toBe(2);

    const accepted = await groupOf(await call('POST', `/api/groups/${g.id}/invitation/accept`, other.cookie));
    expect(accepted).toMatchObject({ myState: 'active', memberCount: 2 });
    const declined = await groupOf(
      await call('POST', `/api/groups/${g.id}/invitation/decline`, alumnus.cookie),
    );
    expect(declined.myState).toBeNull();
    expect((await call('POST', `/api/groups/${g.id}/invitation/decline`, alumnus.cookie)).status).toBe(404);
  });

  it('the last admin cannot leave or be demoted (409); after handing over they can', async () => {
    const g = await createTestGroup(t, { admins: [alumnus.member.id], members: [other.member.id] });
    const leave = await call('POST', `/api/groups/${g.id}/leave`, alumnus.cookie, undefined, 'ja');
    expect((await expectStatus(leave, 409)).status).toBe(409);
    const role = (userId: string) => `/api/groups/${g.id}/members/${userId}/role`;
    expect((await call('PUT', role(alumnus.member.id), alumnus.cookie, { role: 'member' })).status).toBe(409);
    expect((await call('PUT', role(other.member.id), undefined, { role: 'admin' })).status).toBe(401);
    expect((await call('PUT', role(other.member.id), other.cookie, { role: 'admin' })).status).toBe(404);
    expect((await call('PUT', role(other.member.id), alumnus.cookie, { role: 'boss' })).status).toBe(400);
    expect((await call('PUT', role(employee.member.id), alumnus.cookie, { role: 'admin' })).status).toBe(404);
    const promoted = await call('PUT', role(other.member.id), alumnus.cookie, { role: 'admin' });
    expect(((await (await expectStatus(promoted, 200)).json()) as { role: string }).role).toBe('admin');
    expect(await auditFor(g.id, 'group.role_set')).toHaveLength(1);
    const left = await groupOf(await call('POST', `/api/groups/${g.id}/leave`, alumnus.cookie));
    expect(left).toMatchObject({ myState: null, memberCount: 1 });
  });

  it('an admin removes a member (audited); others may not', async () => {
    const g = await createTestGroup(t, {
      admins: [employee.member.id],
      members: [other.member.id, alumnus.member.id],
    });
    const path = `/api/groups/${g.id}/members/${other.member.id}`;
    expect((await call('DELETE', path)).status).toBe(401);
    expect((await call('DELETE', path, alumnus.cookie)).status).toBe(404);
    expect((await call('DELETE', path, employee.cookie)).status).toBe(204);
    expect(await countOf(g.id)).toBe(2);
    expect(await auditFor(g.id, 'group.member_removed')).toHaveLength(1);
    expect((await call('DELETE', path, employee.cookie)).status).toBe(404);
  });
});

describe('GET /api/groups/{id} and members', () => {
  it('401, 400 bad id, 404 missing; a member sees the page and the active members', async () => {
    const g = await createTestGroup(t, {
      admins: [employee.member.id],
      members: [other.member.id],
      requested: [alumnus.member.id],
    });
    expect((await get(`/api/groups/${g.id}`)).status).toBe(401);
    expect((await get(`/api/groups/${g.id}/members`)).status).toBe(401);
    expect((await get('/api/groups/nope', alumnus.cookie)).status).toBe(400);
    expect((await get(`/api/groups/${MISSING}`, alumnus.cookie)).status).toBe(404);
    expect((await get(`/api/groups/${g.id}/members?pageSize=0`, alumnus.cookie)).status).toBe(400);
    const seen = await groupOf(await get(`/api/groups/${g.id}`, other.cookie));
    expect(seen).toMatchObject({ canManage: false, canDecide: false, createdBy: null, requestCount: 0 });
    const managed = await groupOf(await get(`/api/groups/${g.id}`, employee.cookie));
    expect(managed).toMatchObject({ canManage: true, requestCount: 1 });
    const list = (await (await get(`/api/groups/${g.id}/members`, other.cookie)).json()) as GroupMemberList;
    expect(list.items.map((m) => [m.id, m.role])).toEqual([
      [employee.member.id, 'admin'],
      [other.member.id, 'member'],
    ]);
    expect(list.total).toBe(2);
  });
});

describe('GET /api/groups/{id}/members: only members listed in the directory are named', () => {
  it('names consenting active members, the viewer and the admins; counts the others; HR sees all', async () => {
    const unlistedAdmin = await createTestMember(t, { role: 'alumni', consents: [] });
    const listed = await createTestMember(t, { role: 'alumni' });
    const unlisted = await createTestMember(t, { role: 'alumni', consents: [] });
    const never = await createTestMember(t, { role: 'alumni', consents: null });
    const gone = await createTestMember(t, { role: 'alumni' });
    await t.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, gone.id));
    const me = await signedIn(t, { role: 'alumni', consents: [] });
    const g = await createTestGroup(t, {
      admins: [unlistedAdmin.id],
      members: [listed.id, unlisted.id, never.id, gone.id, me.member.id],
    });
    const path = `/api/groups/${g.id}/members`;
    const list = (await (await expectStatus(await get(path, me.cookie), 200)).json()) as GroupMemberList;
    expect(new Set(list.items.map((m) => m.id))).toEqual(
      new Set([unlistedAdmin.id, listed.id, me.member.id]),
    );
    expect(list).toMatchObject({ total: 3, others: 2, hasMore: false });
    const paged = (await (await get(`${path}?pageSize=2&page=2`, me.cookie)).json()) as GroupMemberList;
    expect(paged).toMatchObject({ total: 3, others: 2, hasMore: false });
    expect(paged.items).toHaveLength(1);
    const byHr = (await (await get(path, hr.cookie)).json()) as GroupMemberList;
    expect(byHr.items).toHaveLength(5);
    expect(byHr).toMatchObject({ total: 5, others: 0 });
    expect(byHr.items.map((m) => m.id)).not.toContain(gone.id);
  });
});

describe('POST /api/groups/{id}/archive', () => {
  it('401, 404 for a member; HR archives (audited); joining is then refused (409)', async () => {
    const g = await createTestGroup(t, { admins: [alumnus.member.id] });
    const path = `/api/groups/${g.id}/archive`;
    expect((await call('POST', path)).status).toBe(401);
    expect((await call('POST', path, alumnus.cookie)).status).toBe(404);
    expect((await groupOf(await call('POST', path, hr.cookie))).status).toBe('archived');
    expect(await auditFor(g.id, 'group.archived')).toHaveLength(1);
    expect((await call('POST', path, hr.cookie)).status).toBe(409);
    expect((await call('POST', `/api/groups/${g.id}/join`, other.cookie)).status).toBe(409);
    expect((await call('PATCH', `/api/groups/${g.id}`, alumnus.cookie, { nameEn: 'x' })).status).toBe(409);
  });
});

describe('GET /api/groups/{id}/events (issue 13 §6)', () => {
  it('401, 400, 404 for a group the viewer may not see', async () => {
    const g = await createTestGroup(t, { members: [alumnus.member.id] });
    await expectStatus(await get(`/api/groups/${g.id}/events`), 401);
    const bad = await expectStatus(
      await get(`/api/groups/${g.id}/events?limit=abc`, alumnus.cookie, 'ja'),
      400,
    );
    expect(Object.keys(await fieldsOf(bad))).toEqual(['limit']);
    await expectStatus(await get(`/api/groups/${MISSING}/events`, alumnus.cookie), 404);
    const internal = await createTestGroup(t, { classification: 'internal', members: [employee.member.id] });
    await createTestEvent(t, { now: clock.now(), groupId: internal.id, titleEn: 'Inside only' });
    await expectStatus(await get(`/api/groups/${internal.id}/events`, alumnus.cookie), 404);
    const theirs = (await (
      await expectStatus(await get(`/api/groups/${internal.id}/events`, employee.cookie), 200)
    ).json()) as GroupEvents;
    expect(theirs.items.map((e) => e.titleEn)).toEqual(['Inside only']);
  });

  it('the group’s coming events as the events policy lets each viewer see them; HR may add one', async () => {
    const now = clock.now();
    const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);
    const g = await createTestGroup(t, { members: [alumnus.member.id] });
    const open = await createTestEvent(t, { now, startsAt: inDays(3), groupId: g.id, titleEn: 'Open night' });
    const membersOnly = await createTestEvent(t, {
      now,
      startsAt: inDays(2),
      groupId: g.id,
      titleEn: 'Members only',
      audience: { groupIds: [g.id] },
    });
    const internal = await createTestEvent(t, {
      now,
      startsAt: inDays(1),
      groupId: g.id,
      titleEn: 'Employees only',
      classification: 'internal',
    });
    await createTestEvent(t, { now, startsAt: inDays(1), groupId: g.id, status: 'draft' });
    await createTestEvent(t, { now, startsAt: inDays(-3), groupId: g.id, titleEn: 'Past' });
    await createTestEvent(t, { now, startsAt: inDays(1), titleEn: 'Another group’s' });

    const ids = async (cookie: string) => {
      const body = (await (
        await expectStatus(await get(`/api/groups/${g.id}/events`, cookie), 200)
      ).json()) as GroupEvents;
      return { ids: body.items.map((e) => e.id), canCreate: body.canCreate };
    };
    expect(await ids(alumnus.cookie)).toEqual({ ids: [membersOnly.id, open.id], canCreate: false });
    expect(await ids(other.cookie)).toEqual({ ids: [open.id], canCreate: false });
    expect(await ids(employee.cookie)).toEqual({ ids: [internal.id, open.id], canCreate: false });
    const asHr = await ids(hr.cookie);
    expect(asHr.canCreate).toBe(true);
    expect(asHr.ids).toEqual(expect.arrayContaining([internal.id, membersOnly.id, open.id]));
    const one = (await (
      await get(`/api/groups/${g.id}/events?limit=1`, alumnus.cookie)
    ).json()) as GroupEvents;
    expect(one.items.map((e) => e.id)).toEqual([membersOnly.id]);
  });
});
