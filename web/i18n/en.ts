import { messages as shell } from '#web/components/messages.en';
import { messages as account } from '#web/features/account/messages.en';
import { messages as admin } from '#web/features/admin/messages.en';
import { messages as advice } from '#web/features/advice/messages.en';
import { messages as auth } from '#web/features/auth/messages.en';
import { messages as branding } from '#web/features/branding/messages.en';
import { messages as careers } from '#web/features/careers/messages.en';
import { messages as comments } from '#web/features/comments/messages.en';
import { messages as connections } from '#web/features/connections/messages.en';
import { messages as consents } from '#web/features/consents/messages.en';
import { messages as digest } from '#web/features/digest/messages.en';
import { messages as directory } from '#web/features/directory/messages.en';
import { messages as events } from '#web/features/events/messages.en';
import { messages as eventAttendance } from '#web/features/event-attendance/messages.en';
import { messages as exitProposals } from '#web/features/exit-proposals/messages.en';
import { messages as exitSurvey } from '#web/features/exit-survey/messages.en';
import { messages as exits } from '#web/features/exits/messages.en';
import { messages as freshness } from '#web/features/freshness/messages.en';
import { messages as groups } from '#web/features/groups/messages.en';
import { messages as home } from '#web/features/home/messages.en';
import { messages as hrRecords } from '#web/features/hr-records/messages.en';
import { messages as invitations } from '#web/features/invitations/messages.en';
import { messages as jobAlerts } from '#web/features/job-alerts/messages.en';
import { messages as jobs } from '#web/features/jobs/messages.en';
import { messages as members } from '#web/features/members/messages.en';
import { messages as messaging } from '#web/features/messaging/messages.en';
import { messages as moderation } from '#web/features/moderation/messages.en';
import { messages as notifications } from '#web/features/notifications/messages.en';
import { messages as offboarding } from '#web/features/offboarding/messages.en';
import { messages as outbox } from '#web/features/outbox/messages.en';
import { messages as pipeline } from '#web/features/pipeline/messages.en';
import { messages as posts } from '#web/features/posts/messages.en';
import { messages as privacy } from '#web/features/privacy/messages.en';
import { messages as referrals } from '#web/features/referrals/messages.en';
import { messages as returnInterests } from '#web/features/return-interests/messages.en';
import { messages as sharing } from '#web/features/sharing/messages.en';
import { messages as people } from '#web/features/suggestions/messages.en';
import { messages as verification } from '#web/features/verification/messages.en';
import { messages as shared } from '#web/lib/messages.en';
import type { Translation } from './translation';

/**
 * English UI text, one language in one chunk: each feature keeps its namespaces beside it
 * (`web/features/<d>/messages.en.ts`; the shell's in web/components, shared code labels in web/lib).
 * ja.ts has exactly the same keys (checked by catalog.test.ts and by the type).
 */
export const en = {
  ...shell,
  ...branding,
  ...auth,
  ...shared,
  ...home,
  ...directory,
  ...members,
  ...invitations,
  ...admin,
  ...consents,
  ...privacy,
  ...hrRecords,
  ...outbox,
  ...verification,
  ...freshness,
  ...exitProposals,
  ...exitSurvey,
  ...offboarding,
  ...exits,
  ...jobs,
  ...moderation,
  ...returnInterests,
  ...referrals,
  ...pipeline,
  ...jobAlerts,
  ...digest,
  ...account,
  ...groups,
  ...advice,
  ...people,
  ...messaging,
  ...connections,
  ...careers,
  ...notifications,
  ...comments,
  ...sharing,
  ...posts,
  ...events,
  ...eventAttendance,
};

/** The shape every UI language must have. */
export type Catalog = Translation<typeof en>;
