import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, gt, like, ne, sql } from 'drizzle-orm';
import type { Locale } from '#common/locale';
import type { Db } from '#server/db/client';
import { accounts, sessions, users, verifications } from '#server/db/schema/index';
import { hashPassword, verifyPassword } from '#server/lib/auth';
import type { AppDeps } from '#server/lib/deps';
import type { Env } from '#server/lib/env';
import { AppError, notFound } from '#server/lib/errors';
import { dispatchMail, queueMail } from '#server/lib/outbox';
import type { JobDefinition } from '#server/lib/queue';
import { passwordResetMail } from './password-reset-mail';

/** A reset link works for an hour, once. */
export const PASSWORD_RESET_TTL_MS = 60 * 60_000;
export const PASSWORD_RESET_SEND = 'account.password-reset';
const RESET_PREFIX = 'password-reset:';

/** Only the hash of a reset token is stored: a copy of the database cannot reset anyone's password. */
const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

export const resetUrl = (env: Pick<Env, 'BASE_URL'>, token: string) =>
  `${env.BASE_URL}/reset-password?token=${encodeURIComponent(token)}`;

/** The member who may reset by mail: active, with a password account (not one still to be invited). */
async function findResettableUser(db: Db, where: ReturnType<typeof eq>) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .innerJoin(accounts, and(eq(accounts.userId, users.id), eq(accounts.providerId, 'credential')))
    .where(and(where, eq(users.status, 'active')))
    .limit(1);
  return row;
}

/**
 * "Forgot password" (decision 025). The answer never depends on the address: known or not, the
 * caller does one lookup and queues one job, and the job (not the request) writes the token and
 * the mail — so neither the answer nor its timing tells whether someone is a member.
 */
export async function requestPasswordReset({ deps, email }: { deps: AppDeps; email: string }) {
  const user = await findResettableUser(deps.db, eq(users.email, email.trim().toLowerCase()));
  await deps.queue.send(PASSWORD_RESET_SEND, { userId: user?.id ?? null });
}

/** The job: a fresh token (earlier links stop working) and the mail, in the member's language. */
export function accountJobs(deps: AppDeps): JobDefinition<never>[] {
  const send: JobDefinition<{ userId: string | null }> = {
    name: PASSWORD_RESET_SEND,
    retryLimit: 3,
    async handler({ userId }) {
      if (!userId) return; // the address is not a member's: nothing to send
      const user = await findResettableUser(deps.db, eq(users.id, userId));
      if (!user) return;
      const token = randomBytes(32).toString('base64url');
      const now = deps.clock.now();
      const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_MS);
      const ids = await deps.db.transaction(async (tx) => {
        await tx
          .delete(verifications)
          .where(and(eq(verifications.value, user.id), like(verifications.identifier, `${RESET_PREFIX}%`)));
        await tx.insert(verifications).values({
          id: randomUUID(),
          identifier: `${RESET_PREFIX}${tokenHash(token)}`,
          value: user.id,
          expiresAt,
          createdAt: now,
          updatedAt: now,
        });
        return queueMail(
          tx,
          passwordResetMail({
            to: user.email,
            userId: user.id,
            locale: user.locale as Locale,
            name: user.name,
            url: resetUrl(deps.env, token),
            expiresAt,
          }),
          { now },
        );
      });
      await dispatchMail(deps, ids);
    },
  };
  return [send as JobDefinition<never>];
}

const invalidToken = () =>
  new AppError('bad_request', 'error.password_reset_invalid', { token: ['error.password_reset_invalid'] });

/**
 * Sets a new password with a reset token: the token is deleted as it is used (single use, even
 * with two requests at once), and every session of the member ends — whoever knew the old
 * password is signed out everywhere.
 */
export async function resetPassword({
  db,
  now,
  token,
  newPassword,
}: {
  db: Db;
  now: Date;
  token: string;
  newPassword: string;
}) {
  const digest = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    const [used] = await tx
      .delete(verifications)
      .where(eq(verifications.identifier, `${RESET_PREFIX}${tokenHash(token)}`))
      .returning({ userId: verifications.value, expiresAt: verifications.expiresAt });
    if (!used || used.expiresAt.getTime() <= now.getTime()) throw invalidToken();
    const [active] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, used.userId), eq(users.status, 'active')));
    if (!active) throw invalidToken();
    const changed = await tx
      .update(accounts)
      .set({ password: digest, updatedAt: now })
      .where(and(eq(accounts.userId, used.userId), eq(accounts.providerId, 'credential')))
      .returning({ id: accounts.id });
    if (changed.length === 0) throw invalidToken();
    await tx.delete(sessions).where(eq(sessions.userId, used.userId));
  });
}

/**
 * Changes the password of the signed-in member after checking the current one; every other
 * session ends (this device stays signed in). Returns how many were signed out.
 */
export async function changePassword({
  db,
  userId,
  currentSessionId,
  currentPassword,
  newPassword,
}: {
  db: Db;
  userId: string;
  currentSessionId: string;
  currentPassword: string;
  newPassword: string;
}): Promise<number> {
  const [account] = await db
    .select({ id: accounts.id, password: accounts.password })
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')));
  const isRight =
    !!account?.password && (await verifyPassword({ hash: account.password, password: currentPassword }));
  if (!account || !isRight) {
    throw new AppError('bad_request', 'error.bad_request', {
      currentPassword: ['error.current_password_wrong'],
    });
  }
  const digest = await hashPassword(newPassword);
  return db.transaction(async (tx) => {
    await tx
      .update(accounts)
      .set({ password: digest, updatedAt: sql`now()` })
      .where(eq(accounts.id, account.id));
    const revoked = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, userId), ne(sessions.id, currentSessionId)))
      .returning({ id: sessions.id });
    return revoked.length;
  });
}

/** The member's sessions that have not expired, most recently used first. */
export async function listSessions({ db, userId, now }: { db: Db; userId: string; now: Date }) {
  return db
    .select({
      id: sessions.id,
      userAgent: sessions.userAgent,
      ipAddress: sessions.ipAddress,
      createdAt: sessions.createdAt,
      updatedAt: sessions.updatedAt,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.updatedAt), desc(sessions.createdAt));
}
export type SessionRow = Awaited<ReturnType<typeof listSessions>>[number];

/** Ends one of the member's own sessions; another member's session does not exist for them (404). */
export async function revokeSession({
  db,
  userId,
  sessionId,
}: {
  db: Db;
  userId: string;
  sessionId: string;
}) {
  const deleted = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  if (deleted.length === 0) throw notFound();
}

/** "Sign out everywhere else": every session of the member but this one. */
export async function revokeOtherSessions({
  db,
  userId,
  currentSessionId,
}: {
  db: Db;
  userId: string;
  currentSessionId: string;
}): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.id, currentSessionId)))
    .returning({ id: sessions.id });
  return deleted.length;
}
