import { cancelHiresOnConsentWithdrawn } from '#server/features/pipeline/pipeline.hires';
import { revokeRewardOnHireCancelled, rewardOnHire } from '#server/features/referrals/referrals.rewards';
import { createHooks, type DomainHooks } from '#server/lib/hooks';

/**
 * Who listens to what (server/lib/hooks.ts), in one place — as server/jobs.ts lists the jobs:
 * features announce what happened in their transaction and never import the listener.
 */
export function domainHooks(): DomainHooks {
  return createHooks({
    // Rehiring contact withdrawn: the member's interest cards leave the board, so a hire not yet
    // started on one of them is cancelled (decision 017).
    consentWithdrawn: [cancelHiresOnConsentWithdrawn],
    // A referral's candidate hired: the referrer's reward becomes eligible under the rule.
    hired: [rewardOnHire],
    // That hire cancelled before its start day: an eligible reward is revoked (decision 020).
    hireCancelled: [revokeRewardOnHireCancelled],
  });
}
