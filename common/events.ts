import { z } from 'zod';

// ---- contracts of the events endpoints (issue 13, decision 043) --------------------------------

export const EVENT_KINDS = ['lecture', 'meetup'] as const;
export const EVENT_FORMATS = ['in_person', 'online', 'hybrid'] as const;
export const EVENT_LANGUAGES = ['ja', 'en', 'both'] as const;
export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export const EVENT_HOST_ROLES = ['host', 'cohost', 'speaker'] as const;
export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'waitlisted', 'offered', 'cancelled'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export type EventFormat = (typeof EVENT_FORMATS)[number];
export type EventLanguage = (typeof EVENT_LANGUAGES)[number];
export type EventStatus = (typeof EVENT_STATUSES)[number];
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/**
 * Who an event is for, as HR chooses it; mapped onto the one policy (decision 004) in
 * server/features/events/events.policy.ts: everyone → network; alumni → network, alumni (and HR);
 * employees → internal; group → network, the group's active members; people → confidential, the
 * named members only.
 */
export const EVENT_AUDIENCE_PRESETS = ['everyone', 'alumni', 'employees', 'group', 'people'] as const;
export type EventAudiencePreset = (typeof EVENT_AUDIENCE_PRESETS)[number];

/** Calendar filter: `online` = online or hybrid, `offline` = in person or hybrid. */
export const EVENT_PLACE_FILTERS = ['online', 'offline'] as const;
export const EVENT_WHEN = ['upcoming', 'past'] as const;

export const EVENT_TITLE_MAX = 200;
export const EVENT_DESCRIPTION_MAX = 20_000;
export const EVENT_MAX_CAPACITY = 100_000;
export const EVENT_MAX_GUESTS = 10;
export const EVENT_MAX_QUESTIONS = 10;
export const EVENT_MAX_SPEAKERS = 20;
export const EVENT_ANSWER_MAX = 2_000;
export const EVENT_PAGE_SIZE = 20;
/** Default hold of a freed seat for the next in line (minutes). */
export const EVENT_DEFAULT_CLAIM_MINUTES = 24 * 60;

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const optionalText = (max: number) =>
  z.preprocess(blankToNull, z.string().trim().max(max).nullable().optional());
const id = z.string().trim().min(1).max(100);
/** An instant with its offset (`2026-12-20T10:00:00+09:00` or `…Z`). */
const instant = z.iso.datetime({ offset: true, message: 'kz.eventInstant' });
const optionalInstant = z.preprocess(blankToNull, instant.nullable().optional());

let zones: Set<string> | null = null;
/** An IANA time zone this runtime knows (Intl.supportedValuesOf), UTC included. */
export function isEventTimeZone(value: string): boolean {
  if (!zones) {
    const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
    zones = new Set([...(supported ? supported('timeZone') : []), 'UTC']);
  }
  return zones.has(value);
}
const timeZone = z.string().trim().min(1).max(64).refine(isEventTimeZone, { message: 'kz.timeZone' });

const webUrl = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .max(2_000)
    .refine(
      (v) => {
        try {
          const protocol = new URL(v).protocol;
          return protocol === 'https:' || protocol === 'http:';
        } catch {
          return false;
        }
      },
      { message: 'kz.eventUrl' },
    )
    .nullable()
    .optional(),
);

export const EventAudienceInputSchema = z
  .object({
    preset: z.enum(EVENT_AUDIENCE_PRESETS),
    /** The group of a `group` event. */
    groupId: id.nullable().optional(),
    /** The members of a `people` event. */
    memberIds: z.array(id).max(500).default([]),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.preset === 'group' && !v.groupId) {
      ctx.addIssue({ code: 'custom', path: ['groupId'], message: 'kz.postGroupRequired' });
    }
    if (v.preset === 'people' && v.memberIds.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['memberIds'], message: 'kz.jobGroupEmpty' });
    }
  });
export type EventAudienceInput = z.input<typeof EventAudienceInputSchema>;
export type EventAudienceValue = z.output<typeof EventAudienceInputSchema>;

export const EventSpeakerInputSchema = z
  .object({
    /** A member speaking (their name comes from their profile)… */
    userId: id.nullable().optional(),
    /** …or a guest from outside. */
    name: optionalText(100),
    affiliation: optionalText(200),
    topic: optionalText(200),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.userId && !v.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'kz.eventSpeaker' });
  });
export type EventSpeakerInput = z.input<typeof EventSpeakerInputSchema>;

const optionId = z
  .string()
  .trim()
  .regex(/^[a-z0-9_]{1,40}$/, { message: 'kz.optionValue' });

export const EventQuestionInputSchema = z
  .object({
    id: optionId,
    labelJa: optionalText(300),
    labelEn: optionalText(300),
    kind: z.enum(['text', 'choice']),
    required: z.boolean().default(false),
    options: z
      .array(z.object({ id: optionId, labelJa: optionalText(200), labelEn: optionalText(200) }).strict())
      .max(20)
      .default([]),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.labelJa && !v.labelEn) {
      ctx.addIssue({ code: 'custom', path: ['labelJa'], message: 'kz.eventLabelRequired' });
    }
    if (v.kind === 'choice' && v.options.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'kz.choiceOptions' });
    }
    if (new Set(v.options.map((o) => o.id)).size !== v.options.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'kz.optionDuplicate' });
    }
  });
export type EventQuestionInput = z.input<typeof EventQuestionInputSchema>;

const eventFieldSchemas = {
  kind: z.enum(EVENT_KINDS),
  format: z.enum(EVENT_FORMATS),
  language: z.enum(EVENT_LANGUAGES),
  titleJa: optionalText(EVENT_TITLE_MAX),
  titleEn: optionalText(EVENT_TITLE_MAX),
  descriptionJa: optionalText(EVENT_DESCRIPTION_MAX),
  descriptionEn: optionalText(EVENT_DESCRIPTION_MAX),
  topic: optionalText(200),
  speakers: z.array(EventSpeakerInputSchema).max(EVENT_MAX_SPEAKERS),
  startsAt: instant,
  endsAt: instant,
  timeZone,
  venueName: optionalText(200),
  venueAddress: optionalText(500),
  onlineUrl: webUrl,
  capacity: z.number().int().min(1).max(EVENT_MAX_CAPACITY),
  guestLimit: z.number().int().min(0).max(EVENT_MAX_GUESTS),
  requiresApproval: z.boolean(),
  registrationOpensAt: optionalInstant,
  registrationClosesAt: optionalInstant,
  claimWindowMinutes: z
    .number()
    .int()
    .min(15)
    .max(7 * 24 * 60),
  questions: z.array(EventQuestionInputSchema).max(EVENT_MAX_QUESTIONS),
  audience: EventAudienceInputSchema,
  /** The group that holds it (its page lists it). */
  groupId: z.preprocess(blankToNull, id.nullable().optional()),
  seriesId: z.preprocess(blankToNull, id.nullable().optional()),
  seriesNumber: z.number().int().min(1).max(10_000).nullable().optional(),
  /** Co-hosts (members); the creator is the host. */
  cohostIds: z.array(id).max(20),
};

/** The fields the cross-field rules look at (a create, or a stored event with an edit applied). */
export interface EventRules {
  titleJa?: string | null;
  titleEn?: string | null;
  startsAt?: string | Date | null;
  endsAt?: string | Date | null;
  registrationOpensAt?: string | Date | null;
  registrationClosesAt?: string | Date | null;
  format?: EventFormat;
  onlineUrl?: string | null;
  questions?: readonly { id: string }[];
}

/** The instant in ms, or null — for anything not a string or a Date (the rules also run on bodies
 * whose other fields failed: `{ "toString": 1 }` must not reach `new Date`). */
const ms = (v: unknown) => {
  const date = v instanceof Date ? v : typeof v === 'string' ? new Date(v) : null;
  const time = date?.getTime() ?? Number.NaN;
  return Number.isNaN(time) ? null : time;
};

/**
 * The rules across fields, shared by the create contract and an edit (checked on the event as it
 * would become): a title in at least one language, the end after the start, the registration
 * window in order and closing no later than the end, an online link for online events, question
 * ids unique.
 */
export function eventRuleIssues(v: EventRules): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (!v.titleJa && !v.titleEn) {
    issues.push({ path: 'titleJa', message: 'kz.eventTitleRequired' });
    issues.push({ path: 'titleEn', message: 'kz.eventTitleRequired' });
  }
  const start = ms(v.startsAt);
  const end = ms(v.endsAt);
  if (start !== null && end !== null && end <= start) {
    issues.push({ path: 'endsAt', message: 'kz.eventEndBeforeStart' });
  }
  const opens = ms(v.registrationOpensAt);
  const closes = ms(v.registrationClosesAt);
  if (opens !== null && closes !== null && closes <= opens) {
    issues.push({ path: 'registrationClosesAt', message: 'kz.eventWindowOrder' });
  }
  if (closes !== null && end !== null && closes > end) {
    issues.push({ path: 'registrationClosesAt', message: 'kz.eventWindowAfterEnd' });
  }
  if (v.format === 'online' && !v.onlineUrl) {
    issues.push({ path: 'onlineUrl', message: 'kz.eventOnlineUrlRequired' });
  }
  // The create contract runs these rules also when other fields are wrong: look only at what parsed.
  const ids = Array.isArray(v.questions) ? v.questions.map((q) => q?.id) : [];
  if (new Set(ids).size !== ids.length) issues.push({ path: 'questions', message: 'kz.optionDuplicate' });
  return issues;
}

/** Dates of a series created at once (issue 13 §1 "recurring dates"): in the event's own time zone. */
export const EVENT_REPEAT_FREQUENCIES = ['weekly', 'monthly'] as const;
export const EVENT_MAX_REPEATS = 12;
export const EventRepeatSchema = z
  .object({
    frequency: z.enum(EVENT_REPEAT_FREQUENCIES),
    /** Every `interval` weeks or months. */
    interval: z.number().int().min(1).max(4).default(1),
    /** How many events in all, this one included. */
    count: z.number().int().min(2).max(EVENT_MAX_REPEATS),
  })
  .strict();
export type EventRepeat = z.output<typeof EventRepeatSchema>;

const whenObject = {
  when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null,
};

export const EventCreateSchema = z
  .object({
    ...eventFieldSchemas,
    language: eventFieldSchemas.language.default('ja'),
    speakers: eventFieldSchemas.speakers.default([]),
    guestLimit: eventFieldSchemas.guestLimit.default(0),
    requiresApproval: eventFieldSchemas.requiresApproval.default(false),
    claimWindowMinutes: eventFieldSchemas.claimWindowMinutes.default(EVENT_DEFAULT_CLAIM_MINUTES),
    questions: eventFieldSchemas.questions.default([]),
    cohostIds: eventFieldSchemas.cohostIds.default([]),
    audience: eventFieldSchemas.audience.default({ preset: 'everyone', memberIds: [] }),
    /** `published` opens it to its audience at once. */
    status: z.enum(['draft', 'published']).default('draft'),
    /** More dates of the series at once: each its own event, numbered on from this one. */
    repeat: EventRepeatSchema.nullable().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    for (const issue of eventRuleIssues(v)) {
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    }
    if (v.repeat && !v.seriesId) {
      ctx.addIssue({ code: 'custom', path: ['repeat'], message: 'kz.eventRepeatNeedsSeries' });
    }
  }, whenObject);
export type EventCreate = z.output<typeof EventCreateSchema>;
export type EventCreateInput = z.input<typeof EventCreateSchema>;

/** An edit: any of the fields; the cross-field rules are checked on the event as it would become. */
export const EventUpdateSchema = z
  .object({
    kind: eventFieldSchemas.kind.optional(),
    format: eventFieldSchemas.format.optional(),
    language: eventFieldSchemas.language.optional(),
    titleJa: eventFieldSchemas.titleJa,
    titleEn: eventFieldSchemas.titleEn,
    descriptionJa: eventFieldSchemas.descriptionJa,
    descriptionEn: eventFieldSchemas.descriptionEn,
    topic: eventFieldSchemas.topic,
    speakers: eventFieldSchemas.speakers.optional(),
    startsAt: instant.optional(),
    endsAt: instant.optional(),
    timeZone: timeZone.optional(),
    venueName: eventFieldSchemas.venueName,
    venueAddress: eventFieldSchemas.venueAddress,
    onlineUrl: eventFieldSchemas.onlineUrl,
    capacity: eventFieldSchemas.capacity.optional(),
    guestLimit: eventFieldSchemas.guestLimit.optional(),
    requiresApproval: eventFieldSchemas.requiresApproval.optional(),
    registrationOpensAt: eventFieldSchemas.registrationOpensAt,
    registrationClosesAt: eventFieldSchemas.registrationClosesAt,
    claimWindowMinutes: eventFieldSchemas.claimWindowMinutes.optional(),
    questions: eventFieldSchemas.questions.optional(),
    audience: eventFieldSchemas.audience.optional(),
    groupId: eventFieldSchemas.groupId,
    seriesId: eventFieldSchemas.seriesId,
    seriesNumber: eventFieldSchemas.seriesNumber,
    cohostIds: eventFieldSchemas.cohostIds.optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'kz.nothingToChange' });
export type EventUpdate = z.output<typeof EventUpdateSchema>;
export type EventUpdateInput = z.input<typeof EventUpdateSchema>;

/** `a,b` in a query string → ['a','b']; empty → undefined. */
const csv = <T extends z.ZodType>(item: T, max = 10) =>
  z.preprocess((v) => {
    const raw = Array.isArray(v) ? v.join(',') : v;
    if (typeof raw !== 'string' || raw.trim() === '') return undefined;
    return raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }, z.array(item).max(max).optional());

export const EventListQuerySchema = z
  .object({
    kind: csv(z.enum(EVENT_KINDS)),
    place: z.enum(EVENT_PLACE_FILTERS).optional(),
    groupId: id.optional(),
    seriesId: id.optional(),
    language: z.enum(['ja', 'en']).optional(),
    /** A month (Asia/Tokyo) such as 2026-12. */
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'kz.month' })
      .optional(),
    when: z.enum(EVENT_WHEN).default('upcoming'),
    /** Drafts (HR: all, hosts: theirs); cancelled events. Members see `published`. */
    status: z.enum(EVENT_STATUSES).default('published'),
    /** Opaque; from the previous page. */
    cursor: z.string().trim().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(EVENT_PAGE_SIZE),
  })
  .strict();
export type EventListQuery = z.output<typeof EventListQuerySchema>;

export const SeriesCreateSchema = z
  .object({
    titleJa: optionalText(EVENT_TITLE_MAX),
    titleEn: optionalText(EVENT_TITLE_MAX),
    descriptionJa: optionalText(EVENT_DESCRIPTION_MAX),
    descriptionEn: optionalText(EVENT_DESCRIPTION_MAX),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.titleJa && !v.titleEn) {
      ctx.addIssue({ code: 'custom', path: ['titleJa'], message: 'kz.eventTitleRequired' });
      ctx.addIssue({ code: 'custom', path: ['titleEn'], message: 'kz.eventTitleRequired' });
    }
  }, whenObject);
export type SeriesCreate = z.output<typeof SeriesCreateSchema>;

export const SeriesUpdateSchema = z
  .object({
    titleJa: optionalText(EVENT_TITLE_MAX),
    titleEn: optionalText(EVENT_TITLE_MAX),
    descriptionJa: optionalText(EVENT_DESCRIPTION_MAX),
    descriptionEn: optionalText(EVENT_DESCRIPTION_MAX),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'kz.nothingToChange' });
export type SeriesUpdate = z.output<typeof SeriesUpdateSchema>;

export const RegisterSchema = z
  .object({
    guests: z.number().int().min(0).max(EVENT_MAX_GUESTS).default(0),
    /** Question id → text, or the chosen option's id. */
    answers: z.record(z.string().max(40), z.string().trim().max(EVENT_ANSWER_MAX)).default({}),
  })
  .strict();
export type RegisterInput = z.output<typeof RegisterSchema>;

export const RegistrationIdParam = z.object({ id: z.uuid(), registrationId: z.uuid() });

// ---- responses ---------------------------------------------------------------------------------

const iso = z.string();
const PersonRefSchema = z.object({ id: z.string(), displayName: z.string() });

export const EventGroupRefSchema = z.object({
  id: z.string(),
  nameJa: z.string().nullable(),
  nameEn: z.string().nullable(),
});
export const EventSeriesRefSchema = z.object({
  id: z.string(),
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  number: z.number().int().nullable(),
});

/** Where registration stands for this event now. */
export const REGISTRATION_STATES = ['open', 'not_yet', 'closed', 'past', 'cancelled', 'draft'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

/** One line of the calendar. */
export const EventCardSchema = z.object({
  id: z.string(),
  kind: z.enum(EVENT_KINDS),
  format: z.enum(EVENT_FORMATS),
  language: z.enum(EVENT_LANGUAGES),
  status: z.enum(EVENT_STATUSES),
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  topic: z.string().nullable(),
  startsAt: iso,
  endsAt: iso,
  timeZone: z.string(),
  venueName: z.string().nullable(),
  capacity: z.number().int(),
  /** Seats not taken (confirmed or held for an offer), guests counted. */
  seatsLeft: z.number().int(),
  group: EventGroupRefSchema.nullable(),
  series: EventSeriesRefSchema.nullable(),
  /** The viewer's registration, if any and not cancelled. */
  myStatus: z.enum(REGISTRATION_STATUSES).nullable(),
  hasMaterials: z.boolean(),
});
export type EventCard = z.infer<typeof EventCardSchema>;

export const EventPageSchema = z.object({
  items: z.array(EventCardSchema),
  nextCursor: z.string().nullable(),
});
export type EventPage = z.infer<typeof EventPageSchema>;

export const EventSpeakerSchema = z.object({
  member: PersonRefSchema.nullable(),
  name: z.string().nullable(),
  affiliation: z.string().nullable(),
  topic: z.string().nullable(),
});
export const EventQuestionSchema = z.object({
  id: z.string(),
  labelJa: z.string().nullable(),
  labelEn: z.string().nullable(),
  kind: z.enum(['text', 'choice']),
  required: z.boolean(),
  options: z.array(
    z.object({ id: z.string(), labelJa: z.string().nullable(), labelEn: z.string().nullable() }),
  ),
});
export type EventQuestion = z.infer<typeof EventQuestionSchema>;
export const EventMaterialSchema = z.object({ id: z.string(), label: z.string(), url: z.string() });

export const MyRegistrationSchema = z.object({
  id: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  guests: z.number().int(),
  answers: z.record(z.string(), z.string()),
  requestedAt: iso,
  /** 1 for the first in line (waitlisted only). */
  waitlistPosition: z.number().int().nullable(),
  /** An offered seat is held until then. */
  offerExpiresAt: iso.nullable(),
  /** The code typed at the door (confirmed only). */
  checkInCode: z.string().nullable(),
  cancelReason: z.string().nullable(),
});
export type MyRegistration = z.infer<typeof MyRegistrationSchema>;

export const EventHostSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  role: z.enum(EVENT_HOST_ROLES),
});

export const EventSchema = EventCardSchema.extend({
  descriptionJaHtml: z.string().nullable(),
  descriptionEnHtml: z.string().nullable(),
  /** Only for who may edit it (hosts, HR). */
  descriptionJaMarkdown: z.string().nullable(),
  descriptionEnMarkdown: z.string().nullable(),
  speakers: z.array(EventSpeakerSchema),
  venueAddress: z.string().nullable(),
  /** Confirmed attendees and hosts only; otherwise null and `onlineUrlHidden`. */
  onlineUrl: z.string().nullable(),
  onlineUrlHidden: z.boolean(),
  guestLimit: z.number().int(),
  requiresApproval: z.boolean(),
  registrationOpensAt: iso.nullable(),
  registrationClosesAt: iso.nullable(),
  registrationState: z.enum(REGISTRATION_STATES),
  claimWindowMinutes: z.number().int(),
  questions: z.array(EventQuestionSchema),
  materials: z.array(EventMaterialSchema),
  hosts: z.array(EventHostSchema),
  /** How many wait in line. */
  waitlistCount: z.number().int(),
  myRegistration: MyRegistrationSchema.nullable(),
  sequence: z.number().int(),
  canManage: z.boolean(),
  /** Hosts and HR only: who it is for. */
  audience: z
    .object({
      preset: z.enum(EVENT_AUDIENCE_PRESETS),
      groupId: z.string().nullable(),
      members: z.array(PersonRefSchema),
    })
    .nullable(),
  publishedAt: iso.nullable(),
  cancelledAt: iso.nullable(),
});
export type Event = z.infer<typeof EventSchema>;

/** A registration as the host sees it. */
export const HostRegistrationSchema = z.object({
  id: z.string(),
  member: PersonRefSchema,
  status: z.enum(REGISTRATION_STATUSES),
  guests: z.number().int(),
  answers: z.record(z.string(), z.string()),
  requestedAt: iso,
  offerExpiresAt: iso.nullable(),
  cancelReason: z.string().nullable(),
});
export type HostRegistration = z.infer<typeof HostRegistrationSchema>;

export const HostRegistrationListSchema = z.object({
  items: z.array(HostRegistrationSchema),
  /** Seats taken (confirmed + offered, guests counted) and per status. */
  seatsTaken: z.number().int(),
  counts: z.record(z.enum(REGISTRATION_STATUSES), z.number().int()),
});
export type HostRegistrationList = z.infer<typeof HostRegistrationListSchema>;

export const SeriesSchema = z.object({
  id: z.string(),
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  descriptionJa: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  /** Its events the viewer may see, by start time. */
  events: z.array(EventCardSchema),
});
export type Series = z.infer<typeof SeriesSchema>;

export const SeriesListSchema = z.object({
  items: z.array(
    z.object({ id: z.string(), titleJa: z.string().nullable(), titleEn: z.string().nullable() }),
  ),
});
export type SeriesList = z.infer<typeof SeriesListSchema>;

// ---- shown in both UIs -------------------------------------------------------------------------

/** The title in the viewer's language, else the other one. */
export function eventTitle(
  event: { titleJa: string | null; titleEn: string | null },
  locale: 'ja' | 'en',
): string {
  return (locale === 'ja' ? (event.titleJa ?? event.titleEn) : (event.titleEn ?? event.titleJa)) ?? '';
}
