import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { conversationParticipants } from '#server/db/schema';
import { isHr, type Viewer } from '#server/lib/access/policy';
import { participantWhere } from '#server/lib/conversations';
import { blockedBetween } from '#server/lib/relations';

/**
 * Who may write to whom (issue 12 §3, decision 039).
 *
 * - A member starts a conversation with their connections only; HR (alumni_manager, admin) with
 *   any member; an accepted advice request opens one (origin `mentoring`, the mentoring feature).
 * - Anyone blocked either way with the viewer cannot be written to: 404, as if absent.
 * - Against spam, a non-HR member in a direct `member` conversation with someone who is not (or no
 *   longer) a connection may send one first message until the other replies.
 * - A conversation is read only by its current participants (`participantWhere`); a direct one with
 *   a blocked member disappears. HR reads one only through a people report (audited).
 */
export const mayStartWithAnyone = (viewer: Viewer) => isHr(viewer);

/** HR's review of people reports. */
export const canReviewPeopleReports = (viewer: Viewer) => isHr(viewer);

/** The first-message limit: may `author` write now? (Pure: the facts are read by the service.) */
export function firstMessageAllows(facts: {
  authorIsHr: boolean;
  kind: 'direct' | 'group';
  origin: 'member' | 'hr' | 'mentoring';
  connected: boolean;
  authorHasWritten: boolean;
  othersHaveWritten: boolean;
}): boolean {
  if (facts.authorIsHr || facts.kind !== 'direct' || facts.origin !== 'member' || facts.connected)
    return true;
  return !facts.authorHasWritten || facts.othersHaveWritten;
}

/** SQL: the conversation in `conversationId` is the viewer's to read (participant, no block in a direct one). */
export function visibleConversationWhere(
  viewerId: string,
  conversationId: AnyPgColumn | SQL,
  kind: AnyPgColumn | SQL,
): SQL {
  return sql`(${participantWhere(viewerId, conversationId as SQL)} and not (${kind} = 'direct' and exists (
    select 1 from ${conversationParticipants} o
    where o.conversation_id = ${conversationId} and o.user_id <> ${viewerId}
      and ${blockedBetween(viewerId, sql`o.user_id`)})))`;
}
