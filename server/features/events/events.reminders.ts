import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { and, eq, gt, lte, sql } from 'drizzle-orm';
import { eventRegistrations, eventReminders, events } from '#server/db/schema/events';
import type { AppDeps } from '#server/lib/deps';
import { type DbOrTx, dispatchMail, type OutgoingMail } from '#server/lib/outbox';
import type { JobDefinition } from '#server/lib/queue';
import {
  eventMailLines,
  icsAttachment,
  notifyAndMail,
  type Recipient,
  recipientsByEvent,
} from './attendance.mail';
import { t } from './attendance.messages';
import { type EventRow, eventTitle } from './events.hosting';
import { EVENT_AFTER_JOB, runAfterEvents } from './events.survey';

export const EVENT_REMINDERS_JOB = 'events.reminders';
export const REMINDER_KINDS = ['day', 'hour'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
/** Registrations per transaction (decision 023). */
const BATCH = 100;
const HOUR = 60 * 60 * 1000;
/**
 * Which reminder is due when the start is this far away: `hour` within the hour, `day` from 24 h
 * down to the hour (someone who registers 30 minutes before gets the hour's only, not both).
 */
const WINDOWS: Record<ReminderKind, { from: number; to: number }> = {
  hour: { from: 0, to: HOUR },
  day: { from: HOUR, to: 24 * HOUR },
};

type ReminderDeps = Pick<AppDeps, 'db' | 'clock'> & { env: Pick<AppDeps['env'], 'BASE_URL' | 'MAIL_FROM'> };

/**
 * Sends the reminders that are due (1 day and 1 hour before the start) to confirmed attendees of
 * published events. Exactly once however many processes run (decision 043): a batch inserts its
 * `event_reminders` rows with ON CONFLICT DO NOTHING and tells only the members whose row it
 * actually inserted. The row's key holds the start time, so a moved event is reminded again.
 * Batches of at most BATCH registrations, one transaction each, the connection handed back between.
 */
export async function runEventReminders(
  deps: ReminderDeps,
  options: { dispatch?: (ids: string[]) => Promise<void> } = {},
): Promise<{ reminded: number; mailed: number }> {
  let reminded = 0;
  let mailed = 0;
  for (const kind of REMINDER_KINDS) {
    for (;;) {
      await yieldToEventLoop();
      const batch = await deps.db.transaction((tx) => remindBatch(tx, deps, kind));
      reminded += batch.reminded;
      mailed += batch.mailIds.length;
      if (batch.mailIds.length > 0) await options.dispatch?.(batch.mailIds);
      if (batch.picked < BATCH) break;
    }
  }
  return { reminded, mailed };
}

async function remindBatch(
  tx: DbOrTx,
  deps: ReminderDeps,
  kind: ReminderKind,
): Promise<{ picked: number; reminded: number; mailIds: string[] }> {
  const now = deps.clock.now();
  const window = WINDOWS[kind];
  const due = await tx
    .select({ registrationId: eventRegistrations.id, startsAt: events.startsAt })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(
      and(
        eq(eventRegistrations.status, 'confirmed'),
        eq(events.status, 'published'),
        gt(events.startsAt, new Date(now.getTime() + window.from)),
        lte(events.startsAt, new Date(now.getTime() + window.to)),
        sql`not exists (select 1 from ${eventReminders} er where er.registration_id = ${eventRegistrations.id}
              and er.kind = ${kind} and er.starts_at = ${events.startsAt})`,
      ),
    )
    .orderBy(events.startsAt, eventRegistrations.id)
    .limit(BATCH);
  if (due.length === 0) return { picked: 0, reminded: 0, mailIds: [] };

  // The insert decides: a row another process inserted first is not returned, so not told twice.
  const inserted = await tx
    .insert(eventReminders)
    .values(due.map((d) => ({ registrationId: d.registrationId, kind, startsAt: d.startsAt, sentAt: now })))
    .onConflictDoNothing()
    .returning({ registrationId: eventReminders.registrationId });
  if (inserted.length === 0) return { picked: due.length, reminded: 0, mailIds: [] };

  const byEvent = await recipientsByEvent(
    tx,
    inserted.map((r) => r.registrationId),
  );
  const mailIds: string[] = [];
  for (const { event, recipients } of byEvent.values()) {
    mailIds.push(
      ...(await notifyAndMail(tx, now, {
        event,
        recipients,
        type: 'event_reminder',
        threadKey: `event:${event.id}`,
        link: `/events/${event.id}`,
        mail: (recipient) => reminderMail(deps.env, { event, recipient, kind, now }),
      })),
    );
  }
  return { picked: due.length, reminded: inserted.length, mailIds };
}

/** One attendee's reminder, in their language, with the online link and the calendar file (pure). */
export function reminderMail(
  env: ReminderDeps['env'],
  { event, recipient, kind, now }: { event: EventRow; recipient: Recipient; kind: ReminderKind; now: Date },
): OutgoingMail {
  const { locale } = recipient;
  const title = eventTitle(event, locale) || t(locale, 'ics.untitled');
  return {
    kind: `event_reminder_${kind}`,
    to: recipient.email,
    locale,
    subject: t(locale, `mail.reminder.subject.${kind}`, { title }),
    text: [
      t(locale, 'mail.reminder.intro', { name: recipient.name }),
      locale === 'ja' ? `「${title}」` : `“${title}”`,
      ...eventMailLines(event, locale, env.BASE_URL, { withOnlineUrl: true }),
      t(locale, 'mail.closing'),
    ].join('\n\n'),
    attachments: [icsAttachment(env, { event, locale, withOnlineUrl: true, method: 'REQUEST', now })],
    userId: recipient.userId,
    subjectId: event.id,
  };
}

/**
 * Background jobs of the attendance side of events, registered by server/jobs.ts:
 * - `events.reminders`: every 5 minutes, the reminders that are due (exactly once, see above);
 * - `events.after`: every 15 minutes, events that ended: no-shows recorded, survey invitations
 *   sent (events.survey.ts).
 */
export function eventReminderJobs(deps: AppDeps): JobDefinition<never>[] {
  const reminders: JobDefinition<Record<string, never>> = {
    name: EVENT_REMINDERS_JOB,
    cron: '*/5 * * * *',
    retryLimit: 3,
    async handler() {
      await runEventReminders(deps, { dispatch: (ids) => dispatchMail(deps, ids) });
    },
  };
  const after: JobDefinition<Record<string, never>> = {
    name: EVENT_AFTER_JOB,
    cron: '*/15 * * * *',
    retryLimit: 3,
    async handler() {
      await runAfterEvents(deps, { dispatch: (ids) => dispatchMail(deps, ids) });
    },
  };
  return [reminders, after] as JobDefinition<never>[];
}
