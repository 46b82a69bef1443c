import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, count, desc, eq, gt, inArray, min, or, type SQL, sql } from 'drizzle-orm';
import { REFERRAL_CONSENT_MAIL_KIND } from '#common/mail';
import {
  type AdminReferralListQuery,
  REFERRAL_CANDIDATE_COOLDOWN_DAYS,
  REFERRAL_CONSENT_DAYS,
  REFERRAL_MAX_RESENDS,
  REFERRAL_QUOTA,
  type ReferralConsentDecision,
  type ReferralCreate,
  type ReferralJob,
  RewardRuleViewSchema,
} from '#common/referrals';
import type { PipelineStage } from '#common/rehiring-reference';
import type { Db } from '#server/db/client';
import { auditEvents, jobs, orgSettings, referrals, users } from '#server/db/schema/index';
import { getReferableJob, isJobReferable, type JobRow } from '#server/features/jobs/jobs.service';
import { cardStagesForReferrals, openPipelineCard } from '#server/features/pipeline/pipeline.cards';
import { cancelPendingHireOfSource } from '#server/features/pipeline/pipeline.hires';
import type { Viewer } from '#server/lib/access/policy';
import { isUniqueViolation } from '#server/lib/db-errors';
import type { AppDeps } from '#server/lib/deps';
import { AppError, notFound } from '#server/lib/errors';
import type { DomainListener } from '#server/lib/hooks';
import { cancelQueuedMail, type DbOrTx, dispatchMail, queueMail } from '#server/lib/outbox';
import { RateLimitedError, secondsUntil } from '#server/lib/rate-limit';
import { consentUrl, referralConsentMail } from './referral-mail';

/** org_settings key of the referral reward rule. */
export const REFERRAL_REWARD_KEY = 'referral_reward';

/** The reward rule HR configures: paid to the referrer when their candidate is hired. */
export interface ReferralRewardRule {
  enabled: boolean;
  amount: number;
  currency: string;
  /** Shown to members (what the reward is, when it is paid), per language. */
  noteJa?: string | null;
  noteEn?: string | null;
}

export type ReferralRow = typeof referrals.$inferSelect;
type ReferralDeps = Pick<AppDeps, 'db' | 'clock' | 'env' | 'queue'>;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** A referrer may send the consent email again at most this often (the candidate is a third party). */
export const RESEND_COOLDOWN_MS = HOUR_MS;
const RESENT_ACTION = 'referral.consent_resent';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');
const consentExpiry = (now: Date) => new Date(now.getTime() + REFERRAL_CONSENT_DAYS * DAY_MS);

/**
 * The link's deadline: 14 days from the referral, whatever the stored value says (rows from
 * before resends stopped extending it may hold a later one).
 */
const consentDeadline = (row: Pick<ReferralRow, 'createdAt' | 'consentExpiresAt'>) =>
  new Date(Math.min(row.consentExpiresAt.getTime(), consentExpiry(row.createdAt).getTime()));

/** An awaiting referral past its deadline counts as expired even before the daily job marks it. */
export const isConsentExpired = (
  row: Pick<ReferralRow, 'status' | 'consentExpiresAt' | 'createdAt'>,
  now: Date,
) => row.status === 'expired' || (row.status === 'awaiting_consent' && consentDeadline(row) <= now);

export async function getRewardRule(db: Db): Promise<ReferralRewardRule | null> {
  const [row] = await db
    .select({ value: orgSettings.value })
    .from(orgSettings)
    .where(eq(orgSettings.key, REFERRAL_REWARD_KEY));
  if (!row) return null;
  // A value written by an older shape (or by hand) is ignored rather than shown half-broken.
  const parsed = RewardRuleViewSchema.safeParse({ noteJa: null, noteEn: null, ...(row.value as object) });
  return parsed.success ? parsed.data : null;
}

/**
 * Called by the pipeline in its transaction when a referral's candidate is hired: under an enabled
 * rule the referral's reward becomes eligible, with the rule's amount copied (later rule changes do
 * not alter it). Idempotent: a reward already eligible or paid is left alone.
 */
export async function markReferralRewardEligible(tx: Db, referralId: string, now: Date): Promise<void> {
  const rule = await getRewardRule(tx);
  if (!rule?.enabled) return;
  await tx
    .update(referrals)
    .set({
      rewardStatus: 'eligible',
      rewardAmount: rule.amount,
      rewardCurrency: rule.currency,
      updatedAt: now,
    })
    .where(
      and(
        eq(referrals.id, referralId),
        eq(referrals.rewardStatus, 'none'),
        // Only a consented referral can have a card, hence a hire; said again here for safety.
        eq(referrals.status, 'consented'),
      ),
    );
}

/**
 * Called by the pipeline in its transaction when the hire behind a referral is cancelled before
 * its start day (the candidate withdrew consent, or erased their account): an eligible reward goes
 * back to `none` and loses the amount it copied — the candidate was never hired, so nothing is due
 * (decision 020). A reward already paid stays paid: the money has left, and only HR can settle
 * that outside Kizuna. The counterpart of `markReferralRewardEligible`.
 * Audited on the referral with the reason only.
 */
export async function revokeReferralReward(
  tx: Db,
  referralId: string,
  { now, reason }: { now: Date; reason: string },
): Promise<boolean> {
  const [row] = await tx
    .update(referrals)
    .set({ rewardStatus: 'none', rewardAmount: null, rewardCurrency: null, updatedAt: now })
    .where(and(eq(referrals.id, referralId), eq(referrals.rewardStatus, 'eligible')))
    .returning({ id: referrals.id });
  if (!row) return false;
  await tx.insert(auditEvents).values({
    actorId: null,
    action: 'referral.reward_revoked',
    subjectType: 'referral',
    subjectId: referralId,
    data: { reason },
    createdAt: now,
  });
  return true;
}

/** Listens to the pipeline (server/hooks.ts): a referral's candidate hired → `markReferralRewardEligible`. */
export const rewardOnHire: DomainListener<'hired'> = async (tx, { referralId, now }) => {
  if (referralId) await markReferralRewardEligible(tx, referralId, now);
};

/** Listens to the pipeline (server/hooks.ts): that hire cancelled → `revokeReferralReward`. */
export const revokeRewardOnHireCancelled: DomainListener<'hireCancelled'> = async (
  tx,
  { referralId, reason, now },
) => {
  if (referralId) await revokeReferralReward(tx, referralId, { now, reason });
};

/** HR sets the reward rule (one jsonb value in org_settings); audited with its figures, no names. */
export async function setRewardRule({
  db,
  clock,
  viewer,
  rule,
}: Pick<AppDeps, 'db' | 'clock'> & { viewer: Viewer; rule: ReferralRewardRule }) {
  const now = clock.now();
  const value = {
    enabled: rule.enabled,
    amount: rule.amount,
    currency: rule.currency,
    noteJa: rule.noteJa?.trim() || null,
    noteEn: rule.noteEn?.trim() || null,
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(orgSettings)
      .values({ key: REFERRAL_REWARD_KEY, value, updatedAt: now })
      .onConflictDoUpdate({ target: orgSettings.key, set: { value, updatedAt: now } });
    await tx.insert(auditEvents).values({
      actorId: viewer.id,
      action: 'referral_reward_rule.changed',
      subjectType: 'org_setting',
      subjectId: REFERRAL_REWARD_KEY,
      data: { enabled: value.enabled, amount: value.amount, currency: value.currency },
      createdAt: now,
    });
  });
  return value;
}

/** A referral's job with its classification, to decide who may read its title. */
type JobOfReferral = ReferralJob & Pick<JobRow, 'classification'>;

/**
 * The given jobs, whatever their state now (a referral keeps pointing at a job that closed).
 * Read directly: the jobs feature exports no lookup by id list.
 */
async function jobsById(db: DbOrTx, ids: (string | null)[]): Promise<Map<string, JobOfReferral>> {
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
function outsideJob(job: JobOfReferral | undefined): ReferralJob | null {
  if (!job) return null;
  return isJobReferable(job)
    ? { id: job.id, titleJa: job.titleJa, titleEn: job.titleEn }
    : { id: job.id, titleJa: null, titleEn: null };
}

/** HR reads every title. */
const hrJob = (job: JobOfReferral | undefined): ReferralJob | null =>
  job ? { id: job.id, titleJa: job.titleJa, titleEn: job.titleEn } : null;

const audit = (
  tx: DbOrTx,
  {
    actorId,
    action,
    referralId,
    now,
    data = {},
  }: {
    actorId: string | null;
    action: string;
    referralId: string;
    now: Date;
    data?: Record<string, unknown>;
  },
) =>
  tx.insert(auditEvents).values({
    actorId,
    action,
    subjectType: 'referral',
    subjectId: referralId,
    data,
    createdAt: now,
  });

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
        referralId: id,
        now,
        data: { jobId: job?.id ?? null },
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

/** A referral with what its presenters need: the job (as the referrer may read it), the card stage. */
export interface ReferralView {
  row: ReferralRow;
  job: ReferralJob | null;
  stage: PipelineStage | null;
  /** The referrer may send the consent email again now or after the hourly cooldown. */
  canResend: boolean;
}

/** How often each referral's consent email was sent again (the audit trail is the count). */
async function resendCounts(db: DbOrTx, ids: string[]): Promise<Map<string, number>> {
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

async function myReferralViews(db: Db, where: SQL, now: Date, limit = 200): Promise<ReferralView[]> {
  const rows = await db.select().from(referrals).where(where).orderBy(desc(referrals.createdAt)).limit(limit);
  const consented = rows.filter((r) => r.status === 'consented').map((r) => r.id);
  const awaiting = rows.filter((r) => r.status === 'awaiting_consent').map((r) => r.id);
  const [jobMap, stages, resends] = await Promise.all([
    jobsById(
      db,
      rows.map((r) => r.jobId),
    ),
    cardStagesForReferrals(db, consented),
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
    await audit(tx, { actorId: viewer.id, action: RESENT_ACTION, referralId: row.id, now });
    return queued as string;
  });
  await dispatchMail(deps, [mailId]);
  const [view] = await myReferralViews(db, eq(referrals.id, id), now);
  if (!view) throw notFound();
  return view;
}

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
      await openPipelineCard(
        tx,
        { source: 'referral', referralId: row.id, userId: member?.id ?? null, jobId: row.jobId },
        { actorId: null, now },
      );
    } else if (decision === 'withdraw') {
      // The card leaves the board now; a hire recorded on it and not yet started goes with it.
      await cancelPendingHireOfSource({ db: tx, hooks }, { referralId: row.id, now });
    }
    const action = {
      consent: 'referral.consented',
      decline: 'referral.declined',
      withdraw: 'referral.consent_withdrawn',
    }[decision];
    await audit(tx, { actorId: null, action, referralId: row.id, now, data: { jobId: row.jobId } });
    return consentView(tx, updated);
  });
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

function adminWhere(query: Pick<AdminReferralListQuery, 'status' | 'reward'>): SQL | undefined {
  return and(
    query.status === 'all' ? undefined : eq(referrals.status, query.status),
    query.reward === 'all' ? undefined : eq(referrals.rewardStatus, query.reward),
  );
}

async function adminViews(db: Db, where: SQL | undefined, page: { limit: number; offset: number }) {
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
    cardStagesForReferrals(db, consented),
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

/** HR: every referral, newest first, filtered by status and reward, one page at a time. */
export async function listReferralsForHr({ db, query }: { db: Db; query: AdminReferralListQuery }) {
  const where = adminWhere(query);
  const [items, [total]] = await Promise.all([
    adminViews(db, where, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
    db.select({ n: count() }).from(referrals).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/**
 * HR marks an eligible reward paid (when, by whom). Not their own reward — an HR member who
 * referred someone does not approve their own payment (409) —, nor a reward that is not
 * eligible (409); an unknown id is a 404.
 */
export async function markRewardPaid({
  db,
  clock,
  viewer,
  id,
}: Pick<AppDeps, 'db' | 'clock'> & { viewer: Viewer; id: string }): Promise<AdminReferralView> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ referrerId: referrals.referrerId, rewardStatus: referrals.rewardStatus })
      .from(referrals)
      .where(eq(referrals.id, id))
      .for('update');
    if (!row) throw notFound();
    if (row.referrerId === viewer.id) throw new AppError('conflict', 'error.referral_reward_own');
    if (row.rewardStatus !== 'eligible') throw new AppError('conflict', 'error.referral_reward_not_eligible');
    await tx
      .update(referrals)
      .set({ rewardStatus: 'paid', rewardPaidAt: now, rewardPaidBy: viewer.id, updatedAt: now })
      .where(eq(referrals.id, id));
    await audit(tx, { actorId: viewer.id, action: 'referral.reward_paid', referralId: id, now });
  });
  const [view] = await adminViews(db, eq(referrals.id, id), { limit: 1, offset: 0 });
  if (!view) throw notFound();
  return view;
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
