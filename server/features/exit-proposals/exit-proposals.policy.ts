import { exitFieldVisible } from '#common/exits-reference';
import type { CaseAccess, CaseRow } from '#server/lib/access/exit-cases';

/**
 * Who may do what with a case's career proposal (decision 013). Anything not allowed is a 404 for
 * the caller, never a 403. After the last day the proposal stays on the alumni record for the
 * person and HR only: the manager's access ends with the case.
 */
export const isCaseLive = (row: CaseRow) => row.status === 'open';

/** Read the proposal. The leaver only once it is shared. */
export function canReadProposal(access: CaseAccess, row: CaseRow, sharedAt: Date | null): boolean {
  if (!exitFieldVisible('proposal', access)) return false;
  if (access === 'hr') return true;
  if (access === 'manager') return isCaseLive(row);
  return sharedAt !== null;
}

/** Write and share: HR always (the record is theirs to correct), the manager while the case is open. */
export function canWriteProposal(access: CaseAccess, row: CaseRow): boolean {
  if (access === 'hr') return true;
  return access === 'manager' && isCaseLive(row);
}

/** Comment: the leaver, on a shared proposal. */
export const canCommentProposal = (access: CaseAccess, sharedAt: Date | null) =>
  access === 'leaver' && sharedAt !== null;

/** "People with your background now work as …": everyone working on the proposal, and the leaver. */
export const canSeeSuggestions = (access: CaseAccess, row: CaseRow) =>
  access === 'hr' || access === 'leaver' || (access === 'manager' && isCaseLive(row));
