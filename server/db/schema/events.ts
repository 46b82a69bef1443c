import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { Audience, Classification } from '#common/access';
import { users } from './auth';
import { groups } from './community';

/**
 * Events (issue 13, decision 043): lecture series (未来塾) and meetups (ナナメのつながり交流会) for
 * alumni and employees together. An event is a governed item (`classification` + `audience`,
 * checked in the query with visibleItemsWhere), so an internal event never reaches an alumnus.
 *
 * Seats are never counted in a column: the confirmed count is `sum(1 + guests)` over the
 * registration rows, read under a row lock on the event (`select … for update`) in the transaction
 * that registers, cancels, promotes or changes capacity. One row per (event, member).
 */

export const EVENT_KINDS = ['lecture', 'meetup'] as const;
export const EVENT_FORMATS = ['in_person', 'online', 'hybrid'] as const;
export const EVENT_LANGUAGES = ['ja', 'en', 'both'] as const;
export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export const EVENT_HOST_ROLES = ['host', 'cohost', 'speaker'] as const;
/**
 * - `pending`: asked to join an event that needs the host's approval;
 * - `confirmed`: has a seat (and `guests` more);
 * - `waitlisted`: in line (ordered by `requested_at`, then id);
 * - `offered`: a freed seat is held for them until `offer_expires_at` (counts as taken);
 * - `cancelled`: cancelled or released their seat, let an offer lapse, or was declined by a host.
 */
export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'waitlisted', 'offered', 'cancelled'] as const;

/** A series of events (未来塾 #1, #2 …): a page of its own, and its events carry `series_number`. */
export const eventSeries = pgTable('event_series', {
  id: text('id').primaryKey(),
  titleJa: text('title_ja'),
  titleEn: text('title_en'),
  descriptionJa: text('description_ja'),
  descriptionEn: text('description_en'),
  createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/** A question asked at registration (configurable per event), answered in `event_registrations.answers`. */
export interface EventQuestion {
  id: string;
  labelJa: string | null;
  labelEn: string | null;
  kind: 'text' | 'choice';
  required: boolean;
  /** For `choice`: the options, each in both languages. */
  options?: { id: string; labelJa: string | null; labelEn: string | null }[];
}

/** A speaker: a member (by id) or a guest from outside (name and affiliation as given). */
export interface EventSpeaker {
  userId: string | null;
  name: string | null;
  affiliation: string | null;
  topic: string | null;
}

/** Slides, a recording, a reading list: shown to attendees after (or before) the event. */
export interface EventMaterial {
  id: string;
  label: string;
  url: string;
}

export const events = pgTable(
  'events',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: EVENT_KINDS }).notNull(),
    format: text('format', { enum: EVENT_FORMATS }).notNull(),
    language: text('language', { enum: EVENT_LANGUAGES }).notNull().default('ja'),
    status: text('status', { enum: EVENT_STATUSES }).notNull().default('draft'),
    seriesId: text('series_id').references(() => eventSeries.id, { onDelete: 'set null' }),
    /** #12 of its series. */
    seriesNumber: integer('series_number'),
    /** Posted to / for a group (its page lists it); the audience may also target the group. */
    groupId: text('group_id').references(() => groups.id, { onDelete: 'set null' }),
    /** At least one language (validated by the contract). Markdown stored, HTML rendered once at write time. */
    titleJa: text('title_ja'),
    titleEn: text('title_en'),
    descriptionJaMarkdown: text('description_ja_markdown'),
    descriptionJaHtml: text('description_ja_html'),
    descriptionEnMarkdown: text('description_en_markdown'),
    descriptionEnHtml: text('description_en_html'),
    topic: text('topic'),
    speakers: jsonb('speakers').$type<EventSpeaker[]>().notNull().default([]),
    /** Instants (UTC in the database); `time_zone` is the IANA zone the event is held in. */
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    timeZone: text('time_zone').notNull(),
    venueName: text('venue_name'),
    venueAddress: text('venue_address'),
    /** Shown only to confirmed attendees (and hosts), and in their reminder. */
    onlineUrl: text('online_url'),
    /** Seats, guests included. */
    capacity: integer('capacity').notNull(),
    /** Extra guests a registrant may bring (0: none). */
    guestLimit: smallint('guest_limit').notNull().default(0),
    requiresApproval: boolean('requires_approval').notNull().default(false),
    registrationOpensAt: timestamp('registration_opens_at', { withTimezone: true }),
    registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true }),
    /** How long a freed seat is held for the next in line before it goes to the one after. */
    claimWindowMinutes: integer('claim_window_minutes').notNull().default(24 * 60),
    questions: jsonb('questions').$type<EventQuestion[]>().notNull().default([]),
    materials: jsonb('materials').$type<EventMaterial[]>().notNull().default([]),
    /** The survey sent after the event: on/off and an optional extra question. */
    surveyEnabled: boolean('survey_enabled').notNull().default(true),
    surveyQuestionJa: text('survey_question_ja'),
    surveyQuestionEn: text('survey_question_en'),
    classification: text('classification').$type<Classification>().notNull().default('network'),
    audience: jsonb('audience').$type<Audience>().notNull().default({}),
    /** iCalendar SEQUENCE: bumped by every change attendees should see (time, place, cancellation). */
    sequence: integer('sequence').notNull().default(0),
    /** Normalised titles, topic and speakers (both languages) for search. */
    searchText: text('search_text').notNull().default(''),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    index('events_calendar_idx').on(t.status, t.startsAt, t.id),
    index('events_series_idx').on(t.seriesId, t.startsAt),
    index('events_group_idx').on(t.groupId, t.startsAt),
    index('events_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    check('events_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check('events_capacity_positive', sql`${t.capacity} > 0`),
    check('events_guest_limit', sql`${t.guestLimit} >= 0 and ${t.guestLimit} <= 10`),
  ],
);

/** Hosts, co-hosts and member speakers: they manage the event, check people in, see the results. */
export const eventHosts = pgTable(
  'event_hosts',
  {
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: EVENT_HOST_ROLES }).notNull().default('cohost'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] }), index('event_hosts_user_idx').on(t.userId)],
);

export const eventRegistrations = pgTable(
  'event_registrations',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: REGISTRATION_STATUSES }).notNull(),
    /** Extra seats for the registrant's guests (≤ the event's guest limit). */
    guests: smallint('guests').notNull().default(0),
    /** Answers to the event's questions: question id → text or option id. */
    answers: jsonb('answers').$type<Record<string, string>>().notNull().default({}),
    /** Place in line: the time of the (latest) request. */
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().default(sql`now()`),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    offeredAt: timestamp('offered_at', { withTimezone: true }),
    offerExpiresAt: timestamp('offer_expires_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** Why it ended: 'member' (cancelled / released), 'declined' (host), 'offer_lapsed', 'event_cancelled'. */
    cancelReason: text('cancel_reason'),
    /** Short code typed at the door (unique per event); the QR code carries the same. */
    checkInCode: text('check_in_code').notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedInBy: text('checked_in_by').references(() => users.id, { onDelete: 'set null' }),
    /** Recorded after the event for confirmed attendees who were not checked in. */
    noShow: boolean('no_show').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    uniqueIndex('event_registrations_member_idx').on(t.eventId, t.userId),
    uniqueIndex('event_registrations_code_idx').on(t.eventId, t.checkInCode),
    index('event_registrations_line_idx').on(t.eventId, t.status, t.requestedAt, t.id),
    index('event_registrations_user_idx').on(t.userId, t.status),
    index('event_registrations_offer_idx')
      .on(t.offerExpiresAt)
      .where(sql`${t.status} = 'offered'`),
    check('event_registrations_guests', sql`${t.guests} >= 0`),
  ],
);

/**
 * Reminders sent, one row per (registration, kind, start time): a changed start time makes a new
 * row possible, so the reminder goes out again; however many processes run, the insert decides.
 * Kind `survey` (no database change: the column is text) is the after-event survey invitation,
 * sent once by the same mechanism (decision 043, amended).
 */
export const eventReminders = pgTable(
  'event_reminders',
  {
    registrationId: text('registration_id')
      .notNull()
      .references(() => eventRegistrations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['day', 'hour', 'survey'] }).notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.kind, t.startsAt] })],
);

/** The after-event survey: one answer per attendee. */
export const eventSurveyResponses = pgTable(
  'event_survey_responses',
  {
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    rating: smallint('rating').notNull(),
    comment: text('comment'),
    answer: text('answer'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.userId] }),
    check('event_survey_rating', sql`${t.rating} between 1 and 5`),
  ],
);

/** A member's personal calendar feed (secret token, revocable): the hash only is stored. */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
});
