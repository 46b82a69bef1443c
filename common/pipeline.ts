import { z } from 'zod';
import { isTimeZone, REHIRE_ELIGIBILITIES } from './exits';
import { ATS_EXPORT_KINDS, PIPELINE_SOURCES, PIPELINE_STAGES, RETURN_TIMINGS } from './rehiring-reference';

/**
 * Contracts of HR's rehiring pipeline (issue 5, decisions 015 and 017): the board, a card, moves,
 * notes, hires, analytics figures and the ATS hand-off. Everything here is HR-only.
 */

export const PipelineStageSchema = z.enum(PIPELINE_STAGES);
export const PipelineSourceSchema = z.enum(PIPELINE_SOURCES);
export const RehireEligibilityValueSchema = z.enum(REHIRE_ELIGIBILITIES);

const isoDate = z.iso.date({ message: 'kz.date' });
const TimeZoneSchema = z.string().trim().min(1).max(64).refine(isTimeZone, { message: 'kz.timeZone' });
const id = z.string().trim().min(1).max(100);

// ---- requests ----------------------------------------------------------------------------------

/** Board filters: a job, a source, and a name (kanji, kana, romaji or the referral's name). */
export const PipelineBoardQuerySchema = z.object({
  jobId: id.optional(),
  source: PipelineSourceSchema.optional(),
  q: z.string().trim().max(100).optional(),
});
export type PipelineBoardQuery = z.infer<typeof PipelineBoardQuerySchema>;

/** CSV of the board: the same filters plus one stage; `lang` picks the header language. */
export const PipelineCsvQuerySchema = PipelineBoardQuerySchema.extend({
  stage: PipelineStageSchema.optional(),
  lang: z.enum(['ja', 'en']).optional(),
});
export type PipelineCsvQuery = z.infer<typeof PipelineCsvQuerySchema>;

export const PipelineCardCsvQuerySchema = z.object({ lang: z.enum(['ja', 'en']).optional() });

/** The hire recorded with a move to "rehired": the start date is a calendar day in `timeZone`. */
export const HireInputSchema = z
  .object({
    startOn: isoDate,
    roleTitle: z.string().trim().min(1).max(200),
    department: z.string().trim().max(200).nullable().optional(),
    timeZone: TimeZoneSchema.default('Asia/Tokyo'),
  })
  .strict();
export type HireInput = z.input<typeof HireInputSchema>;

export const PipelineMoveSchema = z
  .object({
    stage: PipelineStageSchema,
    hire: HireInputSchema.optional(),
  })
  .strict()
  .refine((v) => v.stage !== 'rehired' || v.hire !== undefined, {
    path: ['hire'],
    message: 'kz.pipelineHireRequired',
  })
  .refine((v) => v.stage === 'rehired' || v.hire === undefined, {
    path: ['hire'],
    message: 'kz.pipelineHireOnlyRehired',
  });
export type PipelineMove = z.input<typeof PipelineMoveSchema>;

export const PipelineNoteCreateSchema = z.object({ body: z.string().trim().min(1).max(4000) }).strict();
export type PipelineNoteCreate = z.infer<typeof PipelineNoteCreateSchema>;

/** Only the webhook is queued; CSV is a download (GET …/export.csv). */
export const AtsExportCreateSchema = z.object({ kind: z.literal('webhook') }).strict();
export type AtsExportCreate = z.infer<typeof AtsExportCreateSchema>;

// ---- responses ---------------------------------------------------------------------------------

const PersonRefSchema = z.object({ id: z.string(), displayName: z.string() });

export const PipelineJobRefSchema = z.object({
  id: z.string(),
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
});
export type PipelineJobRef = z.infer<typeof PipelineJobRefSchema>;

/** A card on the board. */
export const PipelineCardSummarySchema = z.object({
  id: z.string(),
  source: PipelineSourceSchema,
  stage: PipelineStageSchema,
  displayName: z.string(),
  /** The member the card is about, if any (a referred candidate may not be a member). */
  memberId: z.string().nullable(),
  job: PipelineJobRefSchema.nullable(),
  /** Whole days since the card reached its stage. */
  daysInStage: z.number().int(),
  stageChangedAt: z.string(),
  /** From the person's most recent exit case; null when there is none or it was not decided. */
  rehireEligibility: RehireEligibilityValueSchema.nullable(),
  lastDepartment: z.string().nullable(),
  lastTitle: z.string().nullable(),
  yearsAtCompany: z.number().int().nullable(),
  createdAt: z.string(),
});
export type PipelineCardSummary = z.infer<typeof PipelineCardSummarySchema>;

export const PipelineBoardSchema = z.object({
  columns: z.array(
    z.object({
      stage: PipelineStageSchema,
      /** Cards in this stage that match the filters (the list may be capped). */
      count: z.number().int(),
      cards: z.array(PipelineCardSummarySchema),
    }),
  ),
  total: z.number().int(),
  /** Jobs of the visible cards, for the job filter. */
  jobs: z.array(PipelineJobRefSchema),
});
export type PipelineBoard = z.infer<typeof PipelineBoardSchema>;

export const PipelineNoteSchema = z.object({
  id: z.string(),
  body: z.string(),
  author: PersonRefSchema.nullable(),
  createdAt: z.string(),
});
export type PipelineNote = z.infer<typeof PipelineNoteSchema>;

/** Moves the app makes on its own, following the member (decision 017). */
export const STAGE_MOVE_REASONS = ['interest_withdrawn', 'interest_renewed'] as const;
export type StageMoveReason = (typeof STAGE_MOVE_REASONS)[number];

export const StageEventSchema = z.object({
  /** `opened` (the card was put on the board) or `moved`. */
  kind: z.enum(['opened', 'moved']),
  from: PipelineStageSchema.nullable(),
  to: PipelineStageSchema,
  actor: PersonRefSchema.nullable(),
  at: z.string(),
  /** Why a move nobody made happened: the member withdrew or raised the interest again. */
  reason: z.enum(STAGE_MOVE_REASONS).nullable(),
});
export type StageEvent = z.infer<typeof StageEventSchema>;

export const HireSchema = z.object({
  id: z.string(),
  startOn: z.string(),
  timeZone: z.string(),
  roleTitle: z.string(),
  department: z.string().nullable(),
  /** When the start job made the member an employee again. */
  startedAt: z.string().nullable(),
  /** The start day has come in the hire's zone (the card can no longer move). */
  hasStarted: z.boolean(),
  recordedBy: PersonRefSchema.nullable(),
  createdAt: z.string(),
});
export type Hire = z.infer<typeof HireSchema>;

export const AtsExportSchema = z.object({
  id: z.string(),
  kind: z.enum(ATS_EXPORT_KINDS),
  status: z.enum(['queued', 'delivered', 'failed']),
  attempts: z.number().int(),
  /** HTTP status or error code of the last attempt (never personal data). */
  lastError: z.string().nullable(),
  actor: PersonRefSchema.nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type AtsExport = z.infer<typeof AtsExportSchema>;

/** Where a webhook goes: a configured ATS, the development inbox, or nowhere (production). */
export const ATS_WEBHOOK_MODES = ['configured', 'dev_inbox', 'not_configured'] as const;
export type AtsWebhookMode = (typeof ATS_WEBHOOK_MODES)[number];

export const PipelineCardDetailSchema = PipelineCardSummarySchema.extend({
  person: z.object({
    displayName: z.string(),
    /** HR sees the address: the member's login, or the referred candidate's. */
    email: z.string().nullable(),
    memberId: z.string().nullable(),
    role: z.string().nullable(),
  }),
  /** Time at the company: the HR record when there is one, else the profile. */
  history: z.object({
    source: z.enum(['hr_record', 'profile', 'none']),
    departments: z.array(z.string()),
    joinedOn: z.string().nullable(),
    leftOn: z.string().nullable(),
    lastTitle: z.string().nullable(),
    office: z.string().nullable(),
  }),
  eligibility: z.object({
    value: RehireEligibilityValueSchema.nullable(),
    reason: z.string().nullable(),
    /** The exit case it comes from (HR can open it), null when there is none. */
    caseId: z.string().nullable(),
    lastDay: z.string().nullable(),
  }),
  career: z
    .object({
      currentEmployer: z.string().nullable(),
      currentTitle: z.string().nullable(),
      industry: z.string().nullable(),
      location: z.string().nullable(),
      skills: z.array(z.string()),
    })
    .nullable(),
  interest: z
    .object({
      message: z.string().nullable(),
      preferredRoles: z.array(z.string()),
      preferredLocations: z.array(z.string()),
      timing: z.enum(RETURN_TIMINGS).nullable(),
      createdAt: z.string(),
    })
    .nullable(),
  referral: z
    .object({
      reason: z.string(),
      referrer: PersonRefSchema.nullable(),
      consentedAt: z.string().nullable(),
      createdAt: z.string(),
    })
    .nullable(),
  notes: z.array(PipelineNoteSchema),
  stageHistory: z.array(StageEventSchema),
  hire: HireSchema.nullable(),
  atsExports: z.array(AtsExportSchema),
  atsWebhook: z.enum(ATS_WEBHOOK_MODES),
});
export type PipelineCardDetail = z.infer<typeof PipelineCardDetailSchema>;

/** Analytics figures (counts only, never names). "Year" is the calendar year in Asia/Tokyo. */
export const PipelineStatsSchema = z.object({
  year: z.number().int(),
  thisYear: z.object({ total: z.number().int(), interest: z.number().int(), referral: z.number().int() }),
  /** Hires by the year of their start date, newest first. */
  hiresByYear: z.array(
    z.object({
      year: z.number().int(),
      interest: z.number().int(),
      referral: z.number().int(),
      total: z.number().int(),
    }),
  ),
  /** Cards on the board now (visible ones), per stage. */
  openByStage: z.record(PipelineStageSchema, z.number().int()),
  /** Every card ever put on the board vs those that led to a hire. */
  conversion: z.object({
    cards: z.number().int(),
    hired: z.number().int(),
    /** hired / cards, 0..1 (0 when there are no cards). */
    rate: z.number(),
    bySource: z.record(PipelineSourceSchema, z.object({ cards: z.number().int(), hired: z.number().int() })),
  }),
});
export type PipelineStats = z.infer<typeof PipelineStatsSchema>;

export const StartJobResultSchema = z.object({ started: z.number().int() });

export const AtsInboxSchema = z.object({
  items: z.array(
    z.object({ exportId: z.string().nullable(), schema: z.string().nullable(), receivedAt: z.string() }),
  ),
});
export type AtsInbox = z.infer<typeof AtsInboxSchema>;

/** The version tag of the webhook body; bump it when the shape changes (decision 017). */
export const ATS_PAYLOAD_SCHEMA = 'kizuna.ats-candidate/v1';
