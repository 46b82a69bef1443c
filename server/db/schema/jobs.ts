import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { Audience, Classification } from '#common/access';
import { users } from './auth';

/**
 * Open positions (issue 5, decision 015). Who sees a job is the visibility policy's rule for any
 * governed item (`classification` + `audience`, checked in the query with visibleItemsWhere):
 * alumni never see `internal` jobs. A job leaves every list when it is closed or its closing day
 * has passed (a condition in the query, not a job that might not have run).
 */
export const jobs = pgTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    /** At least one language is required (validated by the contract). */
    titleJa: text('title_ja'),
    titleEn: text('title_en'),
    descriptionJa: text('description_ja'),
    descriptionEn: text('description_en'),
    department: text('department').notNull(),
    location: text('location').notNull(),
    remote: text('remote', { enum: ['onsite', 'hybrid', 'remote'] }).notNull(),
    employmentType: text('employment_type', {
      enum: ['full_time', 'part_time', 'contract', 'side_job', 'internship'],
    }).notNull(),
    /** Skills the role needs: used by "jobs that fit me" and alerts. */
    skills: text('skills').array().notNull().default(sql`'{}'`),
    salaryMin: integer('salary_min'),
    salaryMax: integer('salary_max'),
    salaryCurrency: text('salary_currency'),
    salaryPeriod: text('salary_period', { enum: ['year', 'month', 'hour'] }),
    /** Last day applications are taken (inclusive, Asia/Tokyo). */
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['draft', 'open', 'closed'] })
      .notNull()
      .default('draft'),
    classification: text('classification').$type<Classification>().notNull(),
    audience: jsonb('audience').$type<Audience>().notNull().default({}),
    /** Normalised title, description, department, location and skills (both languages). */
    searchText: text('search_text').notNull(),
    postedBy: text('posted_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    index('jobs_status_closes_idx').on(t.status, t.closesOn),
    index('jobs_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('jobs_skills_gin').using('gin', t.skills),
  ],
);

/** A member's job alert: new matching jobs go out instantly or in the daily digest, and in-app. */
export const jobAlerts = pgTable(
  'job_alerts',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    keywords: text('keywords').array().notNull().default(sql`'{}'`),
    departments: text('departments').array().notNull().default(sql`'{}'`),
    locations: text('locations').array().notNull().default(sql`'{}'`),
    frequency: text('frequency', { enum: ['instant', 'daily'] }).notNull(),
    active: boolean('active').notNull().default(true),
    /** The daily digest covers deliveries made after this moment. */
    lastDigestAt: timestamp('last_digest_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('job_alerts_user_idx').on(t.userId)],
);

/**
 * One row per (alert, job): the idempotency key of matching, the in-app list ("new jobs for
 * you") and the record of what was mailed. A re-run of matching never alerts twice.
 */
export const jobAlertDeliveries = pgTable(
  'job_alert_deliveries',
  {
    alertId: text('alert_id')
      .notNull()
      .references(() => jobAlerts.id, { onDelete: 'cascade' }),
    jobId: text('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The outbox message that carried it (instant or digest); null while waiting for the digest. */
    mailId: text('mail_id'),
    mailedAt: timestamp('mailed_at', { withTimezone: true }),
    seenAt: timestamp('seen_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.alertId, t.jobId] }),
    index('job_alert_deliveries_user_idx').on(t.userId, t.createdAt),
  ],
);
