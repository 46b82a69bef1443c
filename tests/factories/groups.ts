import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { groupMembers, groups } from '#server/db/schema/index';
import { buildGroupSearchText } from '#server/features/groups/groups.service';
import type { TestApp } from '#tests/setup';

type NewGroup = Partial<typeof groups.$inferInsert>;

/**
 * A group straight in the database (an official open network chapter by default), with members:
 * `admins` and `members` active, `requested` and `invited` waiting. The count and search text
 * are kept as the service keeps them.
 */
export async function createTestGroup(
  t: Pick<TestApp, 'db'>,
  options: NewGroup & {
    admins?: string[];
    members?: string[];
    requested?: string[];
    invited?: string[];
  } = {},
) {
  const { admins = [], members = [], requested = [], invited = [], ...overrides } = options;
  const id = overrides.id ?? randomUUID();
  const content = {
    nameJa: overrides.nameJa === undefined ? `テスト支部 ${id.slice(0, 6)}` : overrides.nameJa,
    nameEn: overrides.nameEn === undefined ? `Test chapter ${id.slice(0, 6)}` : overrides.nameEn,
    descriptionJa: overrides.descriptionJa ?? null,
    descriptionEn: overrides.descriptionEn ?? null,
    country: overrides.country ?? null,
    region: overrides.region ?? null,
    department: overrides.department ?? null,
    intakeYear: overrides.intakeYear ?? null,
  };
  await t.db.insert(groups).values({
    kind: 'chapter',
    official: true,
    ...overrides,
    ...content,
    id,
    searchText: buildGroupSearchText(content),
  });
  const now = new Date('2026-11-01T00:00:00Z');
  const rows = [
    ...admins.map((userId) => ({ userId, role: 'admin' as const, state: 'active' as const, joinedAt: now })),
    ...members.map((userId) => ({
      userId,
      role: 'member' as const,
      state: 'active' as const,
      joinedAt: now,
    })),
    ...requested.map((userId) => ({ userId, role: 'member' as const, state: 'requested' as const })),
    ...invited.map((userId) => ({ userId, role: 'member' as const, state: 'invited' as const })),
  ];
  if (rows.length > 0) await t.db.insert(groupMembers).values(rows.map((r) => ({ ...r, groupId: id })));
  await t.db.execute(
    sql`update groups set member_count = (select count(*)::int from group_members where group_id = ${id} and state = 'active') where id = ${id}`,
  );
  return { id, ...content };
}
