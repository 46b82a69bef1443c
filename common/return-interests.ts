import { z } from 'zod';
import {
  INTEREST_STATUSES,
  MAX_INTEREST_MESSAGE,
  MAX_PREFERENCE_LENGTH,
  MAX_PREFERENCES,
  RETURN_TIMINGS,
} from './rehiring-reference';

export {
  INTEREST_STATUSES,
  type InterestStatus,
  MAX_INTEREST_MESSAGE,
  MAX_PREFERENCE_LENGTH,
  MAX_PREFERENCES,
  RETURN_TIMINGS,
  type ReturnTiming,
} from './rehiring-reference';

// ---- contracts of the return-interest endpoints (出戻り意向, decision 015) --------------------

const preference = z.string().trim().min(1).max(MAX_PREFERENCE_LENGTH);
const preferences = z.array(preference).max(MAX_PREFERENCES);

/**
 * Grants the 'rehiring' consent in the same transaction as the interest (source `settings`).
 * Only `true` is accepted: consent is withdrawn on the privacy page, never by leaving a box empty.
 */
const allowRehiringContact = z.literal(true, { message: 'kz.returnInterestConsentTrue' }).optional();

export const ReturnTimingSchema = z.enum(RETURN_TIMINGS);
export const InterestStatusSchema = z.enum(INTEREST_STATUSES);

/**
 * "I'm open to coming back" in general. PUT replaces the member's one general interest (creates
 * it, updates it, or reactivates a withdrawn one — never a second row).
 */
export const GeneralInterestInputSchema = z
  .object({
    preferredRoles: preferences.default([]),
    preferredLocations: preferences.default([]),
    timing: ReturnTimingSchema.nullable().default(null),
    message: z.string().trim().max(MAX_INTEREST_MESSAGE).nullable().default(null),
    allowRehiringContact,
  })
  .strict();
export type GeneralInterestInput = z.input<typeof GeneralInterestInputSchema>;

/** "I'm interested" in one job, with a message. A repeat while active updates the message. */
export const JobInterestInputSchema = z
  .object({
    message: z.string().trim().min(1).max(MAX_INTEREST_MESSAGE),
    allowRehiringContact,
  })
  .strict();
export type JobInterestInput = z.input<typeof JobInterestInputSchema>;

/** The job an interest is about, as the member may see it today. */
export const InterestJobSchema = z.object({
  id: z.string(),
  /** Null when the member may no longer see the job (its title is not shown then). */
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  /** Open, not expired and visible to the member: the job page can be opened. */
  listed: z.boolean(),
});
export type InterestJob = z.infer<typeof InterestJobSchema>;

/** One of the member's own interests. Only the member sees this shape; HR reads the board. */
export const ReturnInterestSchema = z.object({
  id: z.string(),
  kind: z.enum(['general', 'job']),
  job: InterestJobSchema.nullable(),
  message: z.string().nullable(),
  preferredRoles: z.array(z.string()),
  preferredLocations: z.array(z.string()),
  timing: ReturnTimingSchema.nullable(),
  status: InterestStatusSchema,
  /** Active and the member consents to rehiring contact: HR sees it on the rehiring board. */
  visibleToHr: z.boolean(),
  createdAt: z.string(),
  /** When the member last told HR (raised, changed or reactivated it). */
  updatedAt: z.string(),
  withdrawnAt: z.string().nullable(),
});
export type ReturnInterest = z.infer<typeof ReturnInterestSchema>;

export const MyReturnInterestsSchema = z.object({
  /** Does the member consent to 'rehiring' now? Without it HR sees none of their interests. */
  rehiringConsent: z.boolean(),
  /** The one general interest (active or withdrawn), if ever raised. */
  general: ReturnInterestSchema.nullable(),
  /** Interests in single jobs, active first, newest first. */
  jobs: z.array(ReturnInterestSchema),
});
export type MyReturnInterests = z.infer<typeof MyReturnInterestsSchema>;

/** The answer to raising, changing or withdrawing an interest. */
export const ReturnInterestResultSchema = z.object({
  interest: ReturnInterestSchema,
  rehiringConsent: z.boolean(),
});
export type ReturnInterestResult = z.infer<typeof ReturnInterestResultSchema>;
