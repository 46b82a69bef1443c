import { z } from 'zod';
import { HrRecordFilterSchema } from './hr-records';
import { LocaleSchema } from './locale';
import { NameInputSchema } from './profiles';
import { PASSWORD_MIN } from './reference';
import { RoleSchema } from './roles';

export { PASSWORD_MIN };

export const InvitationCreateSchema = NameInputSchema.extend({
  email: z.email({ message: 'kz.email' }).max(254),
  role: RoleSchema,
  locale: LocaleSchema.default('ja'),
}).strict();
export type InvitationCreate = z.infer<typeof InvitationCreateSchema>;

export const INVITATION_STATUSES = ['pending', 'accepted', 'expired', 'revoked'] as const;
export const DELIVERY_STATUSES = ['queued', 'sent', 'failed', 'bounced'] as const;

export const InvitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: RoleSchema,
  displayName: z.string(),
  status: z.enum(INVITATION_STATUSES),
  expiresAt: z.string(),
  createdAt: z.string(),
  acceptedAt: z.string().nullable(),
  /** How the latest email went: queued (incl. retrying) → sent, or failed / bounced (see error). */
  deliveryStatus: z.enum(DELIVERY_STATUSES).nullable(),
  deliveryError: z.string().nullable(),
  sendCount: z.number().int(),
  lastSentAt: z.string().nullable(),
  /** The HR record it was sent from, if any. */
  hrRecordId: z.string().nullable(),
  /** Returned only once, to the inviter, right after creation or a resend. */
  acceptUrl: z.string().optional(),
});
export type Invitation = z.infer<typeof InvitationSchema>;

export const InvitationListQuerySchema = z
  .object({
    status: z.enum(INVITATION_STATUSES).optional(),
    delivery: z.enum(DELIVERY_STATUSES).optional(),
    /** Part of the address or name. */
    q: z.string().trim().max(100).optional(),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type InvitationListQuery = z.infer<typeof InvitationListQuerySchema>;

export const InvitationListSchema = z.object({
  items: z.array(InvitationSchema),
  nextCursor: z.string().nullable(),
});
export type InvitationList = z.infer<typeof InvitationListSchema>;

/** Invite HR records: exactly one of an explicit list (≤ 1000) or a filter over all records. */
export const InvitationsFromRecordsSchema = z
  .object({
    recordIds: z.array(z.string().min(1).max(100)).min(1).max(1000).optional(),
    filter: HrRecordFilterSchema.optional(),
  })
  .strict()
  .refine((v) => (v.recordIds === undefined) !== (v.filter === undefined), {
    path: ['recordIds'],
    message: 'kz.recordsOneOf',
  });
export type InvitationsFromRecords = z.infer<typeof InvitationsFromRecordsSchema>;

/** Why a chosen record gets no invitation (counted when the request is accepted). */
export const INVITATION_SKIP_REASONS = ['member', 'noEmail', 'alreadyInvited', 'addressTaken'] as const;
export type InvitationSkipReason = (typeof INVITATION_SKIP_REASONS)[number];

export const InvitationBatchAcceptedSchema = z.object({
  /** Records expected to get an invitation (those with an address and no account or open invitation). */
  queued: z.number().int(),
  batchId: z.string(),
  /**
   * The other chosen records, by reason: already a member, no address, an open invitation for the
   * record or its address, an address that is a member's.
   */
  skipped: z.object({
    member: z.number().int(),
    noEmail: z.number().int(),
    alreadyInvited: z.number().int(),
    addressTaken: z.number().int(),
  }),
});
export type InvitationBatchAccepted = z.infer<typeof InvitationBatchAcceptedSchema>;

/** What an invitee sees before accepting (no personal data beyond their own name). */
export const InvitationPreviewSchema = z.object({
  email: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  expiresAt: z.string(),
});

export const InvitationAcceptSchema = z
  .object({
    password: z.string().min(PASSWORD_MIN, { message: 'kz.passwordLength' }).max(200),
    passwordConfirm: z.string(),
    locale: LocaleSchema.optional(),
  })
  .strict()
  .refine((v) => v.password === v.passwordConfirm, {
    path: ['passwordConfirm'],
    message: 'kz.passwordMatch',
  });
export type InvitationAccept = z.infer<typeof InvitationAcceptSchema>;

export const MeSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: RoleSchema,
  displayName: z.string(),
  locale: LocaleSchema,
  /** When the purpose-level consents were last answered; null = ask now (/welcome). */
  consentsReviewedAt: z.string().nullable(),
  /** Manages someone (a reporting line) or is the manager of an open exit case: "Team exits". */
  isManager: z.boolean(),
  /** An exit case names the viewer (any status): "My exit", also as alumni. */
  hasExitCase: z.boolean(),
});
export type Me = z.infer<typeof MeSchema>;

export const LoginSchema = z.object({
  email: z.email({ message: 'kz.email' }),
  password: z.string().min(1).max(200),
});

/** A bulk invitation's progress (GET /api/invitations/batches/{id}), HR only. */
export const InvitationBatchSchema = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  /** Records expected to get an invitation when the request was made. */
  total: z.number().int(),
  invited: z.number().int(),
  /** Records passed over while running (e.g. invited meanwhile, or erased people). */
  skipped: z.number().int(),
});
export type InvitationBatch = z.infer<typeof InvitationBatchSchema>;
