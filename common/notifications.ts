import { z } from 'zod';

/**
 * What the notification centre knows how to tell (issue 11). Every feature notifies through
 * `notify()` in server/lib/notify.ts with one of these types; a member chooses a channel per type.
 */
export const NOTIFICATION_TYPES = [
  'post_comment', // someone commented on your post
  'comment_reply', // someone replied to your comment
  'mention', // someone mentioned you in a post or comment
  'reaction', // someone reacted to your post
  'group_invite', // you were invited to a group
  'group_join_request', // (group admins) someone asks to join
  'group_join_approved', // your request to join was approved
  'group_proposal', // (HR) a member proposed an interest group
  'group_proposal_decided', // your proposed group was approved or declined
  'content_hidden', // a moderator hid your post or comment (with the reason)
  'posting_suspended', // a moderator suspended your posting for a while
  'job_alert', // a job matching one of your alerts was published
] as const;
export const NotificationTypeSchema = z.enum(NOTIFICATION_TYPES);
export type NotificationType = z.infer<typeof NotificationTypeSchema>;

/** in_app: the bell only; email: the bell and a mail at once; digest: the bell and the weekly mail. */
export const NOTIFICATION_CHANNELS = ['in_app', 'email', 'digest', 'off'] as const;
export const NotificationChannelSchema = z.enum(NOTIFICATION_CHANNELS);
export type NotificationChannel = z.infer<typeof NotificationChannelSchema>;

/** The channel of a type the member has not chosen for. Moderation acts are always mailed. */
export const DEFAULT_CHANNEL: Record<NotificationType, NotificationChannel> = {
  post_comment: 'in_app',
  comment_reply: 'in_app',
  mention: 'email',
  reaction: 'in_app',
  group_invite: 'email',
  group_join_request: 'in_app',
  group_join_approved: 'in_app',
  group_proposal: 'in_app',
  group_proposal_decided: 'email',
  content_hidden: 'email',
  posting_suspended: 'email',
  job_alert: 'in_app',
};

/** Types a member cannot turn off: a moderation act must reach its author. */
export const REQUIRED_TYPES: readonly NotificationType[] = ['content_hidden', 'posting_suspended'];
