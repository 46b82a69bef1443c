import { z } from 'zod';
import { LocaleSchema } from './locale';
import {
  type PipelineStage,
  REFERRAL_STATUSES,
  REWARD_STATUSES,
  type ReferralStatus,
} from './rehiring-reference';

// ---- contracts of the referral endpoints (decision 019) ---------------------------------------

export type { ReferralStatus };
export { REFERRAL_STATUSES, REWARD_STATUSES };

export const REFERRAL_NAME_MAX = 200;
export const REFERRAL_REASON_MAX = 2000;
export const REWARD_NOTE_MAX = 1000;
/** How long the candidate's consent link works: from the referral, never extended by a resend. */
export const REFERRAL_CONSENT_DAYS = 14;
/** The referrer may send the consent email again at most this many times per referral. */
export const REFERRAL_MAX_RESENDS = 2;
/** Referrals one member may make in a rolling window (the candidates are third parties). */
export const REFERRAL_QUOTA = { max: 10, windowHours: 24 } as const;
/** No new referral (so no new email) to the same address within this many days of the last one. */
export const REFERRAL_CANDIDATE_COOLDOWN_DAYS = 7;
/**
 * Days after a referral ended without consent (declined, withdrawn, expired) until the candidate's
 * name, email, language, the reason and the consent emails are deleted; the row stays (decision 020).
 */
export const REFERRAL_RETENTION_DAYS = 30;

/**
 * What the referrer learns of the hiring process: never the stage or HR's notes, only whether it
 * is still going, ended in a hire, or ended otherwise.
 */
export const REFERRAL_OUTCOMES = ['in_process', 'hired', 'closed'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

/** The referrer's coarse outcome for a card stage; null while there is no card (no consent yet). */
export function referralOutcome(stage: PipelineStage | null | undefined): ReferralOutcome | null {
  if (!stage) return null;
  if (stage === 'rehired') return 'hired';
  if (stage === 'not_now') return 'closed';
  return 'in_process';
}

/** An ISO 4217 code the runtime knows (JPY, USD, EUR, …); upper-cased before the check. */
export function isCurrencyCode(value: string): boolean {
  if (!/^[A-Z]{3}$/.test(value)) return false;
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  return supported ? supported('currency').includes(value) : true;
}

const text = (max: number) => z.string().trim().min(1).max(max);
const note = z.string().trim().max(REWARD_NOTE_MAX).nullable().optional();

export const ReferralCreateSchema = z
  .object({
    candidateName: text(REFERRAL_NAME_MAX),
    candidateEmail: z
      .string()
      .trim()
      .pipe(z.email({ message: 'kz.email' }).max(254)),
    /** The language of the consent email. */
    candidateLocale: LocaleSchema,
    /** Omitted or null: a referral to the company in general. */
    jobId: z.string().trim().min(1).max(100).nullable().optional(),
    /** Why the referrer recommends them: shown to the candidate, and to HR after consent. */
    reason: text(REFERRAL_REASON_MAX),
  })
  .strict();
export type ReferralCreate = z.infer<typeof ReferralCreateSchema>;

/**
 * The job of a referral. For the referrer and the candidate both titles are null once the job is
 * no longer public or network (it was made internal or a group's): the UI then says "a position
 * at the company". HR always sees the titles.
 */
export const ReferralJobSchema = z.object({
  id: z.string(),
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
});
export type ReferralJob = z.infer<typeof ReferralJobSchema>;

export const ReferralStatusSchema = z.enum(REFERRAL_STATUSES);
export const RewardStatusSchema = z.enum(REWARD_STATUSES);

const Reward = {
  rewardStatus: RewardStatusSchema,
  /** The amount of the rule in force when the reward became eligible (copied then). */
  rewardAmount: z.number().int().nullable(),
  rewardCurrency: z.string().nullable(),
  rewardPaidAt: z.string().nullable(),
};

export const RewardRuleSchema = z
  .object({
    enabled: z.boolean(),
    amount: z.number().int().min(0).max(100_000_000),
    currency: z
      .string()
      .trim()
      .transform((s) => s.toUpperCase())
      .pipe(z.string().refine(isCurrencyCode, { message: 'kz.referralCurrency' })),
    noteJa: note,
    noteEn: note,
  })
  .strict();
export type RewardRuleInput = z.input<typeof RewardRuleSchema>;

export const RewardRuleViewSchema = z.object({
  enabled: z.boolean(),
  amount: z.number().int(),
  currency: z.string(),
  noteJa: z.string().nullable(),
  noteEn: z.string().nullable(),
});
export type RewardRuleView = z.infer<typeof RewardRuleViewSchema>;

/** One of my referrals, as the referrer sees it: what they typed, the status and the outcome. */
export const MyReferralSchema = z.object({
  id: z.string(),
  /** Null once the candidate's details were deleted (decision 020). */
  candidateName: z.string().nullable(),
  job: ReferralJobSchema.nullable(),
  status: ReferralStatusSchema,
  outcome: z.enum(REFERRAL_OUTCOMES).nullable(),
  consentExpiresAt: z.string(),
  createdAt: z.string(),
  /** The consent email may be sent again: awaiting consent, link not lapsed, resends left. */
  canResend: z.boolean(),
  ...Reward,
});
export type MyReferral = z.infer<typeof MyReferralSchema>;

export const MyReferralListSchema = z.object({
  items: z.array(MyReferralSchema),
  /** The reward rule while it is enabled, else null. */
  rewardRule: RewardRuleViewSchema.nullable(),
});
export type MyReferralList = z.infer<typeof MyReferralListSchema>;

/** The candidate's own data, on HR's list only once they consented. */
export const ReferralCandidateSchema = z.object({
  name: z.string(),
  email: z.string(),
  reason: z.string(),
});

export const AdminReferralSchema = z.object({
  id: z.string(),
  status: ReferralStatusSchema,
  referrer: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  job: ReferralJobSchema.nullable(),
  /** Present only for consented referrals: nothing about the candidate before that. */
  candidate: ReferralCandidateSchema.optional(),
  /** The card's stage on the rehiring board (consented referrals). */
  stage: z.string().nullable(),
  createdAt: z.string(),
  consentExpiresAt: z.string(),
  consentedAt: z.string().nullable(),
  declinedAt: z.string().nullable(),
  /** When the candidate's details were deleted (retention or their erasure), else null. */
  redactedAt: z.string().nullable(),
  rewardPaidBy: z.string().nullable(),
  ...Reward,
});
export type AdminReferral = z.infer<typeof AdminReferralSchema>;

export const AdminReferralListQuerySchema = z
  .object({
    status: z.enum([...REFERRAL_STATUSES, 'all']).default('all'),
    reward: z.enum([...REWARD_STATUSES, 'all']).default('all'),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
export type AdminReferralListQuery = z.infer<typeof AdminReferralListQuerySchema>;

export const AdminReferralListSchema = z.object({
  items: z.array(AdminReferralSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AdminReferralList = z.infer<typeof AdminReferralListSchema>;

/**
 * The candidate's answers through their link: agree, say no, or — after agreeing — withdraw
 * (HR stops seeing them at once; stored as declined, decision 019).
 */
export const CONSENT_DECISIONS = ['consent', 'decline', 'withdraw'] as const;

// Any non-empty string: a mangled link is "not valid" (404), not a form error. The token travels
// in a POST body, never in a URL (decision 019): URLs end up in logs and histories.
const ConsentToken = z.string().min(1).max(200);

export const ReferralConsentTokenSchema = z.object({ token: ConsentToken }).strict();
export type ReferralConsentToken = z.infer<typeof ReferralConsentTokenSchema>;

export const ReferralConsentDecisionSchema = z
  .object({ token: ConsentToken, decision: z.enum(CONSENT_DECISIONS) })
  .strict();
export type ReferralConsentDecision = z.infer<typeof ReferralConsentDecisionSchema>;

/** What the candidate is asked to agree to: only while the request awaits their answer. */
export const ReferralConsentRequestSchema = z.object({
  candidateName: z.string(),
  candidateEmail: z.string(),
  referrerName: z.string().nullable(),
  job: ReferralJobSchema.nullable(),
  reason: z.string(),
  expiresAt: z.string(),
});
export type ReferralConsentRequest = z.infer<typeof ReferralConsentRequestSchema>;

/**
 * The candidate's link (public). Once answered it shows only the status (and whether consent can
 * be withdrawn) — not their name, email or the reason again: a forwarded or shared link says
 * nothing more about them. An expired link is a 404 "expired".
 */
export const ReferralConsentViewSchema = z.object({
  status: ReferralStatusSchema,
  decidedAt: z.string().nullable(),
  /** They agreed: the link can withdraw it. */
  canWithdraw: z.boolean(),
  /** Declined after having agreed (HR saw them until then). */
  isWithdrawn: z.boolean(),
  /** Present only while awaiting their answer. */
  request: ReferralConsentRequestSchema.optional(),
});
export type ReferralConsentView = z.infer<typeof ReferralConsentViewSchema>;

/** What the daily referrals job did (development trigger): expired, then redacted (decision 020). */
export const ReferralsDailyResultSchema = z.object({
  expired: z.number().int(),
  redacted: z.number().int(),
  mailsDeleted: z.number().int(),
  notesDeleted: z.number().int(),
  /** Hires on withdrawn consents' cards: not started → cancelled; started → unlinked from the member. */
  hiresCancelled: z.number().int(),
  hiresUnlinked: z.number().int(),
});
export type ReferralsDailyResult = z.infer<typeof ReferralsDailyResultSchema>;
