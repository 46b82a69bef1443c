import { z } from 'zod';
import {
  DATA_CATEGORIES,
  DELETE_CONFIRMATION_WORDS,
  RETENTION_WARNING_DAYS,
  RETENTION_YEARS,
} from './privacy-reference';
import { RoleSchema } from './roles';

export * from './privacy-reference';

const CONFIRMATION_WORDS = Object.values(DELETE_CONFIRMATION_WORDS).map((w) => w.toLowerCase());

/** Deleting one's own account: the current password and the typed confirmation word. */
export const DeleteAccountSchema = z
  .object({
    password: z.string().min(1).max(200),
    confirmation: z
      .string()
      .max(50)
      .refine((v) => CONFIRMATION_WORDS.includes(v.normalize('NFKC').trim().toLowerCase()), {
        message: 'kz.confirmWord',
      }),
  })
  .strict();
export type DeleteAccount = z.infer<typeof DeleteAccountSchema>;

/** An admin erases a member: the same confirmation word, so a stray click cannot do it. */
export const AdminEraseSchema = DeleteAccountSchema.pick({ confirmation: true }).strict();

export const DataCategorySchema = z.enum(DATA_CATEGORIES);

/** "What we hold": rows per category, for the member's own page. */
export const MyDataSummarySchema = z.object({
  categories: z.array(z.object({ category: DataCategorySchema, rows: z.number().int() })),
  keepContent: z.boolean(),
});
export type MyDataSummary = z.infer<typeof MyDataSummarySchema>;

export const RetentionSettingsSchema = z
  .object({
    enabled: z.boolean(),
    inactiveYears: z.number().int().min(RETENTION_YEARS.min).max(RETENTION_YEARS.max),
    warningDays: z.number().int().min(RETENTION_WARNING_DAYS.min).max(RETENTION_WARNING_DAYS.max),
    roles: z.array(RoleSchema).max(5),
  })
  .strict();
export type RetentionSettings = z.infer<typeof RetentionSettingsSchema>;

export const DEFAULT_RETENTION: RetentionSettings = {
  enabled: false,
  inactiveYears: 5,
  warningDays: 30,
  roles: ['alumni'],
};

/** What happens to content an erased member wrote (posts, comments, … in later issues). */
export const ErasureSettingsSchema = z.object({ keepContent: z.boolean() }).strict();
export type ErasureSettings = z.infer<typeof ErasureSettingsSchema>;
export const DEFAULT_ERASURE: ErasureSettings = { keepContent: false };
