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
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './auth';

/**
 * Exit management (イグジットマネジメント): one case per person leaving, opened by HR or their
 * manager before the last day, kept on their alumni record afterwards. Classified fields
 * (reason, rehire eligibility) are HR-only; see decision 012 and exits.policy.ts.
 */
export const leaverCases = pgTable(
  'leaver_cases',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    managerId: text('manager_id').references(() => users.id, { onDelete: 'set null' }),
    hrOwnerId: text('hr_owner_id').references(() => users.id, { onDelete: 'set null' }),
    /** The last working day, in `timeZone`; the person becomes alumni when it ends there. */
    lastDay: date('last_day', { mode: 'string' }).notNull(),
    timeZone: text('time_zone').notNull().default('Asia/Tokyo'),
    /** HR-only. career_change, family, study, retirement, health, relocation, contract_end, other. */
    reasonCategory: text('reason_category').notNull(),
    /** HR-only free text. */
    reasonNote: text('reason_note'),
    status: text('status', { enum: ['open', 'completed', 'cancelled'] })
      .notNull()
      .default('open'),
    /** The role before the case opened, restored if the case is cancelled. */
    previousRole: text('previous_role', {
      enum: ['alumni', 'employee', 'leaver', 'alumni_manager', 'admin'],
    }).notNull(),
    /** Private address for the alumni account (captured by the checklist). */
    personalEmail: text('personal_email'),
    /** Whether the person joins the alumni network after the last day. */
    networkDecision: text('network_decision', { enum: ['pending', 'joined', 'declined'] })
      .notNull()
      .default('pending'),
    openToReturn: boolean('open_to_return').notNull().default(false),
    farewellMessage: text('farewell_message'),
    /** HR-only rehire eligibility, used by the rehiring pipeline. */
    rehireEligibility: text('rehire_eligibility', { enum: ['eligible', 'not_eligible', 'needs_review'] }),
    rehireReason: text('rehire_reason'),
    rehireDecidedBy: text('rehire_decided_by').references(() => users.id, { onDelete: 'set null' }),
    rehireDecidedAt: timestamp('rehire_decided_at', { withTimezone: true }),
    /** Set by the transition job when the role became alumni (or the account closed, if declined). */
    convertedAt: timestamp('converted_at', { withTimezone: true }),
    welcomeMailId: text('welcome_mail_id'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    // One open case per person.
    uniqueIndex('leaver_cases_open_user_idx').on(t.userId).where(sql`${t.status} = 'open'`),
    index('leaver_cases_manager_idx').on(t.managerId),
    // "Has an exit case" (any status) for /api/me.
    index('leaver_cases_user_idx').on(t.userId),
    index('leaver_cases_status_last_day_idx').on(t.status, t.lastDay),
  ],
);

/**
 * The career conversation and the two written proposals (outside path, inside path). Visible to
 * the person (once shared) and HR; the manager who holds the conversation may write it.
 */
export const careerProposals = pgTable('career_proposals', {
  caseId: text('case_id')
    .primaryKey()
    .references(() => leaverCases.id, { onDelete: 'cascade' }),
  heldOn: date('held_on', { mode: 'string' }),
  strengths: text('strengths'),
  learned: text('learned'),
  outsidePath: text('outside_path'),
  outsideRoles: text('outside_roles').array().notNull().default(sql`'{}'`),
  outsideIndustries: text('outside_industries').array().notNull().default(sql`'{}'`),
  insidePath: text('inside_path'),
  insidePositions: text('inside_positions').array().notNull().default(sql`'{}'`),
  authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
  /** The person sees the proposal from this moment. */
  sharedAt: timestamp('shared_at', { withTimezone: true }),
  leaverComment: text('leaver_comment'),
  leaverCommentedAt: timestamp('leaver_commented_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/** Exit survey questions, configured by HR, in both languages. */
export const exitSurveyQuestions = pgTable('exit_survey_questions', {
  id: text('id').primaryKey(),
  position: integer('position').notNull(),
  kind: text('kind', { enum: ['scale', 'choice', 'text'] }).notNull(),
  promptJa: text('prompt_ja').notNull(),
  promptEn: text('prompt_en').notNull(),
  /** For `choice`: [{ value, ja, en }]. */
  options: jsonb('options').$type<{ value: string; ja: string; en: string }[]>().notNull().default([]),
  /** For `scale`: 1..scaleMax. */
  scaleMax: integer('scale_max'),
  required: boolean('required').notNull().default(false),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/** The leaver's answers: HR-only; analytics only aggregate groups of 5 or more. */
export const exitSurveyResponses = pgTable('exit_survey_responses', {
  caseId: text('case_id')
    .primaryKey()
    .references(() => leaverCases.id, { onDelete: 'cascade' }),
  /** questionId → number (scale), option value (choice) or text. */
  answers: jsonb('answers').$type<Record<string, number | string>>().notNull(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/** Checklist templates set by HR: copied into each new case with due dates from the last day. */
export const offboardingTemplates = pgTable('offboarding_templates', {
  id: text('id').primaryKey(),
  position: integer('position').notNull(),
  kind: text('kind', {
    enum: ['equipment', 'handover', 'confidentiality', 'personal_email', 'consents', 'farewell', 'custom'],
  }).notNull(),
  titleJa: text('title_ja').notNull(),
  titleEn: text('title_en').notNull(),
  ownerRole: text('owner_role', { enum: ['leaver', 'manager', 'hr'] }).notNull(),
  /** Days relative to the last day (negative = before). */
  dueOffsetDays: integer('due_offset_days').notNull(),
  active: boolean('active').notNull().default(true),
});

export const offboardingTasks = pgTable(
  'offboarding_tasks',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => leaverCases.id, { onDelete: 'cascade' }),
    templateId: text('template_id').references(() => offboardingTemplates.id, { onDelete: 'set null' }),
    position: integer('position').notNull(),
    kind: text('kind', {
      enum: ['equipment', 'handover', 'confidentiality', 'personal_email', 'consents', 'farewell', 'custom'],
    }).notNull(),
    titleJa: text('title_ja').notNull(),
    titleEn: text('title_en').notNull(),
    ownerRole: text('owner_role', { enum: ['leaver', 'manager', 'hr'] }).notNull(),
    /** The person responsible (the leaver, their manager or the HR owner at creation). */
    assigneeId: text('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: text('done_by').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
  },
  (t) => [
    index('offboarding_tasks_case_idx').on(t.caseId),
    index('offboarding_tasks_assignee_idx').on(t.assigneeId),
  ],
);

/** Reporting lines: who manages whom (set by HR or imported); a manager sees their reports' cases. */
export const reportingLines = pgTable(
  'reporting_lines',
  {
    managerId: text('manager_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reportId: text('report_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.managerId, t.reportId] }),
    index('reporting_lines_report_idx').on(t.reportId),
  ],
);
