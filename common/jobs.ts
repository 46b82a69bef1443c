import { z } from 'zod';
import {
  EMPLOYMENT_TYPES,
  type EmploymentType,
  JOB_STATUSES,
  REMOTE_MODES,
  type RemoteMode,
  SALARY_PERIODS,
  type SalaryPeriod,
} from './rehiring-reference';
import { canonicalTerm } from './vocabulary';

export { EMPLOYMENT_TYPES, JOB_STATUSES, REMOTE_MODES, SALARY_PERIODS };

// ---- contracts of the jobs endpoints (decision 016) --------------------------------------------

/**
 * Who a job is for, as HR chooses it. Each preset is a classification + audience of the visibility
 * policy (decision 004), mapped in server/features/jobs/jobs.policy.ts:
 * alumni → network, roles [alumni]; alumni_and_employees → network; employees → internal;
 * group → confidential, the named members only.
 */
export const JOB_AUDIENCE_PRESETS = ['alumni', 'alumni_and_employees', 'employees', 'group'] as const;
export type JobAudiencePreset = (typeof JOB_AUDIENCE_PRESETS)[number];

export const JOB_MAX_PAGE_SIZE = 50;
export const JOB_MAX_SKILLS = 30;

const isoDate = z.iso.date({ message: 'kz.date' });
/** Empty text means "not given": stored as null. */
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const optionalText = (max: number) =>
  z.preprocess(blankToNull, z.string().trim().max(max).nullable().optional());
const requiredText = (max: number) => z.string().trim().min(1).max(max);
const amount = z.number().int().min(0).max(1_000_000_000).nullable().optional();

/** `a,b,c` in a query string → ['a','b','c']; empty → undefined. */
const csv = <T extends z.ZodType>(item: T, max = 20) =>
  z.preprocess((v) => {
    const raw = Array.isArray(v) ? v.join(',') : v;
    if (typeof raw !== 'string' || raw.trim() === '') return undefined;
    return raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }, z.array(item).max(max).optional());

const page = z.coerce.number().int().min(1).max(10_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(JOB_MAX_PAGE_SIZE).default(20);

/** Skills as typed, trimmed, without repeats (compared ignoring case and full/half width). */
/** Longest skill a job may ask for (characters). */
export const JOB_SKILL_MAX_LENGTH = 50;
/** One skill however it is written: its vocabulary key when it names a term (営業 = Sales, decision 041). */
export const normalizeJobSkill = (skill: string) =>
  canonicalTerm('skill', skill).normalize('NFKC').trim().toLowerCase();
export function uniqueSkills(skills: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of skills) {
    const skill = raw.trim();
    const key = normalizeJobSkill(skill);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(skill);
  }
  return out;
}

export const JobAudienceInputSchema = z
  .object({
    preset: z.enum(JOB_AUDIENCE_PRESETS),
    /** The members of a `group` job (ignored by the other presets). */
    memberIds: z.array(z.string().trim().min(1).max(100)).max(500).default([]),
    /** Leave out alumni whose last day is fewer than this many months ago (cooling-off). */
    excludeLeftWithinMonths: z.number().int().min(1).max(120).nullable().default(null),
    /** Leave out alumni who work for one of these employers now. */
    excludeEmployers: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.preset === 'group' && v.memberIds.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['memberIds'], message: 'kz.jobGroupEmpty' });
    }
  });
export type JobAudienceInput = z.input<typeof JobAudienceInputSchema>;
export type JobAudienceValue = z.output<typeof JobAudienceInputSchema>;

const jobFieldSchemas = {
  titleJa: optionalText(200),
  titleEn: optionalText(200),
  descriptionJa: optionalText(20_000),
  descriptionEn: optionalText(20_000),
  department: requiredText(80),
  location: requiredText(80),
  remote: z.enum(REMOTE_MODES),
  employmentType: z.enum(EMPLOYMENT_TYPES),
  skills: z.array(z.string().trim().min(1).max(JOB_SKILL_MAX_LENGTH)).max(JOB_MAX_SKILLS).default([]),
  salaryMin: amount,
  salaryMax: amount,
  /** ISO 4217 (JPY, USD); typed in lower case is accepted. */
  salaryCurrency: z.preprocess(
    (v) => {
      const value = blankToNull(v);
      return typeof value === 'string' ? value.trim().toUpperCase() : value;
    },
    z
      .string()
      .regex(/^[A-Z]{3}$/, { message: 'kz.currency' })
      .nullable()
      .optional(),
  ),
  salaryPeriod: z.preprocess(blankToNull, z.enum(SALARY_PERIODS).nullable().optional()),
  closesOn: isoDate,
  audience: JobAudienceInputSchema,
};

/** The fields the cross-field rules look at (a create, or a stored job with an edit applied). */
export interface JobRules {
  titleJa?: string | null;
  titleEn?: string | null;
  descriptionJa?: string | null;
  descriptionEn?: string | null;
  salaryMin?: number | null;
  salaryMax?: number | null;
  salaryCurrency?: string | null;
  salaryPeriod?: string | null;
}

/**
 * The rules across fields, shared by the create contract and by an edit (checked after it is
 * merged with the stored job): a title in at least one language, each language's title and
 * description together, a salary range in order with its currency and period.
 */
export function jobRuleIssues(v: JobRules): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (!v.titleJa && !v.titleEn) {
    issues.push({ path: 'titleJa', message: 'kz.jobTitleRequired' });
    issues.push({ path: 'titleEn', message: 'kz.jobTitleRequired' });
  }
  for (const lang of ['Ja', 'En'] as const) {
    const title = v[`title${lang}`];
    const description = v[`description${lang}`];
    if (title && !description)
      issues.push({ path: `description${lang}`, message: 'kz.jobDescriptionRequired' });
    if (description && !title) issues.push({ path: `title${lang}`, message: 'kz.jobTitleForDescription' });
  }
  const hasSalary = v.salaryMin != null || v.salaryMax != null;
  // The create contract runs these rules also when other fields are wrong: compare only numbers.
  if (typeof v.salaryMin === 'number' && typeof v.salaryMax === 'number' && v.salaryMin > v.salaryMax) {
    issues.push({ path: 'salaryMax', message: 'kz.rangeOrder' });
  }
  if (hasSalary && !v.salaryCurrency)
    issues.push({ path: 'salaryCurrency', message: 'kz.jobCurrencyRequired' });
  if (hasSalary && !v.salaryPeriod) issues.push({ path: 'salaryPeriod', message: 'kz.jobPeriodRequired' });
  return issues;
}

export const JobCreateSchema = z
  .object({
    ...jobFieldSchemas,
    /** `open` publishes at once (the closing day must not have passed). */
    status: z.enum(['draft', 'open']).default('draft'),
  })
  .strict()
  .superRefine(
    (v, ctx) => {
      for (const issue of jobRuleIssues(v)) {
        ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
      }
    },
    // Also when other fields are wrong, so a form shows every problem at once.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
export type JobCreate = z.output<typeof JobCreateSchema>;
export type JobCreateInput = z.input<typeof JobCreateSchema>;

/** An edit: any of the fields; the cross-field rules are checked on the job as it would become. */
export const JobUpdateSchema = z
  .object({
    titleJa: jobFieldSchemas.titleJa,
    titleEn: jobFieldSchemas.titleEn,
    descriptionJa: jobFieldSchemas.descriptionJa,
    descriptionEn: jobFieldSchemas.descriptionEn,
    department: jobFieldSchemas.department.optional(),
    location: jobFieldSchemas.location.optional(),
    remote: jobFieldSchemas.remote.optional(),
    employmentType: jobFieldSchemas.employmentType.optional(),
    skills: z.array(z.string().trim().min(1).max(JOB_SKILL_MAX_LENGTH)).max(JOB_MAX_SKILLS).optional(),
    salaryMin: jobFieldSchemas.salaryMin,
    salaryMax: jobFieldSchemas.salaryMax,
    salaryCurrency: jobFieldSchemas.salaryCurrency,
    salaryPeriod: jobFieldSchemas.salaryPeriod,
    closesOn: isoDate.optional(),
    audience: JobAudienceInputSchema.optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'kz.nothingToChange' });
export type JobUpdate = z.output<typeof JobUpdateSchema>;
export type JobUpdateInput = z.input<typeof JobUpdateSchema>;

export const JobListQuerySchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    department: csv(z.string().min(1).max(80)),
    location: csv(z.string().min(1).max(80)),
    remote: csv(z.enum(REMOTE_MODES)),
    employmentType: csv(z.enum(EMPLOYMENT_TYPES)),
    page,
    pageSize,
  })
  .strict();
export type JobListQuery = z.output<typeof JobListQuerySchema>;

export const JobFitQuerySchema = z.object({ page, pageSize }).strict();
export type JobFitQuery = z.output<typeof JobFitQuerySchema>;

export const ADMIN_JOB_FILTERS = ['all', 'draft', 'open', 'expired', 'closed'] as const;
export type AdminJobFilter = (typeof ADMIN_JOB_FILTERS)[number];

export const AdminJobListQuerySchema = z
  .object({
    status: z.enum(ADMIN_JOB_FILTERS).default('all'),
    q: z.string().trim().max(200).optional(),
    page,
    pageSize,
  })
  .strict();
export type AdminJobListQuery = z.output<typeof AdminJobListQuerySchema>;

// ---- responses ---------------------------------------------------------------------------------

export const SalarySchema = z.object({
  min: z.number().int().nullable(),
  max: z.number().int().nullable(),
  currency: z.string(),
  period: z.enum(SALARY_PERIODS),
});
export type Salary = z.infer<typeof SalarySchema>;

/** What a list shows of a job (both languages: the UI picks the viewer's, falling back). */
export const JobCardSchema = z.object({
  id: z.string(),
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  department: z.string(),
  location: z.string(),
  remote: z.enum(REMOTE_MODES),
  employmentType: z.enum(EMPLOYMENT_TYPES),
  skills: z.array(z.string()),
  salary: SalarySchema.nullable(),
  /** Last day applications are taken (inclusive, Asia/Tokyo). */
  closesOn: z.string(),
  publishedAt: z.string().nullable(),
  /**
   * Members may refer people outside the company for it (public or network classification):
   * referral forms offer only these, as the candidate is told the job's title (decision 019).
   */
  referable: z.boolean(),
});
export type JobCard = z.infer<typeof JobCardSchema>;

const PersonRefSchema = z.object({ id: z.string(), displayName: z.string() });

/** The audience as HR set it, with the group's members named (HR only). */
export const JobAudienceSchema = z.object({
  preset: z.enum(JOB_AUDIENCE_PRESETS),
  members: z.array(PersonRefSchema),
  excludeLeftWithinMonths: z.number().int().nullable(),
  excludeEmployers: z.array(z.string()),
});
export type JobAudience = z.infer<typeof JobAudienceSchema>;

/**
 * One job. `status`, `expired` and `audience` are HR's (absent from the JSON for everyone else,
 * who only ever sees listed jobs).
 */
export const JobSchema = JobCardSchema.extend({
  descriptionJa: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  /** Open, not past its closing day: members can act on it (interest, referral). */
  isListed: z.boolean(),
  status: z.enum(JOB_STATUSES).optional(),
  expired: z.boolean().optional(),
  audience: JobAudienceSchema.optional(),
  closedAt: z.string().nullable().optional(),
  updatedAt: z.string().optional(),
});
export type Job = z.infer<typeof JobSchema>;

const FacetSchema = z.array(z.object({ value: z.string(), count: z.number().int() }));

export const JobListSchema = z.object({
  items: z.array(JobCardSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Every match, counted. */
  total: z.number().int(),
  hasMore: z.boolean(),
  /** Values present in the jobs this viewer can see (before filters), for the filter UI. */
  facets: z.object({ department: FacetSchema, location: FacetSchema }),
});
export type JobList = z.infer<typeof JobListSchema>;

/** Why a job fits: the viewer's skills it asks for, their former department, their location. */
export const FitReasonsSchema = z.object({
  skills: z.array(z.string()),
  department: z.boolean(),
  location: z.boolean(),
});
export type FitReasons = z.infer<typeof FitReasonsSchema>;

export const FitJobSchema = z.object({
  job: JobCardSchema,
  score: z.number().int(),
  reasons: FitReasonsSchema,
});
export type FitJob = z.infer<typeof FitJobSchema>;

export const JobFitListSchema = z.object({
  items: z.array(FitJobSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  hasMore: z.boolean(),
  /** What the ranking had to go on: with neither, nothing can fit ("add skills to your profile"). */
  profile: z.object({ skills: z.number().int(), departments: z.number().int() }),
});
export type JobFitList = z.infer<typeof JobFitListSchema>;

export const AdminJobSchema = JobCardSchema.extend({
  status: z.enum(JOB_STATUSES),
  expired: z.boolean(),
  audience: z.object({
    preset: z.enum(JOB_AUDIENCE_PRESETS),
    memberCount: z.number().int(),
    excludeLeftWithinMonths: z.number().int().nullable(),
    excludeEmployers: z.array(z.string()),
  }),
  updatedAt: z.string(),
});
export type AdminJob = z.infer<typeof AdminJobSchema>;

export const AdminJobListSchema = z.object({
  items: z.array(AdminJobSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  hasMore: z.boolean(),
  /** Every job by state (expired = open but past its closing day). */
  counts: z.record(z.enum(ADMIN_JOB_FILTERS), z.number().int()),
});
export type AdminJobList = z.infer<typeof AdminJobListSchema>;

// ---- shown in both UIs -------------------------------------------------------------------------

/** The title in the viewer's language, else the other one. */
export function jobTitle(
  job: { titleJa: string | null; titleEn: string | null },
  locale: 'ja' | 'en',
): string {
  return (locale === 'ja' ? (job.titleJa ?? job.titleEn) : (job.titleEn ?? job.titleJa)) ?? '';
}

export type { EmploymentType, RemoteMode, SalaryPeriod };
