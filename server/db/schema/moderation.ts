import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';

/**
 * A moderator's note on a member (issue 11): what HR wants the next moderator to know
 * ("warned about self-promotion on 2026-12-01"). Seen by HR only, never by the member; writing
 * one is audited.
 */
export const memberModerationNotes = pgTable(
  'member_moderation_notes',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('member_moderation_notes_user_idx').on(t.userId, t.createdAt)],
);
