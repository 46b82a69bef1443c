import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { and, asc, eq, ilike, isNull, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { CHECK_IN_OPENS_BEFORE_MS, normalizeCheckInCode } from '#common/event-attendance';
import type { Locale } from '#common/locale';
import { users } from '#server/db/schema';
import { eventRegistrations, events } from '#server/db/schema/events';
import type { Viewer } from '#server/lib/access/policy';
import { audit } from '#server/lib/audit';
import type { AppDeps } from '#server/lib/deps';
import { AppError } from '#server/lib/errors';
import type { DbOrTx } from '#server/lib/outbox';
import { formatInZone } from './attendance.mail';
import { t } from './attendance.messages';
import { attendeeRegistration, type EventRow, eventTitle } from './events.hosting';
import { manageableEvent } from './events.policy';

type Deps = Pick<AppDeps, 'db' | 'clock'>;
/** Registrations marked per transaction when recording no-shows (decision 023). */
const NO_SHOW_BATCH = 100;
/** Events that ended longer ago than this are not looked at again. */
const NO_SHOW_LOOKBACK_MS = 30 * 86_400_000;

/** The stored code as the door compares it (normalizeCheckInCode in SQL). */
const normalizedCode = sql`upper(translate(${eventRegistrations.checkInCode}, '- ', ''))`;

/** The viewer's ticket for an event they have a confirmed seat at: the short code and its QR code. */
export async function getTicket(
  deps: Deps,
  { viewer, eventId, locale }: { viewer: Viewer; eventId: string; locale: Locale },
) {
  const { event, registration } = await attendeeRegistration(deps.db, viewer, eventId, deps.clock.now());
  const qrSvg = await QRCode.toString(registration.checkInCode, {
    type: 'svg',
    margin: 1,
    errorCorrectionLevel: 'M',
  });
  return { event, registration, qrSvg, title: eventTitle(event, locale) };
}

/** When a host may check people in: from two hours before the start until the end. */
export const checkInWindow = (event: Pick<EventRow, 'startsAt' | 'endsAt'>) => ({
  opensAt: new Date(event.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MS),
  closesAt: event.endsAt,
});

async function checkInCounts(db: DbOrTx, eventId: string) {
  const [row] = await db
    .select({
      confirmed: sql<number>`count(*)::int`,
      checkedIn: sql<number>`count(${eventRegistrations.checkedInAt})::int`,
    })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, 'confirmed')));
  return { confirmed: row?.confirmed ?? 0, checkedIn: row?.checkedIn ?? 0 };
}

const attendeeColumns = {
  registrationId: eventRegistrations.id,
  userId: eventRegistrations.userId,
  displayName: users.name,
  guests: eventRegistrations.guests,
  checkedInAt: eventRegistrations.checkedInAt,
};

/** The host's door list: confirmed attendees by name (optionally searched), with the live count. */
export async function listCheckIn(
  deps: Deps,
  { viewer, eventId, q }: { viewer: Viewer; eventId: string; q?: string },
) {
  const event = await manageableEvent(deps.db, viewer, eventId);
  const escaped = q?.replace(/[\\%_]/g, (c) => `\\${c}`);
  const items = await deps.db
    .select(attendeeColumns)
    .from(eventRegistrations)
    .innerJoin(users, eq(users.id, eventRegistrations.userId))
    .where(
      and(
        eq(eventRegistrations.eventId, eventId),
        eq(eventRegistrations.status, 'confirmed'),
        escaped ? ilike(users.name, `%${escaped}%`) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(eventRegistrations.id));
  return { event, items, ...(await checkInCounts(deps.db, eventId)), ...checkInWindow(event) };
}

/**
 * Checks an attendee in by their code (typed or scanned). Idempotent: a second scan changes
 * nothing and says when they were checked in. 400 with a message for the host when the code is
 * not a confirmed ticket of this event, or outside the window (two hours before the start until
 * the end), or the event is cancelled. Audited: the host acts on another member's registration.
 */
export async function checkIn(
  deps: Deps,
  { viewer, eventId, code, locale }: { viewer: Viewer; eventId: string; code: string; locale: Locale },
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const event = await manageableEvent(tx, viewer, eventId);
    const refuse = (message: string) => new AppError('bad_request', message, { code: [message] });
    if (event.status === 'cancelled') throw refuse(t(locale, 'checkin.cancelled'));
    const { opensAt, closesAt } = checkInWindow(event);
    if (now < opensAt) {
      throw refuse(t(locale, 'checkin.notYet', { time: formatInZone(opensAt, event.timeZone, locale) }));
    }
    if (now > closesAt) throw refuse(t(locale, 'checkin.over'));

    const [ticket] = await tx
      .select({ ...attendeeColumns })
      .from(eventRegistrations)
      .innerJoin(users, eq(users.id, eventRegistrations.userId))
      .where(
        and(
          eq(eventRegistrations.eventId, eventId),
          eq(eventRegistrations.status, 'confirmed'),
          sql`${normalizedCode} = ${normalizeCheckInCode(code)}`,
        ),
      );
    if (!ticket) throw refuse(t(locale, 'checkin.otherEvent'));

    const [marked] = await tx
      .update(eventRegistrations)
      .set({ checkedInAt: now, checkedInBy: viewer.id, noShow: false, updatedAt: now })
      .where(and(eq(eventRegistrations.id, ticket.registrationId), isNull(eventRegistrations.checkedInAt)))
      .returning({ checkedInAt: eventRegistrations.checkedInAt });
    if (marked) {
      await audit(tx, {
        actorId: viewer.id,
        action: 'event.checked_in',
        subjectType: 'event_registration',
        subjectId: ticket.registrationId,
        data: { eventId },
        at: now,
      });
    }
    const checkedInAt = marked?.checkedInAt ?? ticket.checkedInAt ?? now;
    const message = marked
      ? t(locale, 'checkin.done', { name: ticket.displayName })
      : t(locale, 'checkin.already', {
          name: ticket.displayName,
          time: formatInZone(checkedInAt, event.timeZone, locale),
        });
    return {
      result: marked ? ('checked_in' as const) : ('already' as const),
      message,
      attendee: { ...ticket, checkedInAt },
      ...(await checkInCounts(tx, eventId)),
    };
  });
}

/**
 * After an event ends, confirmed attendees who were not checked in are recorded as no-shows — for
 * events where check-in was used (someone was checked in): an event that never opened its door
 * list says nothing about who came. Batches of NO_SHOW_BATCH, one transaction each.
 */
export async function recordNoShows(deps: Pick<AppDeps, 'db'>, now: Date): Promise<number> {
  let marked = 0;
  for (;;) {
    await yieldToEventLoop();
    const rows = await deps.db
      .update(eventRegistrations)
      .set({ noShow: true, updatedAt: now })
      .where(
        sql`${eventRegistrations.id} in (
          select r.id from ${eventRegistrations} r join ${events} e on e.id = r.event_id
          where r.status = 'confirmed' and r.checked_in_at is null and not r.no_show
            and e.status = 'published' and e.ends_at <= ${now.toISOString()}::timestamptz
            and e.ends_at > ${new Date(now.getTime() - NO_SHOW_LOOKBACK_MS).toISOString()}::timestamptz
            and exists (select 1 from ${eventRegistrations} c where c.event_id = e.id and c.checked_in_at is not null)
          order by r.id limit ${NO_SHOW_BATCH})`,
      )
      .returning({ id: eventRegistrations.id });
    marked += rows.length;
    if (rows.length < NO_SHOW_BATCH) return marked;
  }
}
