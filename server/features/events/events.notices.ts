import { and, eq, inArray, or } from 'drizzle-orm';
import { users } from '#server/db/schema';
import { eventRegistrations, events } from '#server/db/schema/events';
import type { AppDeps } from '#server/lib/deps';
import { notFound } from '#server/lib/errors';
import type { DbOrTx, OutgoingMail } from '#server/lib/outbox';
import {
  eventMailLines,
  icsAttachment,
  type NoticeAndMailPlan,
  notifyAndMail,
  planNoticeAndMail,
  type Recipient,
  writeNoticeAndMail,
} from './attendance.mail';
import { t } from './attendance.messages';
import { type EventRow, eventTitle } from './events.hosting';

export type EventChange = 'time' | 'place' | 'cancelled';

type NoticeDeps = { env: Pick<AppDeps['env'], 'BASE_URL' | 'MAIL_FROM'> };

/**
 * Tells everyone registered for an event (confirmed, offered, waitlisted — and, for a
 * cancellation, those whose registration the cancellation itself ended) that its time or place
 * changed or that it is cancelled: a notification (`event_changed` / `event_cancelled`) through
 * notify(), and for those who get it by e-mail a mail with the updated calendar file (METHOD:CANCEL
 * and STATUS:CANCELLED for a cancellation), so their calendar moves or removes the entry.
 *
 * Called by the events core's update and cancel, in their transaction, after the event row is
 * saved with its SEQUENCE bumped (the caller's job). Returns the outbox ids to dispatch after
 * the commit.
 */
export async function announceEventChange(
  tx: DbOrTx,
  deps: NoticeDeps,
  { eventId, change, now }: { eventId: string; change: EventChange; now: Date },
): Promise<string[]> {
  const [event] = await tx.select().from(events).where(eq(events.id, eventId));
  if (!event) throw notFound();
  const recipients = await tx
    .select({ userId: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(eventRegistrations)
    .innerJoin(users, eq(users.id, eventRegistrations.userId))
    .where(
      and(
        eq(eventRegistrations.eventId, eventId),
        eq(users.status, 'active'),
        or(
          inArray(eventRegistrations.status, ['confirmed', 'offered', 'waitlisted']),
          change === 'cancelled'
            ? and(
                eq(eventRegistrations.status, 'cancelled'),
                eq(eventRegistrations.cancelReason, 'event_cancelled'),
              )
            : undefined,
        ),
      ),
    );
  if (recipients.length === 0) return [];
  // Who has a seat may read the online link; someone waiting in line may not.
  const seated = new Set(
    (
      await tx
        .select({ userId: eventRegistrations.userId })
        .from(eventRegistrations)
        .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, 'confirmed')))
    ).map((r) => r.userId),
  );
  return notifyAndMail(tx, now, {
    event,
    recipients,
    type: change === 'cancelled' ? 'event_cancelled' : 'event_changed',
    threadKey: `event:${eventId}`,
    link: `/events/${eventId}`,
    mail: (recipient) =>
      changeMail(deps.env, { event, recipient, change, now, withOnlineUrl: seated.has(recipient.userId) }),
  });
}

/** One registrant's notice, in their language, with the updated calendar file (pure). */
export function changeMail(
  env: NoticeDeps['env'],
  options: { event: EventRow; recipient: Recipient; change: EventChange; now: Date; withOnlineUrl: boolean },
): OutgoingMail {
  const { event, recipient, change, now, withOnlineUrl } = options;
  const { locale } = recipient;
  const title = eventTitle(event, locale) || t(locale, 'ics.untitled');
  const method = change === 'cancelled' ? 'CANCEL' : 'REQUEST';
  return {
    kind: `event_${change === 'cancelled' ? 'cancelled' : 'changed'}`,
    to: recipient.email,
    locale,
    subject: t(locale, `mail.change.subject.${change}`, { title }),
    text: [
      t(locale, `mail.change.intro.${change}`, { name: recipient.name, title }),
      ...(change === 'cancelled' ? [] : eventMailLines(event, locale, env.BASE_URL, { withOnlineUrl })),
      t(locale, 'mail.closing'),
    ].join('\n\n'),
    attachments: [
      icsAttachment(env, {
        // A cancellation's file says CANCELLED whatever the caller saved first.
        event: change === 'cancelled' ? { ...event, status: 'cancelled' } : event,
        locale,
        withOnlineUrl,
        method,
        now,
      }),
    ],
    userId: recipient.userId,
    subjectId: event.id,
  };
}

/**
 * A seat confirmed (registered, offer claimed, approved by a host): the member is told through the
 * one notification service, and — where their channel for this type is e-mail — gets this mail
 * with the calendar file attached (issue 13 §3). Returns the outbox ids to dispatch after commit.
 */
export async function announceSeatConfirmed(
  tx: DbOrTx,
  deps: NoticeDeps,
  options: { event: EventRow; userId: string; type: 'event_confirmed' | 'event_approved'; now: Date },
): Promise<string[]> {
  const { userId, ...rest } = options;
  return writeNoticeAndMail(
    tx,
    options.now,
    await planSeatsConfirmed(tx, deps, { ...rest, userIds: [userId] }),
  );
}

/** `announceSeatConfirmed` read and rendered for some members, not written: planned before the event's lock. */
export async function planSeatsConfirmed(
  tx: DbOrTx,
  deps: NoticeDeps,
  {
    event,
    userIds,
    type,
    now,
  }: { event: EventRow; userIds: string[]; type: 'event_confirmed' | 'event_approved'; now: Date },
): Promise<NoticeAndMailPlan> {
  const recipients =
    userIds.length === 0
      ? []
      : await tx
          .select({ userId: users.id, email: users.email, name: users.name, locale: users.locale })
          .from(users)
          .where(and(inArray(users.id, userIds), eq(users.status, 'active')));
  return planNoticeAndMail(tx, now, {
    event,
    recipients,
    type,
    threadKey: `event:${event.id}`,
    link: `/events/${event.id}`,
    mail: (recipient) => confirmationMail(deps.env, { event, recipient, now }),
  });
}

/** The confirmation, in the member's language, with the calendar file (online link included). */
export function confirmationMail(
  env: NoticeDeps['env'],
  { event, recipient, now }: { event: EventRow; recipient: Recipient; now: Date },
): OutgoingMail {
  const { locale } = recipient;
  const title = eventTitle(event, locale) || t(locale, 'ics.untitled');
  return {
    kind: 'event_confirmed',
    to: recipient.email,
    locale,
    subject: t(locale, 'mail.confirmed.subject', { title }),
    text: [
      t(locale, 'mail.confirmed.intro', { name: recipient.name, title }),
      ...eventMailLines(event, locale, env.BASE_URL, { withOnlineUrl: true }),
      t(locale, 'mail.closing'),
    ].join('\n\n'),
    attachments: [icsAttachment(env, { event, locale, withOnlineUrl: true, method: 'REQUEST', now })],
    userId: recipient.userId,
    subjectId: event.id,
  };
}
