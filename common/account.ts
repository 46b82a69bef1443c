import { z } from 'zod';
import { PASSWORD_MIN } from './reference';

/** A new password: the same rule as when accepting an invitation. */
const NewPasswordSchema = z.string().min(PASSWORD_MIN, { message: 'kz.passwordLength' }).max(200);

/** "Forgot password": the address to send a reset link to (answered the same whether known or not). */
export const PasswordResetRequestSchema = z
  .object({ email: z.email({ message: 'kz.email' }).max(254) })
  .strict();
export type PasswordResetRequest = z.infer<typeof PasswordResetRequestSchema>;

/** Setting a new password with the token from the reset link. */
export const PasswordResetSchema = z
  .object({ token: z.string().min(1).max(200), newPassword: NewPasswordSchema })
  .strict();
export type PasswordReset = z.infer<typeof PasswordResetSchema>;

/** Changing the password while signed in. */
export const PasswordChangeSchema = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: NewPasswordSchema })
  .strict()
  .refine((v) => v.currentPassword !== v.newPassword, {
    path: ['newPassword'],
    message: 'kz.passwordUnchanged',
  });
export type PasswordChange = z.infer<typeof PasswordChangeSchema>;

export const PasswordChangedSchema = z.object({
  /** How many other sessions were signed out. */
  revokedSessions: z.number().int(),
});

/** One signed-in device of the member: never its token. */
export const AccountSessionSchema = z.object({
  id: z.string(),
  /** From the user agent: e.g. browser "Chrome", os "macOS"; null when not recognised. */
  browser: z.string().nullable(),
  os: z.string().nullable(),
  /** The address, coarsened (203.0.113.0/24, 2001:db8:1::/48); null when unknown. */
  place: z.string().nullable(),
  createdAt: z.string(),
  /** When the session was last refreshed (at most once a day). */
  lastSeenAt: z.string(),
  isCurrent: z.boolean(),
});
export type AccountSession = z.infer<typeof AccountSessionSchema>;
export const AccountSessionListSchema = z.object({ sessions: z.array(AccountSessionSchema) });
export type AccountSessionList = z.infer<typeof AccountSessionListSchema>;

export const RevokedSessionsSchema = z.object({ revoked: z.number().int() });
