import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { RegisterInput } from '#common/events';
import type { NotificationType } from '#common/notifications';
import { type Db, queryRows } from '#server/db/client';
import { eventRegistrations, events } from '#server/db/schema/index';
import type { Viewer } from '#server/lib/access/policy';
import { audit } from '#server/lib/audit';
import type { AppDeps } from '#server/lib/deps';
import { AppError, emptyFieldMap, notFound } from '#server/lib/errors';
import { t } from '#server/lib/i18n';
import { notify } from '#server/lib/notify';
import { dispatchMail } from '#server/lib/outbox';
import { announceSeatConfirmed } from './events.notices';
import { type EventRow, manageableEvent, visibleEventsWhere } from './events.policy';

/**
 * Registration (decision 043): every write that can change the seats taken runs in one
 * transaction that first locks the event row (`select … for update`), then counts the seats from
 * the registration rows — `sum(1 + guests)` over `confirmed` and `offered` — so two requests for
 * one event are served one after the other and no counter can drift. One row per (event, member)
 * (unique index): a repeat is answered with the registration that exists.
 */

export type RegistrationRow = typeof eventRegistrations.$inferSelect;
export type RegistrationDeps = Pick<AppDeps, 'db' | 'clock' | 'queue' | 'logger' | 'env'>;
type Deps = RegistrationDeps;

export const EVENT_OFFER_EXPIRED_JOB = 'events.offer-expired';
export const EVENT_OFFER_SWEEP_JOB = 'events.offer-sweep';

/** An offer made in a transaction: its expiry job is queued after commit. */
export interface Offer {
  eventId: string;
  registrationId: string;
  expiresAt: Date;
}

// ---- check-in codes ----------------------------------------------------------------------------

/** 32 characters without the look-alikes 0/O and 1/I: typed at the door from a phone screen. */
export const CHECK_IN_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CHECK_IN_CODE_LENGTH = 8;

/** A fresh 8-character code (node:crypto; 256 is a multiple of 32, so every character is as likely). */
export function newCheckInCode(): string {
  const bytes = randomBytes(CHECK_IN_CODE_LENGTH);
  let code = '';
  for (const byte of bytes) code += CHECK_IN_ALPHABET[byte % CHECK_IN_ALPHABET.length];
  return code;
}

// ---- seats -------------------------------------------------------------------------------------

/** Seats taken now: confirmed and offered registrations, each with its guests. */
export async function seatsTaken(tx: Db, eventId: string): Promise<number> {
  const [row] = await queryRows<{ taken: number }>(
    tx,
    sql`select coalesce(sum(1 + guests), 0)::int as taken from ${eventRegistrations}
        where event_id = ${eventId} and status in ('confirmed', 'offered')`,
  );
  return Number(row?.taken ?? 0);
}

/** The event row locked for this transaction, or 404 (visibility checked in the same query when given). */
export async function lockEvent(
  tx: Db,
  eventId: string,
  visibleTo?: { viewer: Viewer; now: Date },
): Promise<EventRow> {
  const conditions: SQL[] = [eq(events.id, eventId)];
  if (visibleTo) conditions.push(visibleEventsWhere(visibleTo.viewer, visibleTo.now));
  const [row] = await tx
    .select()
    .from(events)
    .where(and(...conditions))
    .for('update');
  if (!row) throw notFound();
  return row;
}

/**
 * The place in line of the next request: the transaction's time, but strictly after every
 * request already in this event's line (the lock serialises them), so the line is the order in
 * which requests were served even when they arrive within the same microsecond. Each term is one
 * backward step on `event_registrations_line_idx`.
 */
export const nextPlaceInLine = (eventId: string, now: Date) => {
  const latest = (status: string) =>
    sql`(select max(requested_at) from ${eventRegistrations} where event_id = ${eventId} and status = ${status})`;
  return sql`greatest(${now.toISOString()}::timestamptz, greatest(${latest('pending')}, ${latest('waitlisted')},
    ${latest('offered')}, ${latest('confirmed')}) + interval '1 microsecond')`;
};

/** 1 for the first in line; null when not waiting. */
export async function waitlistPosition(db: Db, registration: RegistrationRow): Promise<number | null> {
  if (registration.status !== 'waitlisted') return null;
  const [row] = await queryRows<{ ahead: number }>(
    db,
    sql`select count(*)::int as ahead from ${eventRegistrations} r
        where r.event_id = ${registration.eventId} and r.status = 'waitlisted'
          and (r.requested_at, r.id) < (select requested_at, id from ${eventRegistrations} where id = ${registration.id})`,
  );
  return Number(row?.ahead ?? 0) + 1;
}

// ---- telling members ---------------------------------------------------------------------------

const eventNotice = (
  event: EventRow,
  type: NotificationType,
  userIds: string[],
  extra: Record<string, string | null> = {},
) => ({
  userIds,
  type,
  threadKey: `event:${event.id}`,
  link: `/events/${event.id}`,
  data: { titleJa: event.titleJa, titleEn: event.titleEn, ...extra },
});

// ---- the waitlist offers itself ----------------------------------------------------------------

/**
 * Offers the seats free now to the first in line who fit (in `(requested_at, id)` order; a party
 * too large for what is free waits for more), held until now + the claim window (never past the
 * start). Runs under the event lock; tells each member (bell + e-mail). Returns the offers, whose
 * expiry jobs the caller queues after commit.
 */
export async function offerFreedSeats(tx: Db, event: EventRow, now: Date): Promise<Offer[]> {
  if (event.status !== 'published' || event.startsAt <= now) return [];
  let free = event.capacity - (await seatsTaken(tx, event.id));
  if (free <= 0) return [];
  const line = await tx
    .select({
      id: eventRegistrations.id,
      userId: eventRegistrations.userId,
      guests: eventRegistrations.guests,
    })
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.eventId, event.id),
        eq(eventRegistrations.status, 'waitlisted'),
        sql`1 + ${eventRegistrations.guests} <= ${free}`,
      ),
    )
    .orderBy(asc(eventRegistrations.requestedAt), asc(eventRegistrations.id))
    .limit(free);
  const chosen: typeof line = [];
  for (const row of line) {
    if (1 + row.guests > free) continue;
    chosen.push(row);
    free -= 1 + row.guests;
    if (free <= 0) break;
  }
  if (chosen.length === 0) return [];
  const expiresAt = new Date(
    Math.min(now.getTime() + event.claimWindowMinutes * 60_000, event.startsAt.getTime()),
  );
  await tx
    .update(eventRegistrations)
    .set({ status: 'offered', offeredAt: now, offerExpiresAt: expiresAt, updatedAt: now })
    .where(
      inArray(
        eventRegistrations.id,
        chosen.map((r) => r.id),
      ),
    );
  await notify(
    tx,
    now,
    eventNotice(
      event,
      'event_offered',
      chosen.map((r) => r.userId),
      { until: expiresAt.toISOString() },
    ),
  );
  return chosen.map((r) => ({ eventId: event.id, registrationId: r.id, expiresAt }));
}

/**
 * Queues, after commit, the job that lapses each offer at its expiry (one per registration:
 * `singletonKey`); the periodic sweep catches any the queue lost. A failure to queue is logged.
 */
export async function scheduleOfferExpiry(deps: Pick<AppDeps, 'queue' | 'logger'>, offers: readonly Offer[]) {
  for (const offer of offers) {
    try {
      await deps.queue.send(
        EVENT_OFFER_EXPIRED_JOB,
        { eventId: offer.eventId },
        { startAfter: offer.expiresAt, singletonKey: `event-offer:${offer.registrationId}` },
      );
    } catch (error) {
      deps.logger.warn('offer expiry not queued', {
        registrationId: offer.registrationId,
        error: String(error),
      });
    }
  }
}

// ---- registering -------------------------------------------------------------------------------

const badRequest = (fields: Record<string, string[]>, message = 'error.bad_request') =>
  new AppError('bad_request', message, fields);

/** Registration is open: published, not over, within its window. */
export function assertRegistrationOpen(event: EventRow, now: Date) {
  if (event.status !== 'published' || event.startsAt <= now)
    throw new AppError('bad_request', 'error.event_not_open');
  if (event.registrationOpensAt && event.registrationOpensAt > now) {
    throw new AppError('bad_request', 'error.event_registration_not_yet');
  }
  if (event.registrationClosesAt && event.registrationClosesAt <= now) {
    throw new AppError('bad_request', 'error.event_registration_closed');
  }
}

/** Guests within the limit, every required question answered, choices among the options; unknown ids dropped. */
export function checkedInput(
  event: EventRow,
  input: RegisterInput,
  locale: 'ja' | 'en',
): Record<string, string> {
  const fields = emptyFieldMap();
  if (input.guests > event.guestLimit) {
    fields.guests = [t(locale, 'kz.eventGuestsAboveLimit', { limit: event.guestLimit })];
  }
  const answers: Record<string, string> = {};
  for (const question of event.questions) {
    const answer = input.answers[question.id]?.trim() ?? '';
    if (!answer) {
      if (question.required) fields[`answers.${question.id}`] = ['kz.eventAnswerRequired'];
      continue;
    }
    if (question.kind === 'choice' && !(question.options ?? []).some((o) => o.id === answer)) {
      fields[`answers.${question.id}`] = ['kz.eventAnswerOption'];
      continue;
    }
    answers[question.id] = answer;
  }
  if (Object.keys(fields).length > 0) throw badRequest(fields);
  return answers;
}

/**
 * Inserts a registration with a fresh check-in code; a code already used at this event (the
 * unique index) is retried with another. Never an exception inside the transaction: the insert
 * does nothing on a conflict, then we look why.
 */
export async function insertRegistration(
  tx: Db,
  values: Omit<typeof eventRegistrations.$inferInsert, 'checkInCode'>,
): Promise<{ row: RegistrationRow; created: boolean }> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const [row] = await tx
      .insert(eventRegistrations)
      .values({ ...values, checkInCode: newCheckInCode() })
      .onConflictDoNothing()
      .returning();
    if (row) return { row, created: true };
    const [mine] = await tx
      .select()
      .from(eventRegistrations)
      .where(
        and(eq(eventRegistrations.eventId, values.eventId), eq(eventRegistrations.userId, values.userId)),
      );
    if (mine) return { row: mine, created: false };
  }
  throw new Error('no free check-in code after 10 attempts');
}

/** The viewer's live registration at a locked event, or 404. */
async function ownRegistration(tx: Db, eventId: string, viewer: Viewer): Promise<RegistrationRow> {
  const [row] = await tx
    .select()
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.eventId, eventId),
        eq(eventRegistrations.userId, viewer.id),
        sql`${eventRegistrations.status} <> 'cancelled'`,
      ),
    );
  if (!row) throw new AppError('not_found', 'error.event_not_registered');
  return row;
}

/**
 * A member cancels, or releases their seat: the row is cancelled (reason `member`) and a freed
 * seat goes to the first in line at once. Not once the event has started.
 */
export async function cancelRegistration(
  deps: Deps,
  { viewer, eventId }: { viewer: Viewer; eventId: string },
): Promise<RegistrationRow> {
  const now = deps.clock.now();
  const { row, offers } = await deps.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const event = await lockEvent(tx, eventId, { viewer, now });
    const mine = await ownRegistration(tx, event.id, viewer);
    if (event.startsAt <= now) throw new AppError('bad_request', 'error.event_not_open');
    const [cancelled] = await tx
      .update(eventRegistrations)
      .set({
        status: 'cancelled',
        cancelledAt: now,
        cancelReason: 'member',
        offerExpiresAt: null,
        updatedAt: now,
      })
      .where(eq(eventRegistrations.id, mine.id))
      .returning();
    if (!cancelled) throw notFound();
    const held = mine.status === 'confirmed' || mine.status === 'offered';
    return { row: cancelled, offers: held ? await offerFreedSeats(tx, event, now) : [] };
  });
  await scheduleOfferExpiry(deps, offers);
  return row;
}

/** A member claims the seat offered to them before the deadline: confirmed. */
export async function claimOffer(
  deps: Deps,
  { viewer, eventId }: { viewer: Viewer; eventId: string },
): Promise<RegistrationRow> {
  const now = deps.clock.now();
  const mailIds: string[] = [];
  const claimed = await deps.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const event = await lockEvent(tx, eventId, { viewer, now });
    const mine = await ownRegistration(tx, event.id, viewer);
    if (mine.status !== 'offered') throw new AppError('conflict', 'error.event_no_offer');
    if (!mine.offerExpiresAt || mine.offerExpiresAt <= now)
      throw new AppError('conflict', 'error.event_offer_expired');
    const [confirmed] = await tx
      .update(eventRegistrations)
      .set({ status: 'confirmed', confirmedAt: now, offerExpiresAt: null, updatedAt: now })
      .where(eq(eventRegistrations.id, mine.id))
      .returning();
    if (!confirmed) throw notFound();
    mailIds.push(
      ...(await announceSeatConfirmed(tx, deps, { event, userId: viewer.id, type: 'event_confirmed', now })),
    );
    return confirmed;
  });
  await dispatchMail(deps, mailIds);
  return claimed;
}

/**
 * A host (or HR) approves or declines a pending registration. Approved: confirmed when the party
 * fits, else waitlisted. Declined: cancelled with reason `declined`. Audited.
 */
export async function decideRegistration(
  deps: Deps,
  {
    viewer,
    eventId,
    registrationId,
    decision,
  }: { viewer: Viewer; eventId: string; registrationId: string; decision: 'approve' | 'decline' },
): Promise<RegistrationRow> {
  const now = deps.clock.now();
  const mailIds: string[] = [];
  const decided = await deps.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const event = await manageableEvent(tx, viewer, eventId, { lock: true });
    const [row] = await tx
      .select()
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.id, registrationId), eq(eventRegistrations.eventId, event.id)));
    if (!row) throw notFound();
    if (row.status !== 'pending') throw new AppError('conflict', 'error.event_not_pending');
    let next: Partial<RegistrationRow>;
    let type: NotificationType;
    if (decision === 'decline') {
      next = { status: 'cancelled', cancelledAt: now, cancelReason: 'declined' };
      type = 'event_declined';
    } else {
      const fits = (await seatsTaken(tx, event.id)) + 1 + row.guests <= event.capacity;
      next = fits ? { status: 'confirmed', confirmedAt: now } : { status: 'waitlisted' };
      type = fits ? 'event_approved' : 'event_waitlisted';
    }
    const [updated] = await tx
      .update(eventRegistrations)
      .set({ ...next, updatedAt: now })
      .where(eq(eventRegistrations.id, row.id))
      .returning();
    if (!updated) throw notFound();
    if (type === 'event_approved')
      mailIds.push(...(await announceSeatConfirmed(tx, deps, { event, userId: row.userId, type, now })));
    else await notify(tx, now, { ...eventNotice(event, type, [row.userId]), actorId: viewer.id });
    await audit(tx, {
      actorId: viewer.id,
      action: decision === 'approve' ? 'event.registration_approved' : 'event.registration_declined',
      subjectType: 'event_registration',
      subjectId: row.id,
      data: { eventId: event.id, status: updated.status },
      at: now,
    });
    return updated;
  });
  await dispatchMail(deps, mailIds);
  return decided;
}

/**
 * Lapses this event's offers that passed their deadline (reason `offer_lapsed`) and offers the
 * seats to the next in line. Idempotent: a second run finds nothing to lapse.
 */
export async function lapseExpiredOffers(deps: Deps, { eventId }: { eventId: string }): Promise<number> {
  const now = deps.clock.now();
  const { lapsed, offers } = await deps.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const [event] = await tx.select().from(events).where(eq(events.id, eventId)).for('update');
    if (!event) return { lapsed: 0, offers: [] };
    const rows = await tx
      .update(eventRegistrations)
      .set({ status: 'cancelled', cancelledAt: now, cancelReason: 'offer_lapsed', updatedAt: now })
      .where(
        and(
          eq(eventRegistrations.eventId, event.id),
          eq(eventRegistrations.status, 'offered'),
          lte(eventRegistrations.offerExpiresAt, now),
        ),
      )
      .returning({ id: eventRegistrations.id });
    if (rows.length === 0) return { lapsed: 0, offers: [] };
    return { lapsed: rows.length, offers: await offerFreedSeats(tx, event, now) };
  });
  await scheduleOfferExpiry(deps, offers);
  return lapsed;
}

/** The sweep: every event with an offer past its deadline (the safety net of the per-offer job). */
export async function sweepExpiredOffers(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.db
    .selectDistinct({ eventId: eventRegistrations.eventId })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.status, 'offered'), lte(eventRegistrations.offerExpiresAt, now)))
    .limit(500);
  let lapsed = 0;
  for (const { eventId } of due) lapsed += await lapseExpiredOffers(deps, { eventId });
  return lapsed;
}

/**
 * The event is cancelled (the caller holds its lock): every live registration is cancelled with
 * reason `event_cancelled` and its member told. Returns how many.
 */
export async function cancelAllRegistrations(
  tx: Db,
  event: EventRow,
  now: Date,
  actorId: string,
  { tell = true }: { tell?: boolean } = {},
): Promise<number> {
  const rows = await tx
    .update(eventRegistrations)
    .set({
      status: 'cancelled',
      cancelledAt: now,
      cancelReason: 'event_cancelled',
      offerExpiresAt: null,
      updatedAt: now,
    })
    .where(and(eq(eventRegistrations.eventId, event.id), sql`${eventRegistrations.status} <> 'cancelled'`))
    .returning({ userId: eventRegistrations.userId });
  if (tell && rows.length > 0) {
    await notify(tx, now, {
      ...eventNotice(
        event,
        'event_cancelled',
        rows.map((r) => r.userId),
      ),
      actorId,
    });
  }
  return rows.length;
}

export { eventNotice };
