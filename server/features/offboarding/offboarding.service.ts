import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, max, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { addDays } from '#common/dates';
import type { Locale } from '#common/locale';
import type { OwnerRole, TaskComplete, TaskKind, TemplateCreate, TemplatePatch } from '#common/offboarding';
import type { Db } from '#server/db/client';
import {
  leaverCases,
  offboardingTasks,
  offboardingTemplates,
  profiles,
  users,
} from '#server/db/schema/index';
import { recordConsents } from '#server/features/consents/consents.service';
import { type CaseRow, findCaseForViewer, isCaseId } from '#server/lib/access/exit-cases';
import type { Viewer } from '#server/lib/access/policy';
import type { AppDeps } from '#server/lib/deps';
import { AppError, notFound } from '#server/lib/errors';
import { defineSetting, writeSettingOnce } from '#server/lib/settings';
import { canCompleteTask, isLeaverOnly } from './offboarding.policy';

/**
 * The offboarding checklist (decision 014): HR's templates are copied into tasks when a case
 * opens; each task has one assignee (the leaver, their manager or the HR owner). Only the
 * assignee or HR may complete a task; anyone else who can see the case sees it read-only, and
 * people who cannot see the case get a 404.
 */

export type TemplateRow = typeof offboardingTemplates.$inferSelect;
export type TaskRow = typeof offboardingTasks.$inferSelect;
type Tx = Db;

/** Marker row in org_settings: the default templates were created once (HR may delete them). */
const TEMPLATES_SEEDED = defineSetting(
  'offboarding.templates_seeded',
  z.object({ version: z.number() }),
  () => ({
    version: 0,
  }),
);

/** The checklist every company starts with (issue #4): owner and days relative to the last day. */
export const DEFAULT_TEMPLATES: Omit<TemplateRow, 'id' | 'active'>[] = [
  {
    position: 0,
    kind: 'handover',
    titleJa: '業務の引き継ぎ',
    titleEn: 'Hand over work',
    ownerRole: 'manager',
    dueOffsetDays: -7,
  },
  {
    position: 1,
    kind: 'personal_email',
    titleJa: 'アルムナイアカウント用の個人メールアドレスの登録',
    titleEn: 'Personal email for the alumni account',
    ownerRole: 'leaver',
    dueOffsetDays: -5,
  },
  {
    position: 2,
    kind: 'confidentiality',
    titleJa: '秘密保持に関する確認',
    titleEn: 'Confidentiality reminder',
    ownerRole: 'leaver',
    dueOffsetDays: -3,
  },
  {
    position: 3,
    kind: 'consents',
    titleJa: 'アルムナイネットワークへの参加と同意',
    titleEn: 'Joining the alumni network and consents',
    ownerRole: 'leaver',
    dueOffsetDays: -2,
  },
  {
    position: 4,
    kind: 'equipment',
    titleJa: '貸与品（PC・社員証など）の返却',
    titleEn: 'Return of equipment (laptop, badge, …)',
    ownerRole: 'manager',
    dueOffsetDays: -1,
  },
  {
    position: 5,
    kind: 'farewell',
    titleJa: 'お別れのメッセージ',
    titleEn: 'Farewell message',
    ownerRole: 'leaver',
    dueOffsetDays: 0,
  },
];

/**
 * Creates the default templates the first time the checklist is used. The marker row makes it
 * happen once, even with two first uses at the same moment (the second waits on the primary key
 * and then inserts nothing), and keeps templates HR deleted from coming back.
 */
export async function ensureDefaultTemplates(tx: Tx): Promise<void> {
  const first = await writeSettingOnce(tx, TEMPLATES_SEEDED, { version: 1 });
  if (!first) return;
  await tx
    .insert(offboardingTemplates)
    .values(DEFAULT_TEMPLATES.map((t) => ({ ...t, id: randomUUID(), active: true })));
}

const templateOrder = [asc(offboardingTemplates.position), asc(offboardingTemplates.id)];

export async function listTemplates({ db }: { db: Db }): Promise<TemplateRow[]> {
  return db.transaction(async (tx) => {
    await ensureDefaultTemplates(tx as unknown as Tx);
    return tx
      .select()
      .from(offboardingTemplates)
      .orderBy(...templateOrder);
  });
}

export async function createTemplate({ db, input }: { db: Db; input: TemplateCreate }): Promise<TemplateRow> {
  return db.transaction(async (tx) => {
    await ensureDefaultTemplates(tx as unknown as Tx);
    let position = input.position;
    if (position === undefined) {
      const [last] = await tx
        .select({ value: max(offboardingTemplates.position) })
        .from(offboardingTemplates);
      position = (last?.value ?? -1) + 1;
    }
    const [row] = await tx
      .insert(offboardingTemplates)
      .values({
        id: randomUUID(),
        kind: input.kind,
        titleJa: input.titleJa,
        titleEn: input.titleEn,
        ownerRole: input.ownerRole,
        dueOffsetDays: input.dueOffsetDays,
        position,
        active: input.active ?? true,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  });
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** Changes apply to future cases only: tasks already copied into a case keep their wording and dates. */
export async function updateTemplate({
  db,
  id,
  patch,
}: {
  db: Db;
  id: string;
  patch: TemplatePatch;
}): Promise<TemplateRow> {
  if (!isUuid(id)) throw notFound();
  // Nothing to change: the template as it is (an UPDATE without columns is an error, not a no-op).
  const [row] =
    Object.keys(patch).length === 0
      ? await db.select().from(offboardingTemplates).where(eq(offboardingTemplates.id, id))
      : await db.update(offboardingTemplates).set(patch).where(eq(offboardingTemplates.id, id)).returning();
  if (!row) throw notFound();
  return row;
}

export async function deleteTemplate({ db, id }: { db: Db; id: string }): Promise<void> {
  if (!isUuid(id)) throw notFound();
  const deleted = await db
    .delete(offboardingTemplates)
    .where(eq(offboardingTemplates.id, id))
    .returning({ id: offboardingTemplates.id });
  if (deleted.length === 0) throw notFound();
}

const assigneeFor = (row: CaseRow, ownerRole: OwnerRole): string | null =>
  ownerRole === 'leaver' ? row.userId : ownerRole === 'manager' ? row.managerId : row.hrOwnerId;

/**
 * Copies the active checklist templates into tasks for a new case (due dates from the last day,
 * assignees by owner role). Called by the exits feature inside the case-opening transaction.
 * A task whose owner is missing (no manager named) has no assignee: HR completes it.
 */
export async function createChecklistForCase(
  tx: Db,
  _deps: Pick<AppDeps, 'clock'>,
  row: CaseRow,
): Promise<void> {
  await ensureDefaultTemplates(tx);
  const templates = await tx
    .select()
    .from(offboardingTemplates)
    .where(eq(offboardingTemplates.active, true))
    .orderBy(...templateOrder);
  if (templates.length === 0) return;
  await tx.insert(offboardingTasks).values(
    templates.map((t, index) => ({
      id: randomUUID(),
      caseId: row.id,
      templateId: t.id,
      position: index,
      kind: t.kind,
      titleJa: t.titleJa,
      titleEn: t.titleEn,
      ownerRole: t.ownerRole,
      assigneeId: assigneeFor(row, t.ownerRole),
      dueOn: addDays(row.lastDay, t.dueOffsetDays),
    })),
  );
}

export interface TaskView extends TaskRow {
  assigneeName: string | null;
  doneByName: string | null;
}

async function tasksWithNames(db: Db, where: ReturnType<typeof eq>) {
  const doneByUser = sql<string | null>`(select name from users d where d.id = ${offboardingTasks.doneBy})`;
  return db
    .select({
      task: offboardingTasks,
      assigneeName: users.name,
      doneByName: doneByUser,
    })
    .from(offboardingTasks)
    .leftJoin(users, eq(users.id, offboardingTasks.assigneeId))
    .where(where)
    .orderBy(asc(offboardingTasks.dueOn), asc(offboardingTasks.position));
}

const toView = (r: { task: TaskRow; assigneeName: string | null; doneByName: string | null }): TaskView => ({
  ...r.task,
  assigneeName: r.assigneeName,
  doneByName: r.doneByName,
});

/** The checklist of a case the viewer may see (HR, the manager, the leaver), else 404. */
export async function listCaseTasks(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  { viewer, caseId }: { viewer: Viewer; caseId: string },
) {
  if (!isCaseId(caseId)) throw notFound();
  const { row, access } = await findCaseForViewer(deps, { viewer, caseId });
  const rows = await tasksWithNames(deps.db, eq(offboardingTasks.caseId, row.id));
  return { row, access, tasks: rows.map(toView) };
}

/** Tasks assigned to the viewer, across the open cases (the manager's own, the leaver's own). */
export async function listMyTasks(deps: Pick<AppDeps, 'db'>, { viewer }: { viewer: Viewer }) {
  const rows = await deps.db
    .select({
      task: offboardingTasks,
      assigneeName: users.name,
      doneByName: sql<string | null>`(select name from users d where d.id = ${offboardingTasks.doneBy})`,
      leaverName: sql<string>`(select name from users l where l.id = ${leaverCases.userId})`,
      leaverId: leaverCases.userId,
      lastDay: leaverCases.lastDay,
      timeZone: leaverCases.timeZone,
    })
    .from(offboardingTasks)
    .innerJoin(leaverCases, eq(leaverCases.id, offboardingTasks.caseId))
    .leftJoin(users, eq(users.id, offboardingTasks.assigneeId))
    .where(and(eq(offboardingTasks.assigneeId, viewer.id), eq(leaverCases.status, 'open')))
    .orderBy(asc(offboardingTasks.dueOn), asc(leaverCases.lastDay), asc(offboardingTasks.position));
  return rows.map((r) => ({
    ...toView(r),
    leaverId: r.leaverId,
    leaverName: r.leaverName,
    lastDay: r.lastDay,
    timeZone: r.timeZone,
  }));
}

const fieldError = (field: string, key: string) =>
  new AppError('bad_request', 'error.bad_request', { [field]: [key] });

/**
 * Completes a task (the assignee or HR; others who cannot see the case or the task get a 404).
 * Special kinds write what they capture to the case in the same transaction.
 */
export async function completeTask(
  deps: Pick<AppDeps, 'db' | 'clock' | 'hooks'>,
  {
    viewer,
    caseId,
    taskId,
    input,
    locale,
  }: { viewer: Viewer; caseId: string; taskId: string; input: TaskComplete; locale: Locale },
) {
  if (!isCaseId(caseId) || !isUuid(taskId)) throw notFound();
  const { row: caseRow, access } = await findCaseForViewer(deps, { viewer, caseId });
  const now = deps.clock.now();
  await deps.db.transaction(async (raw) => {
    const tx = raw as unknown as Tx;
    const task = await lockTask(tx, caseRow.id, taskId);
    if (!canCompleteTask(viewer, access, task)) throw notFound();
    const [current] = await tx.select().from(leaverCases).where(eq(leaverCases.id, caseRow.id)).for('update');
    if (current?.status !== 'open') throw new AppError('conflict', 'error.offboarding_case_closed');
    if (isLeaverOnly(task.kind) && viewer.id !== current.userId) {
      throw new AppError('bad_request', 'error.offboarding_leaver_only');
    }
    const note = await applyKind(
      { db: tx, hooks: deps.hooks },
      { task, caseRow: current, input, now, locale },
    );
    await tx
      .update(offboardingTasks)
      .set({ doneAt: now, doneBy: viewer.id, note: note === undefined ? task.note : note })
      .where(eq(offboardingTasks.id, task.id));
  });
  return { task: await findTask(deps.db, taskId), row: caseRow, access };
}

/** Reopens a done task (the assignee or HR). What the task captured stays on the case. */
export async function reopenTask(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  { viewer, caseId, taskId }: { viewer: Viewer; caseId: string; taskId: string },
) {
  if (!isCaseId(caseId) || !isUuid(taskId)) throw notFound();
  const { row: caseRow, access } = await findCaseForViewer(deps, { viewer, caseId });
  await deps.db.transaction(async (raw) => {
    const tx = raw as unknown as Tx;
    const task = await lockTask(tx, caseRow.id, taskId);
    if (!canCompleteTask(viewer, access, task)) throw notFound();
    const [current] = await tx
      .select({ status: leaverCases.status })
      .from(leaverCases)
      .where(eq(leaverCases.id, caseRow.id));
    if (current?.status !== 'open') throw new AppError('conflict', 'error.offboarding_case_closed');
    await tx
      .update(offboardingTasks)
      .set({ doneAt: null, doneBy: null })
      .where(eq(offboardingTasks.id, task.id));
  });
  return { task: await findTask(deps.db, taskId), row: caseRow, access };
}

async function lockTask(tx: Tx, caseId: string, taskId: string): Promise<TaskRow> {
  const [task] = await tx
    .select()
    .from(offboardingTasks)
    .where(and(eq(offboardingTasks.id, taskId), eq(offboardingTasks.caseId, caseId)))
    .for('update');
  if (!task) throw notFound();
  return task;
}

async function findTask(db: Db, taskId: string): Promise<TaskView> {
  const [row] = await tasksWithNames(db, eq(offboardingTasks.id, taskId));
  if (!row) throw notFound();
  return toView(row);
}

/** Fields a kind does not use are refused rather than dropped (nothing typed is lost silently). */
const FIELDS_BY_KIND: Record<TaskKind, (keyof TaskComplete)[]> = {
  equipment: ['note'],
  handover: ['note'],
  custom: ['note'],
  confidentiality: ['acknowledged'],
  personal_email: ['personalEmail'],
  consents: ['networkDecision', 'consents', 'openToReturn'],
  farewell: ['farewellMessage'],
};

/** Validates and stores what a special task captures. Returns the note to keep (undefined = unchanged). */
async function applyKind(
  { db: tx, hooks }: { db: Tx; hooks: AppDeps['hooks'] },
  {
    task,
    caseRow,
    input,
    now,
    locale,
  }: { task: TaskRow; caseRow: CaseRow; input: TaskComplete; now: Date; locale: Locale },
): Promise<string | null | undefined> {
  const allowed = FIELDS_BY_KIND[task.kind];
  const unexpected = (Object.keys(input) as (keyof TaskComplete)[]).filter(
    (k) => input[k] !== undefined && !allowed.includes(k),
  );
  if (unexpected.length > 0) {
    throw new AppError(
      'bad_request',
      'error.bad_request',
      Object.fromEntries(unexpected.map((k) => [k, ['kz.offboardingFieldNotForTask']])),
    );
  }
  switch (task.kind) {
    case 'equipment':
    case 'handover':
    case 'custom':
      return input.note ?? null;
    case 'confidentiality':
      if (input.acknowledged !== true) throw fieldError('acknowledged', 'kz.acknowledge');
      return undefined;
    case 'personal_email': {
      if (!input.personalEmail) throw fieldError('personalEmail', 'v.required');
      const email = await validatePersonalEmail(tx, { caseRow, input: input.personalEmail });
      await tx
        .update(leaverCases)
        .set({ personalEmail: email, updatedAt: now })
        .where(eq(leaverCases.id, caseRow.id));
      return undefined;
    }
    case 'consents': {
      if (!input.networkDecision) throw fieldError('networkDecision', 'v.required');
      if (input.networkDecision === 'joined') {
        if (!input.consents) throw fieldError('consents', 'v.required');
        await recordConsents(
          { db: tx, hooks },
          { userId: caseRow.userId, answers: input.consents, source: 'offboarding', locale, now },
        );
      }
      // Declining the network also withdraws "open to return": nothing more is sent after the last day.
      const openToReturn = input.networkDecision === 'joined' && input.openToReturn === true;
      await tx
        .update(leaverCases)
        .set({ networkDecision: input.networkDecision, openToReturn, updatedAt: now })
        .where(eq(leaverCases.id, caseRow.id));
      await tx.update(profiles).set({ openToReturn }).where(eq(profiles.userId, caseRow.userId));
      return undefined;
    }
    case 'farewell': {
      if (!input.farewellMessage) throw fieldError('farewellMessage', 'v.required');
      await tx
        .update(leaverCases)
        .set({ farewellMessage: input.farewellMessage, updatedAt: now })
        .where(eq(leaverCases.id, caseRow.id));
      return undefined;
    }
  }
}

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/**
 * A personal address must be the person's own: not on a company domain (the domains of the
 * work accounts on this case: the leaver's, the manager's, the HR owner's — those mailboxes close
 * or are read by the company) and not already used by another member or another case.
 */
export async function validatePersonalEmail(
  tx: Tx,
  { caseRow, input }: { caseRow: CaseRow; input: string },
): Promise<string> {
  const email = input.trim().toLowerCase();
  const staff = [caseRow.userId, caseRow.managerId, caseRow.hrOwnerId].filter((id): id is string => !!id);
  const accounts = await tx.select({ email: users.email }).from(users).where(inArray(users.id, staff));
  const companyDomains = new Set(accounts.map((a) => domainOf(a.email)));
  if (companyDomains.has(domainOf(email))) throw fieldError('personalEmail', 'kz.personalEmailCompany');
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email}`, ne(users.id, caseRow.userId)))
    .limit(1);
  const [otherCase] = await tx
    .select({ id: leaverCases.id })
    .from(leaverCases)
    .where(
      and(
        sql`lower(${leaverCases.personalEmail}) = ${email}`,
        ne(leaverCases.userId, caseRow.userId),
        ne(leaverCases.status, 'cancelled'),
      ),
    )
    .limit(1);
  if (taken || otherCase) throw fieldError('personalEmail', 'kz.personalEmailTaken');
  return email;
}

/**
 * After HR changed a case (last day, manager, HR owner): open tasks move with the last day (by
 * the same number of days) and go to the new manager / HR owner. Done tasks keep their history.
 * For the exits feature to call inside its update transaction.
 */
export async function syncChecklistWithCase(tx: Db, before: CaseRow, after: CaseRow): Promise<void> {
  const open = and(eq(offboardingTasks.caseId, after.id), isNull(offboardingTasks.doneAt));
  if (before.lastDay !== after.lastDay) {
    const days = Math.round((Date.parse(after.lastDay) - Date.parse(before.lastDay)) / 86_400_000);
    await tx
      .update(offboardingTasks)
      .set({ dueOn: sql`(${offboardingTasks.dueOn} + ${days}::int)` })
      .where(open);
  }
  for (const role of ['manager', 'hr'] as const) {
    const [from, to] =
      role === 'manager' ? [before.managerId, after.managerId] : [before.hrOwnerId, after.hrOwnerId];
    if (from === to) continue;
    await tx
      .update(offboardingTasks)
      .set({ assigneeId: to })
      .where(and(open, eq(offboardingTasks.ownerRole, role)));
  }
}
