/** Hires: recording one by moving a card, cancelling one that has not started, and the start job. */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { todayIn } from '#common/dates';
import type { HireInputSchema } from '#common/pipeline';
import type { PipelineStage } from '#common/rehiring-reference';
import type { Db } from '#server/db/client';
import {
  hires,
  leaverCases,
  pipelineCards,
  profiles,
  referrals,
  returnInterests,
  users,
} from '#server/db/schema/index';
import { buildSearchColumns } from '#server/features/members/member-search';
import { getVisibilityLimits } from '#server/features/members/members.service';
import type { Viewer } from '#server/lib/access/policy';
import { audit } from '#server/lib/audit';
import type { AppDeps } from '#server/lib/deps';
import { AppError, notFound } from '#server/lib/errors';
import type { DomainListener } from '#server/lib/hooks';

import { cardVisibleSql } from './pipeline.board';
import { requireVisibleCardId } from './pipeline.cards';

type Deps = Pick<AppDeps, 'db' | 'clock'>;
/** Inside a transaction: `db` is the transaction, `hooks` what the pipeline announces. */
type TxDeps = Pick<AppDeps, 'db' | 'hooks'>;
type HireInput = z.infer<typeof HireInputSchema>;

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
    await audit(tx, {
      actorId: null,
      action: 'hire.cancelled',
      subjectType: 'hire',
      subjectId: hire.id,
      data: isErasure ? { reason } : { cardId: card.id, ...source, reason },
      at: now,
    });
    if (card.stage === 'rehired' && !isErasure) {
      await tx
        .update(pipelineCards)
        .set({ stage: 'not_now', stageChangedAt: now, stageChangedBy: null })
        .where(eq(pipelineCards.id, card.id));
      await audit(tx, {
        actorId: null,
        action: 'pipeline_card.moved',
        subjectType: 'pipeline_card',
        subjectId: card.id,
        data: { from: 'rehired', to: 'not_now', reason, cancelledHireId: hire.id },
        at: now,
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
  { viewer, id, ...input }: { viewer: Viewer; id: string; stage: PipelineStage; hire?: HireInput },
): Promise<{ changed: boolean }> {
  const { db, clock } = deps;
  const now = clock.now();
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    // Lock first, then check visibility: a withdrawal (which locks the card too) either committed
    // before — a 404 — or waits and then cancels the hire recorded here.
    const [card] = await tx.select().from(pipelineCards).where(eq(pipelineCards.id, id)).for('update');
    if (!card) throw notFound();
    await requireVisibleCardId(tx, { id });
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
    await audit(tx, {
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
      at: now,
    });
    return { changed: true };
  });
}

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
    if (await startHire(deps.db, { hireId: hire.id, now })) started += 1;
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
export async function startHire(db: Db, { hireId, now }: { hireId: string; now: Date }): Promise<boolean> {
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
    await audit(tx, {
      actorId: null,
      action: 'member.rehired',
      subjectType: 'user',
      subjectId: hire.userId,
      data: { hireId: hire.id, cardId: hire.cardId, roleChanged: Boolean(user) },
      at: now,
    });
    return true;
  });
}
