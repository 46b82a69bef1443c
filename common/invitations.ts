import { z } from 'zod';
import { NameInputSchema } from './profiles';
import { PASSWORD_MIN } from './reference';
import { RoleSchema } from './roles';

export { PASSWORD_MIN };

export const LOCALES = ['ja', 'en'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

export const InvitationCreateSchema = NameInputSchema.extend({
  email: z.email({ message: 'kz.email' }).max(254),
  role: RoleSchema,
  locale: LocaleSchema.default('ja'),
}).strict();
export type InvitationCreate = z.infer<typeof InvitationCreateSchema>;

export const InvitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: RoleSchema,
  displayName: z.string(),
  status: z.enum(['pending', 'accepted', 'expired', 'revoked']),
  expiresAt: z.string(),
  createdAt: z.string(),
  acceptedAt: z.string().nullable(),
  /** Returned only once, to the inviter, right after creation. */
  acceptUrl: z.string().optional(),
});
export type Invitation = z.infer<typeof InvitationSchema>;

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
});
export type Me = z.infer<typeof MeSchema>;

export const LoginSchema = z.object({
  email: z.email({ message: 'kz.email' }),
  password: z.string().min(1).max(200),
});
