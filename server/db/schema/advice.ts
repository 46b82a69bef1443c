import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { ADVICE_KINDS, ADVICE_STATUSES, ADVICE_TIME_FRAMES } from '#common/advice';
import { users } from './auth';
import { conversations } from './messaging';

/**
 * Mentoring and advice requests (issue 12 §4, decision 040). A structured request from one member
 * to another; accepted, it opens a conversation (origin `mentoring`). Private to the two members:
 * HR reads counts by kind, state and month, never a row's text or its pair.
 */

export const adviceRequests = pgTable(
  'advice_requests',
  {
    id: text('id').primaryKey(),
    fromId: text('from_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    toId: text('to_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ADVICE_KINDS }).notNull(),
    topic: text('topic').notNull(),
    hopes: text('hopes').notNull(),
    timeFrame: text('time_frame', { enum: ADVICE_TIME_FRAMES }).notNull(),
    status: text('status', { enum: ADVICE_STATUSES }).notNull().default('pending'),
    /** The recipient's optional message with an acceptance or a decline. */
    responseMessage: text('response_message'),
    /** Set when accepted: the conversation the request opened. */
    conversationId: text('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    // One open request per pair and kind (from → to).
    uniqueIndex('advice_requests_pending_idx')
      .on(t.fromId, t.toId, t.kind)
      .where(sql`${t.status} = 'pending'`),
    index('advice_requests_to_idx').on(t.toId, t.createdAt),
    index('advice_requests_from_idx').on(t.fromId, t.createdAt),
    // HR's counts by month.
    index('advice_requests_created_idx').on(t.createdAt),
    check('advice_requests_not_self', sql`${t.fromId} <> ${t.toId}`),
  ],
);
