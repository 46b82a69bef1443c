import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Classification } from '#common/access';
import type { Role } from '#common/roles';
import { groups } from '#server/db/schema/index';
import { canView } from '#server/lib/access/policy';
import { loadViewers } from '#server/lib/access/viewers';
import { createTestGroup } from '#tests/factories/groups';
import { createTestMember } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { visibleGroupsWhere } from './groups.policy';

failOnConsoleError();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const ROLES: Role[] = ['alumni', 'employee', 'leaver', 'alumni_manager', 'admin'];
const CLASSIFICATIONS: Classification[] = ['public', 'network', 'internal', 'confidential'];
const STATUSES = ['pending', 'active', 'declined', 'archived'] as const;

/**
 * The policy table for groups: every role × classification × status, for a stranger and for the
 * proposer. HR sees every group; anyone else sees active and archived groups the one policy lets
 * them see (the SQL agrees with the pure `canView`), and their own proposals while pending or declined.
 */
describe('visibleGroupsWhere', () => {
  it('agrees with the policy table for every role, classification and status', async () => {
    const now = t.clock.now();
    const members = await Promise.all(ROLES.map((role) => createTestMember(t, { role, canSignIn: false })));
    const proposer = members[0]?.id as string;
    const ids: { id: string; classification: Classification; status: (typeof STATUSES)[number] }[] = [];
    for (const classification of CLASSIFICATIONS) {
      for (const status of STATUSES) {
        const g = await createTestGroup(t, { classification, status, createdBy: proposer });
        ids.push({ id: g.id, classification, status });
      }
    }
    const viewers = await loadViewers(
      t.db,
      members.map((m) => m.id),
    );
    for (const viewer of viewers) {
      const seen = new Set(
        (
          await t.db
            .select({ id: groups.id })
            .from(groups)
            .where(
              and(
                inArray(
                  groups.id,
                  ids.map((g) => g.id),
                ),
                visibleGroupsWhere(viewer, now),
              ),
            )
        ).map((r) => r.id),
      );
      for (const g of ids) {
        const hr = viewer.role === 'alumni_manager' || viewer.role === 'admin';
        const listed = g.status === 'active' || g.status === 'archived';
        const own = viewer.id === proposer && (g.status === 'pending' || g.status === 'declined');
        const expected =
          hr || own || (listed && canView(viewer, { classification: g.classification, audience: {} }, now));
        expect(seen.has(g.id), `${viewer.role} ${g.classification} ${g.status}`).toBe(expected);
      }
      if (viewer.role === 'alumni') {
        const internal = ids.filter((g) => g.classification === 'internal' && g.status === 'active');
        expect(internal.every((g) => !seen.has(g.id))).toBe(true);
      }
    }
    expect(
      (await t.db.select().from(groups).where(eq(groups.classification, 'internal'))).length,
    ).toBeGreaterThan(0);
  });
});
