import { accountJobs } from './features/account/account.service';
import { digestJobs } from './features/digest/digest.jobs';
import { eventJobs } from './features/events/events.jobs';
import { eventReminderJobs } from './features/events/events.reminders';
import { exitJobs } from './features/exits/exits.transition';
import { freshnessJobs } from './features/freshness/freshness.service';
import { hrImportJobs } from './features/hr-records/hr-import.job';
import { invitationJobs } from './features/invitations/invitation-batches';
import { invitationDeliveryListener } from './features/invitations/invitations.service';
import { jobAlertJobs } from './features/job-alerts/job-alerts.jobs';
import { memberJobs } from './features/members/members.service';
import { messagingJobs } from './features/messaging/messaging.jobs';
import { notificationJobs } from './features/notifications/notifications.jobs';
import { pipelineJobs } from './features/pipeline/pipeline.jobs';
import { postsJobs } from './features/posts/posts.media-sweep';
import { retentionJobs } from './features/privacy/retention.service';
import { referralJobs } from './features/referrals/referrals.jobs';
import { suggestionJobs } from './features/suggestions/suggestions.jobs';
import type { AppDeps } from './lib/deps';
import { mailJobs } from './lib/outbox';
import type { JobDefinition } from './lib/queue';
import { rateLimitJobs } from './lib/rate-limit';

/** Every background job of the app, registered on the queue by createApp. */
export function jobDefinitions(deps: AppDeps): JobDefinition<never>[] {
  return [
    ...mailJobs(deps, [invitationDeliveryListener]),
    ...invitationJobs(deps),
    ...hrImportJobs(deps),
    ...retentionJobs(deps),
    ...freshnessJobs(deps),
    ...exitJobs(deps),
    ...referralJobs(deps),
    ...pipelineJobs(deps),
    ...jobAlertJobs(deps),
    ...accountJobs(deps),
    ...memberJobs(deps),
    ...rateLimitJobs(deps),
    ...postsJobs(deps),
    ...notificationJobs(deps),
    ...digestJobs(deps),
    ...suggestionJobs(deps),
    ...messagingJobs(deps),
    ...eventJobs(deps),
    ...eventReminderJobs(deps),
  ];
}
