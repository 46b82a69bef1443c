import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { RewardRuleViewSchema } from '#common/referrals';
import type { Db } from '#server/db/client';
import { referrals } from '#server/db/schema/index';
import type { Viewer } from '#server/lib/access/policy';
import { audit } from '#server/lib/audit';
import type { AppDeps } from '#server/lib/deps';
import { AppError, notFound } from '#server/lib/errors';
import type { DomainListener } from '#server/lib/hooks';
import { defineSetting, readSetting, writeSetting } from '#server/lib/settings';
import { type AdminReferralView, adminViews } from './referrals.views';

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

/**
 * The rule, or null when HR never set one. A value written by an older shape (or by hand) reads as
 * null too, rather than shown half-broken; one from before the notes existed has none.
 */
export const REFERRAL_REWARD = defineSetting<ReferralRewardRule | null>(
  REFERRAL_REWARD_KEY,
  z.preprocess(
    (value) => (value && typeof value === 'object' ? { noteJa: null, noteEn: null, ...value } : value),
    RewardRuleViewSchema.nullable(),
  ),
  () => null,
);

export async function getRewardRule(db: Db): Promise<ReferralRewardRule | null> {
  return readSetting(db, REFERRAL_REWARD);
}

/**
 * Called by the pipeline in its transaction when a referral's candidate is hired: under an enabled
 * rule the referral's reward becomes eligible, with the rule's amount copied (later rule changes do
 * not alter it). Idempotent: a reward already eligible or paid is left alone.
 */
export async function markReferralRewardEligible(
  tx: Db,
  { referralId, now }: { referralId: string; now: Date },
): Promise<void> {
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
  { referralId, now, reason }: { referralId: string; now: Date; reason: string },
): Promise<boolean> {
  const [row] = await tx
    .update(referrals)
    .set({ rewardStatus: 'none', rewardAmount: null, rewardCurrency: null, updatedAt: now })
    .where(and(eq(referrals.id, referralId), eq(referrals.rewardStatus, 'eligible')))
    .returning({ id: referrals.id });
  if (!row) return false;
  await audit(tx, {
    actorId: null,
    action: 'referral.reward_revoked',
    subjectType: 'referral',
    subjectId: referralId,
    data: { reason },
    at: now,
  });
  return true;
}

/** Listens to the pipeline (server/hooks.ts): a referral's candidate hired → `markReferralRewardEligible`. */
export const rewardOnHire: DomainListener<'hired'> = async (tx, { referralId, now }) => {
  if (referralId) await markReferralRewardEligible(tx, { referralId, now });
};

/** Listens to the pipeline (server/hooks.ts): that hire cancelled → `revokeReferralReward`. */
export const revokeRewardOnHireCancelled: DomainListener<'hireCancelled'> = async (
  tx,
  { referralId, reason, now },
) => {
  if (referralId) await revokeReferralReward(tx, { referralId, now, reason });
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
    await writeSetting(tx, REFERRAL_REWARD, value);
    await audit(tx, {
      actorId: viewer.id,
      action: 'referral_reward_rule.changed',
      subjectType: 'org_setting',
      subjectId: REFERRAL_REWARD_KEY,
      data: { enabled: value.enabled, amount: value.amount, currency: value.currency },
      at: now,
    });
  });
  return value;
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
    await audit(tx, {
      actorId: viewer.id,
      action: 'referral.reward_paid',
      subjectType: 'referral',
      subjectId: id,
      at: now,
    });
  });
  const [view] = await adminViews(db, eq(referrals.id, id), { limit: 1, offset: 0 });
  if (!view) throw notFound();
  return view;
}
