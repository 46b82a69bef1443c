import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';

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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('invitations_email_idx').on(t.email), index('invitations_created_idx').on(t.createdAt)],
);
