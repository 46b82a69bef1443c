import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
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
    // One open (not accepted, not revoked) invitation per HR record: a re-run or resumed bulk job
    // cannot invite the same person twice (decision 007). Expired ones are renewed by resending.
    uniqueIndex('invitations_open_record_uq')
      .on(t.hrRecordId)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
    index('invitations_delivery_idx').on(t.deliveryStatus, t.createdAt),
  ],
);

/**
 * One "invite these HR records" request: either explicit record ids or a filter. The
 * `invitations.bulk` job walks the matching records in id order; `cursor` (the last record id
 * done) advances in the same transaction as each chunk, so a killed job resumes after it.
 */
export const invitationBatches = pgTable(
  'invitation_batches',
  {
    id: text('id').primaryKey(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** HrRecordFilter (common/hr-records.ts) or null when `recordIds` is given. */
    filter: jsonb('filter').$type<Record<string, unknown>>(),
    recordIds: text('record_ids').array(),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] })
      .notNull()
      .default('queued'),
    /** Records expected to get an invitation when the request was made. */
    total: integer('total').notNull().default(0),
    /** Last hr_records.id processed (keyset cursor); null before the first chunk. */
    cursor: text('cursor'),
    invited: integer('invited').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('invitation_batches_status_idx').on(t.status)],
);
