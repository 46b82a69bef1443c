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
  'advice_request', // someone asked you for advice (mentoring, side work, speaking, career path)
  'advice_request_decided', // your advice request was accepted or declined
  'message', // new messages in a conversation (e-mailed batched per conversation, decision 039)
  'connection_request', // someone asks to connect with you (issue 12)
  'connection_accepted', // your connection request was accepted (issue 12)
  'event_confirmed', // you have a seat at an event (issue 13)
  'event_waitlisted', // the event is full: you are on its waitlist
  'event_offered', // a seat was freed for you: claim it before the deadline
  'event_approved', // the host approved your registration
  'event_declined', // the host declined your registration
  'event_changed', // the time or place of an event you registered for changed
  'event_cancelled', // an event you registered for was cancelled
  'event_reminder', // an event you have a seat at starts in a day / in an hour (issue 13 §3)
  'event_survey', // an event you attended has ended: a short survey for its hosts (issue 13 §5)
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
  advice_request: 'email',
  advice_request_decided: 'email',
  message: 'email',
  connection_request: 'email',
  connection_accepted: 'in_app',
  event_confirmed: 'email',
  event_waitlisted: 'in_app',
  event_offered: 'email',
  event_approved: 'email',
  event_declined: 'email',
  event_changed: 'email',
  event_cancelled: 'email',
  event_reminder: 'email',
  event_survey: 'email',
};

/** Types a member cannot turn off: a moderation act must reach its author. */
export const REQUIRED_TYPES: readonly NotificationType[] = ['content_hidden', 'posting_suspended'];

// ---- contracts of the notification-centre endpoints (issue 11, decision 033) -------------------

/**
 * What `data` may carry (all optional; a feature passes what its texts need): `title` (a post's
 * title or first words), `groupName`, `reason` (why content was hidden), `until` (an ISO date),
 * `titleJa`/`titleEn` (a job's title in both languages), `emoji` (a reaction).
 */
export const NotificationDataSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

export const NotificationActorSchema = z.object({ id: z.string(), name: z.string() });

/** One line of the bell's list: every notification of a thread and type, newest first. */
export const NotificationGroupSchema = z.object({
  /** `type|threadKey`: stable, used as the React key and to mark the group read. */
  key: z.string(),
  type: NotificationTypeSchema,
  threadKey: z.string(),
  link: z.string(),
  /** The newest notification's text parameters. */
  data: NotificationDataSchema,
  /** The newest notification of the group. */
  latestId: z.string(),
  latestAt: z.string(),
  /** How many in the group; how many of them are unread. */
  count: z.number().int(),
  unreadCount: z.number().int(),
  /** The latest distinct actors (at most 3), newest first, and how many distinct actors in all. */
  actors: z.array(NotificationActorSchema),
  actorCount: z.number().int(),
});
export type NotificationGroup = z.infer<typeof NotificationGroupSchema>;

export const NotificationListQuerySchema = z.object({ cursor: z.string().max(200).optional() }).strict();
export const NotificationListSchema = z.object({
  items: z.array(NotificationGroupSchema),
  nextCursor: z.string().nullable(),
});
export type NotificationList = z.infer<typeof NotificationListSchema>;

export const UnreadCountSchema = z.object({ count: z.number().int() });
export type UnreadCount = z.infer<typeof UnreadCountSchema>;

export const NOTIFICATION_LIMITS = { idsPerRequest: 100, keyLength: 200 } as const;

const threadKey = z.string().trim().min(1).max(NOTIFICATION_LIMITS.keyLength);

/** Mark read: some notifications by id, one thread (of one type, optionally), or everything. */
export const MarkReadSchema = z
  .object({
    ids: z.array(z.uuid()).min(1).max(NOTIFICATION_LIMITS.idsPerRequest).optional(),
    threadKey: threadKey.optional(),
    type: NotificationTypeSchema.optional(),
    all: z.literal(true).optional(),
  })
  .strict()
  .refine((v) => [v.ids, v.threadKey, v.all].filter((x) => x !== undefined).length === 1, {
    message: 'kz.notificationReadTarget',
    path: ['all'],
  });
export type MarkReadInput = z.infer<typeof MarkReadSchema>;
export const MarkReadResultSchema = z.object({ marked: z.number().int(), unread: z.number().int() });
export type MarkReadResult = z.infer<typeof MarkReadResultSchema>;

export const NotificationPreferenceSchema = z.object({
  type: NotificationTypeSchema,
  channel: NotificationChannelSchema,
  defaultChannel: NotificationChannelSchema,
  /** Cannot be turned off (moderation notices). */
  required: z.boolean(),
});
export type NotificationPreference = z.infer<typeof NotificationPreferenceSchema>;
export const NotificationPreferenceListSchema = z.object({ items: z.array(NotificationPreferenceSchema) });
export type NotificationPreferenceList = z.infer<typeof NotificationPreferenceListSchema>;

/** Some types' channels; the others keep theirs. A required type set to `off` is a 400. */
export const NotificationPreferencesUpdateSchema = z
  .object({
    channels: z
      .partialRecord(NotificationTypeSchema, NotificationChannelSchema)
      .refine((v) => Object.keys(v).length > 0, { message: 'v.required' }),
  })
  .strict()
  .superRefine((v, ctx) => {
    for (const type of REQUIRED_TYPES) {
      if (v.channels[type] === 'off') {
        ctx.addIssue({ code: 'custom', message: 'kz.notificationRequired', path: ['channels', type] });
      }
    }
  });
export type NotificationPreferencesUpdate = z.infer<typeof NotificationPreferencesUpdateSchema>;

export const MUTE_KINDS = ['thread', 'person'] as const;
export const MuteKindSchema = z.enum(MUTE_KINDS);
export const MUTE_DURATIONS = ['day', 'week', 'forever'] as const;
export const MuteDurationSchema = z.enum(MUTE_DURATIONS);

export const MuteCreateSchema = z
  .object({ kind: MuteKindSchema, key: threadKey, duration: MuteDurationSchema })
  .strict();
export type MuteCreateInput = z.infer<typeof MuteCreateSchema>;
export const MuteDeleteQuerySchema = z.object({ kind: MuteKindSchema, key: threadKey }).strict();

export const MuteSchema = z.object({
  kind: MuteKindSchema,
  key: z.string(),
  /** What the member sees: the person's name, or the thread's latest title (may be empty). */
  label: z.string(),
  /** Null: until unmuted. */
  until: z.string().nullable(),
  createdAt: z.string(),
});
export type Mute = z.infer<typeof MuteSchema>;
export const MuteListSchema = z.object({ items: z.array(MuteSchema) });
export type MuteList = z.infer<typeof MuteListSchema>;

/**
 * The text parameters of a notification as both texts (web, mail) use them: missing ones become
 * empty (never a `{placeholder}` on screen); a job's title in the reader's language.
 */
export function notificationParams(
  data: Record<string, string | number | null>,
  locale: 'ja' | 'en',
  actor: string,
): Record<string, string> {
  const text = (key: string) => {
    const value = data[key];
    return value === null || value === undefined ? '' : String(value);
  };
  const [first, second] = locale === 'ja' ? ['titleJa', 'titleEn'] : ['titleEn', 'titleJa'];
  return {
    actor,
    title: text('title') || text(first) || text(second),
    groupName: text('groupName'),
    reason: text('reason'),
    until: text('until').slice(0, 10),
    emoji: text('emoji'),
  };
}
