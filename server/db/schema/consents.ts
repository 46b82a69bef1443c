import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';

/**
 * The consent ledger: append-only, one row per answer, with the version of the text the member
 * saw. The current answer per purpose is copied to profiles.consents in the same transaction so
 * queries (directory, rehire lists, mailings) can enforce it without a join. See decision 010.
 */
export const consentEvents = pgTable(
  'consent_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', {
      enum: ['directory', 'rehiring', 'business', 'newsletter', 'events'],
    }).notNull(),
    granted: boolean('granted').notNull(),
    /** Version of the consent text shown (common/consents.ts). */
    textVersion: text('text_version').notNull(),
    locale: text('locale', { enum: ['ja', 'en'] }).notNull(),
    /** Where the answer was given: first sign-in, settings page, import default, … */
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('consent_events_user_idx').on(t.userId, t.createdAt)],
);
