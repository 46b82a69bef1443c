import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gt, gte, inArray, lt, lte, ne, type SQL, sql } from 'drizzle-orm';
import rrule from 'rrule';
import {
  type EventCreate,
  type EventListQuery,
  type EventRepeat,
  type EventUpdate,
  eventRuleIssues,
  type SeriesCreate,
  type SeriesUpdate,
} from '#common/events';
import { normalizeForSearch } from '#common/search-text';
import { isoToZoned, zonedToIso } from '#common/zoned-time';
import { type Db, queryRows } from '#server/db/client';
import { eventHosts, eventRegistrations, eventSeries, events, groups, users } from '#server/db/schema/index';
import { isHr, type Viewer } from '#server/lib/access/policy';
import { audit } from '#server/lib/audit';
import type { AppDeps } from '#server/lib/deps';
import { AppError, emptyFieldMap, notFound } from '#server/lib/errors';
import { t } from '#server/lib/i18n';
import { renderMarkdown } from '#server/lib/markdown';
import { dispatchMail } from '#server/lib/outbox';
import { announceEventChange } from './events.notices';
import {
  audienceOfEvent,
  type EventRow,
  governedFromEventAudience,
  manageableEvent,
  visibleEventsWhere,
} from './events.policy';
import {
  cancelAllRegistrations,
  type Offer,
  offerFreedSeats,
  type RegistrationRow,
  scheduleOfferExpiry,
  seatsTaken,
  waitlistPosition,
} from './events.registration';

const { RRule } = rrule;

type Deps = Pick<AppDeps, 'db' | 'clock'>;
type WriteDeps = Pick<AppDeps, 'db' | 'clock' | 'queue' | 'logger' | 'env'>;
export type SeriesRow = typeof eventSeries.$inferSelect;

/** The head office's zone: the calendar's month filter reads months there. */
export const EVENTS_CALENDAR_TIME_ZONE = 'Asia/Tokyo';

const badRequest = (fields: Record<string, string[]>) =>
  new AppError('bad_request', 'error.bad_request', fields);

// ---- the calendar ------------------------------------------------------------------------------

/** What a calendar line needs beyond the event row: seats taken, the viewer's status, group and series. */
const cardExtras = (viewer: Viewer) => ({
  taken: sql<number>`(select coalesce(sum(1 + r.guests), 0)::int from event_registrations r
    where r.event_id = ${events.id} and r.status in ('confirmed', 'offered'))`,
  myStatus: sql<RegistrationRow['status'] | null>`(select r.status from event_registrations r
    where r.event_id = ${events.id} and r.user_id = ${viewer.id} and r.status <> 'cancelled')`,
  groupNameJa: groups.nameJa,
  groupNameEn: groups.nameEn,
  seriesTitleJa: eventSeries.titleJa,
  seriesTitleEn: eventSeries.titleEn,
});

export type EventCardRow = EventRow & {
  taken: number;
  myStatus: RegistrationRow['status'] | null;
  groupNameJa: string | null;
  groupNameEn: string | null;
  seriesTitleJa: string | null;
  seriesTitleEn: string | null;
};

export function selectCards(db: Db, viewer: Viewer) {
  return db
    .select({ event: events, ...cardExtras(viewer) })
    .from(events)
    .leftJoin(groups, eq(groups.id, events.groupId))
    .leftJoin(eventSeries, eq(eventSeries.id, events.seriesId));
}

export const flatten = (r: { event: EventRow } & Omit<EventCardRow, keyof EventRow>): EventCardRow => ({
  ...r.event,
  taken: Number(r.taken),
  myStatus: r.myStatus,
  groupNameJa: r.groupNameJa,
  groupNameEn: r.groupNameEn,
  seriesTitleJa: r.seriesTitleJa,
  seriesTitleEn: r.seriesTitleEn,
});

/** Keyset cursor over (starts_at, id): opaque to clients. */
export function encodeCursor(row: { startsAt: Date; id: string }): string {
  return Buffer.from(`${row.startsAt.toISOString()}|${row.id}`).toString('base64url');
}
function decodeCursor(cursor: string): { startsAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const startsAt = new Date(at ?? '');
  if (!id || Number.isNaN(startsAt.getTime())) throw badRequest({ cursor: ['kz.cursor'] });
  return { startsAt, id };
}

/** The first instant of a month (YYYY-MM) in the head office's zone, and of the next month. */
export function monthBounds(month: string): [Date, Date] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const at = (year: number, mon: number) => {
    const guess = new Date(Date.UTC(year, mon - 1, 1));
    // The zone's offset at that moment (Asia/Tokyo has no DST; computed anyway).
    const local = new Date(guess.toLocaleString('en-US', { timeZone: EVENTS_CALENDAR_TIME_ZONE }));
    const utc = new Date(guess.toLocaleString('en-US', { timeZone: 'UTC' }));
    return new Date(guess.getTime() - (local.getTime() - utc.getTime()));
  };
  return [at(y, m), m === 12 ? at(y + 1, 1) : at(y, m + 1)];
}

/** Longest event the upcoming list expects to be still running (bounds the index range). */
const RUNNING_LOOKBACK_MS = 14 * 86_400_000;

/**
 * The calendar: one page of events the viewer may see, upcoming (not yet ended, soonest first)
 * or past (latest first), filtered; keyset paging on (starts_at, id) along `events_calendar_idx`.
 */
export async function listEvents(deps: Deps, { viewer, query }: { viewer: Viewer; query: EventListQuery }) {
  const now = deps.clock.now();
  const upcoming = query.when === 'upcoming';
  const conds: SQL[] = [eq(events.status, query.status), visibleEventsWhere(viewer, now)];
  if (upcoming) {
    conds.push(gt(events.endsAt, now), gt(events.startsAt, new Date(now.getTime() - RUNNING_LOOKBACK_MS)));
  } else {
    conds.push(lte(events.endsAt, now), lte(events.startsAt, now));
  }
  if (query.kind?.length) conds.push(inArray(events.kind, query.kind));
  if (query.place === 'online') conds.push(inArray(events.format, ['online', 'hybrid']));
  if (query.place === 'offline') conds.push(inArray(events.format, ['in_person', 'hybrid']));
  if (query.groupId) conds.push(eq(events.groupId, query.groupId));
  if (query.seriesId) conds.push(eq(events.seriesId, query.seriesId));
  if (query.language) conds.push(inArray(events.language, [query.language, 'both']));
  if (query.month) {
    const [from, to] = monthBounds(query.month);
    conds.push(gte(events.startsAt, from), lt(events.startsAt, to));
  }
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    conds.push(
      upcoming
        ? sql`(${events.startsAt}, ${events.id}) > (${c.startsAt.toISOString()}::timestamptz, ${c.id})`
        : sql`(${events.startsAt}, ${events.id}) < (${c.startsAt.toISOString()}::timestamptz, ${c.id})`,
    );
  }
  const order = upcoming ? [asc(events.startsAt), asc(events.id)] : [desc(events.startsAt), desc(events.id)];
  const rows = (
    await selectCards(deps.db, viewer)
      .where(and(...conds))
      .orderBy(...order)
      .limit(query.limit + 1)
  ).map(flatten);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}

// ---- one event ---------------------------------------------------------------------------------

export interface EventDetail {
  row: EventCardRow;
  hosts: { id: string; displayName: string; role: 'host' | 'cohost' | 'speaker' }[];
  names: Map<string, string>;
  mine: RegistrationRow | null;
  waitlistPosition: number | null;
  waitlistCount: number;
  canManage: boolean;
}

async function namesOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** An event the viewer may see (404 otherwise), with its hosts, the viewer's registration and the line. */
export async function getEvent(
  deps: Deps,
  { viewer, id }: { viewer: Viewer; id: string },
): Promise<EventDetail> {
  const now = deps.clock.now();
  const [found] = await selectCards(deps.db, viewer).where(
    and(eq(events.id, id), visibleEventsWhere(viewer, now)),
  );
  if (!found) throw notFound();
  const row = flatten(found);
  const hosts = await deps.db
    .select({ id: users.id, displayName: users.name, role: eventHosts.role })
    .from(eventHosts)
    .innerJoin(users, eq(users.id, eventHosts.userId))
    .where(eq(eventHosts.eventId, id))
    .orderBy(asc(eventHosts.createdAt), asc(users.id));
  const [mine] = await deps.db
    .select()
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.eventId, id),
        eq(eventRegistrations.userId, viewer.id),
        ne(eventRegistrations.status, 'cancelled'),
      ),
    );
  const [line] = await queryRows<{ n: number }>(
    deps.db,
    sql`select count(*)::int as n from ${eventRegistrations} where event_id = ${id} and status = 'waitlisted'`,
  );
  const canManage = isHr(viewer) || hosts.some((h) => h.id === viewer.id);
  const speakerIds = row.speakers.map((s) => s.userId).filter((v): v is string => Boolean(v));
  const memberIds = canManage ? audienceOfEvent(row).memberIds : [];
  return {
    row,
    hosts,
    names: await namesOf(deps.db, [...speakerIds, ...memberIds]),
    mine: mine ?? null,
    waitlistPosition: mine ? await waitlistPosition(deps.db, mine) : null,
    waitlistCount: Number(line?.n ?? 0),
    canManage,
  };
}

// ---- HR and hosts write ------------------------------------------------------------------------

/** Group, series and members named by the input exist (and are active): 400 per field otherwise. */
async function assertReferences(
  db: Db,
  input: Partial<Pick<EventCreate, 'audience' | 'groupId' | 'seriesId' | 'cohostIds' | 'speakers'>>,
) {
  const fields = emptyFieldMap();
  const groupIds = [input.groupId, input.audience?.preset === 'group' ? input.audience.groupId : null].filter(
    (v): v is string => Boolean(v),
  );
  if (groupIds.length > 0) {
    const found = await db
      .select({ id: groups.id })
      .from(groups)
      .where(and(inArray(groups.id, groupIds), eq(groups.status, 'active')));
    const ok = new Set(found.map((g) => g.id));
    if (input.groupId && !ok.has(input.groupId)) fields.groupId = ['kz.eventUnknownGroup'];
    if (input.audience?.preset === 'group' && input.audience.groupId && !ok.has(input.audience.groupId)) {
      fields['audience.groupId'] = ['kz.eventUnknownGroup'];
    }
  }
  if (input.seriesId) {
    const [series] = await db
      .select({ id: eventSeries.id })
      .from(eventSeries)
      .where(eq(eventSeries.id, input.seriesId));
    if (!series) fields.seriesId = ['kz.eventUnknownSeries'];
  }
  const checkMembers = async (field: string, ids: readonly string[]) => {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    const found = await db
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, unique), eq(users.status, 'active')));
    if (found.length !== unique.length) fields[field] = ['kz.eventUnknownMember'];
  };
  if (input.audience?.preset === 'people') await checkMembers('audience.memberIds', input.audience.memberIds);
  if (input.cohostIds) await checkMembers('cohostIds', input.cohostIds);
  if (input.speakers) {
    await checkMembers(
      'speakers',
      input.speakers.map((s) => s.userId).filter((v): v is string => Boolean(v)),
    );
  }
  if (Object.keys(fields).length > 0) throw badRequest(fields);
}

function ruleFields(issues: { path: string; message: string }[]) {
  const fields = emptyFieldMap();
  for (const issue of issues) fields[issue.path] = [...(fields[issue.path] ?? []), issue.message];
  return fields;
}

/** The stored form of the content: Markdown rendered once, speakers normalised, the search document. */
function contentColumns(c: {
  titleJa?: string | null;
  titleEn?: string | null;
  descriptionJa?: string | null;
  descriptionEn?: string | null;
  topic?: string | null;
  speakers: EventCreate['speakers'];
}) {
  const speakers = c.speakers.map((s) => ({
    userId: s.userId ?? null,
    name: s.userId ? null : (s.name ?? null),
    affiliation: s.affiliation ?? null,
    topic: s.topic ?? null,
  }));
  return {
    titleJa: c.titleJa ?? null,
    titleEn: c.titleEn ?? null,
    descriptionJaMarkdown: c.descriptionJa ?? null,
    descriptionJaHtml: c.descriptionJa ? renderMarkdown(c.descriptionJa) : null,
    descriptionEnMarkdown: c.descriptionEn ?? null,
    descriptionEnHtml: c.descriptionEn ? renderMarkdown(c.descriptionEn) : null,
    topic: c.topic ?? null,
    speakers,
    searchText: normalizeForSearch(
      [c.titleJa, c.titleEn, c.topic, ...speakers.flatMap((s) => [s.name, s.affiliation, s.topic])]
        .filter(Boolean)
        .join(' '),
    ),
  };
}

/** Co-hosts and member speakers of an event (the host stays): replaced as a whole. */
async function writeHosts(
  tx: Db,
  eventId: string,
  {
    cohostIds,
    speakers,
    now,
  }: { cohostIds: readonly string[]; speakers: EventCreate['speakers']; now: Date },
) {
  await tx.delete(eventHosts).where(and(eq(eventHosts.eventId, eventId), ne(eventHosts.role, 'host')));
  const rows = [
    ...cohostIds.map((userId) => ({ eventId, userId, role: 'cohost' as const, createdAt: now })),
    ...speakers
      .map((s) => s.userId)
      .filter((v): v is string => Boolean(v))
      .map((userId) => ({ eventId, userId, role: 'speaker' as const, createdAt: now })),
  ];
  if (rows.length > 0) await tx.insert(eventHosts).values(rows).onConflictDoNothing();
}

const mustStartLater = (startsAt: Date, now: Date) => {
  if (startsAt <= now) throw badRequest({ startsAt: ['kz.eventStartInPast'] });
};

/** HR creates an event (draft, or published at once); HR is its host. */
export async function createEvent(
  deps: WriteDeps,
  { viewer, input }: { viewer: Viewer; input: EventCreate },
): Promise<EventRow> {
  const now = deps.clock.now();
  const startsAt = new Date(input.startsAt);
  mustStartLater(startsAt, now);
  await assertReferences(deps.db, input);
  // More dates of a series at once: the same wall-clock time in the event's zone on each date.
  const starts = input.repeat ? repeatedStarts(startsAt, input.timeZone, input.repeat) : [startsAt];
  return deps.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const rows: EventRow[] = [];
    for (const [i, start] of starts.entries()) {
      const shift = start.getTime() - startsAt.getTime();
      const moved = (iso: string | null | undefined) =>
        iso ? new Date(new Date(iso).getTime() + shift) : null;
      rows.push(
        await insertEvent(tx, viewer, input, now, {
          startsAt: start,
          endsAt: moved(input.endsAt) as Date,
          registrationOpensAt: moved(input.registrationOpensAt),
          registrationClosesAt: moved(input.registrationClosesAt),
          seriesNumber: input.seriesNumber != null ? input.seriesNumber + i : null,
        }),
      );
    }
    return rows[0] as EventRow;
  });
}

/**
 * The start of each date of a repeated event: every `interval` weeks or months from the first, at
 * the same wall-clock time in its zone (daylight saving moves the instant, not the time on the
 * poster). `rrule` steps the dates on that wall clock (a monthly date on the 31st skips shorter
 * months); each is then read in the zone.
 */
export function repeatedStarts(startsAt: Date, timeZone: string, repeat: EventRepeat): Date[] {
  const wall = isoToZoned(startsAt.toISOString(), timeZone);
  const rule = new RRule({
    freq: repeat.frequency === 'weekly' ? RRule.WEEKLY : RRule.MONTHLY,
    interval: repeat.interval,
    count: repeat.count,
    dtstart: new Date(`${wall}:00.000Z`),
  });
  return rule.all().map((date) => new Date(zonedToIso(date.toISOString().slice(0, 16), timeZone)));
}

/** One event's rows (the event, its host, co-hosts and speakers, the audit entry) in the caller's transaction. */
async function insertEvent(
  tx: Db,
  viewer: Viewer,
  input: EventCreate,
  now: Date,
  dates: {
    startsAt: Date;
    endsAt: Date;
    registrationOpensAt: Date | null;
    registrationClosesAt: Date | null;
    seriesNumber: number | null;
  },
): Promise<EventRow> {
  const id = randomUUID();
  const [row] = await tx
    .insert(events)
    .values({
      id,
      kind: input.kind,
      format: input.format,
      language: input.language,
      status: input.status,
      seriesId: input.seriesId ?? null,
      seriesNumber: dates.seriesNumber,
      groupId: input.groupId ?? (input.audience.preset === 'group' ? (input.audience.groupId ?? null) : null),
      ...contentColumns(input),
      startsAt: dates.startsAt,
      endsAt: dates.endsAt,
      timeZone: input.timeZone,
      venueName: input.venueName ?? null,
      venueAddress: input.venueAddress ?? null,
      onlineUrl: input.onlineUrl ?? null,
      capacity: input.capacity,
      guestLimit: input.guestLimit,
      requiresApproval: input.requiresApproval,
      registrationOpensAt: dates.registrationOpensAt,
      registrationClosesAt: dates.registrationClosesAt,
      claimWindowMinutes: input.claimWindowMinutes,
      questions: input.questions.map((q) => ({
        id: q.id,
        labelJa: q.labelJa ?? null,
        labelEn: q.labelEn ?? null,
        kind: q.kind,
        required: q.required,
        options: q.options.map((o) => ({
          id: o.id,
          labelJa: o.labelJa ?? null,
          labelEn: o.labelEn ?? null,
        })),
      })),
      ...governedFromEventAudience(input.audience),
      createdBy: viewer.id,
      createdAt: now,
      updatedAt: now,
      publishedAt: input.status === 'published' ? now : null,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await tx.insert(eventHosts).values({ eventId: id, userId: viewer.id, role: 'host', createdAt: now });
  await writeHosts(tx, id, { cohostIds: input.cohostIds, speakers: input.speakers, now });
  await audit(tx, {
    actorId: viewer.id,
    action: 'event.created',
    subjectType: 'event',
    subjectId: id,
    data: { status: row.status, classification: row.classification },
    at: now,
  });
  return row;
}

/** Did a change touch what attendees plan around (time, place, link)? Then SEQUENCE moves and they are told. */
const attendeeFacts = (row: EventRow) =>
  JSON.stringify([
    row.startsAt.toISOString(),
    row.endsAt.toISOString(),
    row.timeZone,
    row.format,
    row.venueName,
    row.venueAddress,
    row.onlineUrl,
  ]);

/**
 * A host or HR edits an event (404 for anyone else). The cross-field rules are checked on the
 * event as it becomes; a moved start must be in the future; the capacity cannot go below the seats
 * taken (400 saying how many), and a raised capacity offers seats to the line at once. A change of
 * time or place bumps `sequence` and tells every registrant.
 */
export async function updateEvent(
  deps: WriteDeps,
  { viewer, id, input, locale }: { viewer: Viewer; id: string; input: EventUpdate; locale: 'ja' | 'en' },
): Promise<EventRow> {
  const now = deps.clock.now();
  await manageableEvent(deps.db, viewer, id);
  await assertReferences(deps.db, input);
  const mailIds: string[] = [];
  const { row, offers } = await deps.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const current = await manageableEvent(tx, viewer, id, { lock: true });
    if (current.status === 'cancelled') throw new AppError('conflict', 'error.event_already_cancelled');
    const merged = {
      titleJa: input.titleJa !== undefined ? input.titleJa : current.titleJa,
      titleEn: input.titleEn !== undefined ? input.titleEn : current.titleEn,
      startsAt: input.startsAt ?? current.startsAt,
      endsAt: input.endsAt ?? current.endsAt,
      registrationOpensAt:
        input.registrationOpensAt !== undefined ? input.registrationOpensAt : current.registrationOpensAt,
      registrationClosesAt:
        input.registrationClosesAt !== undefined ? input.registrationClosesAt : current.registrationClosesAt,
      format: input.format ?? current.format,
      onlineUrl: input.onlineUrl !== undefined ? input.onlineUrl : current.onlineUrl,
      questions: input.questions ?? current.questions,
    };
    const issues = eventRuleIssues(merged);
    if (issues.length > 0) throw badRequest(ruleFields(issues));
    const startsAt = new Date(merged.startsAt);
    if (startsAt.getTime() !== current.startsAt.getTime()) mustStartLater(startsAt, now);
    if (input.capacity !== undefined && input.capacity < current.capacity) {
      const taken = await seatsTaken(tx, current.id);
      if (input.capacity < taken) {
        throw badRequest({ capacity: [t(locale, 'kz.eventCapacityBelowTaken', { taken })] });
      }
    }
    const set: Partial<typeof events.$inferInsert> = { updatedAt: now };
    if (input.kind) set.kind = input.kind;
    if (input.format) set.format = input.format;
    if (input.language) set.language = input.language;
    const contentTouched = ['titleJa', 'titleEn', 'descriptionJa', 'descriptionEn', 'topic', 'speakers'].some(
      (k) => input[k as keyof EventUpdate] !== undefined,
    );
    if (contentTouched) {
      Object.assign(
        set,
        contentColumns({
          titleJa: merged.titleJa,
          titleEn: merged.titleEn,
          descriptionJa:
            input.descriptionJa !== undefined ? input.descriptionJa : current.descriptionJaMarkdown,
          descriptionEn:
            input.descriptionEn !== undefined ? input.descriptionEn : current.descriptionEnMarkdown,
          topic: input.topic !== undefined ? input.topic : current.topic,
          speakers: input.speakers ?? current.speakers,
        }),
      );
    }
    if (input.startsAt) set.startsAt = startsAt;
    if (input.endsAt) set.endsAt = new Date(input.endsAt);
    if (input.timeZone) set.timeZone = input.timeZone;
    if (input.venueName !== undefined) set.venueName = input.venueName;
    if (input.venueAddress !== undefined) set.venueAddress = input.venueAddress;
    if (input.onlineUrl !== undefined) set.onlineUrl = input.onlineUrl;
    if (input.capacity !== undefined) set.capacity = input.capacity;
    if (input.guestLimit !== undefined) set.guestLimit = input.guestLimit;
    if (input.requiresApproval !== undefined) set.requiresApproval = input.requiresApproval;
    if (input.registrationOpensAt !== undefined) {
      set.registrationOpensAt = input.registrationOpensAt ? new Date(input.registrationOpensAt) : null;
    }
    if (input.registrationClosesAt !== undefined) {
      set.registrationClosesAt = input.registrationClosesAt ? new Date(input.registrationClosesAt) : null;
    }
    if (input.claimWindowMinutes !== undefined) set.claimWindowMinutes = input.claimWindowMinutes;
    if (input.questions) {
      set.questions = input.questions.map((q) => ({
        id: q.id,
        labelJa: q.labelJa ?? null,
        labelEn: q.labelEn ?? null,
        kind: q.kind,
        required: q.required,
        options: q.options.map((o) => ({ id: o.id, labelJa: o.labelJa ?? null, labelEn: o.labelEn ?? null })),
      }));
    }
    if (input.audience) Object.assign(set, governedFromEventAudience(input.audience));
    if (input.groupId !== undefined) set.groupId = input.groupId;
    if (input.seriesId !== undefined) set.seriesId = input.seriesId;
    if (input.seriesNumber !== undefined) set.seriesNumber = input.seriesNumber;
    const [updated] = await tx.update(events).set(set).where(eq(events.id, id)).returning();
    if (!updated) throw notFound();
    let row = updated;
    if (attendeeFacts(updated) !== attendeeFacts(current)) {
      const [bumped] = await tx
        .update(events)
        .set({ sequence: sql`${events.sequence} + 1` })
        .where(eq(events.id, id))
        .returning();
      if (bumped) row = bumped;
      if (row.status === 'published') {
        // Registrants are told, and get the updated calendar file (SEQUENCE bumped above).
        const moved =
          row.startsAt.getTime() !== current.startsAt.getTime() ||
          row.endsAt.getTime() !== current.endsAt.getTime();
        mailIds.push(
          ...(await announceEventChange(tx, deps, { eventId: id, change: moved ? 'time' : 'place', now })),
        );
      }
    }
    if (input.cohostIds || input.speakers) {
      const hostRows = await tx
        .select({ userId: eventHosts.userId, role: eventHosts.role })
        .from(eventHosts)
        .where(eq(eventHosts.eventId, id));
      await writeHosts(tx, id, {
        cohostIds: input.cohostIds ?? hostRows.filter((h) => h.role === 'cohost').map((h) => h.userId),
        speakers: input.speakers ?? row.speakers,
        now,
      });
    }
    await audit(tx, {
      actorId: viewer.id,
      action: 'event.updated',
      subjectType: 'event',
      subjectId: id,
      data: { fields: Object.keys(input).filter((k) => input[k as keyof EventUpdate] !== undefined) },
      at: now,
    });
    const offers: Offer[] = row.capacity > current.capacity ? await offerFreedSeats(tx, row, now) : [];
    return { row, offers };
  });
  await scheduleOfferExpiry(deps, offers);
  await dispatchMail(deps, mailIds);
  return row;
}

/** A host or HR publishes a draft: it reaches its audience. */
export async function publishEvent(
  deps: WriteDeps,
  { viewer, id }: { viewer: Viewer; id: string },
): Promise<EventRow> {
  const now = deps.clock.now();
  return deps.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const current = await manageableEvent(tx, viewer, id, { lock: true });
    if (current.status === 'published') throw new AppError('conflict', 'error.event_already_published');
    if (current.status === 'cancelled') throw new AppError('conflict', 'error.event_already_cancelled');
    mustStartLater(current.startsAt, now);
    const [row] = await tx
      .update(events)
      .set({ status: 'published', publishedAt: now, updatedAt: now })
      .where(eq(events.id, id))
      .returning();
    if (!row) throw notFound();
    await audit(tx, {
      actorId: viewer.id,
      action: 'event.published',
      subjectType: 'event',
      subjectId: id,
      data: { classification: row.classification },
      at: now,
    });
    return row;
  });
}

/**
 * A host or HR cancels an event: status `cancelled`, `sequence` + 1 (calendars show it
 * cancelled), every registration cancelled with reason `event_cancelled`, registrants told.
 */
export async function cancelEvent(
  deps: WriteDeps,
  { viewer, id }: { viewer: Viewer; id: string },
): Promise<EventRow> {
  const now = deps.clock.now();
  const mailIds: string[] = [];
  const cancelledEvent = await deps.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const current = await manageableEvent(tx, viewer, id, { lock: true });
    if (current.status === 'cancelled') throw new AppError('conflict', 'error.event_already_cancelled');
    const [row] = await tx
      .update(events)
      .set({ status: 'cancelled', cancelledAt: now, sequence: sql`${events.sequence} + 1`, updatedAt: now })
      .where(eq(events.id, id))
      .returning();
    if (!row) throw notFound();
    // Registrations end first; then everyone they belonged to is told once, with a cancelling
    // calendar file (METHOD:CANCEL, STATUS:CANCELLED) — events.notices.ts.
    const cancelled = await cancelAllRegistrations(tx, row, now, viewer.id, { tell: false });
    mailIds.push(...(await announceEventChange(tx, deps, { eventId: id, change: 'cancelled', now })));
    await audit(tx, {
      actorId: viewer.id,
      action: 'event.cancelled',
      subjectType: 'event',
      subjectId: id,
      data: { registrationsCancelled: cancelled },
      at: now,
    });
    return row;
  });
  await dispatchMail(deps, mailIds);
  return cancelledEvent;
}

/** The registrations of an event, for its hosts and HR: pending first, then confirmed, in line order. */
export async function listRegistrations(deps: Deps, { viewer, id }: { viewer: Viewer; id: string }) {
  const event = await manageableEvent(deps.db, viewer, id);
  const order = sql`case ${eventRegistrations.status} when 'pending' then 0 when 'offered' then 1
    when 'confirmed' then 2 when 'waitlisted' then 3 else 4 end`;
  const rows = await deps.db
    .select({ registration: eventRegistrations, displayName: users.name })
    .from(eventRegistrations)
    .innerJoin(users, eq(users.id, eventRegistrations.userId))
    .where(eq(eventRegistrations.eventId, event.id))
    .orderBy(order, asc(eventRegistrations.requestedAt), asc(eventRegistrations.id));
  return { rows, seatsTaken: await seatsTaken(deps.db, event.id) };
}

// ---- series ------------------------------------------------------------------------------------

export async function createSeries(
  deps: Deps,
  { viewer, input }: { viewer: Viewer; input: SeriesCreate },
): Promise<SeriesRow> {
  const now = deps.clock.now();
  return deps.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const [row] = await tx
      .insert(eventSeries)
      .values({
        id: randomUUID(),
        titleJa: input.titleJa ?? null,
        titleEn: input.titleEn ?? null,
        descriptionJa: input.descriptionJa ?? null,
        descriptionEn: input.descriptionEn ?? null,
        createdBy: viewer.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await audit(tx, {
      actorId: viewer.id,
      action: 'event_series.created',
      subjectType: 'event_series',
      subjectId: row.id,
      at: now,
    });
    return row;
  });
}

export async function updateSeries(
  deps: Deps,
  { viewer, id, input }: { viewer: Viewer; id: string; input: SeriesUpdate },
): Promise<SeriesRow> {
  const now = deps.clock.now();
  return deps.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const [current] = await tx.select().from(eventSeries).where(eq(eventSeries.id, id)).for('update');
    if (!current) throw notFound();
    const next = {
      titleJa: input.titleJa !== undefined ? input.titleJa : current.titleJa,
      titleEn: input.titleEn !== undefined ? input.titleEn : current.titleEn,
      descriptionJa: input.descriptionJa !== undefined ? input.descriptionJa : current.descriptionJa,
      descriptionEn: input.descriptionEn !== undefined ? input.descriptionEn : current.descriptionEn,
    };
    if (!next.titleJa && !next.titleEn) {
      throw badRequest({ titleJa: ['kz.eventTitleRequired'], titleEn: ['kz.eventTitleRequired'] });
    }
    const [row] = await tx
      .update(eventSeries)
      .set({ ...next, updatedAt: now })
      .where(eq(eventSeries.id, id))
      .returning();
    if (!row) throw notFound();
    await audit(tx, {
      actorId: viewer.id,
      action: 'event_series.updated',
      subjectType: 'event_series',
      subjectId: id,
      at: now,
    });
    return row;
  });
}

/**
 * A series page: the series and its events the viewer may see, by start time. A series with no
 * event the viewer may see is a 404 (except for HR, who creates them).
 */
export async function getSeries(deps: Deps, { viewer, id }: { viewer: Viewer; id: string }) {
  const now = deps.clock.now();
  const [series] = await deps.db.select().from(eventSeries).where(eq(eventSeries.id, id));
  if (!series) throw notFound();
  const rows = (
    await selectCards(deps.db, viewer)
      .where(and(eq(events.seriesId, id), visibleEventsWhere(viewer, now)))
      .orderBy(asc(events.startsAt), asc(events.id))
      .limit(500)
  ).map(flatten);
  if (rows.length === 0 && !isHr(viewer)) throw notFound();
  return { series, rows };
}

/** Every series (HR's form picks one). */
export async function listSeries(deps: Deps) {
  return deps.db
    .select()
    .from(eventSeries)
    .orderBy(desc(eventSeries.createdAt), asc(eventSeries.id))
    .limit(500);
}
