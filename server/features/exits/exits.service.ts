import { randomUUID } from 'node:crypto';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
  CaseStage,
  ExitCaseCreate,
  ExitCaseListQuery,
  ExitCaseUpdate,
  RehireEligibilityUpdate,
} from '#common/exits';
import { isStaff, type Role } from '#common/roles';
import type { Db } from '#server/db/client';
import {
  auditEvents,
  careerProposals,
  exitSurveyResponses,
  leaverCases,
  offboardingTasks,
  reportingLines,
  users,
} from '#server/db/schema/index';
import {
  createChecklistForCase,
  syncChecklistWithCase,
} from '#server/features/offboarding/offboarding.service';
import {
  type CaseAccess,
  type CaseRow,
  caseAccess,
  findCaseForViewer,
  visibleCasesWhere,
} from '#server/lib/access/exit-cases';
import { assertCanAssignRole, isHr, type Viewer } from '#server/lib/access/policy';
import { audit } from '#server/lib/audit';
import { isUniqueViolation } from '#server/lib/db-errors';
import type { AppDeps } from '#server/lib/deps';
import { AppError, notFound } from '#server/lib/errors';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

/** Roles a case can be opened for: people employed today (alumni have already left). */
const LEAVING_ROLES: readonly Role[] = ['employee', 'leaver', 'alumni_manager', 'admin'];

// ---- reporting lines ---------------------------------------------------------------------------

/** Is `managerId` the manager of `reportId` (per reporting_lines)? */
export async function managesMember(
  db: Db,
  { managerId, reportId }: { managerId: string; reportId: string },
): Promise<boolean> {
  const [row] = await db
    .select({ one: sql`1` })
    .from(reportingLines)
    .where(and(eq(reportingLines.managerId, managerId), eq(reportingLines.reportId, reportId)));
  return Boolean(row);
}

/** The current manager of a member (first by date), or null. */
export async function managerOf(db: Db, { reportId }: { reportId: string }) {
  const [row] = await db
    .select({ id: users.id, displayName: users.name })
    .from(reportingLines)
    .innerJoin(users, eq(users.id, reportingLines.managerId))
    .where(eq(reportingLines.reportId, reportId))
    .orderBy(asc(reportingLines.createdAt))
    .limit(1);
  return row ?? null;
}

/** HR sets (or clears) the one manager of a member. */
export async function setManager(
  deps: Deps,
  { viewer, reportId, managerId }: { viewer: Viewer; reportId: string; managerId: string | null },
) {
  const { db, clock } = deps;
  const [report] = await db.select({ id: users.id }).from(users).where(eq(users.id, reportId));
  if (!report) throw notFound();
  if (managerId === reportId) {
    throw new AppError('bad_request', 'error.bad_request', { managerId: ['error.exit_own_manager'] });
  }
  if (managerId) await requireActiveMember(db, managerId, 'managerId');
  await db.transaction(async (tx) => {
    await tx.delete(reportingLines).where(eq(reportingLines.reportId, reportId));
    if (managerId) await tx.insert(reportingLines).values({ managerId, reportId, createdAt: clock.now() });
    await audit(tx, {
      actorId: viewer.id,
      action: 'reporting_line.set',
      subjectType: 'user',
      subjectId: reportId,
      data: { managerId },
      at: clock.now(),
    });
  });
  return { reportId, manager: managerId ? await managerOf(db, { reportId }) : null };
}

async function requireActiveMember(db: Db, id: string, field: string, options: { hr?: boolean } = {}) {
  const [row] = await db
    .select({ id: users.id, role: users.role, status: users.status })
    .from(users)
    .where(eq(users.id, id));
  const ok =
    row && row.status === 'active' && (!options.hr || row.role === 'alumni_manager' || row.role === 'admin');
  if (!ok) throw new AppError('bad_request', 'error.bad_request', { [field]: ['error.exit_unknown_member'] });
}

// ---- cases -------------------------------------------------------------------------------------

/**
 * Nobody removes the powers of themselves or of a more privileged member (decision 022): no one
 * handles their own case, and the exit of a staff member (HR or admin) is an admin's to handle.
 * `role` is the role the person had when the case opened.
 */
function assertMayHandleExitOf(viewer: Viewer, subject: { userId: string; role: Role }) {
  if (subject.userId === viewer.id) {
    throw new AppError('bad_request', 'error.bad_request', { userId: ['error.exit_self'] });
  }
  if (isStaff(subject.role) && viewer.role !== 'admin') {
    throw new AppError('bad_request', 'error.bad_request', { userId: ['error.exit_staff_admin_only'] });
  }
}

/** HR opens a case for anyone employed; a manager only for one of their reports (else 404). */
export async function openCase(
  deps: AppDeps,
  { viewer, input }: { viewer: Viewer; input: ExitCaseCreate },
): Promise<CaseRow> {
  const { db, clock } = deps;
  const hr = isHr(viewer);
  if (!hr && !(await managesMember(db, { managerId: viewer.id, reportId: input.userId }))) throw notFound();
  const [person] = await db
    .select({ id: users.id, role: users.role, status: users.status })
    .from(users)
    .where(eq(users.id, input.userId));
  if (person?.status !== 'active') {
    if (!hr) throw notFound();
    throw new AppError('bad_request', 'error.bad_request', { userId: ['error.exit_unknown_member'] });
  }
  if (!LEAVING_ROLES.includes(person.role)) {
    throw new AppError('bad_request', 'error.bad_request', { userId: ['error.exit_member_role'] });
  }
  assertMayHandleExitOf(viewer, { userId: person.id, role: person.role });
  const managerId =
    input.managerId !== undefined
      ? input.managerId
      : hr
        ? ((await managerOf(db, { reportId: input.userId }))?.id ?? null)
        : viewer.id;
  if (managerId === input.userId) {
    throw new AppError('bad_request', 'error.bad_request', { managerId: ['error.exit_own_manager'] });
  }
  if (managerId) await requireActiveMember(db, managerId, 'managerId');
  const hrOwnerId = input.hrOwnerId !== undefined ? input.hrOwnerId : hr ? viewer.id : null;
  if (hrOwnerId) await requireActiveMember(db, hrOwnerId, 'hrOwnerId', { hr: true });

  const now = clock.now();
  try {
    return await db.transaction(async (tx) => {
      const txDb = tx as unknown as Db;
      const [row] = await tx
        .insert(leaverCases)
        .values({
          id: randomUUID(),
          userId: input.userId,
          managerId,
          hrOwnerId,
          lastDay: input.lastDay,
          timeZone: input.timeZone,
          reasonCategory: input.reasonCategory,
          reasonNote: input.reasonNote ?? null,
          previousRole: person.role,
          createdBy: viewer.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      // A staff member keeps their powers until the last day: the transition ends them (decision 022).
      if (!isStaff(person.role)) {
        await tx.update(users).set({ role: 'leaver', updatedAt: now }).where(eq(users.id, input.userId));
      }
      await createChecklistForCase(txDb, deps, row);
      await audit(txDb, {
        actorId: viewer.id,
        action: 'exit_case.opened',
        subjectType: 'leaver_case',
        subjectId: row.id,
        data: { userId: row.userId },
        at: clock.now(),
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'leaver_cases_open_user_idx')) {
      throw new AppError('conflict', 'error.exit_case_open', { userId: ['error.exit_case_open'] });
    }
    throw error;
  }
}

async function openCaseForHr(deps: Deps, viewer: Viewer, id: string): Promise<CaseRow> {
  const { row, access } = await findCaseForViewer(deps, { viewer, caseId: id });
  if (access !== 'hr') throw notFound();
  if (row.status !== 'open') throw new AppError('conflict', 'error.exit_case_closed');
  assertMayHandleExitOf(viewer, { userId: row.userId, role: row.previousRole });
  return row;
}

/** HR changes the last day, reason, owner or manager of an open case. */
export async function updateCase(
  deps: Deps,
  { viewer, id, input }: { viewer: Viewer; id: string; input: ExitCaseUpdate },
) {
  const { db, clock } = deps;
  const row = await openCaseForHr(deps, viewer, id);
  if (input.managerId === row.userId) {
    throw new AppError('bad_request', 'error.bad_request', { managerId: ['error.exit_own_manager'] });
  }
  if (input.managerId) await requireActiveMember(db, input.managerId, 'managerId');
  if (input.hrOwnerId) await requireActiveMember(db, input.hrOwnerId, 'hrOwnerId', { hr: true });
  const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  await db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const [after] = await tx
      .update(leaverCases)
      .set({ ...changes, updatedAt: clock.now() })
      .where(eq(leaverCases.id, id))
      .returning();
    // Open checklist tasks follow the new last day, manager and HR owner.
    if (after) await syncChecklistWithCase(txDb, row, after);
    await audit(txDb, {
      actorId: viewer.id,
      action: 'exit_case.updated',
      subjectType: 'leaver_case',
      subjectId: row.id,
      data: { userId: row.userId },
      at: clock.now(),
    });
  });
}

/**
 * HR cancels an open case: the person gets their previous role back (a leaver becomes employee
 * again; a staff member kept theirs all along). Restoring a role is giving it: same rule.
 */
export async function cancelCase(deps: Deps, { viewer, id }: { viewer: Viewer; id: string }) {
  const { db, clock } = deps;
  const row = await openCaseForHr(deps, viewer, id);
  const now = clock.now();
  await db.transaction(async (tx) => {
    const done = await tx
      .update(leaverCases)
      .set({ status: 'cancelled', updatedAt: now })
      .where(and(eq(leaverCases.id, id), eq(leaverCases.status, 'open')))
      .returning({ id: leaverCases.id });
    if (done.length === 0) throw new AppError('conflict', 'error.exit_case_closed');
    assertCanAssignRole(viewer, row.previousRole, 'userId');
    await tx.update(users).set({ role: row.previousRole, updatedAt: now }).where(eq(users.id, row.userId));
    await audit(tx, {
      actorId: viewer.id,
      action: 'exit_case.cancelled',
      subjectType: 'leaver_case',
      subjectId: row.id,
      data: { userId: row.userId },
      at: clock.now(),
    });
  });
}

/** HR records rehire eligibility (any status: it is used long after the last day). */
export async function setRehireEligibility(
  deps: Deps,
  { viewer, id, input }: { viewer: Viewer; id: string; input: RehireEligibilityUpdate },
) {
  const { db, clock } = deps;
  const { row, access } = await findCaseForViewer(deps, { viewer, caseId: id });
  if (access !== 'hr') throw notFound();
  const now = clock.now();
  await db.transaction(async (tx) => {
    await tx
      .update(leaverCases)
      .set({
        rehireEligibility: input.eligibility,
        rehireReason: input.reason ?? null,
        rehireDecidedBy: viewer.id,
        rehireDecidedAt: now,
        updatedAt: now,
      })
      .where(eq(leaverCases.id, id));
    await audit(tx, {
      actorId: viewer.id,
      action: 'exit_case.rehire_set',
      subjectType: 'leaver_case',
      subjectId: row.id,
      data: { userId: row.userId },
      at: clock.now(),
    });
  });
}

// ---- reading: one query for lists and the detail ----------------------------------------------

const manager = alias(users, 'manager');
const hrOwner = alias(users, 'hr_owner');
const person = alias(users, 'person');

export interface CaseView {
  row: CaseRow;
  access: CaseAccess;
  stage: CaseStage;
  person: { id: string; displayName: string; email: string };
  manager: { id: string; displayName: string } | null;
  hrOwner: { id: string; displayName: string } | null;
  tasksTotal: number;
  tasksOpen: number;
  tasksOverdue: number;
  tasksMine: number;
  emailConflict: boolean;
}

/** The derived stage: the first step not done yet. */
export function caseStage(s: {
  status: CaseRow['status'];
  proposalShared: boolean;
  proposalExists: boolean;
  surveySubmitted: boolean;
  tasksOpen: number;
}): CaseStage {
  if (s.status === 'completed') return 'completed';
  if (!s.proposalExists) return 'announced';
  if (!s.proposalShared) return 'conversation';
  if (!s.surveySubmitted) return 'survey';
  if (s.tasksOpen > 0) return 'checklist';
  return 'ready';
}

async function selectCases(deps: Deps, viewer: Viewer, where: SQL | undefined): Promise<CaseView[]> {
  const now = deps.clock.now();
  const openTask = sql`${offboardingTasks.caseId} = ${leaverCases.id} and ${offboardingTasks.doneAt} is null`;
  const today = sql`(${now.toISOString()}::timestamptz at time zone ${leaverCases.timeZone})::date`;
  const rows = await deps.db
    .select({
      row: leaverCases,
      personName: person.name,
      personEmail: person.email,
      managerName: manager.name,
      hrOwnerName: hrOwner.name,
      proposalExists: sql<boolean>`${careerProposals.caseId} is not null`,
      proposalShared: sql<boolean>`${careerProposals.sharedAt} is not null`,
      surveySubmitted: sql<boolean>`${exitSurveyResponses.submittedAt} is not null`,
      tasksTotal: sql<number>`(select count(*)::int from ${offboardingTasks} where ${offboardingTasks.caseId} = ${leaverCases.id})`,
      tasksOpen: sql<number>`(select count(*)::int from ${offboardingTasks} where ${openTask})`,
      tasksOverdue: sql<number>`(select count(*)::int from ${offboardingTasks} where ${openTask} and ${offboardingTasks.dueOn} < ${today})`,
      tasksMine: sql<number>`(select count(*)::int from ${offboardingTasks} where ${openTask} and ${offboardingTasks.assigneeId} = ${viewer.id})`,
      emailConflict: sql<boolean>`exists (select 1 from ${auditEvents} where ${auditEvents.subjectType} = 'leaver_case' and ${auditEvents.subjectId} = ${leaverCases.id} and ${auditEvents.action} = 'exit_case.email_conflict')`,
    })
    .from(leaverCases)
    .innerJoin(person, eq(person.id, leaverCases.userId))
    .leftJoin(manager, eq(manager.id, leaverCases.managerId))
    .leftJoin(hrOwner, eq(hrOwner.id, leaverCases.hrOwnerId))
    .leftJoin(careerProposals, eq(careerProposals.caseId, leaverCases.id))
    .leftJoin(exitSurveyResponses, eq(exitSurveyResponses.caseId, leaverCases.id))
    .where(and(visibleCasesWhere(viewer), where))
    .orderBy(asc(leaverCases.lastDay), asc(leaverCases.id));
  const views: CaseView[] = [];
  for (const r of rows) {
    const access = caseAccess(viewer, r.row);
    if (!access) continue;
    views.push({
      row: r.row,
      access,
      stage: caseStage({ ...r, status: r.row.status, tasksOpen: Number(r.tasksOpen) }),
      person: { id: r.row.userId, displayName: r.personName, email: r.personEmail },
      manager: r.row.managerId && r.managerName ? { id: r.row.managerId, displayName: r.managerName } : null,
      hrOwner: r.row.hrOwnerId && r.hrOwnerName ? { id: r.row.hrOwnerId, displayName: r.hrOwnerName } : null,
      tasksTotal: Number(r.tasksTotal),
      tasksOpen: Number(r.tasksOpen),
      tasksOverdue: Number(r.tasksOverdue),
      tasksMine: Number(r.tasksMine),
      emailConflict: Boolean(r.emailConflict),
    });
  }
  return views;
}

/** Cases the viewer may see: HR all (by status), a manager their reports', the leaver their own. */
export async function listCases(deps: Deps, { viewer, query }: { viewer: Viewer; query: ExitCaseListQuery }) {
  const where = query.status === 'all' ? undefined : eq(leaverCases.status, query.status);
  return selectCases(deps, viewer, where);
}

/** One case for its detail page; HR views are audited. */
export async function getCase(
  deps: Deps,
  { viewer, id, ...options }: { viewer: Viewer; id: string; audit?: boolean },
) {
  await findCaseForViewer(deps, { viewer, caseId: id, ...options });
  const [view] = await selectCases(deps, viewer, eq(leaverCases.id, id));
  if (!view) throw notFound();
  return view;
}
