import { z } from 'zod';

// ---- contracts of the weekly digest (issue 11, item 5) -----------------------------------------

/**
 * How often a member gets the digest. The `newsletter` consent stays the master switch: without
 * it nothing is sent whatever the frequency.
 */
export const DIGEST_FREQUENCIES = ['weekly', 'biweekly', 'monthly', 'off'] as const;
export const DigestFrequencySchema = z.enum(DIGEST_FREQUENCIES);
export type DigestFrequency = z.infer<typeof DigestFrequencySchema>;

/** The frequency of a member who never chose one. */
export const DEFAULT_DIGEST_FREQUENCY: DigestFrequency = 'weekly';

/** Days between two digests, per frequency (monthly is four weeks: the job runs weekly). */
export const DIGEST_PERIOD_DAYS: Record<Exclude<DigestFrequency, 'off'>, number> = {
  weekly: 7,
  biweekly: 14,
  monthly: 28,
};

export const DigestSettingsSchema = z.object({
  frequency: DigestFrequencySchema,
  /** The master switch: the member consents to 'newsletter' (news and digests). */
  newsletterConsent: z.boolean(),
  lastSentAt: z.string().nullable(),
});
export type DigestSettings = z.infer<typeof DigestSettingsSchema>;

export const DigestSettingsUpdateSchema = z.object({ frequency: DigestFrequencySchema }).strict();
export type DigestSettingsUpdate = z.infer<typeof DigestSettingsUpdateSchema>;

/** The token of a digest's unsubscribe link (random, base64url). */
export const DigestUnsubscribeQuerySchema = z.object({
  token: z
    .string()
    .min(20)
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/),
});

export const DigestUnsubscribeResultSchema = z.object({ frequency: z.literal('off') });

/** What the development trigger reports. */
export const DigestRunResultSchema = z.object({ batches: z.number().int(), mailed: z.number().int() });
export type DigestRunResult = z.infer<typeof DigestRunResultSchema>;

export const DIGEST_UNSUBSCRIBE_PATH = '/api/digest/unsubscribe';
