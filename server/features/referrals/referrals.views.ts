import { createHash, randomBytes } from 'node:crypto';
import { and, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { REFERRAL_CONSENT_DAYS, REFERRAL_MAX_RESENDS, type ReferralJob } from '#common/referrals';
import type { PipelineStage } from '#common/rehiring-reference';
import type { Db } from '#server/db/client';
import { auditEvents, jobs, referrals, users } from '#server/db/schema/index';
import { isJobReferable, type JobRow } from '#server/features/jobs/jobs.service';
import { cardStagesForReferrals } from '#server/features/pipeline/pipeline.cards';
import type { DbOrTx } from '#server/lib/outbox';

/**
 * What the referral services share: a referral as its readers see it (the referrer, HR), its
 * consent link's token and deadline.
 */
export type ReferralRow = typeof referrals.$inferSelect;

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** A referrer may send the consent email again at most this often (the candidate is a third party). */
export const RESEND_COOLDOWN_MS = HOUR_MS;
export const RESENT_ACTION = 'referral.consent_resent';

export const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');
export const consentExpiry = (now: Date) => new Date(now.getTime() + REFERRAL_CONSENT_DAYS * DAY_MS);

/**
 * The link's deadline: 14 days from the referral, whatever the stored value says (rows from
 * before resends stopped extending it may hold a later one).
 */
export const consentDeadline = (row: Pick<ReferralRow, 'createdAt' | 'consentExpiresAt'>) =>
  new Date(Math.min(row.consentExpiresAt.getTime(), consentExpiry(row.createdAt).getTime()));

/** An awaiting referral past its deadline counts as expired even before the daily job marks it. */
export const isConsentExpired = (
  row: Pick<ReferralRow, 'status' | 'consentExpiresAt' | 'createdAt'>,
  now: Date,
) => row.status === 'expired' || (row.status === 'awaiting_consent' && consentDeadline(row) <= now);

/** A referral's job with its classification, to decide who may read its title. */
type JobOfReferral = ReferralJob & Pick<JobRow, 'classification'>;

/**
 * The given jobs, whatever their state now (a referral keeps pointing at a job that closed).
 * Read directly: the jobs feature exports no lookup by id list.
 */
export async function jobsById(db: DbOrTx, ids: (string | null)[]): Promise<Map<string, JobOfReferral>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({
      id: jobs.id,
      titleJa: jobs.titleJa,
      titleEn: jobs.titleEn,
      classification: jobs.classification,
    })
    .from(jobs)
    .where(inArray(jobs.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The job as the referrer and the candidate may read it: the title only while the job is public
 * or network. A job made internal (or a group's) after the referral keeps its title from people
 * outside it; the UI says "a position at the company" instead.
 */
export function outsideJob(job: JobOfReferral | undefined): ReferralJob | null {
  if (!job) return null;
  return isJobReferable(job)
    ? { id: job.id, titleJa: job.titleJa, titleEn: job.titleEn }
    : { id: job.id, titleJa: null, titleEn: null };
}

/** HR reads every title. */
export const hrJob = (job: JobOfReferral | undefined): ReferralJob | null =>
  job ? { id: job.id, titleJa: job.titleJa, titleEn: job.titleEn } : null;

/** A referral with what its presenters need: the job (as the referrer may read it), the card stage. */
export interface ReferralView {
  row: ReferralRow;
  job: ReferralJob | null;
  stage: PipelineStage | null;
  /** The referrer may send the consent email again now or after the hourly cooldown. */
  canResend: boolean;
}

/** How often each referral's consent email was sent again (the audit trail is the count). */
export async function resendCounts(db: DbOrTx, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: auditEvents.subjectId, n: count() })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.subjectType, 'referral'),
        inArray(auditEvents.subjectId, ids),
        eq(auditEvents.action, RESENT_ACTION),
      ),
    )
    .groupBy(auditEvents.subjectId);
  return new Map(rows.map((r) => [r.id ?? '', Number(r.n)]));
}

export async function myReferralViews(db: Db, where: SQL, now: Date, limit = 200): Promise<ReferralView[]> {
  const rows = await db.select().from(referrals).where(where).orderBy(desc(referrals.createdAt)).limit(limit);
  const consented = rows.filter((r) => r.status === 'consented').map((r) => r.id);
  const awaiting = rows.filter((r) => r.status === 'awaiting_consent').map((r) => r.id);
  const [jobMap, stages, resends] = await Promise.all([
    jobsById(
      db,
      rows.map((r) => r.jobId),
    ),
    cardStagesForReferrals(db, { referralIds: consented }),
    resendCounts(db, awaiting),
  ]);
  return rows.map((row) => ({
    row: { ...row, consentExpiresAt: consentDeadline(row) },
    job: row.jobId ? outsideJob(jobMap.get(row.jobId)) : null,
    stage: stages.get(row.id) ?? null,
    canResend:
      row.status === 'awaiting_consent' &&
      row.redactedAt === null &&
      consentDeadline(row) > now &&
      (resends.get(row.id) ?? 0) < REFERRAL_MAX_RESENDS,
  }));
}
/** A referral on HR's list; `candidate` is null unless the candidate consented. */
export interface AdminReferralView {
  row: Omit<ReferralRow, 'candidateName' | 'candidateEmail' | 'reason' | 'consentTokenHash'>;
  candidate: { name: string; email: string; reason: string } | null;
  referrer: { id: string; displayName: string } | null;
  job: ReferralJob | null;
  stage: PipelineStage | null;
}

/**
 * The candidate's columns only for consented referrals, in the query itself: an unconsented
 * candidate's name, email and reason never leave the database on HR's behalf.
 */
const ifConsented = (
  column: typeof referrals.candidateName | typeof referrals.candidateEmail | typeof referrals.reason,
) => sql<string | null>`case when ${referrals.status} = 'consented' then ${column} end`;

export async function adminViews(db: Db, where: SQL | undefined, page: { limit: number; offset: number }) {
  const rows = await db
    .select({
      id: referrals.id,
      referrerId: referrals.referrerId,
      jobId: referrals.jobId,
      candidateLocale: referrals.candidateLocale,
      status: referrals.status,
      consentExpiresAt: referrals.consentExpiresAt,
      consentedAt: referrals.consentedAt,
      declinedAt: referrals.declinedAt,
      expiredAt: referrals.expiredAt,
      redactedAt: referrals.redactedAt,
      consentMailId: referrals.consentMailId,
      rewardStatus: referrals.rewardStatus,
      rewardAmount: referrals.rewardAmount,
      rewardCurrency: referrals.rewardCurrency,
      rewardPaidAt: referrals.rewardPaidAt,
      rewardPaidBy: referrals.rewardPaidBy,
      createdAt: referrals.createdAt,
      updatedAt: referrals.updatedAt,
      candidateName: ifConsented(referrals.candidateName),
      candidateEmail: ifConsented(referrals.candidateEmail),
      candidateReason: ifConsented(referrals.reason),
      referrerName: users.name,
    })
    .from(referrals)
    .leftJoin(users, eq(users.id, referrals.referrerId))
    .where(where)
    .orderBy(desc(referrals.createdAt), desc(referrals.id))
    .limit(page.limit)
    .offset(page.offset);
  const consented = rows.filter((r) => r.status === 'consented').map((r) => r.id);
  const [jobMap, stages] = await Promise.all([
    jobsById(
      db,
      rows.map((r) => r.jobId),
    ),
    cardStagesForReferrals(db, { referralIds: consented }),
  ]);
  return rows.map(
    ({ candidateName, candidateEmail, candidateReason, referrerName, ...row }): AdminReferralView => ({
      row,
      candidate:
        row.status === 'consented' &&
        candidateName !== null &&
        candidateEmail !== null &&
        candidateReason !== null
          ? { name: candidateName, email: candidateEmail, reason: candidateReason }
          : null,
      referrer:
        row.referrerId && referrerName !== null ? { id: row.referrerId, displayName: referrerName } : null,
      job: row.jobId ? hrJob(jobMap.get(row.jobId)) : null,
      stage: stages.get(row.id) ?? null,
    }),
  );
}
