import { z } from 'zod';
import { QueryBooleanSchema } from './query';

/**
 * Which HR records to act on: the HR records list (GET /api/hr-records) and bulk invitations
 * (POST /api/invitations/from-records) take the same filter, so "invite everyone I see" means
 * exactly the rows on screen.
 */
export const HrRecordFilterSchema = z
  .object({
    /** Name (kanji, kana or romaji), employee number or email; fuzzy. */
    q: z.string().trim().max(100).optional(),
    department: z.string().trim().max(100).optional(),
    /** Last day between these dates (inclusive); YYYY-MM-DD. */
    leftFrom: z.iso.date({ message: 'kz.date' }).optional(),
    leftTo: z.iso.date({ message: 'kz.date' }).optional(),
    /**
     * not_invited: no member and no open invitation; invited: an open invitation; member: has an
     * account; failed: the last invitation email failed or bounced.
     */
    status: z.enum(['not_invited', 'invited', 'member', 'failed']).optional(),
    /** Only records with an address to send to (personal or work email). */
    hasEmail: QueryBooleanSchema.optional(),
  })
  .strict();
export type HrRecordFilter = z.infer<typeof HrRecordFilterSchema>;

export const HrRecordSchema = z.object({
  id: z.string(),
  employeeNumber: z.string(),
  displayName: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  familyNameKana: z.string().nullable(),
  givenNameKana: z.string().nullable(),
  familyNameRomaji: z.string().nullable(),
  givenNameRomaji: z.string().nullable(),
  workEmail: z.string().nullable(),
  personalEmail: z.string().nullable(),
  joinedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
  departments: z.array(z.string()),
  lastTitle: z.string().nullable(),
  office: z.string().nullable(),
  leaveReason: z.string().nullable(),
  locale: z.enum(['ja', 'en']),
  status: z.enum(['not_invited', 'invited', 'member', 'failed']),
  userId: z.string().nullable(),
  updatedAt: z.string(),
});
export type HrRecord = z.infer<typeof HrRecordSchema>;
