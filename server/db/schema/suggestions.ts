import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { SuggestionTerm } from '#common/suggestions';
import { users } from './auth';

/**
 * People to meet (issue 12 §2, decision 038). Candidates are precomputed per member by a job
 * (`suggestions.refresh-all`, `suggestions.refresh-member`); read time is a lookup of these rows,
 * the "never" filter (blocks, connections, requests, consent, activity) and a re-rank.
 */
export const SUGGESTION_LISTS = ['know', 'diagonal'] as const;

export const peopleSuggestions = pgTable(
  'people_suggestions',
  {
    memberId: text('member_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    candidateId: text('candidate_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    list: text('list', { enum: SUGGESTION_LISTS }).notNull(),
    score: real('score').notNull(),
    /** The score term by term (kind, weight, value, points): the reason shown, explainable. */
    terms: jsonb('terms').$type<SuggestionTerm[]>().notNull(),
    /** Similarity keys for the diversity re-rank: department, employer, generation. */
    facets: jsonb('facets')
      .$type<{ department: string | null; employer: string | null; generation: number | null }>()
      .notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.list, t.candidateId] }),
    index('people_suggestions_candidate_idx').on(t.candidateId),
    check('people_suggestions_not_self', sql`${t.memberId} <> ${t.candidateId}`),
  ],
);

/** How often a candidate was shown to a member, and whether the member hid them ("not now"). */
export const peopleSuggestionImpressions = pgTable(
  'people_suggestion_impressions',
  {
    memberId: text('member_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    candidateId: text('candidate_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    shown: integer('shown').notNull().default(0),
    lastShownAt: timestamp('last_shown_at', { withTimezone: true }),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.candidateId] }),
    index('people_suggestion_impressions_candidate_idx').on(t.candidateId),
  ],
);

/** When a member's candidates were last computed (also when none were found). */
export const peopleSuggestionRuns = pgTable('people_suggestion_runs', {
  memberId: text('member_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
});
