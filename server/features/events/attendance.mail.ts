import { and, eq, inArray } from 'drizzle-orm';
import type { Locale } from '#common/locale';
import type { NotificationType } from '#common/notifications';
import type { Db } from '#server/db/client';
import { eventRegistrations, events, users } from '#server/db/schema';
import type { MailAttachment } from '#server/lib/mail';
import { type NoticePlan, planNotice, writeNotice } from '#server/lib/notify';
import {
  type DbOrTx,
  insertPreparedMail,
  type OutgoingMail,
  type PreparedMail,
  prepareMail,
} from '#server/lib/outbox';
import { t } from './attendance.messages';
import type { EventRow } from './events.hosting';
import { eventIcs, type IcsEnv, type IcsMethod, icsFileName } from './events.ics';

/** A member a mail about an event goes to. */
export interface Recipient {
  userId: string;
  email: string;
  name: string;
  locale: Locale;
}

/** An event's time as a reader sees it: in the event's zone, and in UTC (no per-member zone is stored). */
export function eventTimeLines(
  event: Pick<EventRow, 'startsAt' | 'endsAt' | 'timeZone'>,
  locale: Locale,
): { local: string; utc: string } {
  const tag = locale === 'ja' ? 'ja-JP' : 'en-GB';
  const range = (timeZone: string) => {
    const date = new Intl.DateTimeFormat(tag, { dateStyle: 'full', timeStyle: 'short', timeZone });
    const time = new Intl.DateTimeFormat(tag, { timeStyle: 'short', timeZone });
    return `${date.format(event.startsAt)} – ${time.format(event.endsAt)}`;
  };
  return {
    local: t(locale, 'time.line', { local: range(event.timeZone), zone: event.timeZone }),
    utc: t(locale, 'time.utc', { utc: range('UTC') }),
  };
}

/** A point in time for a message to a host (check-in answers): in the event's zone. */
export function formatInZone(at: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(at);
}

/** The lines every event mail has: when (event zone and UTC), where, the online link, the page. */
export function eventMailLines(
  event: EventRow,
  locale: Locale,
  baseUrl: string,
  { withOnlineUrl }: { withOnlineUrl: boolean },
): string[] {
  const { local, utc } = eventTimeLines(event, locale);
  const venue = [event.venueName, event.venueAddress].filter((p) => p?.trim()).join(', ');
  const online = withOnlineUrl && event.format !== 'in_person' && event.onlineUrl;
  return [
    t(locale, 'mail.event.when', { when: `${local}\n${utc}` }),
    ...(venue ? [t(locale, 'mail.event.where', { where: venue })] : []),
    ...(online ? [t(locale, 'mail.event.online', { url: event.onlineUrl ?? '' })] : []),
    t(locale, 'mail.event.page', { url: `${baseUrl}/events/${event.id}` }),
  ];
}

/** An event's calendar file as a mail attachment. */
export function icsAttachment(
  env: IcsEnv,
  options: { event: EventRow; locale: Locale; withOnlineUrl: boolean; method: IcsMethod; now: Date },
): MailAttachment {
  const method =
    options.event.status === 'cancelled' && options.method !== 'PUBLISH' ? 'CANCEL' : options.method;
  return {
    filename: icsFileName(options.event.id),
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: eventIcs(env, options),
  };
}

/**
 * Tells members about an event through the one notification service (preferences, mutes, the
 * visibility policy), and mails the ones whose channel for this type is e-mail this feature's own,
 * fuller mail (times, place, link, calendar file). Their notification rows are marked mailed, so
 * the notification centre's mail job does not send a second, shorter one. Returns the outbox ids
 * to dispatch after the commit.
 */
export async function notifyAndMail(tx: DbOrTx, now: Date, input: NoticeAndMailInput): Promise<string[]> {
  return writeNoticeAndMail(tx, now, await planNoticeAndMail(tx, now, input));
}

export interface NoticeAndMailInput {
  event: EventRow;
  recipients: Recipient[];
  type: NotificationType;
  threadKey: string;
  link: string;
  mail: (recipient: Recipient) => OutgoingMail;
}

/** `notifyAndMail`'s reads and rendering, nothing written: for a caller that plans before a lock. */
export interface NoticeAndMailPlan {
  notice: NoticePlan;
  mails: PreparedMail[];
}

export async function planNoticeAndMail(
  tx: DbOrTx,
  now: Date,
  input: NoticeAndMailInput,
): Promise<NoticeAndMailPlan> {
  const { event } = input;
  const notice = await planNotice(tx as unknown as Db, now, {
    userIds: input.recipients.map((r) => r.userId),
    type: input.type,
    threadKey: input.threadKey,
    link: input.link,
    data: { titleJa: event.titleJa, titleEn: event.titleEn },
    item: { classification: event.classification, audience: event.audience, ownerId: event.createdBy },
  });
  const byUser = new Map(input.recipients.map((r) => [r.userId, r]));
  const mails = notice.notified.flatMap((n) => {
    const recipient = n.channel === 'email' ? byUser.get(n.userId) : undefined;
    return recipient ? [input.mail(recipient)] : [];
  });
  return { notice, mails: await prepareMail(tx, mails, { now }) };
}

/** Writes a plan: the notifications (the e-mailed ones marked mailed) and the outbox rows. */
export async function writeNoticeAndMail(tx: DbOrTx, now: Date, plan: NoticeAndMailPlan): Promise<string[]> {
  await writeNotice(tx as unknown as Db, now, plan.notice, { mailed: true });
  return insertPreparedMail(tx, plan.mails);
}

/** The active members of these registrations, with their events, grouped by event (for a batch of mails). */
export async function recipientsByEvent(
  tx: DbOrTx,
  registrationIds: string[],
): Promise<Map<string, { event: EventRow; recipients: Recipient[] }>> {
  const rows = await tx
    .select({ event: events, userId: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .innerJoin(users, eq(users.id, eventRegistrations.userId))
    .where(and(inArray(eventRegistrations.id, registrationIds), eq(users.status, 'active')));
  const byEvent = new Map<string, { event: EventRow; recipients: Recipient[] }>();
  for (const { event, ...recipient } of rows) {
    const entry = byEvent.get(event.id) ?? { event, recipients: [] };
    entry.recipients.push(recipient);
    byEvent.set(event.id, entry);
  }
  return byEvent;
}
