import { todayIn } from '#common/dates';
import { isTaskOverdue, type MyTask, type Task, type TaskList, type Template } from '#common/offboarding';
import type { CaseAccess, CaseRow } from '#server/lib/access/exit-cases';
import type { Viewer } from '#server/lib/access/policy';
import { canCompleteTask, seesPersonalChoices } from './offboarding.policy';
import type { TaskView, TemplateRow } from './offboarding.service';

export const presentTemplate = (t: TemplateRow): Template => ({
  id: t.id,
  position: t.position,
  kind: t.kind,
  titleJa: t.titleJa,
  titleEn: t.titleEn,
  ownerRole: t.ownerRole,
  dueOffsetDays: t.dueOffsetDays,
  active: t.active,
});

const person = (id: string | null, name: string | null) => (id ? { id, displayName: name ?? '' } : null);

/** One task as the viewer sees it: overdue judged on the case's calendar. */
export function presentTask(
  task: TaskView,
  { viewer, access, timeZone, now }: { viewer: Viewer; access: CaseAccess; timeZone: string; now: Date },
): Task {
  return {
    id: task.id,
    caseId: task.caseId,
    kind: task.kind,
    titleJa: task.titleJa,
    titleEn: task.titleEn,
    ownerRole: task.ownerRole,
    assignee: person(task.assigneeId, task.assigneeName),
    dueOn: task.dueOn,
    isOverdue: isTaskOverdue(task, timeZone, now),
    doneAt: task.doneAt?.toISOString() ?? null,
    doneBy: person(task.doneBy, task.doneByName),
    note: task.note,
    canComplete: canCompleteTask(viewer, access, task),
  };
}

export function presentTaskList(
  { row, access, tasks }: { row: CaseRow; access: CaseAccess; tasks: TaskView[] },
  { viewer, now }: { viewer: Viewer; now: Date },
): TaskList {
  const personal = seesPersonalChoices(access);
  return {
    case: {
      id: row.id,
      lastDay: row.lastDay,
      timeZone: row.timeZone,
      personalEmail: personal ? row.personalEmail : null,
      networkDecision: personal ? row.networkDecision : null,
      openToReturn: personal ? row.openToReturn : null,
      farewellMessage: row.farewellMessage,
    },
    today: todayIn(row.timeZone, now),
    // A completed or cancelled case is a record: nothing is overdue and nothing can change.
    items: tasks.map((task) => {
      const item = presentTask(task, { viewer, access, timeZone: row.timeZone, now });
      return row.status === 'open' ? item : { ...item, canComplete: false, isOverdue: false };
    }),
  };
}

/** The viewer's own tasks: they are the assignee, so they may complete each one. */
export function presentMyTask(
  task: TaskView & { leaverId: string; leaverName: string; lastDay: string; timeZone: string },
  { viewer, now }: { viewer: Viewer; now: Date },
): MyTask {
  // The assignee is the viewer; 'manager' access is enough for canComplete (assignee rule).
  const access: CaseAccess = task.leaverId === viewer.id ? 'leaver' : 'manager';
  return {
    ...presentTask(task, { viewer, access, timeZone: task.timeZone, now }),
    leaver: { id: task.leaverId, displayName: task.leaverName },
    lastDay: task.lastDay,
  };
}
