import { and, eq, sql } from 'drizzle-orm';
import { REFERRAL_CONSENT_DAYS, type ReferralConsentDecision, type ReferralJob } from '#common/referrals';
import type { Db } from '#server/db/client';
import { referrals, users } from '#server/db/schema/index';
import { openPipelineCard } from '#server/features/pipeline/pipeline.cards';
import { cancelPendingHireOfSource } from '#server/features/pipeline/pipeline.hires';
import { audit } from '#server/lib/audit';
import type { AppDeps } from '#server/lib/deps';
import { AppError, notFound } from '#server/lib/errors';
import type { DbOrTx } from '#server/lib/outbox';
import {
  consentDeadline,
  isConsentExpired,
  jobsById,
  outsideJob,
  type ReferralRow,
  sha256,
} from './referrals.views';

/** What the candidate sees through their link. */
export interface ConsentView {
  row: ReferralRow;
  referrerName: string | null;
  job: ReferralJob | null;
}

/** The referral behind a consent token: unknown (or replaced) → 404; lapsed → 404 "expired". */
async function referralByToken(db: DbOrTx, token: string, now: Date, { lock = false } = {}) {
  const query = db
    .select()
    .from(referrals)
    .where(eq(referrals.consentTokenHash, sha256(token)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found', 'error.referral_link_invalid');
  if (isConsentExpired(row, now)) throw new AppError('not_found', 'error.referral_link_expired');
  return row;
}

async function consentView(db: DbOrTx, row: ReferralRow): Promise<ConsentView> {
  const [referrer] = row.referrerId
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, row.referrerId))
    : [];
  const job = outsideJob((await jobsById(db, [row.jobId])).get(row.jobId ?? ''));
  return {
    row: { ...row, consentExpiresAt: consentDeadline(row) },
    referrerName: referrer?.name ?? null,
    job,
  };
}

/** Public: the candidate opens their link (no sign-in; the token is the key). */
export async function findConsentByToken({
  db,
  clock,
  token,
}: Pick<AppDeps, 'db' | 'clock'> & { token: string }) {
  return consentView(db, await referralByToken(db, token, clock.now()));
}

type Decision = ReferralConsentDecision['decision'];

/**
 * Public: the candidate answers. Consent → status consented and, in the same transaction, a card
 * on HR's rehiring board (about the member with that email, if there is one); decline → declined,
 * and HR never sees them; withdraw (after consenting) → declined as well: HR's list and board stop
 * showing them in the same request (both select consented referrals only). Repeating an answer is
 * harmless; consent after a "no", "decline" after a "yes" (use withdraw) and withdraw before any
 * "yes" are 409s.
 */
export async function decideReferralConsent({
  db,
  clock,
  hooks,
  token,
  decision,
}: Pick<AppDeps, 'db' | 'clock' | 'hooks'> & { token: string; decision: Decision }) {
  const now = clock.now();
  return db.transaction(async (tx0) => {
    const tx = tx0 as unknown as Db;
    const row = await referralByToken(tx, token, now, { lock: true });
    if (decision === 'withdraw') {
      if (row.status === 'declined') return consentView(tx, row);
      if (row.status !== 'consented') throw new AppError('conflict', 'error.referral_nothing_to_withdraw');
    } else {
      const wanted = decision === 'consent' ? 'consented' : 'declined';
      if (row.status === wanted) return consentView(tx, row);
      if (row.status !== 'awaiting_consent') throw new AppError('conflict', 'error.referral_already_decided');
    }
    const isConsent = decision === 'consent';
    const [updated] = await tx
      .update(referrals)
      .set(
        isConsent
          ? { status: 'consented', consentedAt: now, updatedAt: now }
          : { status: 'declined', declinedAt: now, updatedAt: now },
      )
      .where(eq(referrals.id, row.id))
      .returning();
    if (!updated) throw notFound();
    if (isConsent) {
      // A row found by its token holds the candidate's email: redaction clears both (decision 020).
      const email = (row.candidateEmail ?? '').toLowerCase();
      const [member] = email
        ? await tx
            .select({ id: users.id })
            .from(users)
            // Account emails are stored lower-cased (createMember), as is the candidate's: the index applies.
            .where(eq(users.email, email))
        : [];
      await openPipelineCard(tx, {
        source: 'referral',
        referralId: row.id,
        userId: member?.id ?? null,
        jobId: row.jobId,
        actorId: null,
        now,
      });
    } else if (decision === 'withdraw') {
      // The card leaves the board now; a hire recorded on it and not yet started goes with it.
      await cancelPendingHireOfSource({ db: tx, hooks }, { referralId: row.id, now });
    }
    const action = {
      consent: 'referral.consented',
      decline: 'referral.declined',
      withdraw: 'referral.consent_withdrawn',
    }[decision];
    await audit(tx, {
      actorId: null,
      action,
      subjectType: 'referral',
      subjectId: row.id,
      data: { jobId: row.jobId },
      at: now,
    });
    return consentView(tx, updated);
  });
}

/** `consentDeadline` in SQL: 14 days from the referral at the latest. */
const consentDeadlineSql = sql<Date>`least(${referrals.consentExpiresAt}, ${referrals.createdAt} + make_interval(days => ${REFERRAL_CONSENT_DAYS}::int))`;

/**
 * The daily sweep: referrals still awaiting consent after their deadline become expired, dated
 * by that deadline (`expired_at`, from which the retention step counts). Only awaiting rows move,
 * so a rerun (or pg-boss delivering twice) changes nothing more.
 */
export async function expireReferrals({ db, clock }: Pick<AppDeps, 'db' | 'clock'>): Promise<number> {
  const now = clock.now();
  const rows = await db
    .update(referrals)
    .set({ status: 'expired', expiredAt: consentDeadlineSql, updatedAt: now })
    .where(
      and(
        eq(referrals.status, 'awaiting_consent'),
        sql`${consentDeadlineSql} <= ${now.toISOString()}::timestamptz`,
      ),
    )
    .returning({ id: referrals.id });
  return rows.length;
}
