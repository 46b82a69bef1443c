import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { and, desc, eq, gte, lt, ne, sql } from 'drizzle-orm';
import type { EventStatsQuery, MaterialsUpdate, SurveyAnswer } from '#common/event-attendance';
import type { Locale } from '#common/locale';
import { profiles, users } from '#server/db/schema';
import {
  eventRegistrations,
  eventReminders,
  eventSeries,
  eventSurveyResponses,
  events,
} from '#server/db/schema/events';
import { consentedSql } from '#server/lib/access/consented';
import type { Viewer } from '#server/lib/access/policy';
import { audit } from '#server/lib/audit';
import { toCsv } from '#server/lib/csv';
import type { AppDeps } from '#server/lib/deps';
import { AppError, notFound } from '#server/lib/errors';
import type { DbOrTx, OutgoingMail } from '#server/lib/outbox';
import { connectedWith, notBlockedWith } from '#server/lib/relations';
import { notifyAndMail, type Recipient, recipientsByEvent } from './attendance.mail';
import { t } from './attendance.messages';
import { recordNoShows } from './events.checkin';
import { attendeeRegistration, type EventRow, eventTitle, isEventHost } from './events.hosting';
import { manageableEvent } from './events.policy';

export const EVENT_AFTER_JOB = 'events.after';
const BATCH = 100;
/** Survey invitations go out for events that ended within this time (a late run still catches up). */
const SURVEY_LOOKBACK_MS = 7 * 86_400_000;

type Deps = Pick<AppDeps, 'db' | 'clock'>;
type MailDeps = Deps & { env: Pick<AppDeps['env'], 'BASE_URL' | 'MAIL_FROM'> };

/**
 * SQL: the registration `r` counts as an attendee of its event: checked in — or, when nobody at
 * the event was checked in (the door list was not used), confirmed.
 */
const attendedSql = (r: string) =>
  sql.raw(`${r}.status = 'confirmed' and (${r}.checked_in_at is not null or not exists (
    select 1 from event_registrations c where c.event_id = ${r}.event_id and c.checked_in_at is not null))`);

/** The event's extra survey question in the reader's language (the other one when only that is set). */
export function surveyQuestion(event: EventRow, locale: Locale): string | null {
  const [first, second] =
    locale === 'ja'
      ? [event.surveyQuestionJa, event.surveyQuestionEn]
      : [event.surveyQuestionEn, event.surveyQuestionJa];
  return first?.trim() || second?.trim() || null;
}

// ---- the survey ----------------------------------------------------------------------------------

/** An attendee's own registration for an ended event with a survey; 404 for anyone else. */
async function surveyAttendee(db: DbOrTx, viewer: Viewer, eventId: string, now: Date, locale: Locale) {
  const { event, registration } = await attendeeRegistration(db, viewer, eventId, now);
  const [attended] = await db
    .select({ one: sql<number>`1` })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.id, registration.id), sql`${attendedSql('event_registrations')}`));
  if (!attended) throw notFound();
  if (!event.surveyEnabled) throw new AppError('bad_request', t(locale, 'survey.disabled'));
  if (now < event.endsAt) throw new AppError('bad_request', t(locale, 'survey.notOpen'));
  return event;
}

export async function getSurveyForm(
  deps: Deps,
  { viewer, eventId, locale }: { viewer: Viewer; eventId: string; locale: Locale },
) {
  const event = await surveyAttendee(deps.db, viewer, eventId, deps.clock.now(), locale);
  const [answer] = await deps.db
    .select({ rating: eventSurveyResponses.rating })
    .from(eventSurveyResponses)
    .where(and(eq(eventSurveyResponses.eventId, eventId), eq(eventSurveyResponses.userId, viewer.id)));
  return {
    eventId,
    title: eventTitle(event, locale),
    question: surveyQuestion(event, locale),
    answered: Boolean(answer),
  };
}

/** One answer per attendee (the primary key); a second is a 409. */
export async function answerSurvey(
  deps: Deps,
  {
    viewer,
    eventId,
    locale,
    answer,
  }: { viewer: Viewer; eventId: string; locale: Locale; answer: SurveyAnswer },
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const event = await surveyAttendee(tx, viewer, eventId, now, locale);
    const [saved] = await tx
      .insert(eventSurveyResponses)
      .values({
        eventId,
        userId: viewer.id,
        rating: answer.rating,
        comment: answer.comment ?? null,
        answer: surveyQuestion(event, 'ja') ? (answer.answer ?? null) : null,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ rating: eventSurveyResponses.rating });
    if (!saved) throw new AppError('conflict', t(locale, 'survey.answered'));
    return {
      eventId,
      title: eventTitle(event, locale),
      question: surveyQuestion(event, locale),
      answered: true,
    };
  });
}

/** Count, average, distribution and the comments (without names) for hosts and HR. */
export async function surveyResults(
  deps: Deps,
  { viewer, eventId, locale }: { viewer: Viewer; eventId: string; locale: Locale },
) {
  const event = await manageableEvent(deps.db, viewer, eventId);
  const rows = await deps.db
    .select({
      rating: eventSurveyResponses.rating,
      comment: eventSurveyResponses.comment,
      answer: eventSurveyResponses.answer,
    })
    .from(eventSurveyResponses)
    .where(eq(eventSurveyResponses.eventId, eventId))
    .orderBy(desc(eventSurveyResponses.createdAt));
  const distribution = [0, 0, 0, 0, 0];
  for (const row of rows) distribution[row.rating - 1] = (distribution[row.rating - 1] ?? 0) + 1;
  const sum = rows.reduce((total, row) => total + row.rating, 0);
  return {
    eventId,
    title: eventTitle(event, locale),
    question: surveyQuestion(event, locale),
    count: rows.length,
    average: rows.length > 0 ? Math.round((sum / rows.length) * 100) / 100 : null,
    distribution,
    comments: rows.filter((r) => r.comment || r.answer),
  };
}

// ---- materials -----------------------------------------------------------------------------------

/** Materials for hosts, HR and confirmed attendees; 404 for anyone else. */
export async function listMaterials(
  deps: Deps,
  { viewer, eventId, locale }: { viewer: Viewer; eventId: string; locale: Locale },
) {
  const now = deps.clock.now();
  const canEdit = await isEventHost(deps.db, viewer, eventId);
  const event = canEdit
    ? await manageableEvent(deps.db, viewer, eventId)
    : (await attendeeRegistration(deps.db, viewer, eventId, now)).event;
  return { eventId, title: eventTitle(event, locale), canEdit, items: event.materials };
}

/** Replaces the list (labels and http/https links); audited. */
export async function saveMaterials(
  deps: Deps,
  {
    viewer,
    eventId,
    locale,
    update,
  }: { viewer: Viewer; eventId: string; locale: Locale; update: MaterialsUpdate },
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const event = await manageableEvent(tx, viewer, eventId);
    const previous = new Map(event.materials.map((m) => [`${m.label}\n${m.url}`, m.id]));
    const items = update.items.map((m) => ({
      id: previous.get(`${m.label}\n${m.url}`) ?? randomUUID(),
      label: m.label,
      url: m.url,
    }));
    await tx.update(events).set({ materials: items, updatedAt: now }).where(eq(events.id, eventId));
    await audit(tx, {
      actorId: viewer.id,
      action: 'event.materials_updated',
      subjectType: 'event',
      subjectId: eventId,
      data: { count: items.length },
      at: now,
    });
    return { eventId, title: eventTitle(event, locale), canEdit: true, items };
  });
}

// ---- the attendee export and "who did you meet" --------------------------------------------------

/**
 * The attendee list as CSV for a host: only attendees listed in the member directory (the
 * `directory` consent — they agreed that members may find them and see their profile; `events`
 * consent is about being invited, not about being shown). Name, guests, status and check-in time
 * only: no e-mail address (its visibility is the member's choice on the profile). Audited.
 */
export async function exportAttendees(
  deps: Deps,
  { viewer, eventId, locale }: { viewer: Viewer; eventId: string; locale: Locale },
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const event = await manageableEvent(tx, viewer, eventId);
    const rows = await tx
      .select({
        userId: users.id,
        name: users.name,
        guests: eventRegistrations.guests,
        checkedInAt: eventRegistrations.checkedInAt,
        noShow: eventRegistrations.noShow,
      })
      .from(eventRegistrations)
      .innerJoin(users, eq(users.id, eventRegistrations.userId))
      .innerJoin(profiles, eq(profiles.userId, users.id))
      .where(
        and(
          eq(eventRegistrations.eventId, eventId),
          eq(eventRegistrations.status, 'confirmed'),
          consentedSql('directory'),
        ),
      )
      .orderBy(users.name, users.id);
    await audit(tx, {
      actorId: viewer.id,
      action: 'event.attendees_exported',
      subjectType: 'event',
      subjectId: eventId,
      data: { rows: rows.length },
      at: now,
    });
    const status = (r: (typeof rows)[number]) =>
      t(locale, `export.status.${r.checkedInAt ? 'checked_in' : r.noShow ? 'no_show' : 'confirmed'}`);
    const csv = toCsv([
      ['name', 'guests', 'status', 'checkedInAt'].map((k) => t(locale, `export.${k}`)),
      ...rows.map((r) => [r.name, r.guests, status(r), r.checkedInAt?.toISOString() ?? '']),
    ]);
    return { csv, fileName: `event-${event.id}-attendees.csv` };
  });
}

/**
 * Fellow attendees an attendee may meet again: the event's other confirmed registrants who are
 * listed in the directory and not blocked either way, no-shows left out.
 */
export async function fellowAttendees(
  deps: Deps,
  { viewer, eventId, locale }: { viewer: Viewer; eventId: string; locale: Locale },
) {
  const { event } = await attendeeRegistration(deps.db, viewer, eventId, deps.clock.now());
  const items = await deps.db
    .select({
      id: users.id,
      displayName: users.name,
      connected: sql<boolean>`${connectedWith(viewer.id, users.id)}`,
    })
    .from(eventRegistrations)
    .innerJoin(users, eq(users.id, eventRegistrations.userId))
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(
      and(
        eq(eventRegistrations.eventId, eventId),
        eq(eventRegistrations.status, 'confirmed'),
        eq(eventRegistrations.noShow, false),
        ne(users.id, viewer.id),
        eq(users.status, 'active'),
        consentedSql('directory'),
        notBlockedWith(viewer.id, users.id),
      ),
    )
    .orderBy(users.name, users.id);
  return {
    eventId,
    title: eventTitle(event, locale),
    items: items.map((i) => ({ ...i, connected: !!i.connected })),
  };
}

// ---- HR: attendance and no-show rates ------------------------------------------------------------

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

/**
 * Per event (published or cancelled, by start, newest first, at most 500) and per series — a
 * series adds up its events that have ended and were held (a coming event has no attendance yet).
 */
export async function eventStats(deps: Deps, { locale, query }: { locale: Locale; query: EventStatsQuery }) {
  const now = deps.clock.now();
  const rows = await deps.db
    .select({
      id: events.id,
      titleJa: events.titleJa,
      titleEn: events.titleEn,
      seriesId: events.seriesId,
      seriesTitleJa: eventSeries.titleJa,
      seriesTitleEn: eventSeries.titleEn,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      timeZone: events.timeZone,
      status: events.status,
      registrations: sql<number>`(select count(*)::int from ${eventRegistrations} r where r.event_id = ${events.id} and r.status <> 'cancelled')`,
      waitlisted: sql<number>`(select count(*)::int from ${eventRegistrations} r where r.event_id = ${events.id} and r.status = 'waitlisted')`,
      confirmed: sql<number>`(select count(*)::int from ${eventRegistrations} r where r.event_id = ${events.id} and r.status = 'confirmed')`,
      checkedIn: sql<number>`(select count(*)::int from ${eventRegistrations} r where r.event_id = ${events.id} and r.status = 'confirmed' and r.checked_in_at is not null)`,
      noShows: sql<number>`(select count(*)::int from ${eventRegistrations} r where r.event_id = ${events.id} and r.status = 'confirmed' and r.no_show)`,
    })
    .from(events)
    .leftJoin(eventSeries, eq(eventSeries.id, events.seriesId))
    .where(
      and(
        ne(events.status, 'draft'),
        query.from ? gte(events.startsAt, new Date(`${query.from}T00:00:00Z`)) : undefined,
        query.to ? lt(events.startsAt, new Date(`${query.to}T00:00:00Z`)) : undefined,
      ),
    )
    .orderBy(desc(events.startsAt), events.id)
    .limit(500);
  type Counts = {
    registrations: number;
    waitlisted: number;
    confirmed: number;
    checkedIn: number;
    noShows: number;
  };
  const withRates = <T extends Counts>(r: T) => ({
    ...r,
    attendanceRate: rate(r.checkedIn, r.confirmed),
    noShowRate: rate(r.noShows, r.confirmed),
  });
  const series = new Map<string, Counts & { id: string; title: string; events: number }>();
  for (const r of rows) {
    if (!r.seriesId || r.status === 'cancelled' || r.endsAt > now) continue;
    const s = series.get(r.seriesId) ?? {
      id: r.seriesId,
      title: eventTitle({ titleJa: r.seriesTitleJa, titleEn: r.seriesTitleEn }, locale),
      events: 0,
      registrations: 0,
      waitlisted: 0,
      confirmed: 0,
      checkedIn: 0,
      noShows: 0,
    };
    s.events += 1;
    s.registrations += r.registrations;
    s.waitlisted += r.waitlisted;
    s.confirmed += r.confirmed;
    s.checkedIn += r.checkedIn;
    s.noShows += r.noShows;
    series.set(r.seriesId, s);
  }
  return {
    events: rows.map((r) =>
      withRates({
        id: r.id,
        title: eventTitle(r, locale),
        seriesId: r.seriesId,
        startsAt: r.startsAt,
        timeZone: r.timeZone,
        status: r.status,
        registrations: r.registrations,
        waitlisted: r.waitlisted,
        confirmed: r.confirmed,
        checkedIn: r.checkedIn,
        noShows: r.noShows,
      }),
    ),
    series: [...series.values()].map(withRates),
  };
}

// ---- after the event: no-shows and survey invitations --------------------------------------------

/**
 * The `events.after` job: records no-shows, then invites each attendee of an event that ended
 * (within SURVEY_LOOKBACK_MS, survey on) to the survey — once: an `event_reminders` row of kind
 * `survey` is inserted ON CONFLICT DO NOTHING, and only the inserted ones are told.
 */
export async function runAfterEvents(
  deps: MailDeps,
  options: { dispatch?: (ids: string[]) => Promise<void> } = {},
): Promise<{ noShows: number; invited: number }> {
  const noShows = await recordNoShows(deps, deps.clock.now());
  let invited = 0;
  for (;;) {
    await yieldToEventLoop();
    const batch = await deps.db.transaction((tx) => surveyBatch(tx, deps));
    invited += batch.invited;
    if (batch.mailIds.length > 0) await options.dispatch?.(batch.mailIds);
    if (batch.picked < BATCH) break;
  }
  return { noShows, invited };
}

async function surveyBatch(tx: DbOrTx, deps: MailDeps) {
  const now = deps.clock.now();
  const due = await tx
    .select({ registrationId: eventRegistrations.id, startsAt: events.startsAt })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(
      and(
        eq(events.status, 'published'),
        eq(events.surveyEnabled, true),
        lt(events.endsAt, now),
        gte(events.endsAt, new Date(now.getTime() - SURVEY_LOOKBACK_MS)),
        sql`${attendedSql('event_registrations')}`,
        sql`not exists (select 1 from ${eventReminders} er where er.registration_id = ${eventRegistrations.id}
              and er.kind = 'survey' and er.starts_at = ${events.startsAt})`,
      ),
    )
    .orderBy(events.endsAt, eventRegistrations.id)
    .limit(BATCH);
  if (due.length === 0) return { picked: 0, invited: 0, mailIds: [] as string[] };
  const inserted = await tx
    .insert(eventReminders)
    .values(
      due.map((d) => ({
        registrationId: d.registrationId,
        kind: 'survey' as const,
        startsAt: d.startsAt,
        sentAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ registrationId: eventReminders.registrationId });
  if (inserted.length === 0) return { picked: due.length, invited: 0, mailIds: [] as string[] };
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
        type: 'event_survey',
        threadKey: `event-survey:${event.id}`,
        link: `/events/${event.id}/survey`,
        mail: (recipient) => surveyMail(deps.env, { event, recipient }),
      })),
    );
  }
  return { picked: due.length, invited: inserted.length, mailIds };
}

/** One attendee's survey invitation (pure). */
export function surveyMail(
  env: MailDeps['env'],
  { event, recipient }: { event: EventRow; recipient: Recipient },
): OutgoingMail {
  const { locale } = recipient;
  const title = eventTitle(event, locale) || t(locale, 'ics.untitled');
  return {
    kind: 'event_survey',
    to: recipient.email,
    locale,
    subject: t(locale, 'mail.survey.subject', { title }),
    text: [
      t(locale, 'mail.survey.body', {
        name: recipient.name,
        title,
        url: `${env.BASE_URL}/events/${event.id}/survey`,
      }),
      t(locale, 'mail.closing'),
    ].join('\n\n'),
    userId: recipient.userId,
    subjectId: event.id,
  };
}
