import { cancelHiresOnConsentWithdrawn } from '#server/features/pipeline/pipeline.hires';
import { revokeRewardOnHireCancelled, rewardOnHire } from '#server/features/referrals/referrals.rewards';
import { staleSuggestionsAbout } from '#server/features/suggestions/suggestions.service';
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
    // A profile saved: the members who hold that person among their people to meet get their
    // lists recomputed when they next open them (decision 038, amended).
    profileChanged: [staleSuggestionsAbout],
  });
}
