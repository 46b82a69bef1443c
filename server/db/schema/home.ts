import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';

/**
 * The home page's "getting started" checklist, dismissed by the member (issue 11). One small row
 * per member who closed it; the items themselves are read from real data, never stored.
 */
export const homeChecklistDismissals = pgTable('home_checklist_dismissals', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  dismissedAt: timestamp('dismissed_at', { withTimezone: true }).notNull().default(sql`now()`),
});
