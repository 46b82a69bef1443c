import type { ExitCase } from '#common/exits';
import { dayEndsAt, type ExitField, exitFieldVisible } from '#common/exits-reference';
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
