import { z } from 'zod';
import { NameInputSchema } from './profiles';
import { RoleSchema } from './roles';

/** A month (2019-04) or a day (2019-04-01): people rarely remember their exact first day. */
const monthOrDate = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, { message: 'kz.month' });
const hasText = (v: unknown) => typeof v === 'string' && v.trim() !== '';
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/**
 * What a person who was not invited sends from /join (no sign-in). At least one fact HR can look
 * up: the employee number or the address used at the company.
 */
export const JoinRequestInputSchema = NameInputSchema.extend({
  email: z.email({ message: 'kz.email' }).max(254),
  employeeNumber: optionalText(40),
  workEmail: z.email({ message: 'kz.email' }).max(254).nullable().optional().or(z.literal('')),
  joinedOn: monthOrDate,
  /** Empty while still employed. */
  leftOn: monthOrDate.nullable().optional().or(z.literal('')),
  message: optionalText(2000),
  locale: z.enum(['ja', 'en']).optional(),
})
  .strict()
  .refine((v) => hasText(v.employeeNumber) || hasText(v.workEmail), {
    path: ['employeeNumber'],
    message: 'kz.employeeNumberOrWorkEmail',
    // Reported together with the other fields' errors, not in a second round.
    when: ({ value }) => typeof value === 'object' && value !== null,
  })
  .refine((v) => !v.leftOn || v.leftOn.slice(0, 7) >= v.joinedOn.slice(0, 7), {
    path: ['leftOn'],
    message: 'kz.leftBeforeJoined',
    when: ({ value }) => {
      const v = value as { joinedOn?: unknown; leftOn?: unknown };
      return typeof v?.joinedOn === 'string' && typeof v?.leftOn === 'string';
    },
  });
export type JoinRequestInput = z.infer<typeof JoinRequestInputSchema>;

/** The anonymous answer is the same whether or not anything matched (no enumeration). */
export const JoinRequestAcceptedSchema = z.object({ status: z.literal('received') });

export const EligibilityRulesSchema = z
  .object({
    /** Months between joining and leaving (or today) below which a request is not auto-approved. */
    minTenureMonths: z.number().int().min(0).max(600),
    /** HR leave-reason codes (hr_records.leave_reason) that are never auto-approved. */
    excludedLeaveReasons: z.array(z.string().trim().min(1).max(60)).max(30),
    /** Whether people still employed may join this way. */
    allowCurrentEmployees: z.boolean(),
  })
  .strict();
export type EligibilityRules = z.infer<typeof EligibilityRulesSchema>;

/** The leave-reason codes found in the HR records (distinct, sorted), offered as checkboxes. */
export const KnownLeaveReasonsSchema = z.object({ items: z.array(z.string()) });
export type KnownLeaveReasons = z.infer<typeof KnownLeaveReasonsSchema>;

export const ELIGIBILITY_REASONS = ['tenure_too_short', 'leave_reason_excluded', 'current_employee'] as const;
export type EligibilityReason = (typeof ELIGIBILITY_REASONS)[number];

/** Why a request was not approved automatically (beyond the rules). */
export const REQUEST_FLAGS = [
  'erased',
  'already_member',
  'invitation_pending',
  'no_match',
  'not_exact',
] as const;
export type RequestFlag = (typeof REQUEST_FLAGS)[number];

/** `partial`: the name is similar (same family name, or a close romaji spelling) but not equal. */
export const FactAgreementSchema = z.enum(['agree', 'partial', 'disagree', 'unknown']);
export type FactAgreement = z.infer<typeof FactAgreementSchema>;

export const MatchFactsSchema = z.object({
  name: FactAgreementSchema,
  employeeNumber: FactAgreementSchema,
  workEmail: FactAgreementSchema,
  joinedOn: FactAgreementSchema,
  leftOn: FactAgreementSchema,
});
export type MatchFacts = z.infer<typeof MatchFactsSchema>;

/** One HR record a request may be about, as HR sees it in the queue. */
export const JoinCandidateSchema = z.object({
  recordId: z.string(),
  displayName: z.string(),
  kana: z.string().nullable(),
  romaji: z.string().nullable(),
  employeeNumber: z.string(),
  joinedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
  departments: z.array(z.string()),
  score: z.number(),
  isExact: z.boolean(),
  facts: MatchFactsSchema,
  /** Eligibility rules the record does not meet (under today's rules). */
  warnings: z.array(z.enum(ELIGIBILITY_REASONS)),
  /** The record already belongs to a member. */
  isMember: z.boolean(),
});
export type JoinCandidate = z.infer<typeof JoinCandidateSchema>;

export const JoinRequestSchema = z.object({
  id: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  displayName: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  familyNameKana: z.string().nullable(),
  givenNameKana: z.string().nullable(),
  familyNameRomaji: z.string().nullable(),
  givenNameRomaji: z.string().nullable(),
  email: z.string(),
  employeeNumber: z.string().nullable(),
  workEmail: z.string().nullable(),
  joinedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
  message: z.string().nullable(),
  locale: z.enum(['ja', 'en']),
  flags: z.array(z.enum(REQUEST_FLAGS)),
  candidates: z.array(JoinCandidateSchema),
  decision: z.enum(['auto', 'manual']).nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
  invitationId: z.string().nullable(),
  matchRecordId: z.string().nullable(),
  createdAt: z.string(),
});
export type JoinRequest = z.infer<typeof JoinRequestSchema>;

export const JoinRequestListQuerySchema = z
  .object({ status: z.enum(['pending', 'decided']).default('pending') })
  .strict();

export const JoinRequestApproveSchema = z
  .object({
    /** The HR record the person is; null approves on the request's own data. */
    recordId: z.string().min(1).max(64).nullable(),
    role: RoleSchema.extract(['alumni', 'employee']).optional(),
  })
  .strict();
export type JoinRequestApprove = z.infer<typeof JoinRequestApproveSchema>;

export const JoinRequestRejectSchema = z.object({ note: z.string().trim().min(1).max(1000) }).strict();
export type JoinRequestReject = z.infer<typeof JoinRequestRejectSchema>;
