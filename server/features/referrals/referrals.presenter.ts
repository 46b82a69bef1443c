import type {
  AdminReferral,
  MyReferral,
  ReferralConsentView,
  ReferralsDailyResult,
  RewardRuleView,
} from '#common/referrals';
import { referralOutcome } from '#common/referrals';
import type { ConsentView } from './referrals.consent';
import type { ReferralRewardRule } from './referrals.rewards';
import type { AdminReferralView, ReferralView } from './referrals.views';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The reward rule as members and HR read it; a rule never set is "off, 0 JPY". */
export function presentRewardRule(rule: ReferralRewardRule | null): RewardRuleView {
  return {
    enabled: rule?.enabled ?? false,
    amount: rule?.amount ?? 0,
    currency: rule?.currency ?? 'JPY',
    noteJa: rule?.noteJa ?? null,
    noteEn: rule?.noteEn ?? null,
  };
}

/**
 * The referrer's view of their referral: the name they typed, the job, the consent status and a
 * coarse outcome — never the card's stage, HR's notes or the candidate's email. The name is null
 * once the candidate's details were deleted (decision 020); the row and its status stay.
 */
export function presentMyReferral({ row, job, stage, canResend }: ReferralView): MyReferral {
  return {
    id: row.id,
    candidateName: row.candidateName,
    job,
    status: row.status,
    outcome: row.status === 'consented' ? referralOutcome(stage) : null,
    consentExpiresAt: row.consentExpiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    canResend,
    rewardStatus: row.rewardStatus,
    rewardAmount: row.rewardAmount,
    rewardCurrency: row.rewardCurrency,
    rewardPaidAt: iso(row.rewardPaidAt),
  };
}

/**
 * HR's view. The candidate (name, email, reason) is in the object only once they consented; for
 * any other status the key is absent — the query did not even read those columns.
 */
export function presentAdminReferral(view: AdminReferralView): AdminReferral {
  const { row } = view;
  const out: AdminReferral = {
    id: row.id,
    status: row.status,
    referrer: view.referrer,
    job: view.job,
    stage: row.status === 'consented' ? view.stage : null,
    createdAt: row.createdAt.toISOString(),
    consentExpiresAt: row.consentExpiresAt.toISOString(),
    consentedAt: iso(row.consentedAt),
    declinedAt: iso(row.declinedAt),
    redactedAt: iso(row.redactedAt),
    rewardStatus: row.rewardStatus,
    rewardAmount: row.rewardAmount,
    rewardCurrency: row.rewardCurrency,
    rewardPaidAt: iso(row.rewardPaidAt),
    rewardPaidBy: row.rewardPaidBy,
  };
  if (row.status === 'consented' && view.candidate) out.candidate = view.candidate;
  return out;
}

/**
 * The candidate's link. While it awaits their answer: their own data as the referrer gave it, who,
 * why, until when. Once answered: the status only (and whether they can withdraw) — the link is a
 * bearer token, and a forwarded one should not repeat who they are and what was said about them.
 */
export function presentConsentView({ row, referrerName, job }: ConsentView): ReferralConsentView {
  const out: ReferralConsentView = {
    status: row.status,
    decidedAt: iso(row.status === 'consented' ? row.consentedAt : row.declinedAt),
    canWithdraw: row.status === 'consented',
    isWithdrawn: row.status === 'declined' && row.consentedAt !== null,
  };
  // A redacted row has no token, so no link reaches it; the check keeps the types honest.
  if (
    row.status === 'awaiting_consent' &&
    row.candidateName !== null &&
    row.candidateEmail !== null &&
    row.reason !== null
  ) {
    out.request = {
      candidateName: row.candidateName,
      candidateEmail: row.candidateEmail,
      referrerName,
      job,
      reason: row.reason,
      expiresAt: row.consentExpiresAt.toISOString(),
    };
  }
  return out;
}

/** What the daily run did: referrals expired, then the retention step's counts. */
export function presentDailyResult(result: ReferralsDailyResult): ReferralsDailyResult {
  return {
    expired: result.expired,
    redacted: result.redacted,
    mailsDeleted: result.mailsDeleted,
    notesDeleted: result.notesDeleted,
    hiresCancelled: result.hiresCancelled,
    hiresUnlinked: result.hiresUnlinked,
  };
}
