import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { REFERRAL_RETENTION_DAYS } from '../../../common/referrals';
import type { Db } from '../../db/client';
import { auditEvents, mailMessages, pipelineCards, pipelineNotes, referrals } from '../../db/schema/index';
import type { AppDeps } from '../../lib/http';
import { REFERRAL_CONSENT_MAIL_KIND } from './referral-mail';

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
}

/**
 * The daily retention step for referrals (decision 020). A referral that ended without consent —
 * declined, consent withdrawn, or expired unanswered — more than REFERRAL_RETENTION_DAYS ago loses
 * the candidate's data: the columns of REDACTED_CANDIDATE, the consent emails sent for it, and,
 * for a withdrawn consent, HR's notes on its card and the card's link to a member. The only later
 * use of that data was the 7-day cooldown against asking the same person again.
 *
 * In batches of REFERRAL_RETENTION_BATCH, one transaction each (rows locked, skipping rows another
 * run holds), with an audit row of counts per batch — no ids of people, no values. Rows already
 * redacted are not selected, so a rerun or a second delivery of the job does nothing.
 */
export async function redactClosedReferrals(
  { db, clock }: Pick<AppDeps, 'db' | 'clock'>,
  { batchSize = REFERRAL_RETENTION_BATCH }: { batchSize?: number } = {},
): Promise<ReferralRetentionResult> {
  const now = clock.now();
  const cutoff = new Date(now.getTime() - REFERRAL_RETENTION_DAYS * DAY_MS);
  const total: ReferralRetentionResult = { redacted: 0, mailsDeleted: 0, notesDeleted: 0 };
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
      if (ids.length === 0) return { found: 0, mails: 0, notes: 0 };

      // Every consent email of these referrals (the first and any resent copy): they carry the
      // candidate's name, address and the reason.
      const mails = await tx
        .delete(mailMessages)
        .where(and(eq(mailMessages.kind, REFERRAL_CONSENT_MAIL_KIND), inArray(mailMessages.subjectId, ids)))
        .returning({ id: mailMessages.id });
      // Only a withdrawn consent has a card: what HR wrote about the candidate goes, the card
      // (stage, dates, a hire's link) stays for the figures, no longer pointing at a member.
      const cards = tx
        .select({ id: pipelineCards.id })
        .from(pipelineCards)
        .where(inArray(pipelineCards.referralId, ids));
      const notes = await tx
        .delete(pipelineNotes)
        .where(inArray(pipelineNotes.cardId, cards))
        .returning({ id: pipelineNotes.id });
      await tx.update(pipelineCards).set({ userId: null }).where(inArray(pipelineCards.referralId, ids));
      await tx
        .update(referrals)
        .set({ ...REDACTED_CANDIDATE, redactedAt: now, updatedAt: now })
        .where(inArray(referrals.id, ids));
      await tx.insert(auditEvents).values({
        actorId: null,
        action: 'referrals.retention_redacted',
        subjectType: 'referral',
        subjectId: null,
        data: {
          referrals: ids.length,
          mails: mails.length,
          notes: notes.length,
          days: REFERRAL_RETENTION_DAYS,
        },
        createdAt: now,
      });
      return { found: ids.length, mails: mails.length, notes: notes.length };
    });
    total.redacted += batch.found;
    total.mailsDeleted += batch.mails;
    total.notesDeleted += batch.notes;
    if (batch.found < batchSize) break;
  }
  return total;
}
