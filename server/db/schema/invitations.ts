import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { hrRecords } from './hr-records';

export const invitations = pgTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    role: text('role', { enum: ['alumni', 'employee', 'leaver', 'alumni_manager', 'admin'] }).notNull(),
    locale: text('locale', { enum: ['ja', 'en'] }).notNull(),
    /** Names given by HR; they become the first profile. */
    names: jsonb('names')
      .$type<{
        familyName: string;
        givenName: string;
        familyNameKana?: string | null;
        givenNameKana?: string | null;
        familyNameRomaji?: string | null;
        givenNameRomaji?: string | null;
      }>()
      .notNull(),
    /** SHA-256 of the token in the link; the token itself is never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    acceptedUserId: text('accepted_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The HR record it was sent from, if any (one open invitation per record). */
    hrRecordId: text('hr_record_id').references(() => hrRecords.id, { onDelete: 'set null' }),
    /** Delivery of the latest email: queued → sent, or failed/bounced (shown to HR). */
    deliveryStatus: text('delivery_status', { enum: ['queued', 'sent', 'failed', 'bounced'] }),
    deliveryError: text('delivery_error'),
    sendCount: integer('send_count').notNull().default(0),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    index('invitations_email_idx').on(t.email),
    index('invitations_created_idx').on(t.createdAt),
    index('invitations_hr_record_idx').on(t.hrRecordId),
  ],
);
