import { z } from 'zod';

/**
 * The outbox: every email the app sends, for the admin outbox page (admins and HR).
 * queued (incl. waiting for a retry) → sending → sent | bounced (refused, 5xx) | failed (retries
 * used up) | cancelled (superseded before it went out).
 */
export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'failed', 'bounced', 'cancelled'] as const;
export const MailStatusSchema = z.enum(MAIL_STATUSES);
export type MailStatus = z.infer<typeof MailStatusSchema>;

export const OutboxQuerySchema = z
  .object({
    status: MailStatusSchema.optional(),
    kind: z
      .string()
      .trim()
      .max(60)
      .regex(/^[a-z0-9_.-]*$/)
      .optional(),
    /** Part of the recipient address or subject. */
    q: z.string().trim().max(200).optional(),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type OutboxQuery = z.infer<typeof OutboxQuerySchema>;

export const OutboxItemSchema = z.object({
  id: z.string(),
  kind: z.string(),
  to: z.string(),
  locale: z.enum(['ja', 'en']),
  subject: z.string(),
  status: MailStatusSchema,
  attempts: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /**
   * True when `to` is masked: the recipient is someone who has not agreed to be known to HR (a
   * referred candidate asked for consent). Such a message's text is withheld too.
   */
  recipientHidden: z.boolean(),
});
export type OutboxItem = z.infer<typeof OutboxItemSchema>;

export const OutboxListSchema = z.object({
  items: z.array(OutboxItemSchema),
  nextCursor: z.string().nullable(),
});
export type OutboxList = z.infer<typeof OutboxListSchema>;

export const OutboxMessageSchema = OutboxItemSchema.extend({
  text: z.string(),
  /**
   * True when the personal links in `text` (an invitation, a referral consent, a freshness
   * confirmation) are masked: they act for the recipient, so only the recipient may hold them.
   * They are shown only while mail goes to the local development catcher.
   */
  linksHidden: z.boolean(),
  /** What the SMTP server received (only with the local catcher in development). */
  delivered: z
    .object({
      receivedAt: z.string(),
      raw: z.string(),
    })
    .nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

/**
 * What a message is about: every kind of mail the app sends (the outbox's `kind` column). A
 * feature that sends or looks for a kind imports it from here, so no feature imports another's
 * mail code for a constant.
 */
export const INVITATION_MAIL_KIND = 'invitation';
export const REFERRAL_CONSENT_MAIL_KIND = 'referral_consent';
export const ALUMNI_WELCOME_MAIL_KIND = 'alumni_welcome';
/** Its link (`/reset-password?token=…`) acts for the member: the outbox masks it (decision 021). */
export const PASSWORD_RESET_MAIL_KIND = 'password_reset';
export const JOB_ALERT_MAIL_KIND = 'job_alert';
export const JOB_ALERT_DIGEST_MAIL_KIND = 'job_alert_digest';
/** The weekly community digest (issue 11): carries List-Unsubscribe headers (RFC 8058). */
export const DIGEST_MAIL_KIND = 'digest';
export const FRESHNESS_MAIL_KIND = 'freshness';
export const RETENTION_WARNING_MAIL_KIND = 'retention_warning';
export const VERIFICATION_ALREADY_MEMBER_MAIL_KIND = 'verification_already_member';
export const VERIFICATION_REJECTED_MAIL_KIND = 'verification_rejected';
/** The notification centre's e-mail channel: one mail per member and run (decision 033). */
export const NOTIFICATION_MAIL_KIND = 'notification';
