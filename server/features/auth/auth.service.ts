import { sql } from 'drizzle-orm';
import type { Db } from '#server/db/client';
import { leaverCases, reportingLines, users } from '#server/db/schema/index';

export type MeFlags = { isManager: boolean; hasExitCase: boolean };

/**
 * What `/api/me` tells the navigation, in one query: when the member last answered the consents,
 * whether they manage someone (a reporting line as manager — the primary key starts with
 * manager_id — or the manager of an open exit case, leaver_cases_manager_idx) and whether an exit
 * case names them (leaver_cases_user_idx).
 */
export async function findMeState({ db, userId }: { db: Db; userId: string }) {
  const [row] = await db
    .select({
      reviewedAt: users.consentsReviewedAt,
      isManager: sql<boolean>`(exists (select 1 from ${reportingLines} where ${reportingLines.managerId} = ${userId})
        or exists (select 1 from ${leaverCases} where ${leaverCases.managerId} = ${userId} and ${leaverCases.status} = 'open'))`,
      hasExitCase: sql<boolean>`exists (select 1 from ${leaverCases} where ${leaverCases.userId} = ${userId})`,
    })
    .from(users)
    .where(sql`${users.id} = ${userId}`);
  return {
    reviewedAt: row?.reviewedAt ?? null,
    flags: { isManager: row?.isManager === true, hasExitCase: row?.hasExitCase === true } satisfies MeFlags,
  };
}
