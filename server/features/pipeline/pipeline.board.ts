import { and, asc, desc, eq, lte, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { PipelineBoardQuery } from '#common/pipeline';
import type { PipelineStage } from '#common/rehiring-reference';
import { tokenizeQuery } from '#common/search-text';
import type { Db } from '#server/db/client';
import {
  hrRecords,
  jobs,
  leaverCases,
  pipelineCards,
  profiles,
  referrals,
  returnInterests,
  users,
} from '#server/db/schema/index';
import { consentedSql } from '#server/lib/access/consented';
import type { AppDeps } from '#server/lib/deps';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

/**
 * The visibility rule of the board (decision 017), as SQL over pipeline_cards left-joined with
 * its source (return_interests, referrals) and the member's profile: an interest card while the
 * interest is active, the member consents to rehiring contact and the account is active; a
 * referral card once the candidate consented. Every read of a card goes through it, so a
 * withdrawal hides the person from the very next request. "Active account" reads
 * `profiles.is_active`, the copy of users.status the users trigger keeps (decision 005), so the
 * rule needs one row per card besides its source — no users join.
 */
export function cardVisibleSql(): SQL {
  return sql`(
    (${pipelineCards.source} = 'interest' and ${returnInterests.status} = 'active'
      and ${consentedSql('rehiring')} and ${profiles.isActive})
    or (${pipelineCards.source} = 'referral' and ${referrals.status} = 'consented')
  )`;
}

const escapeLike = (token: string) => token.replace(/[\\%_]/g, (m) => `\\${m}`);

/** The board's filters as SQL (over the same joins as `cardVisibleSql`). */
function filtersSql(filters: PipelineBoardQuery & { stage?: PipelineStage; id?: string }): SQL[] {
  const conds: SQL[] = [];
  if (filters.id) conds.push(eq(pipelineCards.id, filters.id));
  if (filters.stage) conds.push(eq(pipelineCards.stage, filters.stage));
  if (filters.jobId) conds.push(eq(pipelineCards.jobId, filters.jobId));
  if (filters.source) conds.push(eq(pipelineCards.source, filters.source));
  for (const token of tokenizeQuery(filters.q)) {
    const like = `%${escapeLike(token)}%`;
    conds.push(sql`(
      ${profiles.searchName} like ${like}
      or lower(normalize(${users.name}, NFKC)) like ${like}
      or lower(normalize(${referrals.candidateName}, NFKC)) like ${like}
    )`);
  }
  return conds;
}

/** Column cap of the board: the most recently moved cards of each stage. */
export const BOARD_COLUMN_CAP = 200;

const referrer = alias(users, 'referrer');

/**
 * The member on the card. A lateral lookup by primary key (not a plain join) so the shown cards
 * are looked up one by one whatever the size of users: a plain join lets the planner hash the
 * whole table for a thousand rows.
 */
function personLateral(db: Db) {
  return db
    .select({
      personName: sql<string>`${users.name}`.as('person_name'),
      personEmail: sql<string>`${users.email}`.as('person_email'),
      personRole: sql<(typeof users.$inferSelect)['role']>`${users.role}`.as('person_role'),
    })
    .from(users)
    .where(eq(users.id, pipelineCards.userId))
    .limit(1)
    .as('person');
}

/** The person's record at the company: by member, else (a referred former employee) by email. */
function hrRecordLateral(db: Db) {
  return db
    .select({
      hrDepartments: sql<string[]>`${hrRecords.departments}`.as('hr_departments'),
      hrJoinedOn: sql<string | null>`${hrRecords.joinedOn}`.as('hr_joined_on'),
      hrLeftOn: sql<string | null>`${hrRecords.leftOn}`.as('hr_left_on'),
      hrLastTitle: sql<string | null>`${hrRecords.lastTitle}`.as('hr_last_title'),
      hrOffice: sql<string | null>`${hrRecords.office}`.as('hr_office'),
    })
    .from(hrRecords)
    .where(
      sql`(${pipelineCards.userId} is not null and ${hrRecords.userId} = ${pipelineCards.userId})
        or (${pipelineCards.userId} is null and ${referrals.candidateEmail} is not null and (
          lower(${hrRecords.personalEmail}) = lower(${referrals.candidateEmail})
          or lower(${hrRecords.workEmail}) = lower(${referrals.candidateEmail})))`,
    )
    .orderBy(sql`${hrRecords.leftOn} desc nulls last`)
    .limit(1)
    .as('hr');
}

/**
 * The person's most recent exit case (cancelled ones never happened). A narrow read of
 * leaver_cases: the exits feature has no per-person lookup, and the board needs it in its query.
 */
function exitCaseLateral(db: Db) {
  return db
    .select({
      caseId: sql<string>`${leaverCases.id}`.as('case_id'),
      caseEligibility: sql<
        'eligible' | 'not_eligible' | 'needs_review' | null
      >`${leaverCases.rehireEligibility}`.as('case_eligibility'),
      caseReason: sql<string | null>`${leaverCases.rehireReason}`.as('case_reason'),
      caseLastDay: sql<string>`${leaverCases.lastDay}`.as('case_last_day'),
    })
    .from(leaverCases)
    .where(and(eq(leaverCases.userId, pipelineCards.userId), ne(leaverCases.status, 'cancelled')))
    .orderBy(desc(leaverCases.lastDay), desc(leaverCases.createdAt))
    .limit(1)
    .as('lc');
}

export type CardRow = Awaited<ReturnType<typeof cardsQuery>>[number];

/**
 * The one board query: visible cards matching the filters with everything a card shows — the
 * person, their history (HR record, else profile), rehire eligibility from the latest exit case,
 * career since leaving, the source's details and the job. The job is joined by id alone: the
 * board is HR-only and HR sees every job (decision 016), including an alumni-only job posted by
 * another HR user. At most `cap` cards per stage, most recent move first.
 */
export function cardsQuery(
  db: Db,
  {
    filters = {},
    cap = BOARD_COLUMN_CAP,
  }: {
    filters?: PipelineBoardQuery & { stage?: PipelineStage; id?: string };
    cap?: number;
  } = {},
) {
  // Which cards, their rank in their column and the column's true count: the visibility rule is
  // evaluated for every card (one profile lookup each), everything else only for the ≤ cap per
  // column that are shown. users is joined here only when a name search needs it.
  const ranked = db
    .select({
      cardId: sql<string>`${pipelineCards.id}`.as('visible_card_id'),
      rn: sql<number>`row_number() over (partition by ${pipelineCards.stage} order by ${pipelineCards.stageChangedAt} desc, ${pipelineCards.id})`.as(
        'rn',
      ),
      stageCount: sql<number>`count(*) over (partition by ${pipelineCards.stage})`.as('stage_count'),
    })
    .from(pipelineCards)
    .leftJoin(returnInterests, eq(returnInterests.id, pipelineCards.interestId))
    .leftJoin(referrals, eq(referrals.id, pipelineCards.referralId))
    .leftJoin(profiles, eq(profiles.userId, pipelineCards.userId))
    .$dynamic();
  const visible = (
    tokenizeQuery(filters.q).length > 0 ? ranked.leftJoin(users, eq(users.id, pipelineCards.userId)) : ranked
  )
    .where(and(cardVisibleSql(), ...filtersSql(filters)))
    .as('visible');

  const person = personLateral(db);
  const hr = hrRecordLateral(db);
  const lc = exitCaseLateral(db);
  return db
    .select({
      card: pipelineCards,
      stageCount: visible.stageCount,
      personName: person.personName,
      personEmail: person.personEmail,
      personRole: person.personRole,
      profile: {
        departments: profiles.departments,
        joinedOn: profiles.joinedOn,
        leftOn: profiles.leftOn,
        lastTitle: profiles.lastTitle,
        office: profiles.office,
        currentEmployer: profiles.currentEmployer,
        currentTitle: profiles.currentTitle,
        industry: profiles.industry,
        location: profiles.location,
        skills: profiles.skills,
      },
      interest: {
        id: returnInterests.id,
        message: returnInterests.message,
        preferredRoles: returnInterests.preferredRoles,
        preferredLocations: returnInterests.preferredLocations,
        timing: returnInterests.timing,
        createdAt: returnInterests.createdAt,
      },
      referral: {
        id: referrals.id,
        candidateName: referrals.candidateName,
        candidateEmail: referrals.candidateEmail,
        reason: referrals.reason,
        referrerId: referrals.referrerId,
        consentedAt: referrals.consentedAt,
        createdAt: referrals.createdAt,
      },
      referrerName: referrer.name,
      job: {
        id: jobs.id,
        titleJa: jobs.titleJa,
        titleEn: jobs.titleEn,
        department: jobs.department,
        location: jobs.location,
      },
      hr: {
        departments: hr.hrDepartments,
        joinedOn: hr.hrJoinedOn,
        leftOn: hr.hrLeftOn,
        lastTitle: hr.hrLastTitle,
        office: hr.hrOffice,
      },
      exitCase: {
        id: lc.caseId,
        eligibility: lc.caseEligibility,
        reason: lc.caseReason,
        lastDay: lc.caseLastDay,
      },
    })
    .from(pipelineCards)
    .innerJoin(visible, eq(visible.cardId, pipelineCards.id))
    .leftJoin(returnInterests, eq(returnInterests.id, pipelineCards.interestId))
    .leftJoin(referrals, eq(referrals.id, pipelineCards.referralId))
    .leftJoinLateral(person, sql`true`)
    .leftJoin(profiles, eq(profiles.userId, pipelineCards.userId))
    .leftJoin(referrer, eq(referrer.id, referrals.referrerId))
    .leftJoin(jobs, eq(jobs.id, pipelineCards.jobId))
    .leftJoinLateral(hr, sql`true`)
    .leftJoinLateral(lc, sql`true`)
    .where(lte(visible.rn, cap))
    .orderBy(desc(pipelineCards.stageChangedAt), asc(pipelineCards.id));
}

/** Runs the board query (see `cardsQuery`). */
export async function selectCards(db: Db, options: Parameters<typeof cardsQuery>[1]): Promise<CardRow[]> {
  return cardsQuery(db, options);
}

/** The board: visible cards in stage columns (each capped), plus the jobs to filter by. */
export async function listBoard(deps: Deps, filters: PipelineBoardQuery) {
  return selectCards(deps.db, { filters });
}
