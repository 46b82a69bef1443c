import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignableRoles, ROLES, type Role } from '#common/roles';
import { invitations, leaverCases, users, verificationRequests } from '#server/db/schema/index';
import { runExitTransition } from '#server/features/exits/exits.transition';
import { JOIN_RATE_LIMIT } from '#server/features/verification/verification.routes';
import { canAssignRole } from '#server/lib/access/policy';
import { fixedClock } from '#server/lib/clock';
import { createHrRecord } from '#tests/factories/hr-records';
import { createTestMember, signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';

/**
 * Decision 022: who may give which role, and whose powers an exit case may end. Every path that
 * sets a role is checked here as a matrix actor role × requested (or subject) role.
 */
failOnConsoleError();
let t: TestApp;
const clock = fixedClock('2026-11-24T03:00:00Z');
type Actor = Awaited<ReturnType<typeof signedIn>>;
const actors = {} as Record<'alumni_manager' | 'admin', Actor>;

beforeAll(async () => {
  t = await createTestApp({ clock });
  actors.alumni_manager = await signedIn(t, { role: 'alumni_manager' });
  actors.admin = await signedIn(t, { role: 'admin' });
});
afterAll(() => t.close());

let n = 0;
const invitee = (role: Role) => {
  n += 1;
  return { email: `rb-${n}@example.com`, role, locale: 'en', familyName: '佐藤', givenName: '健太' };
};
const roleOf = async (id: string) =>
  (await t.db.select({ role: users.role }).from(users).where(eq(users.id, id)))[0]?.role;
const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { fields: Record<string, string[]> } }).error;

const MAY_ASSIGN: Record<'alumni_manager' | 'admin', readonly Role[]> = {
  alumni_manager: ['alumni', 'employee', 'leaver'],
  admin: ['alumni', 'employee', 'leaver', 'alumni_manager', 'admin'],
};

describe('the rule', () => {
  it('HR gives member roles only, an admin any role, everyone else none', () => {
    for (const actor of ROLES) {
      for (const role of ROLES) {
        const expected = (MAY_ASSIGN as Record<string, readonly Role[]>)[actor]?.includes(role) ?? false;
        expect(canAssignRole({ role: actor }, role), `${actor} → ${role}`).toBe(expected);
        expect(assignableRoles(actor).includes(role)).toBe(expected);
      }
    }
    // The system acting for HR (automatic join approval, bulk invitations) has HR's reach.
    expect(canAssignRole(null, 'admin')).toBe(false);
    expect(canAssignRole(null, 'alumni')).toBe(true);
  });
});

describe('POST /api/invitations: actor role × requested role', () => {
  for (const actor of ['alumni_manager', 'admin'] as const) {
    for (const role of ROLES) {
      const allowed = MAY_ASSIGN[actor].includes(role);
      it(`${actor} inviting as ${role}: ${allowed ? '201' : '400 on role'}`, async () => {
        const res = await t.request('/api/invitations', {
          method: 'POST',
          cookie: actors[actor].cookie,
          headers: { 'accept-language': 'en' },
          json: invitee(role),
        });
        if (allowed) {
          expect(res.status).toBe(201);
          expect(((await res.json()) as { role: string }).role).toBe(role);
        } else {
          expect(res.status).toBe(400);
          expect((await errorOf(res)).fields.role).toEqual(['Only an administrator can give this role.']);
        }
      });
    }
  }

  it('the field error is translated into Japanese, and no invitation is stored', async () => {
    const body = invitee('admin');
    const res = await t.request('/api/invitations', {
      method: 'POST',
      cookie: actors.alumni_manager.cookie,
      headers: { 'accept-language': 'ja' },
      json: body,
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).fields.role).toEqual(['このロールを付与できるのは管理者だけです。']);
    expect(await t.db.select().from(invitations).where(eq(invitations.email, body.email))).toEqual([]);
  });
});

describe('POST /api/invitations/{id}/resend', () => {
  it("HR cannot renew an administrator's invitation to a staff role; an admin can", async () => {
    for (const role of ['alumni_manager', 'admin'] as const) {
      const created = await t.request('/api/invitations', {
        method: 'POST',
        cookie: actors.admin.cookie,
        json: invitee(role),
      });
      const { id } = (await created.json()) as { id: string };
      const byHr = await t.request(`/api/invitations/${id}/resend`, {
        method: 'POST',
        cookie: actors.alumni_manager.cookie,
        headers: { 'accept-language': 'en' },
      });
      expect(byHr.status, role).toBe(400);
      expect((await errorOf(byHr)).fields.role).toEqual(['Only an administrator can give this role.']);
      const byAdmin = await t.request(`/api/invitations/${id}/resend`, {
        method: 'POST',
        cookie: actors.admin.cookie,
      });
      expect(byAdmin.status, role).toBe(200);
    }
    const memberInvite = await t.request('/api/invitations', {
      method: 'POST',
      cookie: actors.admin.cookie,
      json: invitee('alumni'),
    });
    const { id } = (await memberInvite.json()) as { id: string };
    const res = await t.request(`/api/invitations/${id}/resend`, {
      method: 'POST',
      cookie: actors.alumni_manager.cookie,
    });
    expect(res.status).toBe(200);
  });
});

describe('POST /api/join-requests/{id}/approve: actor role × requested role', () => {
  async function pendingRequest() {
    n += 1;
    t.clock.advance(JOIN_RATE_LIMIT.windowMs);
    const email = `join-${n}@mail.example`;
    const res = await t.request('/api/join-requests', {
      method: 'POST',
      json: { familyName: '山田', givenName: '花子', email, employeeNumber: `NOPE${n}`, joinedOn: '2015-04' },
    });
    expect(res.status).toBe(202);
    const [row] = await t.db.select().from(verificationRequests).where(eq(verificationRequests.email, email));
    return row?.id as string;
  }

  for (const actor of ['alumni_manager', 'admin'] as const) {
    for (const role of ROLES) {
      const allowed = ['alumni', 'employee'].includes(role) && MAY_ASSIGN[actor].includes(role);
      it(`${actor} approving as ${role}: ${allowed ? '200' : '400 on role'}`, async () => {
        const id = await pendingRequest();
        const res = await t.request(`/api/join-requests/${id}/approve`, {
          method: 'POST',
          cookie: actors[actor].cookie,
          headers: { 'accept-language': 'en' },
          json: { recordId: null, role },
        });
        if (allowed) {
          expect(res.status).toBe(200);
        } else {
          expect(res.status).toBe(400);
          expect((await errorOf(res)).fields.role?.length).toBe(1);
        }
      });
    }
  }
});

describe('POST /api/invitations/from-records', () => {
  it('bulk invitations only ever give member roles, whoever starts them', async () => {
    for (const actor of ['alumni_manager', 'admin'] as const) {
      const ids: string[] = [];
      for (const leftOn of [null, '2020-03-31', '2027-06-30']) {
        n += 1;
        const record = await createHrRecord(t, { leftOn, personalEmail: `bulk-${n}@mail.example` });
        ids.push(record.id);
      }
      const res = await t.request('/api/invitations/from-records', {
        method: 'POST',
        cookie: actors[actor].cookie,
        json: { recordIds: ids },
      });
      expect(res.status).toBe(202);
      await t.queue.drain();
      const rows = await t.db
        .select({ role: invitations.role, record: invitations.hrRecordId })
        .from(invitations);
      const mine = rows.filter((r) => r.record && ids.includes(r.record));
      expect(mine.map((r) => r.role).sort()).toEqual(['alumni', 'employee', 'leaver']);
      for (const r of mine) expect(canAssignRole({ role: 'alumni_manager' }, r.role)).toBe(true);
    }
  });
});

// ---- exits: actor role × subject role ----------------------------------------------------------

async function open(actor: Actor, userId: string) {
  return t.request('/api/exit-cases', {
    method: 'POST',
    cookie: actor.cookie,
    headers: { 'accept-language': 'en' },
    json: { userId, lastDay: '2027-11-30', timeZone: 'Asia/Tokyo', reasonCategory: 'other' },
  });
}

const SUBJECTS = ['employee', 'leaver', 'alumni', 'alumni_manager', 'admin', 'self'] as const;
/** status, and the subject's role right after the case opens (powers end on the last day). */
const OPEN_MATRIX: Record<
  'alumni_manager' | 'admin',
  Record<(typeof SUBJECTS)[number], [number, string?]>
> = {
  alumni_manager: {
    employee: [201, 'leaver'],
    leaver: [201, 'leaver'],
    alumni: [400],
    alumni_manager: [400],
    admin: [400],
    self: [400],
  },
  admin: {
    employee: [201, 'leaver'],
    leaver: [201, 'leaver'],
    alumni: [400],
    alumni_manager: [201, 'alumni_manager'],
    admin: [201, 'admin'],
    self: [400],
  },
};

describe('POST /api/exit-cases: actor role × subject role', () => {
  for (const actor of ['alumni_manager', 'admin'] as const) {
    for (const subject of SUBJECTS) {
      const [status, roleAfter] = OPEN_MATRIX[actor][subject];
      it(`${actor} opening a case for ${subject}: ${status}`, async () => {
        const me = subject === 'self' ? await signedIn(t, { role: actor }) : null;
        const actingAs = me ?? actors[actor];
        const person = me ? me.member : await createTestMember(t, { role: subject as Role });
        const before = await roleOf(person.id);
        const res = await open(actingAs, person.id);
        expect(res.status).toBe(status);
        if (roleAfter) {
          expect(await roleOf(person.id)).toBe(roleAfter);
        } else {
          expect(await roleOf(person.id)).toBe(before);
          expect(await t.db.select().from(leaverCases).where(eq(leaverCases.userId, person.id))).toEqual([]);
        }
        if (status === 400 && subject !== 'alumni') {
          const { fields } = await errorOf(res);
          expect(fields.userId).toEqual([
            subject === 'self'
              ? 'You cannot open or change your own exit case.'
              : 'Only an administrator can handle the exit of an HR manager or administrator.',
          ]);
        }
      });
    }
  }

  it('a staff member keeps their powers until the last day, then becomes alumni', async () => {
    const hrLeaving = await createTestMember(t, { role: 'alumni_manager' });
    const res = await open(actors.admin, hrLeaving.id);
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect(await roleOf(hrLeaving.id)).toBe('alumni_manager');
    const [row] = await t.db.select().from(leaverCases).where(eq(leaverCases.id, id));
    expect(row?.previousRole).toBe('alumni_manager');
    await runExitTransition({
      db: t.db,
      env: t.env,
      queue: t.queue,
      hooks: t.hooks,
      clock: fixedClock('2027-11-30T16:00:00Z'),
      mailer: undefined as never,
      logger: undefined as never,
      auth: undefined as never,
    });
    expect(await roleOf(hrLeaving.id)).toBe('alumni');
  });

  it('the leaving staff member still sees their own case (the leaver experience)', async () => {
    const hrLeaving = await signedIn(t, { role: 'alumni_manager' });
    const res = await open(actors.admin, hrLeaving.member.id);
    const { id } = (await res.json()) as { id: string };
    const mine = await t.request(`/api/exit-cases/${id}`, { cookie: hrLeaving.cookie });
    expect(mine.status).toBe(200);
    // …but cannot change it as HR.
    const cancel = await t.request(`/api/exit-cases/${id}/cancel`, {
      method: 'POST',
      cookie: hrLeaving.cookie,
      headers: { 'accept-language': 'en' },
    });
    expect(cancel.status).toBe(400);
    expect((await errorOf(cancel)).fields.userId).toEqual(['You cannot open or change your own exit case.']);
    const move = await t.request(`/api/exit-cases/${id}`, {
      method: 'PATCH',
      cookie: hrLeaving.cookie,
      json: { lastDay: '2026-11-25' },
    });
    expect(move.status).toBe(400);
    expect(await roleOf(hrLeaving.member.id)).toBe('alumni_manager');
  });
});

describe('changing or cancelling a case', () => {
  it("HR cannot move the last day of a staff member's case nor cancel it; an admin can", async () => {
    const leaving = await createTestMember(t, { role: 'admin' });
    const res = await open(actors.admin, leaving.id);
    const { id } = (await res.json()) as { id: string };
    const move = await t.request(`/api/exit-cases/${id}`, {
      method: 'PATCH',
      cookie: actors.alumni_manager.cookie,
      headers: { 'accept-language': 'en' },
      json: { lastDay: '2026-11-25' },
    });
    expect(move.status).toBe(400);
    expect((await errorOf(move)).fields.userId).toEqual([
      'Only an administrator can handle the exit of an HR manager or administrator.',
    ]);
    const cancelByHr = await t.request(`/api/exit-cases/${id}/cancel`, {
      method: 'POST',
      cookie: actors.alumni_manager.cookie,
    });
    expect(cancelByHr.status).toBe(400);
    const cancelByAdmin = await t.request(`/api/exit-cases/${id}/cancel`, {
      method: 'POST',
      cookie: actors.admin.cookie,
    });
    expect(cancelByAdmin.status).toBe(200);
    expect(await roleOf(leaving.id)).toBe('admin');
  });

  it('cancelling restores the role the person had: employee back from leaver', async () => {
    for (const actor of ['alumni_manager', 'admin'] as const) {
      const leaving = await createTestMember(t, { role: 'employee' });
      const res = await open(actors[actor], leaving.id);
      const { id } = (await res.json()) as { id: string };
      expect(await roleOf(leaving.id)).toBe('leaver');
      const cancel = await t.request(`/api/exit-cases/${id}/cancel`, {
        method: 'POST',
        cookie: actors[actor].cookie,
      });
      expect(cancel.status).toBe(200);
      expect(await roleOf(leaving.id)).toBe('employee');
    }
  });
});
