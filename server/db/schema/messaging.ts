import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth';

/**
 * Conversations (issue 12, decision 036): one-to-one and small groups. Private to the
 * participants: every read goes through `participantWhere` (server/lib/conversations.ts); HR reads a
 * conversation only through a report, and that reading is audited.
 */

export const CONVERSATION_ORIGINS = ['member', 'hr', 'mentoring'] as const;

export const conversations = pgTable(
  'conversations',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['direct', 'group'] }).notNull(),
    /** For `direct`: the two member ids sorted and joined by `|` — one conversation per pair. */
    directKey: text('direct_key'),
    title: text('title'),
    origin: text('origin', { enum: CONVERSATION_ORIGINS }).notNull().default('member'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('conversations_direct_key_idx').on(t.directKey).where(sql`${t.directKey} is not null`)],
);

export const conversationParticipants = pgTable(
  'conversation_participants',
  {
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().default(sql`now()`),
    /** Left the conversation: no longer reads new messages nor writes. */
    leftAt: timestamp('left_at', { withTimezone: true }),
    lastReadAt: timestamp('last_read_at', { withTimezone: true }),
    /** The last time a batched e-mail about this conversation went to this participant. */
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    mutedAt: timestamp('muted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.userId] }),
    index('conversation_participants_user_idx').on(t.userId),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: text('id').primaryKey(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('messages_conversation_idx').on(
      t.conversationId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
  ],
);
