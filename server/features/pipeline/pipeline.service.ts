import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { todayIn } from '#common/dates';
import type { HireInputSchema, PipelineBoardQuery, PipelineCsvQuery } from '#common/pipeline';
import {
  JOBS_TIME_ZONE,
  PIPELINE_SOURCES,
  PIPELINE_STAGES,
  type PipelineSource,
  type PipelineStage,
} from '#common/rehiring-reference';
import { tokenizeQuery } from '#common/search-text';
import type { Db } from '#server/db/client';
import {
  atsExports,
  auditEvents,
  hires,
  hrRecords,
  jobs,
  leaverCases,
  pipelineCards,
  pipelineNotes,
  profiles,
  referrals,
  returnInterests,
  users,
} from '#server/db/schema/index';
import { buildSearchColumns } from '#server/features/members/member-search';
import { getVisibilityLimits } from '#server/features/members/members.service';
import { consentedSql } from '#server/lib/access/consented';
import type { Viewer } from '#server/lib/access/policy';
import type { AppDeps } from '#server/lib/deps';
import { AppError, notFound } from '#server/lib/errors';
import type { DomainListener } from '#server/lib/hooks';

type Deps = Pick<AppDeps, 'db' | 'clock'>;
/** Inside a transaction: `db` is the transaction, `hooks` what the pipeline announces. */
type TxDeps = Pick<AppDeps, 'db' | 'hooks'>;
type HireInput = z.infer<typeof HireInputSchema>;

export type CardSource =
  | { source: 'interest'; interestId: string; userId: string; jobId: string | null }
  | { source: 'referral'; referralId: string; userId: string | null; jobId: string | null };

/**
 * Puts a return interest or a consented referral on HR's rehiring board, once: a second call for
 * the same source returns the existing card (the source column is unique), so a repeated or
 * concurrent request never makes two cards. Run it inside the caller's transaction.
 */
export async function openPipelineCard(
  tx: Db,
  input: CardSource,
  { actorId, now }: { actorId: string | null; now: Date },
): Promise<{ id: string; created: boolean }> {
  const id = randomUUID();
  const sourceColumn = input.source === 'interest' ? pipelineCards.interestId : pipelineCards.referralId;
  const sourceId = input.source === 'interest' ? input.interestId : input.referralId;
  const [inserted] = await tx
    .insert(pipelineCards)
    .values({
      id,
      source: input.source,
      interestId: input.source === 'interest' ? input.interestId : null,
      referralId: input.source === 'referral' ? input.referralId : null,
      userId: input.userId,
      jobId: input.jobId,
      stage: 'interested',
      stageChangedAt: now,
      createdAt: now,
    })
    .onConflictDoNothing({ target: sourceColumn })
    .returning({ id: pipelineCards.id });
  if (inserted) {
    await tx.insert(auditEvents).values({
      actorId,
      action: 'pipeline_card.opened',
      subjectType: 'pipeline_card',
      subjectId: id,
      data: { source: input.source, sourceId, jobId: input.jobId },
      createdAt: now,
    });
    return { id, created: true };
  }
  const [existing] = await tx
    .select({ id: pipelineCards.id })
    .from(pipelineCards)
    .where(eq(sourceColumn, sourceId));
  if (!existing) throw new Error(`pipeline card for ${input.source} ${sourceId} vanished`);
  return { id: existing.id, created: false };
}

/**
 * The stage of the card of each given referral (for the referrer's coarse status). Referrals
 * without a card (no consent yet) are absent from the map.
 */
export async function cardStagesForReferrals(
  db: Db,
  referralIds: string[],
): Promise<Map<string, PipelineStage>> {
  if (referralIds.length === 0) return new Map();
  const rows = await db
    .select({ referralId: pipelineCards.referralId, stage: pipelineCards.stage })
    .from(pipelineCards)
    .where(inArray(pipelineCards.referralId, referralIds));
  return new Map(rows.flatMap((r) => (r.referralId ? [[r.referralId, r.stage] as const] : [])));
}

/** Why a hire that had not started was cancelled (the `reason` of its audit row). */
export type HireCancelReason = 'interest_withdrawn' | 'consent_withdrawn' | 'erased';

/**
 * Cancels the hire on each given card that has not started (run it in the caller's transaction;
 * the cards are locked first). A hire HR recorded for a person who left the board — they withdrew
 * the interest or the consent, or erased their account — must never make them an employee, nor
 * count in the hire figures or keep a referrer's reward due: the hire row is deleted, a referral's
 * eligible reward goes back to `none` (`revokeReferralReward`), and `hire.cancelled` is audited
 * with ids and codes only. The card leaves "rehired" for "not now", so a renewed interest finds it
 * in an ordinary column. Hires that started stay. Returns the ids of the cancelled hires.
 *
 * For an erasure (`reason: 'erased'`) the audit row holds the reason alone and the card is not
 * moved: the card is deleted in the same transaction, and nothing may tie the cancelled hire to
 * it or to the referral afterwards (decision 020).
 */
export async function cancelPendingHiresOfCards(
  { db: tx, hooks }: TxDeps,
  { cardIds, now, reason }: { cardIds: string[]; now: Date; reason: HireCancelReason },
): Promise<{ cancelledHireIds: string[] }> {
  if (cardIds.length === 0) return { cancelledHireIds: [] };
  const cards = await tx
    .select({
      id: pipelineCards.id,
      stage: pipelineCards.stage,
      interestId: pipelineCards.interestId,
      referralId: pipelineCards.referralId,
    })
    .from(pipelineCards)
    .where(inArray(pipelineCards.id, cardIds))
    .orderBy(asc(pipelineCards.id))
    .for('update');
  const cancelledHireIds: string[] = [];
  for (const card of cards) {
    const [hire] = await tx
      .delete(hires)
      .where(and(eq(hires.cardId, card.id), isNull(hires.startedAt)))
      .returning({ id: hires.id });
    if (!hire) continue;
    cancelledHireIds.push(hire.id);
    await hooks.hireCancelled(tx, {
      hireId: hire.id,
      cardId: card.id,
      referralId: card.referralId,
      reason,
      now,
    });
    const isErasure = reason === 'erased';
    const source = card.interestId ? { interestId: card.interestId } : { referralId: card.referralId };
    await tx.insert(auditEvents).values({
      actorId: null,
      action: 'hire.cancelled',
      subjectType: 'hire',
      subjectId: hire.id,
      data: isErasure ? { reason } : { cardId: card.id, ...source, reason },
      createdAt: now,
    });
    if (card.stage === 'rehired' && !isErasure) {
      await tx
        .update(pipelineCards)
        .set({ stage: 'not_now', stageChangedAt: now, stageChangedBy: null })
        .where(eq(pipelineCards.id, card.id));
      await tx.insert(auditEvents).values({
        actorId: null,
        action: 'pipeline_card.moved',
        subjectType: 'pipeline_card',
        subjectId: card.id,
        data: { from: 'rehired', to: 'not_now', reason, cancelledHireId: hire.id },
        createdAt: now,
      });
    }
  }
  return { cancelledHireIds };
}

/**
 * The person withdrew what a card stands for — their interest (return-interests, after the
 * member's profile row is locked) or, as a referred candidate, their consent (referrals) — in that
 * withdrawal's transaction: the card leaves HR's board at once, so a hire HR recorded on it that
 * has not started is cancelled with it (`cancelPendingHiresOfCards`: an eligible reward is
 * revoked). Nothing happens for a card without a hire, or one whose hire already started.
 */
export async function cancelPendingHireOfSource(
  deps: TxDeps,
  source: ({ interestId: string } | { referralId: string }) & { now: Date },
): Promise<{ cancelledHireId: string | null }> {
  const tx = deps.db;
  const { now } = source;
  const isInterest = 'interestId' in source;
  const [card] = await tx
    .select({ id: pipelineCards.id })
    .from(pipelineCards)
    .where(
      isInterest
        ? eq(pipelineCards.interestId, source.interestId)
        : eq(pipelineCards.referralId, source.referralId),
    );
  if (!card) return { cancelledHireId: null };
  const reason = isInterest ? 'interest_withdrawn' : 'consent_withdrawn';
  const { cancelledHireIds } = await cancelPendingHiresOfCards(deps, { cardIds: [card.id], now, reason });
  return { cancelledHireId: cancelledHireIds[0] ?? null };
}

/**
 * The member withdrew their consent to rehiring contact (consents, in its transaction): their
 * interest cards leave HR's board at once, so a hire HR recorded on one of them and not yet
 * started is cancelled too — otherwise granting consent again later would bring back a hire whose
 * start day may have passed. Hires that started stay.
 */
export async function cancelPendingHiresOfMember(
  deps: TxDeps,
  { userId, now }: { userId: string; now: Date },
): Promise<{ cancelledHireIds: string[] }> {
  const pending = await deps.db
    .select({ cardId: pipelineCards.id })
    .from(hires)
    .innerJoin(pipelineCards, eq(pipelineCards.id, hires.cardId))
    .where(
      and(eq(pipelineCards.userId, userId), isNotNull(pipelineCards.interestId), isNull(hires.startedAt)),
    );
  return cancelPendingHiresOfCards(deps, {
    cardIds: pending.map((p) => p.cardId),
    now,
    reason: 'consent_withdrawn',
  });
}

/** Listens to consents (server/hooks.ts): rehiring contact withdrawn → `cancelPendingHiresOfMember`. */
export const cancelHiresOnConsentWithdrawn: DomainListener<'consentWithdrawn'> = async (
  tx,
  { userId, purposes, now },
  hooks,
) => {
  if (purposes.includes('rehiring')) await cancelPendingHiresOfMember({ db: tx, hooks }, { userId, now });
};

/**
 * A withdrawn interest was raised again (return-interests, in its transaction): its card comes
 * back as a fresh "interested" card rather than in the column HR left it in — unless it is
 * "rehired" (a hire that started stays a hire). Who moved it is nobody (`stageChangedBy` null);
 * the audit row says why. Returns whether the card moved.
 */
export async function reopenPipelineCard(
  tx: Db,
  { interestId }: { interestId: string },
  { now }: { now: Date },
): Promise<{ moved: boolean }> {
  const [card] = await tx
    .select({ id: pipelineCards.id, stage: pipelineCards.stage })
    .from(pipelineCards)
    .where(eq(pipelineCards.interestId, interestId))
    .for('update');
  if (!card || card.stage === 'interested' || card.stage === 'rehired') return { moved: false };
  await tx
    .update(pipelineCards)
    .set({ stage: 'interested', stageChangedAt: now, stageChangedBy: null })
    .where(eq(pipelineCards.id, card.id));
  await tx.insert(auditEvents).values({
    actorId: null,
    action: 'pipeline_card.moved',
    subjectType: 'pipeline_card',
    subjectId: card.id,
    data: { from: card.stage, to: 'interested', reason: 'interest_renewed' },
    createdAt: now,
  });
  return { moved: true };
}

// ---- who is on the board -----------------------------------------------------------------------

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

/** One visible card, or a 404 (for HR and for the ATS worker acting for HR alike). */
export async function findVisibleCard(db: Db, id: string): Promise<CardRow> {
  const [row] = await selectCards(db, { filters: { id } });
  if (!row) throw notFound();
  return row;
}

/** Is the card on the board for HR right now? (The cheap check before a write.) */
async function requireVisibleCardId(db: Db, id: string) {
  const [row] = await db
    .select({ id: pipelineCards.id })
    .from(pipelineCards)
    .leftJoin(returnInterests, eq(returnInterests.id, pipelineCards.interestId))
    .leftJoin(referrals, eq(referrals.id, pipelineCards.referralId))
    .leftJoin(profiles, eq(profiles.userId, pipelineCards.userId))
    .where(and(eq(pipelineCards.id, id), cardVisibleSql()));
  if (!row) throw notFound();
}

// ---- the card's page ---------------------------------------------------------------------------

const noteAuthor = alias(users, 'note_author');

export interface CardExtras {
  notes: {
    id: string;
    body: string;
    authorId: string | null;
    authorName: string | null;
    createdAt: Date;
  }[];
  events: {
    action: string;
    data: Record<string, unknown>;
    actorId: string | null;
    actorName: string | null;
    createdAt: Date;
  }[];
  hire: (typeof hires.$inferSelect & { recordedByName: string | null }) | null;
  exports: (typeof atsExports.$inferSelect & { actorName: string | null })[];
}

/** Notes, stage history (from the audit log), the hire and the ATS exports of a card. */
export async function loadCardExtras(db: Db, cardId: string): Promise<CardExtras> {
  const notes = await db
    .select({
      id: pipelineNotes.id,
      body: pipelineNotes.body,
      authorId: pipelineNotes.authorId,
      authorName: noteAuthor.name,
      createdAt: pipelineNotes.createdAt,
    })
    .from(pipelineNotes)
    .leftJoin(noteAuthor, eq(noteAuthor.id, pipelineNotes.authorId))
    .where(eq(pipelineNotes.cardId, cardId))
    .orderBy(asc(pipelineNotes.createdAt), asc(pipelineNotes.id));
  const events = await db
    .select({
      action: auditEvents.action,
      data: auditEvents.data,
      actorId: auditEvents.actorId,
      actorName: noteAuthor.name,
      createdAt: auditEvents.createdAt,
    })
    .from(auditEvents)
    .leftJoin(noteAuthor, eq(noteAuthor.id, auditEvents.actorId))
    .where(
      and(
        eq(auditEvents.subjectType, 'pipeline_card'),
        eq(auditEvents.subjectId, cardId),
        inArray(auditEvents.action, ['pipeline_card.opened', 'pipeline_card.moved']),
      ),
    )
    .orderBy(asc(auditEvents.id));
  const [hire] = await db
    .select({ hire: hires, recordedByName: noteAuthor.name })
    .from(hires)
    .leftJoin(noteAuthor, eq(noteAuthor.id, hires.recordedBy))
    .where(eq(hires.cardId, cardId));
  const exports = await db
    .select({ row: atsExports, actorName: noteAuthor.name })
    .from(atsExports)
    .leftJoin(noteAuthor, eq(noteAuthor.id, atsExports.actorId))
    .where(eq(atsExports.cardId, cardId))
    .orderBy(desc(atsExports.createdAt), desc(atsExports.id))
    .limit(50);
  return {
    notes,
    events,
    hire: hire ? { ...hire.hire, recordedByName: hire.recordedByName } : null,
    exports: exports.map((e) => ({ ...e.row, actorName: e.actorName })),
  };
}

/** A card's page for HR; opening it is written to the audit log (ids only). */
export async function getCardDetail(
  deps: Deps,
  viewer: Viewer,
  id: string,
  options: { audit?: boolean } = {},
) {
  const { db, clock } = deps;
  const row = await findVisibleCard(db, id);
  if (options.audit) {
    await db.insert(auditEvents).values({
      actorId: viewer.id,
      action: 'pipeline_card.viewed',
      subjectType: 'pipeline_card',
      subjectId: id,
      data: { userId: row.card.userId },
      createdAt: clock.now(),
    });
  }
  return { row, extras: await loadCardExtras(db, id) };
}

// ---- moves and hires ---------------------------------------------------------------------------

/** Whether the hire's start day has come in its own zone (or the start job already ran). */
export function hireHasStarted(
  hire: { startOn: string; timeZone: string; startedAt: Date | null },
  now: Date,
) {
  return hire.startedAt !== null || todayIn(hire.timeZone, now) >= hire.startOn;
}

/** The person's most recent exit case id (not cancelled), for the hire row. */
async function latestExitCaseId(db: Db, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [row] = await db
    .select({ id: leaverCases.id })
    .from(leaverCases)
    .where(and(eq(leaverCases.userId, userId), ne(leaverCases.status, 'cancelled')))
    .orderBy(desc(leaverCases.lastDay), desc(leaverCases.createdAt))
    .limit(1);
  return row?.id ?? null;
}

/**
 * Moves a card (decision 017). One transaction: the stage, who and when, an audit row
 * `pipeline_card.moved` {from, to}. "rehired" records the hire (and, for a referral, makes the
 * referrer's reward eligible). Leaving "rehired" is allowed only before the start day and only
 * for interest cards (the hire row is deleted); once started — or for a referral, whose reward
 * cannot be withdrawn yet — it is a 409. Moving to the same stage changes nothing.
 */
export async function moveCard(
  deps: Pick<AppDeps, 'db' | 'clock' | 'hooks'>,
  viewer: Viewer,
  id: string,
  input: { stage: PipelineStage; hire?: HireInput },
): Promise<{ changed: boolean }> {
  const { db, clock } = deps;
  const now = clock.now();
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    // Lock first, then check visibility: a withdrawal (which locks the card too) either committed
    // before — a 404 — or waits and then cancels the hire recorded here.
    const [card] = await tx.select().from(pipelineCards).where(eq(pipelineCards.id, id)).for('update');
    if (!card) throw notFound();
    await requireVisibleCardId(tx, id);
    if (card.stage === input.stage) return { changed: false };

    const [existingHire] = await tx.select().from(hires).where(eq(hires.cardId, id));
    let cancelledHireId: string | null = null;
    if (existingHire) {
      if (hireHasStarted(existingHire, now)) throw new AppError('conflict', 'error.pipeline_hire_started');
      if (card.source === 'referral') throw new AppError('conflict', 'error.pipeline_referral_hire_final');
      await tx.delete(hires).where(eq(hires.id, existingHire.id));
      cancelledHireId = existingHire.id;
    }

    let hireId: string | null = null;
    if (input.stage === 'rehired') {
      const hire = input.hire;
      if (!hire) {
        throw new AppError('bad_request', 'error.bad_request', { hire: ['kz.pipelineHireRequired'] });
      }
      hireId = randomUUID();
      await tx.insert(hires).values({
        id: hireId,
        cardId: id,
        source: card.source,
        userId: card.userId,
        jobId: card.jobId,
        leaverCaseId: await latestExitCaseId(tx, card.userId),
        roleTitle: hire.roleTitle,
        department: hire.department ?? null,
        startOn: hire.startOn,
        timeZone: hire.timeZone,
        recordedBy: viewer.id,
        createdAt: now,
      });
      const referralId = card.source === 'referral' ? card.referralId : null;
      await deps.hooks.hired(tx, { hireId, cardId: id, referralId, now });
    }

    await tx
      .update(pipelineCards)
      .set({ stage: input.stage, stageChangedAt: now, stageChangedBy: viewer.id })
      .where(eq(pipelineCards.id, id));
    await tx.insert(auditEvents).values({
      actorId: viewer.id,
      action: 'pipeline_card.moved',
      subjectType: 'pipeline_card',
      subjectId: id,
      data: {
        from: card.stage,
        to: input.stage,
        ...(hireId ? { hireId } : {}),
        ...(cancelledHireId ? { cancelledHireId } : {}),
      },
      createdAt: now,
    });
    return { changed: true };
  });
}

/** HR adds a note to a visible card. */
export async function addNote(deps: Deps, viewer: Viewer, cardId: string, body: string) {
  const { db, clock } = deps;
  const now = clock.now();
  const noteId = randomUUID();
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await requireVisibleCardId(tx, cardId);
    await tx.insert(pipelineNotes).values({ id: noteId, cardId, authorId: viewer.id, body, createdAt: now });
    await tx.insert(auditEvents).values({
      actorId: viewer.id,
      action: 'pipeline_note.added',
      subjectType: 'pipeline_card',
      subjectId: cardId,
      data: { noteId },
      createdAt: now,
    });
  });
  return {
    id: noteId,
    body,
    authorId: viewer.id,
    authorName: viewer.displayName,
    createdAt: now,
  };
}

// ---- the start day -----------------------------------------------------------------------------

/**
 * Every hire whose start day has come in its own zone makes its member an employee again — only
 * while its card is on the board (`cardVisibleSql`): a hire HR can no longer see (the member
 * withdrew the interest or the rehiring consent, or the account was deactivated) never changes
 * anyone's role. One transaction per hire; only hires not started yet move, so re-runs are
 * harmless. Sessions are not touched: the viewer is re-read on every request.
 */
export async function runPipelineStart(deps: Deps): Promise<{ started: number }> {
  const now = deps.clock.now();
  // Any zone is at most 14 hours ahead of UTC: hires starting after tomorrow (UTC) cannot be due.
  const tomorrowUtc = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  const candidates = await deps.db
    .select({ id: hires.id, startOn: hires.startOn, timeZone: hires.timeZone })
    .from(hires)
    .innerJoin(pipelineCards, eq(pipelineCards.id, hires.cardId))
    .leftJoin(returnInterests, eq(returnInterests.id, pipelineCards.interestId))
    .leftJoin(referrals, eq(referrals.id, pipelineCards.referralId))
    .leftJoin(profiles, eq(profiles.userId, pipelineCards.userId))
    .where(
      and(
        isNull(hires.startedAt),
        isNotNull(hires.userId),
        lte(hires.startOn, tomorrowUtc),
        cardVisibleSql(),
      ),
    );
  let started = 0;
  for (const hire of candidates) {
    if (todayIn(hire.timeZone, now) < hire.startOn) continue;
    if (await startHire(deps.db, hire.id, now)) started += 1;
  }
  return { started };
}

/**
 * Starts one hire if it has not started and its card is on the board (false otherwise): an
 * alumnus becomes `employee` (profiles.role follows through the users trigger); someone already
 * employed keeps their role. The profile stops describing a leaver — no last day, no outside
 * employer — so cooling-off and competitor rules meant for alumni no longer apply to them; the
 * new role title and department become current.
 *
 * The member's profile row is locked first — as `withdrawInterest` and `recordConsents` do — so
 * a withdrawal or a consent change either committed before the visibility check below or waits
 * until the hire has started.
 */
export async function startHire(db: Db, hireId: string, now: Date): Promise<boolean> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [target] = await tx.select({ userId: hires.userId }).from(hires).where(eq(hires.id, hireId));
    if (!target?.userId) return false;
    await tx
      .select({ userId: profiles.userId })
      .from(profiles)
      .where(eq(profiles.userId, target.userId))
      .for('update');
    const [visible] = await tx
      .select({ hire: hires })
      .from(hires)
      .innerJoin(pipelineCards, eq(pipelineCards.id, hires.cardId))
      .leftJoin(returnInterests, eq(returnInterests.id, pipelineCards.interestId))
      .leftJoin(referrals, eq(referrals.id, pipelineCards.referralId))
      .leftJoin(profiles, eq(profiles.userId, pipelineCards.userId))
      .where(and(eq(hires.id, hireId), isNull(hires.startedAt), cardVisibleSql()))
      .for('update', { of: hires });
    const hire = visible?.hire;
    if (!hire?.userId) return false;
    const [user] = await tx
      .update(users)
      .set({ role: 'employee', updatedAt: now })
      .where(and(eq(users.id, hire.userId), eq(users.role, 'alumni')))
      .returning({ id: users.id, email: users.email });
    if (user) {
      const [profile] = await tx.select().from(profiles).where(eq(profiles.userId, user.id));
      if (profile) {
        const departments = hire.department
          ? [hire.department, ...profile.departments.filter((d) => d !== hire.department)]
          : profile.departments;
        const next = {
          ...profile,
          leftOn: null,
          currentEmployer: null,
          currentTitle: null,
          industry: null,
          openToReturn: false,
          lastTitle: hire.roleTitle,
          departments,
        };
        const limits = await getVisibilityLimits({ db: tx });
        await tx
          .update(profiles)
          .set({
            leftOn: null,
            currentEmployer: null,
            currentTitle: null,
            industry: null,
            openToReturn: false,
            lastTitle: hire.roleTitle,
            departments,
            ...buildSearchColumns({ ...next, email: user.email }, limits),
            updatedAt: now,
          })
          .where(eq(profiles.userId, user.id));
      }
    }
    await tx.update(hires).set({ startedAt: now }).where(eq(hires.id, hire.id));
    await tx.insert(auditEvents).values({
      actorId: null,
      action: 'member.rehired',
      subjectType: 'user',
      subjectId: hire.userId,
      data: { hireId: hire.id, cardId: hire.cardId, roleChanged: Boolean(user) },
      createdAt: now,
    });
    return true;
  });
}

// ---- analytics ---------------------------------------------------------------------------------

/**
 * Figures for human-capital reporting: hires by year (of the start day) and source, this year's
 * count, visible cards per stage, and conversion (cards ever opened vs hires). Counts only. Hires
 * of erased people are counted from their anonymised rows (decision 020).
 */
export async function getStats(deps: Deps) {
  const { db, clock } = deps;
  const now = clock.now();
  const year = Number(todayIn(JOBS_TIME_ZONE, now).slice(0, 4));
  const byYear = await db
    .select({
      year: sql<number>`extract(year from ${hires.startOn})::int`,
      source: hires.source,
      count: sql<number>`count(*)::int`,
    })
    .from(hires)
    .groupBy(sql`1`, hires.source);
  const years = new Map<number, { year: number; interest: number; referral: number; total: number }>();
  for (const r of byYear) {
    const y = Number(r.year);
    const entry = years.get(y) ?? { year: y, interest: 0, referral: 0, total: 0 };
    entry[r.source] += Number(r.count);
    entry.total += Number(r.count);
    years.set(y, entry);
  }
  const hiresByYear = [...years.values()].sort((a, b) => b.year - a.year);
  const current = years.get(year) ?? { year, interest: 0, referral: 0, total: 0 };

  const stageRows = await db
    .select({ stage: pipelineCards.stage, count: sql<number>`count(*)::int` })
    .from(pipelineCards)
    .leftJoin(returnInterests, eq(returnInterests.id, pipelineCards.interestId))
    .leftJoin(referrals, eq(referrals.id, pipelineCards.referralId))
    .leftJoin(profiles, eq(profiles.userId, pipelineCards.userId))
    .where(cardVisibleSql())
    .groupBy(pipelineCards.stage);
  const openByStage = Object.fromEntries(PIPELINE_STAGES.map((s) => [s, 0])) as Record<PipelineStage, number>;
  for (const r of stageRows) openByStage[r.stage] = Number(r.count);

  // A hire whose person was erased keeps its row without its card (decision 020): it still
  // counts as hired, and as the card it came from, so erasure does not move the rate.
  const cardRows = await db
    .select({ source: pipelineCards.source, cards: sql<number>`count(*)::int` })
    .from(pipelineCards)
    .groupBy(pipelineCards.source);
  const hireRows = await db
    .select({
      source: hires.source,
      hired: sql<number>`count(*)::int`,
      withoutCard: sql<number>`count(*) filter (where ${hires.cardId} is null)::int`,
    })
    .from(hires)
    .groupBy(hires.source);
  const bySource = Object.fromEntries(PIPELINE_SOURCES.map((s) => [s, { cards: 0, hired: 0 }])) as Record<
    PipelineSource,
    { cards: number; hired: number }
  >;
  for (const r of cardRows) bySource[r.source].cards += Number(r.cards);
  for (const r of hireRows) {
    bySource[r.source].cards += Number(r.withoutCard);
    bySource[r.source].hired += Number(r.hired);
  }
  const cards = bySource.interest.cards + bySource.referral.cards;
  const hired = bySource.interest.hired + bySource.referral.hired;
  return {
    year,
    thisYear: { total: current.total, interest: current.interest, referral: current.referral },
    hiresByYear,
    openByStage,
    conversion: { cards, hired, rate: cards === 0 ? 0 : hired / cards, bySource },
  };
}

// ---- hand-off to the applicant tracking system ---------------------------------------------------

export type AtsExportRow = typeof atsExports.$inferSelect;

/** Queues a webhook export of a visible card (the body is built when it is sent). */
export async function queueAtsWebhook(deps: Deps, viewer: Viewer, cardId: string): Promise<AtsExportRow> {
  const { db, clock } = deps;
  const now = clock.now();
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await requireVisibleCardId(tx, cardId);
    const [row] = await tx
      .insert(atsExports)
      .values({
        id: randomUUID(),
        cardId,
        kind: 'webhook',
        status: 'queued',
        data: { cardId },
        actorId: viewer.id,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await tx.insert(auditEvents).values({
      actorId: viewer.id,
      action: 'ats_export.webhook',
      subjectType: 'pipeline_card',
      subjectId: cardId,
      data: { exportId: row.id },
      createdAt: now,
    });
    return row;
  });
}

/** Records a CSV hand-off (of the board or of one card): an ats_exports row and an audit row. */
export async function recordCsvExport(
  deps: Deps,
  viewer: Viewer,
  { cardId, count, filters }: { cardId: string | null; count: number; filters: Partial<PipelineCsvQuery> },
) {
  const { db, clock } = deps;
  const now = clock.now();
  // Ids and codes only: a name fragment typed into the search is personal data, so only its presence.
  const data = {
    count,
    ...(cardId ? { cardId } : {}),
    ...(filters.stage ? { stage: filters.stage } : {}),
    ...(filters.jobId ? { jobId: filters.jobId } : {}),
    ...(filters.source ? { source: filters.source } : {}),
    ...(filters.q ? { nameFilter: true } : {}),
  };
  await db.transaction(async (tx) => {
    const id = randomUUID();
    await tx.insert(atsExports).values({
      id,
      cardId,
      kind: 'csv',
      status: 'delivered',
      attempts: 1,
      data,
      actorId: viewer.id,
      deliveredAt: now,
      createdAt: now,
    });
    await tx.insert(auditEvents).values({
      actorId: viewer.id,
      action: 'ats_export.csv',
      subjectType: cardId ? 'pipeline_card' : 'pipeline',
      subjectId: cardId,
      data: { exportId: id, ...data },
      createdAt: now,
    });
  });
}

/** Everything matching a CSV export's filters (no per-column cap). */
export async function selectCardsForCsv(deps: Deps, filters: PipelineCsvQuery) {
  return selectCards(deps.db, {
    filters: {
      ...(filters.jobId ? { jobId: filters.jobId } : {}),
      ...(filters.source ? { source: filters.source } : {}),
      ...(filters.q ? { q: filters.q } : {}),
      ...(filters.stage ? { stage: filters.stage } : {}),
    },
    cap: 100_000,
  });
}
