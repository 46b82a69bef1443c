import { z } from 'zod';
import {
  CASE_ACCESSES,
  CASE_STAGES,
  CASE_STATUSES,
  DEFAULT_EXIT_TIME_ZONE,
  NETWORK_DECISIONS,
  REASON_CATEGORIES,
  REHIRE_ELIGIBILITIES,
} from './exits-reference';

export * from './exits-reference';

// ---- contracts of the exits endpoints (decision 012) ------------------------------------------

const isoDate = z.iso.date({ message: 'kz.date' });
const id = z.string().trim().min(1).max(100);
const note = (max: number) => z.string().trim().max(max);

/** A time zone the runtime knows (IANA name, e.g. Asia/Tokyo, America/Sao_Paulo). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
const TimeZoneSchema = z.string().trim().min(1).max(64).refine(isTimeZone, { message: 'kz.timeZone' });

export const ReasonCategorySchema = z.enum(REASON_CATEGORIES);
export const CaseStageSchema = z.enum(CASE_STAGES);
export const CaseStatusSchema = z.enum(CASE_STATUSES);
export const CaseAccessSchema = z.enum(CASE_ACCESSES);
export const RehireEligibilitySchema = z.enum(REHIRE_ELIGIBILITIES);

export const ExitCaseCreateSchema = z
  .object({
    userId: id,
    lastDay: isoDate,
    timeZone: TimeZoneSchema.default(DEFAULT_EXIT_TIME_ZONE),
    reasonCategory: ReasonCategorySchema,
    reasonNote: note(4000).nullable().optional(),
    managerId: id.nullable().optional(),
    hrOwnerId: id.nullable().optional(),
  })
  .strict();
export type ExitCaseCreate = z.infer<typeof ExitCaseCreateSchema>;

export const ExitCaseUpdateSchema = z
  .object({
    lastDay: isoDate.optional(),
    timeZone: TimeZoneSchema.optional(),
    reasonCategory: ReasonCategorySchema.optional(),
    reasonNote: note(4000).nullable().optional(),
    managerId: id.nullable().optional(),
    hrOwnerId: id.nullable().optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'kz.nothingToChange' });
export type ExitCaseUpdate = z.infer<typeof ExitCaseUpdateSchema>;

export const RehireEligibilityUpdateSchema = z
  .object({
    eligibility: RehireEligibilitySchema,
    reason: note(2000).nullable().optional(),
  })
  .strict()
  .refine((v) => v.eligibility !== 'not_eligible' || (v.reason ?? '').length > 0, {
    path: ['reason'],
    message: 'kz.rehireReasonRequired',
  });
export type RehireEligibilityUpdate = z.infer<typeof RehireEligibilityUpdateSchema>;

export const ManagerSetSchema = z.object({ managerId: id.nullable() }).strict();
export type ManagerSet = z.infer<typeof ManagerSetSchema>;

export const ExitCaseListQuerySchema = z
  .object({ status: z.enum([...CASE_STATUSES, 'all']).default('open') })
  .strict();
export type ExitCaseListQuery = z.infer<typeof ExitCaseListQuerySchema>;

const PersonRefSchema = z.object({ id: z.string(), displayName: z.string() });

/**
 * A case as a viewer sees it. Keys the viewer's access may not see (EXIT_FIELD_AUDIENCE) are
 * absent from the JSON, not null.
 */
export const ExitCaseSchema = z.object({
  id: z.string(),
  access: CaseAccessSchema,
  person: PersonRefSchema.extend({ email: z.string() }),
  manager: PersonRefSchema.nullable(),
  hrOwner: PersonRefSchema.nullable(),
  status: CaseStatusSchema,
  stage: CaseStageSchema,
  lastDay: z.string().optional(),
  timeZone: z.string(),
  /** The moment the last day ends in the case's time zone (ISO). */
  endsAt: z.string(),
  tasksTotal: z.number().int(),
  tasksOpen: z.number().int(),
  tasksOverdue: z.number().int(),
  /** Open tasks assigned to the viewer. */
  tasksMine: z.number().int(),
  networkDecision: z.enum(NETWORK_DECISIONS),
  convertedAt: z.string().nullable(),
  createdAt: z.string(),
  reasonCategory: ReasonCategorySchema.optional(),
  reasonNote: z.string().nullable().optional(),
  rehireEligibility: RehireEligibilitySchema.nullable().optional(),
  rehireReason: z.string().nullable().optional(),
  rehireDecidedAt: z.string().nullable().optional(),
  /** Set when the transition could not switch the login to the personal email (already taken). */
  emailConflict: z.boolean().optional(),
});
export type ExitCase = z.infer<typeof ExitCaseSchema>;

export const ExitCaseListSchema = z.object({
  items: z.array(ExitCaseSchema),
  /** Open cases by stage (of the cases listed). */
  stages: z.record(CaseStageSchema, z.number().int()),
});
export type ExitCaseList = z.infer<typeof ExitCaseListSchema>;

export const ReportingLineSchema = z.object({
  reportId: z.string(),
  manager: PersonRefSchema.nullable(),
});
export type ReportingLine = z.infer<typeof ReportingLineSchema>;

export const DevClockSchema = z.object({ advanceDays: z.number().int().min(-3650).max(3650) }).strict();
export const DevClockResultSchema = z.object({ now: z.string(), offsetMs: z.number() });
export const TransitionResultSchema = z.object({ converted: z.number().int() });
