import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { DIGEST_FREQUENCIES } from '#common/digest';
import { users } from './auth';

/**
 * The weekly digest (issue 11, item 5): a member's chosen frequency, when the last digest went
 * out (what makes a re-run of the job send nothing twice), and the hashes of the unsubscribe
 * tokens of the last two digests. A missing row means `weekly`, never sent. The `newsletter`
 * consent stays the master switch.
 */
export const digestSubscriptions = pgTable(
  'digest_subscriptions',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    frequency: text('frequency', { enum: DIGEST_FREQUENCIES }).notNull().default('weekly'),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true }),
    /**
     * SHA-256 of the random token in the last digest's unsubscribe link, and of the one before:
     * the token is only known when the mail is written, so each digest carries a new one, and the
     * link of the previous digest keeps working too.
     */
    tokenHash: text('token_hash'),
    previousTokenHash: text('previous_token_hash'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    index('digest_subscriptions_token_idx').on(t.tokenHash),
    index('digest_subscriptions_previous_token_idx').on(t.previousTokenHash),
  ],
);
