import { type SQL, sql } from 'drizzle-orm';
import { ADVICE_KIND_FLAG, type AdviceKind, CAREER_PATH_ASKERS } from '#common/advice';
import type { Role } from '#common/roles';
import { adviceRequests } from '#server/db/schema';
import { isHr, type Viewer } from '#server/lib/access/policy';
import { notBlockedWith } from '#server/lib/relations';

/**
 * Who may do what with advice requests (issue 12 §4, decision 040).
 *
 * - Anyone signed in may send one (no connection needed) to a listed, active member who is not
 *   themself and not blocked either way; `career_path` only from an employee to an alumnus, the
 *   other kinds only where the recipient flagged the matching offer and the sender may see the flag.
 * - A request is private to its pair: only its sender and recipient read it (HR too gets a 404),
 *   and not while either has blocked the other.
 * - HR sees counts by kind, state and month — never a topic, hopes, message or a pair.
 */
export const canSeeAdviceStats = (viewer: Viewer) => isHr(viewer);

/** The flags a recipient shows this viewer (flag set and visible to the viewer). */
export interface Offers {
  mentoring: boolean;
  sideWork: boolean;
  speaking: boolean;
}

/** May a member of `senderRole` ask a member of `recipientRole` with these offers for `kind`? */
export function canAskFor(kind: AdviceKind, senderRole: Role, recipientRole: Role, offers: Offers): boolean {
  if (kind === 'career_path') {
    return (CAREER_PATH_ASKERS as readonly Role[]).includes(senderRole) && recipientRole === 'alumni';
  }
  return offers[ADVICE_KIND_FLAG[kind]];
}

/** SQL: the advice requests this viewer may read — their own side of a pair that is not blocked. */
export function ownAdviceWhere(viewer: Viewer): SQL {
  return sql`((${adviceRequests.fromId} = ${viewer.id} and ${notBlockedWith(viewer.id, adviceRequests.toId)})
    or (${adviceRequests.toId} = ${viewer.id} and ${notBlockedWith(viewer.id, adviceRequests.fromId)}))`;
}
