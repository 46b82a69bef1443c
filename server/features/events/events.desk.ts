import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { RegisterInput } from '#common/events';
import { type Db, queryRows } from '#server/db/client';
import { eventHosts, eventRegistrations, events } from '#server/db/schema/index';
import type { Viewer } from '#server/lib/access/policy';
import { loadViewers } from '#server/lib/access/viewers';
import { type Batches, batches, type Outcome } from '#server/lib/batches';
import { notFound } from '#server/lib/errors';
import { type NoticePlan, planNotice, writeNotice } from '#server/lib/notify';
import { dispatchMail } from '#server/lib/outbox';
import { type NoticeAndMailPlan, writeNoticeAndMail } from './attendance.mail';
import { planSeatsConfirmed } from './events.notices';
import { canSeeEvent, type EventRow } from './events.policy';
import {
  assertRegistrationOpen,
  checkedInput,
  eventNotice,
  insertRegistration,
  lockEvent,
  newCheckInCode,
  nextPlaceInLine,
  type RegistrationDeps,
  type RegistrationRow,
  seatsTaken,
} from './events.registration';

/**
 * The registration desk (decision 043, "the desk"): registrations are served per event in
 * batches. Each batch is one transaction that reads and renders everything that does not depend
 * on the seats without the lock — the event's visibility for each member, repeats, the answers,
 * what each member is told either way (settings, the confirmation mail with its calendar file) —
 * then locks the event row, counts the seats from the registration rows, and writes the batch in
 * order: one insert, one notification insert, one outbox insert. Never more confirmed than the
 * capacity under any concurrency (the row lock serialises batches, across processes too); the
 * unique (event, member) index stops a second registration. At low load a batch is one request.
 */

export interface RegisterRequest {
  viewer: Viewer;
  input: RegisterInput;
  locale: 'ja' | 'en';
}
export interface Registered {
  registration: RegistrationRow;
  created: boolean;
}

/** Batches per deps (one app, one clock): one desk per app. */
const desks = new WeakMap<object, Batches<string, RegisterRequest, Registered>>();
const BATCH_MAX = 100;

/**
 * A member registers: confirmed when their party fits, waitlisted when it does not, pending when
 * the host approves each registration. A repeat (not cancelled) answers the registration that
 * exists; after a cancellation the same row starts again at the end of the line.
 */
export function register(
  deps: RegistrationDeps,
  { eventId, ...request }: RegisterRequest & { eventId: string },
): Promise<Registered> {
  let desk = desks.get(deps);
  if (!desk) {
    desk = batches((id, batch) => serveRegistrations(deps, id, batch), { max: BATCH_MAX });
    desks.set(deps, desk);
  }
  return desk.submit(eventId, request);
}

interface Candidate {
  index: number;
  request: RegisterRequest;
  answers: Record<string, string>;
  /** Their cancelled registration, started again. */
  cancelled: RegistrationRow | null;
}

interface Prepared {
  event: EventRow;
  /** Answered without the lock: not visible, a repeat, bad input, registration closed. */
  answered: Map<number, Outcome<Registered>>;
  /** A second request of a member in the same batch: answered as the first is. */
  sameAs: Map<number, number>;
  candidates: Candidate[];
  waitlisted: NoticePlan;
  confirmed: NoticeAndMailPlan | null;
}

const fail = (error: unknown): Outcome<Registered> => ({ ok: false, error });

async function serveRegistrations(
  deps: RegistrationDeps,
  eventId: string,
  batch: readonly RegisterRequest[],
): Promise<Outcome<Registered>[]> {
  const now = deps.clock.now();
  const mailIds: string[] = [];
  const outcomes = await deps.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    let prepared = await prepare(tx, deps, { eventId, batch, now });
    if (!prepared) return batch.map(() => fail(notFound()));
    if (prepared.candidates.length > 0) {
      const locked = await lockEvent(tx, eventId);
      // Changed by a host in between: checked and planned again, under the lock this time.
      if (locked.updatedAt.getTime() !== prepared.event.updatedAt.getTime()) {
        prepared = await prepare(tx, deps, { eventId, batch, now });
        if (!prepared) return batch.map(() => fail(notFound()));
      }
    }
    const written = await writeBatch(tx, deps, prepared, now, mailIds);
    return batch.map((_, index): Outcome<Registered> => {
      const first = prepared.sameAs.get(index);
      const own = prepared.answered.get(index) ?? written.get(index);
      if (first === undefined) return own ?? fail(new Error('registration: unanswered'));
      const theirs = prepared.answered.get(first) ?? written.get(first);
      return theirs?.ok
        ? { ok: true, value: { ...theirs.value, created: false } }
        : (theirs ?? fail(notFound()));
    });
  });
  await dispatchMail(deps, mailIds);
  return outcomes;
}

/** The reads of a batch, without the lock (or again under it). Undefined when the event does not exist. */
async function prepare(
  tx: Db,
  deps: RegistrationDeps,
  { eventId, batch, now }: { eventId: string; batch: readonly RegisterRequest[]; now: Date },
): Promise<Prepared | undefined> {
  const [event] = await tx.select().from(events).where(eq(events.id, eventId));
  if (!event) return undefined;
  const firstOf = new Map<string, number>();
  const sameAs = new Map<number, number>();
  batch.forEach((r, i) => {
    const first = firstOf.get(r.viewer.id);
    if (first === undefined) firstOf.set(r.viewer.id, i);
    else sameAs.set(i, first);
  });
  const firsts = [...firstOf.values()];
  const seeing = await whoSees(tx, event, [...firstOf.keys()], now);
  const existing = new Map(
    (
      await tx
        .select()
        .from(eventRegistrations)
        .where(
          and(
            eq(eventRegistrations.eventId, event.id),
            inArray(eventRegistrations.userId, [...firstOf.keys()]),
          ),
        )
    ).map((r) => [r.userId, r]),
  );
  const answered = new Map<number, Outcome<Registered>>();
  const candidates: Candidate[] = [];
  for (const index of firsts) {
    const request = batch[index] as RegisterRequest;
    if (!seeing.has(request.viewer.id)) {
      answered.set(index, fail(notFound()));
      continue;
    }
    const mine = existing.get(request.viewer.id);
    if (mine && mine.status !== 'cancelled') {
      answered.set(index, { ok: true, value: { registration: mine, created: false } });
      continue;
    }
    try {
      assertRegistrationOpen(event, now);
      const answers = checkedInput(event, request.input, request.locale);
      candidates.push({ index, request, answers, cancelled: mine ?? null });
    } catch (error) {
      answered.set(index, fail(error));
    }
  }
  const userIds = candidates.map((c) => c.request.viewer.id);
  const waitlisted = await planNotice(tx, now, eventNotice(event, 'event_waitlisted', userIds));
  // The confirmation (with its calendar file) is rendered for those a seat may be free for.
  let free = event.requiresApproval ? 0 : event.capacity - (await seatsTaken(tx, event.id));
  const mayConfirm: string[] = [];
  for (const c of candidates) {
    const party = 1 + c.request.input.guests;
    if (party > free) continue;
    mayConfirm.push(c.request.viewer.id);
    free -= party;
  }
  const confirmed =
    mayConfirm.length > 0
      ? await planSeatsConfirmed(tx, deps, { event, userIds: mayConfirm, type: 'event_confirmed', now })
      : null;
  return { event, answered, sameAs, candidates, waitlisted, confirmed };
}

/**
 * The members of the batch (by id) who may see the event: loaded as they are now (role, leaving
 * date, groups) and judged by the policy's pure twin, one query for all (decision 043).
 */
async function whoSees(tx: Db, event: EventRow, userIds: readonly string[], now: Date): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const viewers = await loadViewers(tx, userIds);
  const hosts = await tx
    .select({ userId: eventHosts.userId })
    .from(eventHosts)
    .where(eq(eventHosts.eventId, event.id));
  const hostIds = hosts.map((h) => h.userId);
  return new Set(viewers.filter((v) => canSeeEvent(v, event, hostIds, now)).map((v) => v.id));
}

/** Under the lock: the seats, the rows in order, the planned notices. The answers by batch index. */
async function writeBatch(
  tx: Db,
  deps: RegistrationDeps,
  prepared: Prepared,
  now: Date,
  mailIds: string[],
): Promise<Map<number, Outcome<Registered>>> {
  const { event, candidates } = prepared;
  const answers = new Map<number, Outcome<Registered>>();
  if (candidates.length === 0) return answers;
  const [line] = await queryRows<{ taken: number; base: string }>(
    tx,
    sql`select (select coalesce(sum(1 + guests), 0)::int from ${eventRegistrations}
          where event_id = ${event.id} and status in ('confirmed', 'offered')) as taken,
        (${nextPlaceInLine(event.id, now)})::text as base`,
  );
  let taken = Number(line?.taken ?? 0);
  const base = line?.base ?? now.toISOString();
  const rows = candidates.map((c, k) => {
    const party = 1 + c.request.input.guests;
    const status: RegistrationRow['status'] = event.requiresApproval
      ? 'pending'
      : taken + party <= event.capacity
        ? 'confirmed'
        : 'waitlisted';
    if (status === 'confirmed') taken += party;
    return {
      candidate: c,
      values: {
        status,
        guests: c.request.input.guests,
        answers: c.answers,
        // Strictly after everyone already in line, in the order the batch was served.
        requestedAt: sql`${base}::timestamptz + ${k} * interval '1 microsecond'` as unknown as Date,
        confirmedAt: status === 'confirmed' ? now : null,
        offeredAt: null,
        offerExpiresAt: null,
        cancelledAt: null,
        cancelReason: null,
        checkedInAt: null,
        checkedInBy: null,
        noShow: false,
        updatedAt: now,
      },
    };
  });

  const created = new Map<string, RegistrationRow>();
  const fresh = rows.filter((r) => !r.candidate.cancelled);
  if (fresh.length > 0) {
    const inserted = await tx
      .insert(eventRegistrations)
      .values(
        fresh.map((r) => ({
          ...r.values,
          id: randomUUID(),
          eventId: event.id,
          userId: r.candidate.request.viewer.id,
          checkInCode: newCheckInCode(),
          createdAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning();
    for (const row of inserted) created.set(row.userId, row);
  }
  for (const { candidate, values } of rows) {
    const userId = candidate.request.viewer.id;
    let row = created.get(userId);
    if (!row && candidate.cancelled) {
      [row] = await tx
        .update(eventRegistrations)
        .set(values)
        .where(eq(eventRegistrations.id, candidate.cancelled.id))
        .returning();
      if (!row) throw notFound();
    } else if (!row) {
      // A check-in code taken, or this member's registration committed by another process since
      // the first look: one at a time, with the insert's own retry.
      const single = await insertRegistration(tx, {
        ...values,
        id: randomUUID(),
        eventId: event.id,
        userId,
        createdAt: now,
      });
      if (!single.created) {
        answers.set(candidate.index, { ok: true, value: { registration: single.row, created: false } });
        continue;
      }
      row = single.row;
    }
    answers.set(candidate.index, { ok: true, value: { registration: row, created: true } });
  }

  const ended = (status: RegistrationRow['status']) =>
    new Set(
      [...answers.values()].flatMap((a) =>
        a.ok && a.value.created && a.value.registration.status === status
          ? [a.value.registration.userId]
          : [],
      ),
    );
  const waitlisted = ended('waitlisted');
  if (waitlisted.size > 0) await writeNotice(tx, now, onlyFor(prepared.waitlisted, waitlisted));
  const confirmed = ended('confirmed');
  if (confirmed.size > 0) {
    const planned = prepared.confirmed ? onlyMailFor(prepared.confirmed, confirmed) : null;
    const unplanned = [...confirmed].filter((id) => !planned?.notice.input.userIds.includes(id));
    if (planned) mailIds.push(...(await writeNoticeAndMail(tx, now, planned)));
    // A seat freed since the first look: their confirmation rendered now (rare).
    if (unplanned.length > 0) {
      const late = await planSeatsConfirmed(tx, deps, {
        event,
        userIds: unplanned,
        type: 'event_confirmed',
        now,
      });
      mailIds.push(...(await writeNoticeAndMail(tx, now, late)));
    }
  }
  return answers;
}

const onlyFor = (plan: NoticePlan, userIds: ReadonlySet<string>): NoticePlan => ({
  input: { ...plan.input, userIds: plan.input.userIds.filter((id) => userIds.has(id)) },
  notified: plan.notified.filter((n) => userIds.has(n.userId)),
});

const onlyMailFor = (plan: NoticeAndMailPlan, userIds: ReadonlySet<string>): NoticeAndMailPlan => ({
  notice: onlyFor(plan.notice, userIds),
  mails: plan.mails.filter((m) => m.userId && userIds.has(m.userId)),
});
