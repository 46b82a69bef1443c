import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { leaverCases } from './exits';
import { jobs } from './jobs';

/**
 * Return interest (出戻り意向): an alumnus is open to coming back, in general or for one job.
 * HR-only, and only while the member consents to rehiring contact (consentedSql('rehiring') in
 * every HR query). One active interest per (member, job or general): a repeat updates it.
 */
export const returnInterests = pgTable(
  'return_interests',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Null: "open to coming back" in general. */
    jobId: text('job_id').references(() => jobs.id, { onDelete: 'cascade' }),
    message: text('message'),
    preferredRoles: text('preferred_roles').array().notNull().default(sql`'{}'`),
    preferredLocations: text('preferred_locations').array().notNull().default(sql`'{}'`),
    timing: text('timing', { enum: ['now', 'within_6_months', 'within_1_year', 'later'] }),
    status: text('status', { enum: ['active', 'withdrawn'] })
      .notNull()
      .default('active'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    uniqueIndex('return_interests_active_uq')
      .on(t.userId, sql`coalesce(${t.jobId}, '')`)
      .where(sql`${t.status} = 'active'`),
    index('return_interests_job_idx').on(t.jobId),
  ],
);

/**
 * A candidate referred by a member. HR sees the candidate's data only after the candidate consents
 * through an emailed link (token hashed as for invitations). One referral per (job or general,
 * candidate email): a repeat is a 409.
 *
 * The candidate's columns are nullable for one reason: 30 days after a "no" (declined, withdrawn
 * or expired) — or when the candidate, a member, erases their account — they are cleared and
 * `redacted_at` set; the row stays for the referrer's list, HR's counts and the reward (decision 020).
 */
export const referrals = pgTable(
  'referrals',
  {
    id: text('id').primaryKey(),
    referrerId: text('referrer_id').references(() => users.id, { onDelete: 'set null' }),
    /** Null: a referral for the company in general. */
    jobId: text('job_id').references(() => jobs.id, { onDelete: 'set null' }),
    /** Null once redacted (as are email, locale, reason and the token hash). */
    candidateName: text('candidate_name'),
    candidateEmail: text('candidate_email'),
    candidateLocale: text('candidate_locale', { enum: ['ja', 'en'] }).default('ja'),
    /** Why the referrer recommends them (shown to the candidate and, after consent, to HR). */
    reason: text('reason'),
    status: text('status', { enum: ['awaiting_consent', 'consented', 'declined', 'expired'] })
      .notNull()
      .default('awaiting_consent'),
    /** SHA-256 of the token in the consent link; the token itself is never stored. */
    consentTokenHash: text('consent_token_hash').unique(),
    consentExpiresAt: timestamp('consent_expires_at', { withTimezone: true }).notNull(),
    consentedAt: timestamp('consented_at', { withTimezone: true }),
    /** Declined, or consent withdrawn (then `consented_at` is set too). */
    declinedAt: timestamp('declined_at', { withTimezone: true }),
    /** When the link lapsed unanswered (the deadline), written by the daily expiry. */
    expiredAt: timestamp('expired_at', { withTimezone: true }),
    /** When the candidate's data was cleared (retention or their erasure); null while it is held. */
    redactedAt: timestamp('redacted_at', { withTimezone: true }),
    consentMailId: text('consent_mail_id'),
    rewardStatus: text('reward_status', { enum: ['none', 'eligible', 'paid'] })
      .notNull()
      .default('none'),
    /** The reward rule in force when it became eligible (amount, currency), copied. */
    rewardAmount: integer('reward_amount'),
    rewardCurrency: text('reward_currency'),
    rewardPaidAt: timestamp('reward_paid_at', { withTimezone: true }),
    rewardPaidBy: text('reward_paid_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    uniqueIndex('referrals_candidate_uq').on(sql`coalesce(${t.jobId}, '')`, sql`lower(${t.candidateEmail})`),
    index('referrals_referrer_idx').on(t.referrerId, t.createdAt),
    index('referrals_email_idx').on(sql`lower(${t.candidateEmail})`),
    // The daily retention step's work list: closed without consent, not yet redacted.
    index('referrals_retention_idx')
      .on(sql`coalesce(${t.declinedAt}, ${t.expiredAt})`)
      .where(sql`${t.redactedAt} is null and ${t.status} in ('declined', 'expired')`),
    check(
      'referrals_candidate_held_ck',
      sql`${t.redactedAt} is not null or (${t.candidateName} is not null and ${t.candidateEmail} is not null and ${t.candidateLocale} is not null and ${t.reason} is not null)`,
    ),
  ],
);

/**
 * The HR rehiring board: one card per return interest or consented referral (unique per source).
 * History, eligibility and career since leaving are read live from hr_records, leaver_cases and
 * profiles when the board is shown, never copied here.
 */
export const pipelineCards = pgTable(
  'pipeline_cards',
  {
    id: text('id').primaryKey(),
    source: text('source', { enum: ['interest', 'referral'] }).notNull(),
    interestId: text('interest_id')
      .unique()
      .references(() => returnInterests.id, { onDelete: 'cascade' }),
    referralId: text('referral_id')
      .unique()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    /** The member the card is about (interests; referrals whose candidate is a member). */
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    jobId: text('job_id').references(() => jobs.id, { onDelete: 'set null' }),
    stage: text('stage', {
      enum: ['interested', 'conversation', 'interview', 'offer', 'rehired', 'not_now'],
    })
      .notNull()
      .default('interested'),
    stageChangedAt: timestamp('stage_changed_at', { withTimezone: true }).notNull().default(sql`now()`),
    stageChangedBy: text('stage_changed_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    index('pipeline_cards_stage_idx').on(t.stage, t.stageChangedAt),
    index('pipeline_cards_user_idx').on(t.userId),
  ],
);

/** HR notes on a card (HR-only). */
export const pipelineNotes = pgTable(
  'pipeline_notes',
  {
    id: text('id').primaryKey(),
    cardId: text('card_id')
      .notNull()
      .references(() => pipelineCards.id, { onDelete: 'cascade' }),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('pipeline_notes_card_idx').on(t.cardId, t.createdAt)],
);

/**
 * A hire recorded when a card moves to "rehired" (for analytics: boomerangs and referral hires).
 * On `start_on` (in `time_zone`) the rehiring start job makes the member an employee again.
 * When the person is erased the row stays, anonymised: user, card and exit case links are cleared,
 * so human-capital figures do not change after the fact (decision 020).
 */
export const hires = pgTable(
  'hires',
  {
    id: text('id').primaryKey(),
    /** Null once the person was erased (the card went with them). */
    cardId: text('card_id')
      .unique()
      .references(() => pipelineCards.id, { onDelete: 'set null' }),
    source: text('source', { enum: ['interest', 'referral'] }).notNull(),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    jobId: text('job_id').references(() => jobs.id, { onDelete: 'set null' }),
    /** The exit case the person left through, if any (its rehire eligibility was shown). */
    leaverCaseId: text('leaver_case_id').references(() => leaverCases.id, { onDelete: 'set null' }),
    roleTitle: text('role_title').notNull(),
    department: text('department'),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    timeZone: text('time_zone').notNull().default('Asia/Tokyo'),
    /** Set by the start job when the member's role became employee. */
    startedAt: timestamp('started_at', { withTimezone: true }),
    recordedBy: text('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('hires_start_idx').on(t.startOn), index('hires_user_idx').on(t.userId)],
);

/** Hand-offs of a candidate to the applicant tracking system (webhook or CSV), for the audit trail. */
export const atsExports = pgTable(
  'ats_exports',
  {
    id: text('id').primaryKey(),
    cardId: text('card_id').references(() => pipelineCards.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['webhook', 'csv'] }).notNull(),
    status: text('status', { enum: ['queued', 'delivered', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** HTTP status or error code of the last attempt (no personal data). */
    lastError: text('last_error'),
    /** Ids only; the body is rebuilt from the card when (re)sent, never stored. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('ats_exports_card_idx').on(t.cardId, t.createdAt)],
);
