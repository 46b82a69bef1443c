import { z } from 'zod';
import { RoleSchema } from './roles';

// ---- contracts of mentoring and advice requests (issue 12 §4, decision 040) ---------------------

/**
 * `career_path` is the employees' "what did your path after us look like?" — an employee asking an
 * alumnus, who need not have flagged anything. The other kinds need the recipient's matching flag.
 */
export const ADVICE_KINDS = ['mentoring', 'side_work', 'speaking', 'career_path'] as const;
export type AdviceKind = (typeof ADVICE_KINDS)[number];
export const ADVICE_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export type AdviceStatus = (typeof ADVICE_STATUSES)[number];
export const ADVICE_TIME_FRAMES = ['this_week', 'this_month', 'this_quarter', 'flexible'] as const;
export type AdviceTimeFrame = (typeof ADVICE_TIME_FRAMES)[number];

/** The profile flag each kind needs (career_path needs none: it depends on the roles). */
export const ADVICE_KIND_FLAG = {
  mentoring: 'mentoring',
  side_work: 'sideWork',
  speaking: 'speaking',
} as const satisfies Record<Exclude<AdviceKind, 'career_path'>, string>;
export type OfferFlag = (typeof ADVICE_KIND_FLAG)[keyof typeof ADVICE_KIND_FLAG];
export const OFFER_FLAGS: readonly OfferFlag[] = ['mentoring', 'sideWork', 'speaking'];

/** Who may ask about a career path: employees (and leavers, still employed), of alumni. */
export const CAREER_PATH_ASKERS = ['employee', 'leaver'] as const;

export const ADVICE_TOPIC_MAX = 200;
export const ADVICE_HOPES_MAX = 2000;
export const ADVICE_MESSAGE_MAX = 2000;

const required = (max: number) => z.string().trim().min(1).max(max);

export const AdviceRequestCreateSchema = z
  .object({
    toId: z.string().trim().min(1).max(100),
    kind: z.enum(ADVICE_KINDS),
    topic: required(ADVICE_TOPIC_MAX),
    hopes: required(ADVICE_HOPES_MAX),
    timeFrame: z.enum(ADVICE_TIME_FRAMES),
  })
  .strict();
export type AdviceRequestCreate = z.infer<typeof AdviceRequestCreateSchema>;

/** Empty text means "no message". */
const optionalMessage = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
  z.string().trim().max(ADVICE_MESSAGE_MAX).nullable().optional(),
);

export const AdviceDecisionSchema = z
  .object({ decision: z.enum(['accept', 'decline']), message: optionalMessage })
  .strict();
export type AdviceDecision = z.infer<typeof AdviceDecisionSchema>;

export const AdvicePersonSchema = z.object({ id: z.string(), displayName: z.string(), role: RoleSchema });

export const AdviceRequestSchema = z.object({
  id: z.string(),
  /** From the viewer's side: a request they received or sent. */
  direction: z.enum(['received', 'sent']),
  /** The other member of the pair. */
  other: AdvicePersonSchema,
  kind: z.enum(ADVICE_KINDS),
  topic: z.string(),
  hopes: z.string(),
  timeFrame: z.enum(ADVICE_TIME_FRAMES),
  status: z.enum(ADVICE_STATUSES),
  responseMessage: z.string().nullable(),
  /** The conversation an accepted request opened (link `/messages/<id>`). */
  conversationId: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type AdviceRequest = z.infer<typeof AdviceRequestSchema>;

export const AdviceListSchema = z.object({
  received: z.array(AdviceRequestSchema),
  sent: z.array(AdviceRequestSchema),
});
export type AdviceList = z.infer<typeof AdviceListSchema>;

/** The member a request form is addressed to: who they are, what they offer, what one may ask. */
export const AdviceTargetSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  currentTitle: z.string().nullable(),
  currentEmployer: z.string().nullable(),
  offers: z.object({ mentoring: z.boolean(), sideWork: z.boolean(), speaking: z.boolean() }),
  /** The kinds this viewer may send this member (empty: nothing to ask). */
  kinds: z.array(z.enum(ADVICE_KINDS)),
});
export type AdviceTarget = z.infer<typeof AdviceTargetSchema>;

const CountSchema = z.object({ value: z.string(), count: z.number().int() });

/** HR's view: counts only — never a topic, hopes, message or the names of a pair. */
export const AdviceStatsSchema = z.object({
  total: z.number().int(),
  byKind: z.array(CountSchema),
  byStatus: z.array(CountSchema),
  byMonth: z.array(
    z.object({
      month: z.string(),
      total: z.number().int(),
      accepted: z.number().int(),
      declined: z.number().int(),
    }),
  ),
  /** Accepted ÷ (accepted + declined), or null before any decision. */
  acceptanceRate: z.number().nullable(),
});
export type AdviceStats = z.infer<typeof AdviceStatsSchema>;
