import { z } from 'zod';

// ---- contracts of calendar files, the personal feed, check-in and after the event (issue 13 §3–§5,
// decision 043). The event itself (CRUD, registration) is common/events.ts.

/** How long before the start a host may check people in; until the end. */
export const CHECK_IN_OPENS_BEFORE_MS = 2 * 60 * 60 * 1000;
export const CHECK_IN_CODE_MAX = 32;
export const SURVEY_COMMENT_MAX = 2000;
export const SURVEY_ANSWER_MAX = 2000;
export const MATERIALS_MAX = 20;
export const MATERIAL_LABEL_MAX = 200;
export const MATERIAL_URL_MAX = 2000;
/** The personal feed lists events of the last this many days, and all future ones. */
export const FEED_PAST_DAYS = 30;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());

// ---- personal calendar feed -----------------------------------------------------------------

export const CalendarFeedStateSchema = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
});
export type CalendarFeedState = z.infer<typeof CalendarFeedStateSchema>;

/** The feed's address: shown once, at creation (only its hash is stored). */
export const CalendarFeedCreatedSchema = z.object({ url: z.string(), createdAt: z.string() });
export type CalendarFeedCreated = z.infer<typeof CalendarFeedCreatedSchema>;

/** `<token>.ics`: the token is 43 base64url characters (32 random bytes). */
export const FeedFileParamSchema = z.object({
  file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/),
});

// ---- ticket and check-in -----------------------------------------------------------------------

export const TicketSchema = z.object({
  eventId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  guests: z.number().int(),
  code: z.string(),
  /** The QR code (an SVG document) carrying `code`. */
  qrSvg: z.string(),
  checkedInAt: z.string().nullable(),
});
export type Ticket = z.infer<typeof TicketSchema>;

export const CheckInQuerySchema = z.object({ q: optionalText(100) }).strict();

export const CheckInAttendeeSchema = z.object({
  registrationId: z.string(),
  userId: z.string(),
  displayName: z.string(),
  guests: z.number().int(),
  checkedInAt: z.string().nullable(),
});
export type CheckInAttendee = z.infer<typeof CheckInAttendeeSchema>;

export const CheckInListSchema = z.object({
  eventId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** From when to when check-in is possible. */
  opensAt: z.string(),
  closesAt: z.string(),
  /** Confirmed attendees (guests not counted) and how many of them are checked in. */
  confirmed: z.number().int(),
  checkedIn: z.number().int(),
  items: z.array(CheckInAttendeeSchema),
});
export type CheckInList = z.infer<typeof CheckInListSchema>;

/** The short code typed at the door, or read from the QR code (case, spaces and hyphens are forgiven). */
export const CheckInCreateSchema = z
  .object({ code: z.string().trim().min(1).max(CHECK_IN_CODE_MAX) })
  .strict();
export type CheckInCreate = z.output<typeof CheckInCreateSchema>;

/** A code as the door compares it: no spaces or hyphens, upper case. */
export const normalizeCheckInCode = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

export const CheckInResultSchema = z.object({
  /** `checked_in` now, or `already` (a second scan: nothing changed). */
  result: z.enum(['checked_in', 'already']),
  /** What to show the host, in their language. */
  message: z.string(),
  attendee: CheckInAttendeeSchema,
  checkedIn: z.number().int(),
  confirmed: z.number().int(),
});
export type CheckInResult = z.infer<typeof CheckInResultSchema>;

// ---- survey ------------------------------------------------------------------------------------

export const SurveyFormSchema = z.object({
  eventId: z.string(),
  title: z.string(),
  /** The event's extra question in the reader's language, if it has one. */
  question: z.string().nullable(),
  /** The viewer's answer, once given (one per attendee). */
  answered: z.boolean(),
});
export type SurveyForm = z.infer<typeof SurveyFormSchema>;

export const SurveyAnswerSchema = z
  .object({
    rating: z.number().int().min(1).max(5),
    comment: optionalText(SURVEY_COMMENT_MAX),
    answer: optionalText(SURVEY_ANSWER_MAX),
  })
  .strict();
export type SurveyAnswer = z.output<typeof SurveyAnswerSchema>;

export const SurveyResultsSchema = z.object({
  eventId: z.string(),
  title: z.string(),
  question: z.string().nullable(),
  count: z.number().int(),
  /** Null when nobody answered. */
  average: z.number().nullable(),
  /** How many gave 1, 2, 3, 4, 5. */
  distribution: z.array(z.number().int()).length(5),
  comments: z.array(
    z.object({ rating: z.number().int(), comment: z.string().nullable(), answer: z.string().nullable() }),
  ),
});
export type SurveyResults = z.infer<typeof SurveyResultsSchema>;

// ---- materials ---------------------------------------------------------------------------------

const httpUrl = z
  .string()
  .trim()
  .max(MATERIAL_URL_MAX)
  .refine(
    (v) => {
      try {
        const url = new URL(v);
        return url.protocol === 'https:' || url.protocol === 'http:';
      } catch {
        return false;
      }
    },
    { message: 'kz.url' },
  );

export const MaterialInputSchema = z
  .object({ label: z.string().trim().min(1).max(MATERIAL_LABEL_MAX), url: httpUrl })
  .strict();
export const MaterialsUpdateSchema = z
  .object({ items: z.array(MaterialInputSchema).max(MATERIALS_MAX) })
  .strict();
export type MaterialsUpdate = z.output<typeof MaterialsUpdateSchema>;

export const MaterialSchema = z.object({ id: z.string(), label: z.string(), url: z.string() });
export const MaterialListSchema = z.object({
  eventId: z.string(),
  title: z.string(),
  /** The viewer may edit them (a host, or HR). */
  canEdit: z.boolean(),
  items: z.array(MaterialSchema),
});
export type MaterialList = z.infer<typeof MaterialListSchema>;

// ---- fellow attendees ("who did you meet") -------------------------------------------------------

export const FellowAttendeeSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  connected: z.boolean(),
});
export const FellowAttendeeListSchema = z.object({
  eventId: z.string(),
  title: z.string(),
  items: z.array(FellowAttendeeSchema),
});
export type FellowAttendeeList = z.infer<typeof FellowAttendeeListSchema>;

// ---- HR: attendance statistics -------------------------------------------------------------------

export const EventStatsQuerySchema = z
  .object({
    /** Events that started on or after / before these dates (YYYY-MM-DD, UTC). */
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
  })
  .strict();
export type EventStatsQuery = z.output<typeof EventStatsQuerySchema>;

const rates = {
  /** Registrations not cancelled (any other state), and those still waiting in line. */
  registrations: z.number().int(),
  waitlisted: z.number().int(),
  /** Confirmed registrations (at the end), checked in, recorded no-shows. */
  confirmed: z.number().int(),
  checkedIn: z.number().int(),
  noShows: z.number().int(),
  /** checkedIn / confirmed, null when nobody was confirmed. */
  attendanceRate: z.number().nullable(),
  noShowRate: z.number().nullable(),
};
export const EventStatsSchema = z.object({
  events: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      seriesId: z.string().nullable(),
      startsAt: z.string(),
      /** The event's own zone (its start is shown there). */
      timeZone: z.string(),
      status: z.string(),
      ...rates,
    }),
  ),
  series: z.array(z.object({ id: z.string(), title: z.string(), events: z.number().int(), ...rates })),
});
export type EventStats = z.infer<typeof EventStatsSchema>;

/** Development only: what running the reminder job now did. */
export const EventRemindersRunSchema = z.object({ reminded: z.number().int(), mailed: z.number().int() });
export type EventRemindersRun = z.infer<typeof EventRemindersRunSchema>;
/** Development only: what running the after-event job (no-shows, survey invitations) now did. */
export const EventAfterRunSchema = z.object({ noShows: z.number().int(), invited: z.number().int() });
export type EventAfterRun = z.infer<typeof EventAfterRunSchema>;
