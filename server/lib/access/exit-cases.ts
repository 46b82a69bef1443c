import { and, eq, or, type SQL } from 'drizzle-orm';
import type { CaseAccess } from '#common/exits-reference';
import type { Db } from '#server/db/client';
import { leaverCases } from '#server/db/schema/index';
import { audit } from '#server/lib/audit';
import { notFound } from '#server/lib/errors';
import { isHr, type Viewer } from './policy';

/**
 * Who may see an exit case — one rule shared by exits and the features on a case (offboarding, the
 * exit survey, proposals), so none of them imports another for it.
 */
export type CaseRow = typeof leaverCases.$inferSelect;
/** How the viewer relates to a case. `hr` = alumni_manager or admin. Others never see it. */
export type { CaseAccess };

/**
 * How `viewer` relates to `row`, or null when they may not see it. HR first (an HR member who is
 * also the manager sees everything HR sees), then the named manager, then the leaver.
 */
export function caseAccess(viewer: Viewer, row: Pick<CaseRow, 'userId' | 'managerId'>): CaseAccess | null {
  if (isHr(viewer)) return 'hr';
  if (row.managerId && row.managerId === viewer.id) return 'manager';
  if (row.userId === viewer.id) return 'leaver';
  return null;
}

/** The SQL twin of `caseAccess` for lists: the cases the viewer may see at all. */
export function visibleCasesWhere(viewer: Viewer): SQL | undefined {
  if (isHr(viewer)) return undefined;
  return or(eq(leaverCases.managerId, viewer.id), eq(leaverCases.userId, viewer.id));
}

/**
 * The case if the viewer may see it, with how; otherwise throws AppError('not_found') (404 —
 * never 403). HR views are written to the audit log by this function (`exit_case.viewed`, ids only).
 */
export async function findCaseForViewer(
  deps: { db: Db; clock: { now(): Date } },
  { viewer, caseId, ...options }: { viewer: Viewer; caseId: string; audit?: boolean },
): Promise<{ row: CaseRow; access: CaseAccess }> {
  const where = visibleCasesWhere(viewer);
  const [row] = await deps.db
    .select()
    .from(leaverCases)
    .where(and(eq(leaverCases.id, caseId), ...(where ? [where] : [])));
  if (!row) throw notFound();
  const access = caseAccess(viewer, row);
  if (!access) throw notFound();
  if (access === 'hr' && options.audit) {
    await audit(deps.db, {
      actorId: viewer.id,
      action: 'exit_case.viewed',
      subjectType: 'leaver_case',
      subjectId: row.id,
      data: { userId: row.userId },
      at: deps.clock.now(),
    });
  }
  return { row, access };
}

/** A malformed id can never name a case: 404 without touching the database. */
export const isCaseId = (id: string) => /^[0-9a-f-]{36}$/i.test(id);
