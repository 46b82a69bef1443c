import { randomUUID } from 'node:crypto';
import { and, count, eq, gt, min, or, type SQL, sql } from 'drizzle-orm';
import { REFERRAL_CONSENT_MAIL_KIND } from '#common/mail';
import {
  type AdminReferralListQuery,
  REFERRAL_CANDIDATE_COOLDOWN_DAYS,
  REFERRAL_MAX_RESENDS,
  REFERRAL_QUOTA,
  type ReferralCreate,
} from '#common/referrals';
import type { Db } from '#server/db/client';
import { referrals, users } from '#server/db/schema/index';
import { getReferableJob } from '#server/features/jobs/jobs.service';
import type { Viewer } from '#server/lib/access/policy';
import { audit } from '#server/lib/audit';
import { isUniqueViolation } from '#server/lib/db-errors';
import type { AppDeps } from '#server/lib/deps';
import { AppError, notFound } from '#server/lib/errors';
import { cancelQueuedMail, type DbOrTx, dispatchMail, queueMail } from '#server/lib/outbox';
import { RateLimitedError, secondsUntil } from '#server/lib/rate-limit';
import { consentUrl, referralConsentMail } from './referral-mail';
import { getRewardRule } from './referrals.rewards';
import {
  adminViews,
  consentDeadline,
  consentExpiry,
  DAY_MS,
  HOUR_MS,
  isConsentExpired,
  jobsById,
  myReferralViews,
  newToken,
  outsideJob,
  RESEND_COOLDOWN_MS,
  RESENT_ACTION,
  type ReferralView,
  resendCounts,
  sha256,
} from './referrals.views';

/** Referrals: a member refers someone, lists their referrals, sends the link again; HR's list. */

type ReferralDeps = Pick<AppDeps, 'db' | 'clock' | 'env' | 'queue'>;

const duplicate = () =>
  new AppError('conflict', 'error.referral_duplicate', { candidateEmail: ['error.referral_duplicate'] });

/**
 * Against spam (the candidate is a third party): at most REFERRAL_QUOTA.max referrals per referrer
 * in the window — counted under a lock on the referrer's user row, so two requests at once cannot
 * both pass (as job alerts do) — and no new referral of an address within the cooldown after the
 * last one, by anyone — counted under an advisory lock on the address. A repeat of the same job
 * (or general) referral is the more precise 409 "duplicate", whenever the first one was made.
 */
async function checkReferralLimits(
  tx: DbOrTx,
  { viewer, email, jobId, now }: { viewer: Viewer; email: string; jobId: string | null; now: Date },
) {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, viewer.id)).for('update');
  const windowStart = new Date(now.getTime() - REFERRAL_QUOTA.windowHours * HOUR_MS);
  const [made] = await tx
    .select({ n: count(), oldest: min(referrals.createdAt) })
    .from(referrals)
    .where(and(eq(referrals.referrerId, viewer.id), gt(referrals.createdAt, windowStart)));
  if ((made?.n ?? 0) >= REFERRAL_QUOTA.max) {
    // A slot frees when the oldest referral of the window leaves it.
    const frees = (made?.oldest ?? now).getTime() + REFERRAL_QUOTA.windowHours * HOUR_MS;
    throw new RateLimitedError(secondsUntil(frees, now.getTime()), 'error.referral_quota');
  }

  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext('kizuna.referral_candidate'), hashtext(${email}))`,
  );
  const cooldownStart = new Date(now.getTime() - REFERRAL_CANDIDATE_COOLDOWN_DAYS * DAY_MS);
  const sameJob = jobId === null ? sql`${referrals.jobId} is null` : eq(referrals.jobId, jobId);
  // lower(candidate_email) is what referrals_email_idx indexes; stored addresses are lower-cased.
  const earlier = await tx
    .select({ jobId: referrals.jobId })
    .from(referrals)
    .where(
      and(
        sql`lower(${referrals.candidateEmail}) = ${email}`,
        or(sameJob, gt(referrals.createdAt, cooldownStart)),
      ),
    );
  if (earlier.some((r) => r.jobId === jobId)) throw duplicate();
  if (earlier.length > 0) {
    throw new AppError('conflict', 'error.referral_candidate_cooldown', {
      candidateEmail: ['error.referral_candidate_cooldown'],
    });
  }
}

/**
 * A member refers someone: the row (only the SHA-256 of the consent token is stored) and the consent
 * email to the candidate, in the language the referrer chose, in one transaction; the email is
 * dispatched after commit. Only for a job the candidate may be told about (public or network;
 * anything else is a 404, as if it did not exist). One referral per (job or general, email): a
 * repeat is a 409; the limits of `checkReferralLimits` apply.
 */
export async function createReferral({
  deps,
  viewer,
  input,
}: {
  deps: ReferralDeps;
  viewer: Viewer;
  input: ReferralCreate;
}): Promise<ReferralView> {
  const { db, clock, env } = deps;
  const now = clock.now();
  const email = input.candidateEmail.toLowerCase();
  if (email === viewer.email.toLowerCase()) {
    throw new AppError('bad_request', 'error.referral_self', { candidateEmail: ['error.referral_self'] });
  }
  const job = input.jobId ? await getReferableJob(db, { viewer, jobId: input.jobId, now }) : null;
  if (input.jobId && !job) throw notFound();
  const id = randomUUID();
  const token = newToken();
  const expiresAt = consentExpiry(now);
  let mailId: string;
  try {
    mailId = await db.transaction(async (tx) => {
      await checkReferralLimits(tx, { viewer, email, jobId: job?.id ?? null, now });
      const [queued] = await queueMail(
        tx,
        referralConsentMail({
          to: email,
          locale: input.candidateLocale,
          candidateName: input.candidateName,
          referrerName: viewer.displayName,
          job,
          reason: input.reason,
          url: consentUrl(env, token),
          expiresAt,
          referralId: id,
        }),
        { now },
      );
      await tx.insert(referrals).values({
        id,
        referrerId: viewer.id,
        jobId: job?.id ?? null,
        candidateName: input.candidateName,
        candidateEmail: email,
        candidateLocale: input.candidateLocale,
        reason: input.reason,
        status: 'awaiting_consent',
        consentTokenHash: sha256(token),
        consentExpiresAt: expiresAt,
        consentMailId: queued as string,
        createdAt: now,
        updatedAt: now,
      });
      await audit(tx, {
        actorId: viewer.id,
        action: 'referral.created',
        subjectType: 'referral',
        subjectId: id,
        data: { jobId: job?.id ?? null },
        at: now,
      });
      return queued as string;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'referrals_candidate_uq')) throw duplicate();
    throw error;
  }
  await dispatchMail(deps, [mailId]);
  const [view] = await myReferralViews(db, eq(referrals.id, id), now);
  if (!view) throw new Error(`referral ${id} vanished`);
  return view;
}

/** The referrer's own referrals, newest first, and the reward rule while it is enabled. */
export async function listMyReferrals({
  db,
  clock,
  viewer,
}: Pick<AppDeps, 'db' | 'clock'> & { viewer: Viewer }) {
  const [items, rule] = await Promise.all([
    myReferralViews(db, eq(referrals.referrerId, viewer.id), clock.now()),
    getRewardRule(db),
  ]);
  return { items, rewardRule: rule?.enabled ? rule : null };
}

/**
 * The referrer sends the consent email again (the candidate lost it): a new token — the old link
 * stops working —, the old copy withdrawn if still unsent. The deadline stays 14 days from the
 * referral: a resend never keeps a candidate's inbox busy for longer. Only the referrer (anyone
 * else: 404), only while awaiting consent and before the deadline (409), at most
 * REFERRAL_MAX_RESENDS times and once an hour (409).
 */
export async function resendReferralConsent({
  deps,
  viewer,
  id,
}: {
  deps: ReferralDeps;
  viewer: Viewer;
  id: string;
}): Promise<ReferralView> {
  const { db, clock, env } = deps;
  const now = clock.now();
  const mailId = await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(referrals)
      .where(and(eq(referrals.id, id), eq(referrals.referrerId, viewer.id)))
      .for('update');
    if (!row) throw notFound();
    if (isConsentExpired(row, now)) throw new AppError('conflict', 'error.referral_resend_expired');
    // A candidate erased while awaiting has no address left to write to (decision 020).
    if (row.status !== 'awaiting_consent' || row.candidateEmail === null) {
      throw new AppError('conflict', 'error.referral_not_awaiting');
    }
    if (((await resendCounts(tx, [row.id])).get(row.id) ?? 0) >= REFERRAL_MAX_RESENDS) {
      throw new AppError('conflict', 'error.referral_resend_limit');
    }
    // While a referral awaits consent nothing else changes it, so updated_at is the last sending.
    if (now.getTime() - row.updatedAt.getTime() < RESEND_COOLDOWN_MS) {
      throw new AppError('conflict', 'error.referral_resend_too_soon');
    }
    const token = newToken();
    const deadline = consentDeadline(row);
    const job = outsideJob((await jobsById(tx, [row.jobId])).get(row.jobId ?? ''));
    await cancelQueuedMail(tx, { subjectId: row.id, kind: REFERRAL_CONSENT_MAIL_KIND, reason: 'superseded' });
    const [queued] = await queueMail(
      tx,
      referralConsentMail({
        to: row.candidateEmail,
        locale: row.candidateLocale ?? 'ja',
        candidateName: row.candidateName ?? '',
        referrerName: viewer.displayName,
        job,
        reason: row.reason ?? '',
        url: consentUrl(env, token),
        expiresAt: deadline,
        referralId: row.id,
        isResend: true,
      }),
      { now },
    );
    await tx
      .update(referrals)
      .set({
        consentTokenHash: sha256(token),
        consentExpiresAt: deadline,
        consentMailId: queued,
        updatedAt: now,
      })
      .where(eq(referrals.id, row.id));
    await audit(tx, {
      actorId: viewer.id,
      action: RESENT_ACTION,
      subjectType: 'referral',
      subjectId: row.id,
      at: now,
    });
    return queued as string;
  });
  await dispatchMail(deps, [mailId]);
  const [view] = await myReferralViews(db, eq(referrals.id, id), now);
  if (!view) throw notFound();
  return view;
}

function adminWhere(query: Pick<AdminReferralListQuery, 'status' | 'reward'>): SQL | undefined {
  return and(
    query.status === 'all' ? undefined : eq(referrals.status, query.status),
    query.reward === 'all' ? undefined : eq(referrals.rewardStatus, query.reward),
  );
}

/** HR: every referral, newest first, filtered by status and reward, one page at a time. */
export async function listReferralsForHr({ db, query }: { db: Db; query: AdminReferralListQuery }) {
  const where = adminWhere(query);
  const [items, [total]] = await Promise.all([
    adminViews(db, where, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
    db.select({ n: count() }).from(referrals).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}
