/**
 * Fixed lists of jobs and rehiring (issue 5), free of zod so the web bundle can import them.
 * Stored as codes, shown with translated labels (web/i18n). See decision 015.
 */
export const EMPLOYMENT_TYPES = ['full_time', 'part_time', 'contract', 'side_job', 'internship'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const REMOTE_MODES = ['onsite', 'hybrid', 'remote'] as const;
export type RemoteMode = (typeof REMOTE_MODES)[number];

export const JOB_STATUSES = ['draft', 'open', 'closed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const SALARY_PERIODS = ['year', 'month', 'hour'] as const;
export type SalaryPeriod = (typeof SALARY_PERIODS)[number];

/** When an alumnus could come back (general return interest). */
export const RETURN_TIMINGS = ['now', 'within_6_months', 'within_1_year', 'later'] as const;
export type ReturnTiming = (typeof RETURN_TIMINGS)[number];

export const INTEREST_STATUSES = ['active', 'withdrawn'] as const;
export type InterestStatus = (typeof INTEREST_STATUSES)[number];

/** A referral waits for the candidate's consent (emailed link) before HR sees the candidate. */
export const REFERRAL_STATUSES = ['awaiting_consent', 'consented', 'declined', 'expired'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REWARD_STATUSES = ['none', 'eligible', 'paid'] as const;
export type RewardStatus = (typeof REWARD_STATUSES)[number];

/** The rehiring pipeline, for return interests and referrals alike. */
export const PIPELINE_STAGES = [
  'interested',
  'conversation',
  'interview',
  'offer',
  'rehired',
  'not_now',
] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export const PIPELINE_SOURCES = ['interest', 'referral'] as const;
export type PipelineSource = (typeof PIPELINE_SOURCES)[number];

export const ALERT_FREQUENCIES = ['instant', 'daily'] as const;
export type AlertFrequency = (typeof ALERT_FREQUENCIES)[number];

export const ATS_EXPORT_KINDS = ['webhook', 'csv'] as const;
export type AtsExportKind = (typeof ATS_EXPORT_KINDS)[number];

/** Queue job names shared between features (the sender and the worker live in different folders). */
export const JOB_ALERTS_MATCH_JOB = 'job-alerts.match';

/** Closing days are calendar days of the company's head office. */
export const JOBS_TIME_ZONE = 'Asia/Tokyo';

// ---- return interests (owned by the return-interests feature) ---------------------------------
/** Preferred roles / locations per interest, the length of each, and of the message to HR. */
export const MAX_PREFERENCES = 10;
export const MAX_PREFERENCE_LENGTH = 100;
export const MAX_INTEREST_MESSAGE = 2000;
