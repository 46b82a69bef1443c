import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';

/**
 * Every email the app sends: written in the same transaction as the action that causes it,
 * delivered by the queue (retries, rate limit). The admin outbox lists it; HR sees failures.
 */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: text('id').primaryKey(),
    /** What the mail is about: invitation, verification_approved, freshness, retention_warning, … */
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    /** The member it concerns, if any (erased with them). */
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** The row that caused it (e.g. an invitation id). */
    subjectId: text('subject_id'),
    locale: text('locale', { enum: ['ja', 'en'] }).notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    /** Extra headers of this message (e.g. List-Unsubscribe of the digest, RFC 8058). */
    headers: jsonb('headers').$type<Record<string, string>>(),
    /**
     * queued (waiting, or waiting for a retry: see last_error) → sending → sent; bounced (the
     * server refused the address: 5xx), failed (retries used up), cancelled (superseded before it
     * went out, e.g. an invitation resent or revoked).
     */
    status: text('status', { enum: ['queued', 'sending', 'sent', 'failed', 'bounced', 'cancelled'] })
      .notNull()
      .default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    /** When a worker claimed it (status sending): a claim older than the lease is a dead worker's. */
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('mail_messages_created_idx').on(t.createdAt),
    index('mail_messages_status_idx').on(t.status, t.createdAt),
    index('mail_messages_subject_idx').on(t.subjectId),
    index('mail_messages_user_idx').on(t.userId),
  ],
);
