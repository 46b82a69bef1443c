import { sql } from 'drizzle-orm';
import { boolean, date, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { ProfileField, VisibilityMap } from '#common/profiles';
import { users } from './auth';

/**
 * A member's profile. The search columns are computed by the application at insert/update time
 * (server/features/members/member-search.ts): one cumulative document per viewer tier, so a field
 * hidden from a tier is neither shown to it nor searchable by it. See decision 005.
 */
export const profiles = pgTable(
  'profiles',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    familyName: text('family_name').notNull(),
    givenName: text('given_name').notNull(),
    familyNameKana: text('family_name_kana'),
    givenNameKana: text('given_name_kana'),
    familyNameRomaji: text('family_name_romaji'),
    givenNameRomaji: text('given_name_romaji'),
    employeeNumber: text('employee_number').unique(),
    joinedOn: date('joined_on', { mode: 'string' }),
    leftOn: date('left_on', { mode: 'string' }),
    departments: text('departments').array().notNull().default(sql`'{}'`),
    lastTitle: text('last_title'),
    office: text('office'),
    companyCountry: text('company_country'),
    currentEmployer: text('current_employer'),
    currentTitle: text('current_title'),
    industry: text('industry'),
    location: text('location'),
    country: text('country'),
    languages: text('languages').array().notNull().default(sql`'{}'`),
    skills: text('skills').array().notNull().default(sql`'{}'`),
    bio: text('bio'),
    links: jsonb('links').$type<{ label: string; url: string }[]>().notNull().default([]),
    openToReturn: boolean('open_to_return').notNull().default(false),
    sideWork: boolean('side_work').notNull().default(false),
    mentoring: boolean('mentoring').notNull().default(false),
    speaking: boolean('speaking').notNull().default(false),
    /** Who may see this member's list of connections (issue 12): everyone, connections, only me. */
    connectionsVisibility: text('connections_visibility', { enum: ['members', 'connections', 'only_me'] })
      .notNull()
      .default('members'),
    /** Chosen visibility per field; a missing key means the default in common/profile-visibility. */
    visibility: jsonb('visibility').$type<VisibilityMap>().notNull().default({}),
    /**
     * Copies of users.role and users.status = 'active', kept in sync by a trigger (migration 0002),
     * so the directory never joins users: a join per match cost more than the search itself.
     */
    role: text('role', { enum: ['alumni', 'employee', 'leaver', 'alumni_manager', 'admin'] }).notNull(),
    isActive: boolean('is_active').notNull().default(true),
    /**
     * Fields not visible to the alumni tier / the employees tier, computed at write time with the
     * search columns. Array statistics give the planner real selectivities for visibility checks.
     */
    hiddenFromMembers: text('hidden_from_members')
      .array()
      .$type<ProfileField[]>()
      .notNull()
      .default(sql`'{}'`),
    hiddenFromEmployees: text('hidden_from_employees')
      .array()
      .$type<ProfileField[]>()
      .notNull()
      .default(sql`'{}'`),
    /**
     * Purposes the member currently consents to (copy of the latest consent_events per purpose).
     * The directory lists only members with 'directory' here; rehire lists need 'rehiring'.
     */
    consents: text('consents')
      .array()
      .$type<('directory' | 'rehiring' | 'business' | 'newsletter' | 'events')[]>()
      .notNull()
      .default(sql`'{}'`),
    /** Freshness: when the member last confirmed or edited their current position. */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().default(sql`now()`),
    /** When we last asked "still at X as Y?" (in-app and by email). */
    freshnessAskedAt: timestamp('freshness_asked_at', { withTimezone: true }),
    /** Romaji "family given", lower-cased: the name sort key (stable across scripts). */
    sortName: text('sort_name').notNull(),
    /** Normalised names (kanji, kana, romaji), always visible: used for relevance. */
    searchName: text('search_name').notNull(),
    searchMembers: text('search_members').notNull(),
    searchEmployees: text('search_employees').notNull(),
    searchAdmins: text('search_admins').notNull(),
    gramsMembers: text('grams_members').array().notNull(),
    gramsEmployees: text('grams_employees').array().notNull(),
    gramsAdmins: text('grams_admins').array().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    // One number however it is typed: D000004 = d000004 = Ｄ０００００４ (decision 028).
    uniqueIndex('profiles_employee_number_folded').on(
      sql`upper(normalize(btrim(${t.employeeNumber}), NFKC))`,
    ),
    index('profiles_sort_name_idx').on(t.sortName, t.userId),
    index('profiles_role_idx').on(t.role),
    // Names are visible to every tier: one index serves the directory's name-hit phase (decision 005).
    index('profiles_search_name_trgm').using('gin', sql`${t.searchName} gin_trgm_ops`),
    index('profiles_search_members_trgm').using('gin', sql`${t.searchMembers} gin_trgm_ops`),
    index('profiles_search_employees_trgm').using('gin', sql`${t.searchEmployees} gin_trgm_ops`),
    index('profiles_search_admins_trgm').using('gin', sql`${t.searchAdmins} gin_trgm_ops`),
    index('profiles_grams_members_gin').using('gin', t.gramsMembers),
    index('profiles_grams_employees_gin').using('gin', t.gramsEmployees),
    index('profiles_grams_admins_gin').using('gin', t.gramsAdmins),
    index('profiles_skills_gin').using('gin', t.skills),
    index('profiles_departments_gin').using('gin', t.departments),
    index('profiles_country_idx').on(t.country),
    index('profiles_industry_idx').on(t.industry),
    index('profiles_confirmed_idx').on(t.confirmedAt),
  ],
);
