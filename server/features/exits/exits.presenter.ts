import type { ExitCase, ExitCaseList, ReportingLine } from '#common/exits';
import {
  CASE_STAGES,
  type CaseStage,
  dayEndsAt,
  type ExitField,
  exitFieldVisible,
} from '#common/exits-reference';
import type { CaseView } from './exits.service';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The only way a case leaves the server. Fields outside the viewer's audience
 * (EXIT_FIELD_AUDIENCE) are left out of the object entirely — not sent as null.
 */
export function presentCase(view: CaseView): ExitCase {
  const { row, access } = view;
  const may = (field: ExitField) => exitFieldVisible(field, access);
  const out: ExitCase = {
    id: row.id,
    access,
    person: view.person,
    manager: view.manager,
    hrOwner: view.hrOwner,
    status: row.status,
    stage: view.stage,
    timeZone: row.timeZone,
    endsAt: dayEndsAt(row.lastDay, row.timeZone).toISOString(),
    tasksTotal: view.tasksTotal,
    tasksOpen: view.tasksOpen,
    tasksOverdue: view.tasksOverdue,
    tasksMine: view.tasksMine,
    networkDecision: row.networkDecision,
    convertedAt: iso(row.convertedAt),
    createdAt: row.createdAt.toISOString(),
  };
  if (may('lastDay')) out.lastDay = row.lastDay;
  if (may('reasonCategory')) out.reasonCategory = row.reasonCategory as ExitCase['reasonCategory'];
  if (may('reasonNote')) out.reasonNote = row.reasonNote;
  if (may('rehireEligibility')) {
    out.rehireEligibility = row.rehireEligibility;
    out.rehireDecidedAt = iso(row.rehireDecidedAt);
  }
  if (may('rehireReason')) out.rehireReason = row.rehireReason;
  if (access === 'hr') out.emailConflict = view.emailConflict;
  return out;
}

/** The list answer: the cases, and how many are at each stage (every stage, zero included). */
export function presentCaseList(views: CaseView[]): ExitCaseList {
  const stages = Object.fromEntries(CASE_STAGES.map((s) => [s, 0])) as Record<CaseStage, number>;
  for (const v of views) stages[v.stage] += 1;
  return { items: views.map(presentCase), stages };
}

export function presentReportingLine(line: ReportingLine): ReportingLine {
  return {
    reportId: line.reportId,
    manager: line.manager ? { id: line.manager.id, displayName: line.manager.displayName } : null,
  };
}

export const presentTransitionResult = (result: { converted: number }) => ({ converted: result.converted });
