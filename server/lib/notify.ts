import { randomUUID } from 'node:crypto';
import { and, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import { DEFAULT_CHANNEL, type NotificationType, REQUIRED_TYPES } from '#common/notifications';
import type { Db } from '#server/db/client';
import { notificationMutes, notificationPreferences, notifications } from '#server/db/schema';
import { canView, type GovernedItem } from './access/policy';
import { loadViewers } from './access/viewers';

/**
 * The one notification service every feature calls (issue 11, decision 032). A notification is a
 * row; the bell's unread count is one indexed query. Called inside the caller's transaction, so a
 * notification exists exactly when what it tells of happened.
 *
 * Who is left out: the actor themselves, a member who turned the type off, a member who muted the
 * thread or the actor (until the mute ends), inactive members, and — when `item` is given — anyone
 * the visibility policy does not let see the item (an `internal` post never notifies an alumnus).
 */
export interface NotifyInput {
  userIds: readonly string[];
  type: NotificationType;
  /** Groups the list and is what a member mutes, e.g. `post:<id>`. */
  threadKey: string;
  actorId?: string | null;
  /** The in-app link target, e.g. `/posts/<id>`. */
  link: string;
  /** Parameters of the texts (a title, a snippet), rendered in the reader's language. */
  data?: Record<string, string | number | null>;
  /** The governed item the notification is about: recipients who may not see it are dropped. */
  item?: GovernedItem;
}

export interface Notified {
  id: string;
  userId: string;
  /** The channel chosen for this type: `email` means the caller's mail goes out at once. */
  channel: 'in_app' | 'email' | 'digest';
}

/**
 * Who is told, and how, without writing anything: the reads of `notify` (viewers, mutes,
 * preferences). A caller that must hold a lock briefly plans before taking it and writes the plan
 * under it (`writeNotice`), e.g. a registration under its event's lock (decision 043).
 */
export interface NoticePlan {
  input: NotifyInput;
  notified: Notified[];
}

export async function notify(db: Db, now: Date, input: NotifyInput): Promise<Notified[]> {
  return writeNotice(db, now, await planNotice(db, now, input));
}

/**
 * Writes a planned notice. `mailed` marks the e-mail ones as already mailed (the caller sends its
 * own, fuller mail), so the notification centre's mail job does not send a second one.
 */
export async function writeNotice(
  db: Db,
  now: Date,
  { input, notified }: NoticePlan,
  { mailed = false }: { mailed?: boolean } = {},
): Promise<Notified[]> {
  if (notified.length === 0) return [];
  await db.insert(notifications).values(
    notified.map((n) => ({
      id: n.id,
      userId: n.userId,
      type: input.type,
      threadKey: input.threadKey,
      actorId: input.actorId ?? null,
      link: input.link,
      data: input.data ?? {},
      channel: n.channel,
      createdAt: now,
      ...(mailed && n.channel === 'email' ? { mailedAt: now } : {}),
    })),
  );
  return notified;
}

export async function planNotice(db: Db, now: Date, input: NotifyInput): Promise<NoticePlan> {
  const none = { input, notified: [] };
  let recipients = [...new Set(input.userIds)].filter((id) => id !== input.actorId);
  if (recipients.length === 0) return none;

  const viewers = await loadViewers(db, recipients);
  const allowed = new Set(viewers.filter((v) => !input.item || canView(v, input.item, now)).map((v) => v.id));
  recipients = recipients.filter((id) => allowed.has(id));
  if (recipients.length === 0) return none;

  const required = REQUIRED_TYPES.includes(input.type);
  const muted = required
    ? new Set<string>()
    : new Set(
        (
          await db
            .select({ userId: notificationMutes.userId })
            .from(notificationMutes)
            .where(
              and(
                inArray(notificationMutes.userId, recipients),
                or(
                  and(eq(notificationMutes.kind, 'thread'), eq(notificationMutes.key, input.threadKey)),
                  input.actorId
                    ? and(eq(notificationMutes.kind, 'person'), eq(notificationMutes.key, input.actorId))
                    : undefined,
                ),
                or(isNull(notificationMutes.until), gt(notificationMutes.until, now)),
              ),
            )
        ).map((r) => r.userId),
      );
  const chosen = new Map(
    (
      await db
        .select({ userId: notificationPreferences.userId, channel: notificationPreferences.channel })
        .from(notificationPreferences)
        .where(
          and(
            inArray(notificationPreferences.userId, recipients),
            eq(notificationPreferences.type, input.type),
          ),
        )
    ).map((r) => [r.userId, r.channel]),
  );

  const out: Notified[] = [];
  for (const userId of recipients) {
    if (muted.has(userId)) continue;
    let channel = chosen.get(userId) ?? DEFAULT_CHANNEL[input.type];
    if (channel === 'off') {
      if (!required) continue;
      channel = DEFAULT_CHANNEL[input.type];
    }
    if (channel === 'off') continue;
    out.push({ id: randomUUID(), userId, channel });
  }
  return { input, notified: out };
}

/**
 * Marks a member's notifications of one type read (all of them, or those of some threads): for a
 * feature whose own page shows the same news (job alerts' "new jobs for you"). Returns how many.
 */
export async function markNotificationsRead(
  db: Db,
  now: Date,
  { userId, type, threadKeys }: { userId: string; type: NotificationType; threadKeys?: readonly string[] },
): Promise<number> {
  if (threadKeys && threadKeys.length === 0) return 0;
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        eq(notifications.type, type),
        threadKeys ? inArray(notifications.threadKey, [...threadKeys]) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

/** Of these members, those who already have a notification of this type and thread. */
export async function alreadyNotified(
  db: Db,
  { userIds, type, threadKey }: { userIds: readonly string[]; type: NotificationType; threadKey: string },
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ userId: notifications.userId })
    .from(notifications)
    .where(
      and(
        inArray(notifications.userId, [...userIds]),
        eq(notifications.threadKey, threadKey),
        eq(notifications.type, type),
      ),
    );
  return new Set(rows.map((r) => r.userId));
}
