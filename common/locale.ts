import { z } from 'zod';

/** The languages of the UI, the mails and the exports. */
export const LOCALES = ['ja', 'en'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;
