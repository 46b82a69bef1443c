import type {
  Event,
  EventCard,
  HostRegistration,
  MyRegistration,
  RegistrationState,
  Series,
  SeriesList,
} from '#common/events';
import type { eventRegistrations } from '#server/db/schema/index';
import { audienceOfEvent, type EventRow, mayReadOnlineUrl } from './events.policy';
import type { RegistrationRow } from './events.registration';
import type { EventCardRow, EventDetail, SeriesRow } from './events.service';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Where registration stands now (the detail page's button and message). */
export function registrationStateOf(row: EventRow, now: Date): RegistrationState {
  if (row.status === 'cancelled') return 'cancelled';
  if (row.status === 'draft') return 'draft';
  if (row.startsAt <= now) return 'past';
  if (row.registrationOpensAt && row.registrationOpensAt > now) return 'not_yet';
  if (row.registrationClosesAt && row.registrationClosesAt <= now) return 'closed';
  return 'open';
}

/**
 * The only ways an event leaves the server. Every field is listed; the audience, the search
 * document and who created it stay inside (the audience only for hosts and HR, below).
 */
export function presentEventCard(row: EventCardRow): EventCard {
  return {
    id: row.id,
    kind: row.kind,
    format: row.format,
    language: row.language,
    status: row.status,
    titleJa: row.titleJa,
    titleEn: row.titleEn,
    topic: row.topic,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    timeZone: row.timeZone,
    venueName: row.venueName,
    capacity: row.capacity,
    seatsLeft: Math.max(0, row.capacity - row.taken),
    group: row.groupId ? { id: row.groupId, nameJa: row.groupNameJa, nameEn: row.groupNameEn } : null,
    series: row.seriesId
      ? { id: row.seriesId, titleJa: row.seriesTitleJa, titleEn: row.seriesTitleEn, number: row.seriesNumber }
      : null,
    myStatus: row.myStatus,
    hasMaterials: row.materials.length > 0,
  };
}

/** The viewer's own registration; the check-in code only once they have a seat. */
export function presentMyRegistration(row: RegistrationRow, waitlistPosition: number | null): MyRegistration {
  return {
    id: row.id,
    status: row.status,
    guests: row.guests,
    answers: row.answers,
    requestedAt: row.requestedAt.toISOString(),
    waitlistPosition,
    offerExpiresAt: row.status === 'offered' ? iso(row.offerExpiresAt) : null,
    checkInCode: row.status === 'confirmed' ? row.checkInCode : null,
    cancelReason: row.cancelReason,
  };
}

export function presentEvent(detail: EventDetail, now: Date): Event {
  const { row, names, canManage, mine } = detail;
  const person = (id: string) => ({ id, displayName: names.get(id) ?? '' });
  const showUrl = mayReadOnlineUrl(mine?.status ?? null, canManage);
  const audience = canManage ? audienceOfEvent(row) : null;
  return {
    ...presentEventCard(row),
    descriptionJaHtml: row.descriptionJaHtml,
    descriptionEnHtml: row.descriptionEnHtml,
    descriptionJaMarkdown: canManage ? row.descriptionJaMarkdown : null,
    descriptionEnMarkdown: canManage ? row.descriptionEnMarkdown : null,
    speakers: row.speakers.map((s) => ({
      member: s.userId ? person(s.userId) : null,
      name: s.userId ? (names.get(s.userId) ?? null) : s.name,
      affiliation: s.affiliation,
      topic: s.topic,
    })),
    venueAddress: row.venueAddress,
    onlineUrl: showUrl ? row.onlineUrl : null,
    onlineUrlHidden: !showUrl && row.onlineUrl !== null,
    guestLimit: row.guestLimit,
    requiresApproval: row.requiresApproval,
    registrationOpensAt: iso(row.registrationOpensAt),
    registrationClosesAt: iso(row.registrationClosesAt),
    registrationState: registrationStateOf(row, now),
    claimWindowMinutes: row.claimWindowMinutes,
    questions: row.questions.map((q) => ({
      id: q.id,
      labelJa: q.labelJa,
      labelEn: q.labelEn,
      kind: q.kind,
      required: q.required,
      options: (q.options ?? []).map((o) => ({ id: o.id, labelJa: o.labelJa, labelEn: o.labelEn })),
    })),
    materials: row.materials.map((m) => ({ id: m.id, label: m.label, url: m.url })),
    hosts: detail.hosts.map((h) => ({ id: h.id, displayName: h.displayName, role: h.role })),
    waitlistCount: detail.waitlistCount,
    myRegistration: mine ? presentMyRegistration(mine, detail.waitlistPosition) : null,
    sequence: row.sequence,
    canManage,
    audience: audience
      ? { preset: audience.preset, groupId: audience.groupId, members: audience.memberIds.map(person) }
      : null,
    publishedAt: iso(row.publishedAt),
    cancelledAt: iso(row.cancelledAt),
  };
}

export function presentHostRegistration(item: {
  registration: typeof eventRegistrations.$inferSelect;
  displayName: string;
}): HostRegistration {
  const r = item.registration;
  return {
    id: r.id,
    member: { id: r.userId, displayName: item.displayName },
    status: r.status,
    guests: r.guests,
    answers: r.answers,
    requestedAt: r.requestedAt.toISOString(),
    offerExpiresAt: r.status === 'offered' ? iso(r.offerExpiresAt) : null,
    cancelReason: r.cancelReason,
  };
}

export function presentSeries(series: SeriesRow, rows: EventCardRow[]): Series {
  return {
    id: series.id,
    titleJa: series.titleJa,
    titleEn: series.titleEn,
    descriptionJa: series.descriptionJa,
    descriptionEn: series.descriptionEn,
    events: rows.map(presentEventCard),
  };
}

export function presentSeriesList(rows: SeriesRow[]): SeriesList {
  return { items: rows.map((s) => ({ id: s.id, titleJa: s.titleJa, titleEn: s.titleEn })) };
}
