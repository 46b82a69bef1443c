import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One fixed-window counter per rate-limit key (`<limiter>:<key>`), shared by every app process on
 * the database (server/lib/rate-limit.ts, decision 030). A row whose window has passed is reset by
 * the next take and deleted by the hourly cleanup job.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    /** Takes counted in the current window, at most the limit + 1 (the + 1 means "refused"). */
    count: integer('count').notNull(),
    /** When the current window ends and the count starts again from 0. */
    resetsAt: timestamp('resets_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limits_resets_at_idx').on(t.resetsAt)],
);
