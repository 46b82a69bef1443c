import { z } from 'zod';
import { ALERT_FREQUENCIES, EMPLOYMENT_TYPES, REMOTE_MODES } from './rehiring-reference';

// ---- contracts of the job-alert endpoints (issue 5, decision 018) ------------------------------

/** Bounds of one alert and of a member's alerts (also shown in the UI hints). */
export const JOB_ALERT_LIMITS = {
  keywords: 10,
  keywordLength: 50,
  departments: 10,
  locations: 10,
  termLength: 100,
  alertsPerMember: 20,
} as const;

const term = (max: number) => z.string().trim().min(1).max(max);

/** Drops repeats that differ only in case or width, keeping the first spelling. */
function unique(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((item) => {
    const key = item.normalize('NFKC').toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const terms = (itemMax: number, max: number) => z.array(term(itemMax)).max(max).transform(unique);

export const AlertFrequencySchema = z.enum(ALERT_FREQUENCIES);

const criteria = {
  keywords: terms(JOB_ALERT_LIMITS.keywordLength, JOB_ALERT_LIMITS.keywords),
  departments: terms(JOB_ALERT_LIMITS.termLength, JOB_ALERT_LIMITS.departments),
  locations: terms(JOB_ALERT_LIMITS.termLength, JOB_ALERT_LIMITS.locations),
};

/** At least one keyword, department or location: an alert for "every job" is not an alert. */
export const hasCriterion = (v: { keywords?: string[]; departments?: string[]; locations?: string[] }) =>
  (v.keywords?.length ?? 0) + (v.departments?.length ?? 0) + (v.locations?.length ?? 0) > 0;

export const JobAlertCreateSchema = z
  .object({
    keywords: criteria.keywords.default([]),
    departments: criteria.departments.default([]),
    locations: criteria.locations.default([]),
    frequency: AlertFrequencySchema.default('instant'),
    active: z.boolean().default(true),
  })
  .strict()
  .refine(hasCriterion, { path: ['criteria'], message: 'kz.jobAlertCriterion' });
export type JobAlertCreate = z.input<typeof JobAlertCreateSchema>;

/** A partial change; the service checks that the alert keeps at least one criterion. */
export const JobAlertUpdateSchema = z
  .object({
    keywords: criteria.keywords.optional(),
    departments: criteria.departments.optional(),
    locations: criteria.locations.optional(),
    frequency: AlertFrequencySchema.optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'kz.nothingToChange' });
export type JobAlertUpdate = z.input<typeof JobAlertUpdateSchema>;

export const JobAlertSchema = z.object({
  id: z.string(),
  keywords: z.array(z.string()),
  departments: z.array(z.string()),
  locations: z.array(z.string()),
  frequency: AlertFrequencySchema,
  active: z.boolean(),
  /** Whether email goes out at all: the member consents to 'newsletter' (in-app always works). */
  emailAllowed: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type JobAlert = z.infer<typeof JobAlertSchema>;

export const JobAlertListSchema = z.object({
  items: z.array(JobAlertSchema),
  /** The member consents to 'newsletter' now: alert emails can go out. */
  emailAllowed: z.boolean(),
  /** How many alerts a member may have. */
  max: z.number().int(),
});
export type JobAlertList = z.infer<typeof JobAlertListSchema>;

/** A job that matched one of the viewer's alerts and is still listed and visible to them. */
export const JobAlertMatchSchema = z.object({
  job: z.object({
    id: z.string(),
    titleJa: z.string().nullable(),
    titleEn: z.string().nullable(),
    department: z.string(),
    location: z.string(),
    remote: z.enum(REMOTE_MODES),
    employmentType: z.enum(EMPLOYMENT_TYPES),
    closesOn: z.string(),
  }),
  /** When the first of the viewer's alerts matched it. */
  matchedAt: z.string(),
  seen: z.boolean(),
  alertIds: z.array(z.string()),
});
export type JobAlertMatch = z.infer<typeof JobAlertMatchSchema>;

export const JobAlertMatchListSchema = z.object({
  items: z.array(JobAlertMatchSchema),
  /** Matched jobs not yet seen (badge). */
  unseen: z.number().int(),
});
export type JobAlertMatchList = z.infer<typeof JobAlertMatchListSchema>;

export const MarkSeenResultSchema = z.object({ marked: z.number().int() });

export const DigestResultSchema = z.object({
  /** Members whose pending matches were handled. */
  members: z.number().int(),
  /** Digest mails queued (members who consent to 'newsletter' and had a listed, visible job). */
  mailed: z.number().int(),
});
export type DigestResult = z.infer<typeof DigestResultSchema>;
