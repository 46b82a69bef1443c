import { randomUUID } from 'node:crypto';
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '#server/db/client';
import { conversationParticipants, conversations, messages } from '#server/db/schema';
import { signalMessage } from './message-bus';

/**
 * Opening a conversation (issue 12, decision 036) — shared by messaging, mentoring and advice
 * requests (an accepted request opens one) and HR. Who may open one with whom is the caller's
 * policy; this only writes, inside the caller's transaction.
 *
 * A direct conversation is one per pair: opening it again returns the existing one (and brings a
 * participant who had left back in).
 */
export async function openConversation(
  tx: Db,
  now: Date,
  {
    createdBy,
    participantIds,
    origin = 'member',
    title = null,
  }: {
    createdBy: string;
    /** Everyone in it, the creator included. Two people and no title: a direct conversation. */
    participantIds: readonly string[];
    origin?: (typeof conversations.$inferInsert)['origin'];
    title?: string | null;
  },
): Promise<{ id: string; created: boolean }> {
  const people = [...new Set([createdBy, ...participantIds])].sort();
  const direct = people.length === 2 && !title;
  const directKey = direct ? people.join('|') : null;
  if (directKey) {
    const [existing] = await tx
      .select({ id: conversations.id })
      .from(conversations)
      .where(eq(conversations.directKey, directKey))
      .limit(1);
    if (existing) {
      await tx
        .update(conversationParticipants)
        .set({ leftAt: null })
        .where(eq(conversationParticipants.conversationId, existing.id));
      return { id: existing.id, created: false };
    }
  }
  const id = randomUUID();
  const inserted = await tx
    .insert(conversations)
    .values({ id, kind: direct ? 'direct' : 'group', directKey, title, origin, createdBy, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: conversations.id });
  if (inserted.length === 0 && directKey) {
    // Opened at the same moment by the other side: theirs is the one.
    const [row] = await tx
      .select({ id: conversations.id })
      .from(conversations)
      .where(eq(conversations.directKey, directKey));
    if (row) return { id: row.id, created: false };
  }
  await tx
    .insert(conversationParticipants)
    .values(people.map((userId) => ({ conversationId: id, userId, joinedAt: now })));
  return { id, created: true };
}

/** SQL: `viewerId` is a current participant (has not left) of the conversation in `conversationId`. */
export function participantWhere(viewerId: string, conversationId: SQL | typeof conversations.id): SQL {
  return sql`exists (select 1 from ${conversationParticipants} cp
    where cp.conversation_id = ${conversationId} and cp.user_id = ${viewerId} and cp.left_at is null)`;
}

export async function isParticipant(db: Db, viewerId: string, conversationId: string): Promise<boolean> {
  const rows = await db
    .select({ userId: conversationParticipants.userId })
    .from(conversationParticipants)
    .where(
      and(
        eq(conversationParticipants.conversationId, conversationId),
        eq(conversationParticipants.userId, viewerId),
        isNull(conversationParticipants.leftAt),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/**
 * The one way a message is written (messaging, an accepted advice request, HR): inserts it and
 * moves the conversation's `last_message_at`, inside the caller's transaction. Live delivery (a
 * NOTIFY delivered at commit, server/lib/message-bus.ts) and the batched e-mail (which reads the
 * rows) hang off this function, so every writer gets them.
 */
export async function appendMessage(
  tx: Db,
  now: Date,
  { conversationId, authorId, body }: { conversationId: string; authorId: string | null; body: string },
): Promise<{ id: string; createdAt: Date }> {
  const id = randomUUID();
  await tx.insert(messages).values({ id, conversationId, authorId, body, createdAt: now });
  await tx.update(conversations).set({ lastMessageAt: now }).where(eq(conversations.id, conversationId));
  if (authorId) {
    await tx
      .update(conversationParticipants)
      .set({ lastReadAt: now })
      .where(
        and(
          eq(conversationParticipants.conversationId, conversationId),
          eq(conversationParticipants.userId, authorId),
        ),
      );
  }
  // Live delivery (decision 039): announced at commit to every process, only to the participants.
  const recipients = await tx
    .select({ userId: conversationParticipants.userId })
    .from(conversationParticipants)
    .where(
      and(
        eq(conversationParticipants.conversationId, conversationId),
        isNull(conversationParticipants.leftAt),
      ),
    );
  await signalMessage(tx, { conversationId, messageId: id, recipients: recipients.map((r) => r.userId) });
  return { id, createdAt: now };
}
