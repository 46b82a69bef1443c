import { sql } from 'drizzle-orm';
import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Audience, CLASSIFICATIONS, type Classification, FIELD_VISIBILITIES } from '#common/access';
import { ROLES, type Role } from '#common/roles';
import type { Database } from '#server/db/client';
import { queryRows } from '#server/db/client';
import { createTestDatabase } from '#tests/setup';
import { canSeeField, canView, monthsSinceLeft, type Viewer, visibleItemsWhere } from './policy';

const NOW = new Date('2026-11-24T00:00:00Z');

const viewer = (role: Role, over: Partial<Viewer['attributes']> = {}, id = 'viewer'): Viewer => ({
  id,
  // Only active memberships count (g2 is an invitation, see the SQL twin's fixtures).
  groupIds: id === 'viewer' ? ['g1'] : ['g3'],
  role,
  email: `${id}@example.com`,
  displayName: id,
  locale: 'ja',
  attributes: { leftOn: role === 'alumni' ? '2020-03-31' : null, currentEmployer: null, ...over },
});

// The expected answer for an item owned by someone else, named nobody, no audience narrowing.
const EXPECTED: Record<Classification, Record<Role, boolean>> = {
  public: { alumni: true, employee: true, leaver: true, alumni_manager: true, admin: true },
  network: { alumni: true, employee: true, leaver: true, alumni_manager: true, admin: true },
  internal: { alumni: false, employee: true, leaver: true, alumni_manager: true, admin: true },
  confidential: { alumni: false, employee: false, leaver: false, alumni_manager: false, admin: false },
};

describe('canView: every role × classification × own/other', () => {
  for (const classification of CLASSIFICATIONS) {
    for (const role of ROLES) {
      it(`${role} · ${classification} · other's item → ${EXPECTED[classification][role]}`, () => {
        expect(canView(viewer(role), { classification, audience: {}, ownerId: 'someone' }, NOW)).toBe(
          EXPECTED[classification][role],
        );
      });
      it(`${role} · ${classification} · own item → true`, () => {
        expect(canView(viewer(role), { classification, audience: {}, ownerId: 'viewer' }, NOW)).toBe(true);
      });
    }
  }
  it('confidential items reach exactly the named members, whatever their role', () => {
    const item = { classification: 'confidential' as const, audience: { memberIds: ['viewer'] } };
    for (const role of ROLES) expect(canView(viewer(role), item, NOW)).toBe(true);
    for (const role of ROLES) expect(canView(viewer(role, {}, 'other'), item, NOW)).toBe(false);
  });
  it('an audience of roles narrows but never widens the classification', () => {
    const item = {
      classification: 'internal' as const,
      audience: { roles: ['alumni', 'employee'] as Role[] },
    };
    expect(canView(viewer('alumni'), item, NOW)).toBe(false);
    expect(canView(viewer('employee'), item, NOW)).toBe(true);
    expect(canView(viewer('alumni_manager'), item, NOW)).toBe(false);
  });
});

describe('attribute rules', () => {
  const coolingOff: Audience = { excludeWhen: [{ attribute: 'monthsSinceLeft', op: 'lt', value: 6 }] };
  const competitors: Audience = {
    excludeWhen: [{ attribute: 'currentEmployer', op: 'in', value: ['Globex ＪＡＰＡＮ'] }],
  };

  it('counts whole months since the last day', () => {
    expect(monthsSinceLeft({ leftOn: '2026-05-24', currentEmployer: null }, NOW)).toBe(6);
    expect(monthsSinceLeft({ leftOn: '2026-05-25', currentEmployer: null }, NOW)).toBe(5);
    expect(monthsSinceLeft({ leftOn: null, currentEmployer: null }, NOW)).toBeNull();
  });
  it('excludes alumni who left less than N months ago, not others', () => {
    const item = { classification: 'network' as const, audience: coolingOff };
    expect(canView(viewer('alumni', { leftOn: '2026-08-01' }), item, NOW)).toBe(false);
    expect(canView(viewer('alumni', { leftOn: '2025-01-01' }), item, NOW)).toBe(true);
    expect(canView(viewer('employee'), item, NOW)).toBe(true);
  });
  it('excludes alumni employed by a listed competitor (NFKC, case-insensitive)', () => {
    const item = { classification: 'network' as const, audience: competitors };
    expect(canView(viewer('alumni', { currentEmployer: 'globex japan' }), item, NOW)).toBe(false);
    expect(canView(viewer('alumni', { currentEmployer: 'initech' }), item, NOW)).toBe(true);
  });
});

describe('group audiences', () => {
  it('reach active members of a listed group, narrowed by the classification and roles', () => {
    const item = { classification: 'network' as const, audience: { groupIds: ['g1', 'g9'] } };
    expect(canView(viewer('alumni'), item, NOW)).toBe(true);
    expect(canView(viewer('alumni', {}, 'other'), item, NOW)).toBe(false);
    const internal = { classification: 'internal' as const, audience: { groupIds: ['g1'] } };
    expect(canView(viewer('alumni'), internal, NOW)).toBe(false);
    expect(canView(viewer('employee'), internal, NOW)).toBe(true);
  });
  it('a viewer whose groups were not loaded is in none', () => {
    const item = { classification: 'network' as const, audience: { groupIds: ['g1'] } };
    expect(canView({ ...viewer('employee'), groupIds: undefined }, item, NOW)).toBe(false);
  });
  it('HR reads every group’s items (it moderates them), still narrowed by classification and roles', () => {
    const theirs = { classification: 'network' as const, audience: { groupIds: ['g9'] } };
    const internal = { classification: 'internal' as const, audience: { groupIds: ['g9'] } };
    const employeesOnly = {
      classification: 'network' as const,
      audience: { groupIds: ['g9'], roles: ['employee'] as Role[] },
    };
    const confidential = { classification: 'confidential' as const, audience: { groupIds: ['g9'] } };
    for (const role of ['alumni_manager', 'admin'] as const) {
      const hr = { ...viewer(role), groupIds: [] };
      expect(canView(hr, theirs, NOW)).toBe(true);
      expect(canView(hr, internal, NOW)).toBe(true);
      expect(canView(hr, employeesOnly, NOW)).toBe(false);
      expect(canView(hr, confidential, NOW)).toBe(false);
    }
    for (const role of ['alumni', 'employee', 'leaver'] as const) {
      expect(canView({ ...viewer(role), groupIds: [] }, theirs, NOW)).toBe(false);
    }
  });
});

describe('canSeeField: every role × field visibility × own/other', () => {
  const sees: Record<Role, Record<(typeof FIELD_VISIBILITIES)[number], boolean>> = {
    alumni: { admins: false, employees: false, members: true },
    leaver: { admins: false, employees: true, members: true },
    employee: { admins: false, employees: true, members: true },
    alumni_manager: { admins: true, employees: true, members: true },
    admin: { admins: true, employees: true, members: true },
  };
  for (const role of ROLES) {
    for (const level of FIELD_VISIBILITIES) {
      it(`${role} · ${level}: other → ${sees[role][level]}, own → true`, () => {
        expect(canSeeField(viewer(role), level, false)).toBe(sees[role][level]);
        expect(canSeeField(viewer(role), level, true)).toBe(true);
      });
    }
  }
});

describe('visibleItemsWhere is the SQL twin of canView', () => {
  const items = pgTable('policy_items', {
    id: text('id').primaryKey(),
    classification: text('classification').notNull(),
    audience: jsonb('audience').notNull(),
    ownerId: text('owner_id'),
  });
  let database: Database;
  const fixtures: {
    id: string;
    classification: Classification;
    audience: Audience;
    ownerId: string | null;
  }[] = [];
  const audiences: Audience[] = [
    {},
    { roles: ['alumni'] },
    { roles: ['employee', 'alumni_manager'] },
    { memberIds: ['viewer'] },
    { memberIds: ['other'] },
    { excludeWhen: [{ attribute: 'monthsSinceLeft', op: 'lt', value: 6 }] },
    { excludeWhen: [{ attribute: 'monthsSinceLeft', op: 'gte', value: 12 }] },
    { excludeWhen: [{ attribute: 'currentEmployer', op: 'in', value: ['Globex Japan'] }] },
    // Groups (issue 11): the viewer is an active member of g1, was invited to g2, not in g3.
    { groupIds: ['g1'] },
    { groupIds: ['g2'] },
    { groupIds: ['g3', 'g1'] },
    { groupIds: ['g3'] },
    { groupIds: ['g1'], roles: ['employee'] },
    { groupIds: [] },
    // A group nobody here is in: only HR reads it (it moderates every group).
    { groupIds: ['g4'] },
    { groupIds: ['g4'], roles: ['alumni_manager'] },
    { groupIds: ['g4'], memberIds: ['other'] },
  ];

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.execute(
      sql`create table policy_items (id text primary key, classification text not null, audience jsonb not null, owner_id text)`,
    );
    let n = 0;
    for (const classification of CLASSIFICATIONS) {
      for (const audience of audiences) {
        for (const ownerId of [null, 'viewer']) {
          fixtures.push({ id: `i${n++}`, classification, audience, ownerId });
        }
      }
    }
    await database.db.insert(items).values(fixtures);
    await database.db.execute(sql`insert into users (id, name, email, role) values
      ('viewer', 'Viewer', 'viewer@example.com', 'alumni'), ('other', 'Other', 'other@example.com', 'alumni')`);
    await database.db.execute(sql`insert into groups (id, kind, name_en) values
      ('g1', 'interest', 'One'), ('g2', 'interest', 'Two'), ('g3', 'interest', 'Three')`);
    await database.db.execute(sql`insert into group_members (group_id, user_id, state) values
      ('g1', 'viewer', 'active'), ('g2', 'viewer', 'invited'), ('g3', 'other', 'active')`);
  });
  afterAll(() => database.close());

  const viewers = [
    ...ROLES.map((r) => viewer(r)),
    viewer('alumni', { leftOn: '2026-09-30' }),
    viewer('alumni', { currentEmployer: 'globex japan' }),
  ];
  for (const v of viewers) {
    it(`${v.role} ${JSON.stringify(v.attributes)}`, async () => {
      const where = visibleItemsWhere(
        v,
        { classification: items.classification, audience: items.audience, ownerId: items.ownerId },
        NOW,
      );
      const rows = await queryRows<{ id: string }>(
        database.db,
        sql`select id from policy_items where ${where} order by id`,
      );
      const expected = fixtures
        .filter((f) => canView(v, f, NOW))
        .map((f) => f.id)
        .sort();
      expect(rows.map((r) => r.id).sort()).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
    });
  }
});
