import type { TaskKind } from '#common/offboarding';
import type { CaseAccess } from '#server/lib/access/exit-cases';
import type { Viewer } from '#server/lib/access/policy';

/**
 * Who may do what with a checklist (decision 014). Seeing the tasks follows seeing the case
 * (HR, the named manager, the leaver — server/lib/access/exit-cases.ts). Completing or reopening one is for its
 * assignee or HR; for everybody else the task does not exist (404).
 */
export const canCompleteTask = (viewer: Viewer, access: CaseAccess, task: { assigneeId: string | null }) =>
  access === 'hr' || (task.assigneeId !== null && task.assigneeId === viewer.id);

/** Kinds only the person leaving can complete: an acknowledgement or a choice is theirs to give. */
export const isLeaverOnly = (kind: TaskKind) => kind === 'confidentiality' || kind === 'consents';

/** What the checklist shows about the case beyond the tasks: the personal choices are not the manager's. */
export const seesPersonalChoices = (access: CaseAccess) => access === 'hr' || access === 'leaver';
