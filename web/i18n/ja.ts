import { messages as shell } from '#web/components/messages.ja';
import { messages as account } from '#web/features/account/messages.ja';
import { messages as admin } from '#web/features/admin/messages.ja';
import { messages as advice } from '#web/features/advice/messages.ja';
import { messages as auth } from '#web/features/auth/messages.ja';
import { messages as branding } from '#web/features/branding/messages.ja';
import { messages as careers } from '#web/features/careers/messages.ja';
import { messages as comments } from '#web/features/comments/messages.ja';
import { messages as connections } from '#web/features/connections/messages.ja';
import { messages as consents } from '#web/features/consents/messages.ja';
import { messages as digest } from '#web/features/digest/messages.ja';
import { messages as directory } from '#web/features/directory/messages.ja';
import { messages as events } from '#web/features/events/messages.ja';
import { messages as eventAttendance } from '#web/features/event-attendance/messages.ja';
import { messages as exitProposals } from '#web/features/exit-proposals/messages.ja';
import { messages as exitSurvey } from '#web/features/exit-survey/messages.ja';
import { messages as exits } from '#web/features/exits/messages.ja';
import { messages as freshness } from '#web/features/freshness/messages.ja';
import { messages as groups } from '#web/features/groups/messages.ja';
import { messages as home } from '#web/features/home/messages.ja';
import { messages as hrRecords } from '#web/features/hr-records/messages.ja';
import { messages as invitations } from '#web/features/invitations/messages.ja';
import { messages as jobAlerts } from '#web/features/job-alerts/messages.ja';
import { messages as jobs } from '#web/features/jobs/messages.ja';
import { messages as members } from '#web/features/members/messages.ja';
import { messages as messaging } from '#web/features/messaging/messages.ja';
import { messages as moderation } from '#web/features/moderation/messages.ja';
import { messages as notifications } from '#web/features/notifications/messages.ja';
import { messages as offboarding } from '#web/features/offboarding/messages.ja';
import { messages as outbox } from '#web/features/outbox/messages.ja';
import { messages as pipeline } from '#web/features/pipeline/messages.ja';
import { messages as posts } from '#web/features/posts/messages.ja';
import { messages as privacy } from '#web/features/privacy/messages.ja';
import { messages as referrals } from '#web/features/referrals/messages.ja';
import { messages as returnInterests } from '#web/features/return-interests/messages.ja';
import { messages as sharing } from '#web/features/sharing/messages.ja';
import { messages as people } from '#web/features/suggestions/messages.ja';
import { messages as verification } from '#web/features/verification/messages.ja';
import { messages as shared } from '#web/lib/messages.ja';
import type { Catalog } from './en';

/** 日本語の UI テキスト（言語ごとに 1 チャンク）。キーは en.ts と完全に一致させる（catalog.test.ts と型で確認）。 */
export const ja: Catalog = {
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
