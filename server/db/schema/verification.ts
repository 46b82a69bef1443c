import { sql } from 'drizzle-orm';
import { date, index, jsonb, pgTable, real, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { hrRecords } from './hr-records';
import { invitations } from './invitations';

/**
 * A request to join from someone who was not invited. Matched against HR records on arrival:
 * an exact, eligible match is approved and invited at once; everything else waits for HR.
 */
export const verificationRequests = pgTable(
  'verification_requests',
  {
    id: text('id').primaryKey(),
    /** Where to reach the person now (the invitation goes here). */
    email: text('email').notNull(),
    familyName: text('family_name').notNull(),
    givenName: text('given_name').notNull(),
    familyNameKana: text('family_name_kana'),
    givenNameKana: text('given_name_kana'),
    familyNameRomaji: text('family_name_romaji'),
    givenNameRomaji: text('given_name_romaji'),
    employeeNumber: text('employee_number'),
    workEmail: text('work_email'),
    joinedOn: date('joined_on', { mode: 'string' }),
    leftOn: date('left_on', { mode: 'string' }),
    message: text('message'),
    locale: text('locale', { enum: ['ja', 'en'] }).notNull(),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] })
      .notNull()
      .default('pending'),
    /** The best HR record found, its score (0–1) and which facts agreed. */
    matchRecordId: text('match_record_id').references(() => hrRecords.id, { onDelete: 'set null' }),
    matchScore: real('match_score'),
    matchDetails: jsonb('match_details').$type<Record<string, unknown>>(),
    /** Why the rules refused or flagged it (e.g. tenure_too_short), if they did. */
    eligibility: jsonb('eligibility').$type<{ eligible: boolean; reasons: string[] }>(),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    /** Approved automatically (exact match) or by HR. */
    decision: text('decision', { enum: ['auto', 'manual'] }),
    invitationId: text('invitation_id').references(() => invitations.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    index('verification_requests_status_idx').on(t.status, t.createdAt),
    index('verification_requests_email_idx').on(sql`lower(${t.email})`),
  ],
);
