import { z } from 'zod';
import {
  CONSENT_PURPOSES,
  CONSENT_SOURCES,
  CONSENT_TEXT_VERSION,
  type ConsentPurpose,
  type ConsentSource,
} from './consent-purposes';
import { LocaleSchema } from './locale';

export { CONSENT_PURPOSES, CONSENT_SOURCES, CONSENT_TEXT_VERSION, type ConsentPurpose, type ConsentSource };

export const ConsentPurposeSchema = z.enum(CONSENT_PURPOSES);

/** One yes/no per purpose; every purpose must be answered and no other key is accepted. */
export const ConsentAnswersSchema = z
  .object(
    Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, z.boolean()])) as Record<ConsentPurpose, z.ZodBoolean>,
  )
  .strict();
export type ConsentAnswers = z.infer<typeof ConsentAnswersSchema>;

export const ConsentUpdateSchema = z
  .object({
    /** The version of the texts the member was shown; must be the current one. */
    textVersion: z.literal(CONSENT_TEXT_VERSION, { message: 'kz.consentTextChanged' }),
    consents: ConsentAnswersSchema,
  })
  .strict();
export type ConsentUpdate = z.infer<typeof ConsentUpdateSchema>;

export const ConsentEventSchema = z.object({
  purpose: ConsentPurposeSchema,
  granted: z.boolean(),
  textVersion: z.string(),
  locale: LocaleSchema,
  source: z.enum(CONSENT_SOURCES),
  createdAt: z.string(),
});
export type ConsentEvent = z.infer<typeof ConsentEventSchema>;

/** The current answer for one purpose; `answeredAt` null = never asked (counts as no). */
export const ConsentStateSchema = z.object({
  purpose: ConsentPurposeSchema,
  granted: z.boolean(),
  answeredAt: z.string().nullable(),
  textVersion: z.string().nullable(),
});
export type ConsentState = z.infer<typeof ConsentStateSchema>;

export const MyConsentsSchema = z.object({
  /** The version of the texts in force now. */
  textVersion: z.string(),
  /** When the member last answered; null = they will be asked at their next sign-in. */
  reviewedAt: z.string().nullable(),
  purposes: z.array(ConsentStateSchema),
  /** Every answer ever given, newest first (the ledger is append-only). */
  history: z.array(ConsentEventSchema),
});
export type MyConsents = z.infer<typeof MyConsentsSchema>;
