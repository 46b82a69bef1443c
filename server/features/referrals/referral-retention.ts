import { and, asc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { REFERRAL_CONSENT_MAIL_KIND } from '#common/mail';
import { REFERRAL_RETENTION_DAYS } from '#common/referrals';
import type { Db } from '#server/db/client';
import { hires, mailMessages, pipelineCards, pipelineNotes, referrals } from '#server/db/schema/index';
import { cancelPendingHiresOfCards } from '#server/features/pipeline/pipeline.hires';
import { audit } from '#server/lib/audit';
import type { AppDeps } from '#server/lib/deps';

const DAY_MS = 86_400_000;
/** Referrals per transaction: short locks on PGlite's single connection, few round trips at scale. */
export const REFERRAL_RETENTION_BATCH = 200;

/**
 * What redaction clears on a referral: everything about the candidate (name, email, the language
 * chosen for them, the referrer's reason) and the consent link's hash, so the link is dead. The
 * erasure of a candidate who is a member uses the same set (personal-data.ts). The row keeps its
 * referrer, job, status, dates and reward: the referrer's list and HR's counts stay true.
 */
export const REDACTED_CANDIDATE = {
  candidateName: null,
  candidateEmail: null,
  candidateLocale: null,
  reason: null,
  consentTokenHash: null,
  consentMailId: null,
} as const;

/** When a referral ended without consent: declined or withdrawn (`declined_at`), or lapsed. */
const closedAt = sql`coalesce(${referrals.declinedAt}, ${referrals.expiredAt})`;

export interface ReferralRetentionResult {
  redacted: number;
  mailsDeleted: number;
  notesDeleted: number;
  /** Hires on a withdrawn consent's card that had not started: cancelled, the reward revoked. */
  hiresCancelled: number;
  /** Hires on such a card that had started: kept, no longer linked to the member or their exit. */
  hiresUnlinked: number;
}

/**
 * The daily retention step for referrals (decision 020). A referral that ended without consent —
 * declined, consent withdrawn, or expired unanswered — more than REFERRAL_RETENTION_DAYS ago loses
 * the candidate's data: the columns of REDACTED_CANDIDATE, the consent emails sent for it, and,
 * for a withdrawn consent, HR's notes on its card and the card's link to a member — and the links
 * of a hire on that card: one that has not started is cancelled as a withdrawal cancels it (the
 * referrer's reward is no longer due), one that started loses its member and exit case. The only
 * later use of that data was the 7-day cooldown against asking the same person again.
 *
 * In batches of REFERRAL_RETENTION_BATCH, one transaction each (rows locked, skipping rows another
 * run holds), with an audit row of counts per batch — no ids of people, no values. Rows already
 * redacted are not selected, so a rerun or a second delivery of the job does nothing.
 */
export async function redactClosedReferrals(
  { db, clock, hooks }: Pick<AppDeps, 'db' | 'clock' | 'hooks'>,
  { batchSize = REFERRAL_RETENTION_BATCH }: { batchSize?: number } = {},
): Promise<ReferralRetentionResult> {
  const now = clock.now();
  const cutoff = new Date(now.getTime() - REFERRAL_RETENTION_DAYS * DAY_MS);
  const total: ReferralRetentionResult = {
    redacted: 0,
    mailsDeleted: 0,
    notesDeleted: 0,
    hiresCancelled: 0,
    hiresUnlinked: 0,
  };
  for (;;) {
    const batch = await db.transaction(async (transaction) => {
      const tx = transaction as unknown as Db;
      // The same predicate as referrals_retention_idx, literally, so the planner uses it.
      const due = await tx
        .select({ id: referrals.id })
        .from(referrals)
        .where(
          sql`${referrals.redactedAt} is null and ${referrals.status} in ('declined', 'expired')
            and ${closedAt} <= ${cutoff.toISOString()}::timestamptz`,
        )
        .orderBy(asc(closedAt))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      const ids = due.map((r) => r.id);
      if (ids.length === 0) return { found: 0, mails: 0, notes: 0, cancelled: 0, unlinked: 0 };

      // Every consent email of these referrals (the first and any resent copy): they carry the
      // candidate's name, address and the reason.
      const mails = await tx
        .delete(mailMessages)
        .where(and(eq(mailMessages.kind, REFERRAL_CONSENT_MAIL_KIND), inArray(mailMessages.subjectId, ids)))
        .returning({ id: mailMessages.id });
      // Only a withdrawn consent has a card: what HR wrote about the candidate goes, the card
      // (stage, dates) stays for the figures, no longer pointing at a member.
      const cardIds = (
        await tx
          .select({ id: pipelineCards.id })
          .from(pipelineCards)
          .where(inArray(pipelineCards.referralId, ids))
      ).map((c) => c.id);
      const notes = cardIds.length
        ? await tx
            .delete(pipelineNotes)
            .where(inArray(pipelineNotes.cardId, cardIds))
            .returning({ id: pipelineNotes.id })
        : [];
      // A hire recorded before the withdrawal never starts (its card left the board): it is
      // cancelled, so it leaves the figures and the reward. One that started stays a hire, but
      // no longer says who was hired, as the card does not.
      const { cancelledHireIds } = await cancelPendingHiresOfCards(
        { db: tx, hooks },
        { cardIds, now, reason: 'consent_withdrawn' },
      );
      const unlinked = cardIds.length
        ? await tx
            .update(hires)
            .set({ userId: null, leaverCaseId: null })
            .where(
              and(inArray(hires.cardId, cardIds), or(isNotNull(hires.userId), isNotNull(hires.leaverCaseId))),
            )
            .returning({ id: hires.id })
        : [];
      if (cardIds.length) {
        await tx.update(pipelineCards).set({ userId: null }).where(inArray(pipelineCards.id, cardIds));
      }
      await tx
        .update(referrals)
        .set({ ...REDACTED_CANDIDATE, redactedAt: now, updatedAt: now })
        .where(inArray(referrals.id, ids));
      await audit(tx, {
        actorId: null,
        action: 'referrals.retention_redacted',
        subjectType: 'referral',
        subjectId: null,
        data: {
          referrals: ids.length,
          mails: mails.length,
          notes: notes.length,
          hiresCancelled: cancelledHireIds.length,
          hiresUnlinked: unlinked.length,
          days: REFERRAL_RETENTION_DAYS,
        },
        at: now,
      });
      return {
        found: ids.length,
        mails: mails.length,
        notes: notes.length,
        cancelled: cancelledHireIds.length,
        unlinked: unlinked.length,
      };
    });
    total.redacted += batch.found;
    total.mailsDeleted += batch.mails;
    total.notesDeleted += batch.notes;
    total.hiresCancelled += batch.cancelled;
    total.hiresUnlinked += batch.unlinked;
    if (batch.found < batchSize) break;
  }
  return total;
}
