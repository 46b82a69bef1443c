import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { InvitationAccept, InvitationCreate } from '../../../common/invitations';
import type { Db } from '../../db/client';
import { accounts, invitations, users } from '../../db/schema/index';
import type { Clock } from '../../lib/clock';
import { isUniqueViolation } from '../../lib/db-errors';
import type { Env } from '../../lib/env';
import { AppError, notFound } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { Mailer } from '../../lib/mail';
import type { Viewer } from '../access/access.policy';
import { hashPassword } from '../auth/auth';
import { createMember } from '../members/members.service';

export type InvitationRow = typeof invitations.$inferSelect;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
export const acceptUrl = (env: Env, token: string) => `${env.BASE_URL}/invite/${token}`;

export function invitationStatus(row: InvitationRow, now: Date) {
  if (row.acceptedAt) return 'accepted' as const;
  if (row.revokedAt) return 'revoked' as const;
  if (row.expiresAt <= now) return 'expired' as const;
  return 'pending' as const;
}

/**
 * HR invites one person: the link carries a random token (only its hash is stored) and is mailed
 * in the invitee's language. The link is also returned once so HR can hand it over directly.
 */
export async function createInvitation({
  db,
  viewer,
  input,
  clock,
  env,
  mailer,
}: {
  db: Db;
  viewer: Viewer;
  input: InvitationCreate;
  clock: Clock;
  env: Env;
  mailer: Mailer;
}) {
  const email = input.email.toLowerCase();
  const now = clock.now();
  const token = randomBytes(32).toString('base64url');
  const { email: _e, role, locale, ...names } = input;
  const row = await db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) throw new AppError('conflict', 'error.email_taken', { email: ['error.email_taken'] });
    // Serialise invitations to one address so two HR clicks cannot create two live links.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${email}))`);
    const [pending] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(
        and(
          eq(invitations.email, email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, now),
        ),
      );
    if (pending)
      throw new AppError('conflict', 'error.invitation_pending', { email: ['error.invitation_pending'] });
    const [created] = await tx
      .insert(invitations)
      .values({
        id: randomUUID(),
        email,
        role,
        locale,
        names,
        tokenHash: sha256(token),
        invitedBy: viewer.id,
        expiresAt: new Date(now.getTime() + env.INVITATION_TTL_DAYS * 86_400_000),
        createdAt: now,
      })
      .returning();
    return created as InvitationRow;
  });
  const url = acceptUrl(env, token);
  const name = [names.familyName, names.givenName].join(' ');
  await mailer.send({
    to: email,
    subject: t(locale, 'mail.invitation.subject'),
    text: t(locale, 'mail.invitation.body', { name, url, expires: row.expiresAt.toISOString().slice(0, 10) }),
  });
  return { row, acceptUrl: url };
}

export async function listInvitations({ db }: { db: Db }) {
  return db.select().from(invitations).orderBy(desc(invitations.createdAt)).limit(200);
}

async function findByToken(db: Db, token: string, forUpdate = false) {
  const query = db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, sha256(token)));
  const [row] = await (forUpdate ? query.for('update') : query);
  return row;
}

function assertUsable(row: InvitationRow | undefined, now: Date): InvitationRow {
  if (!row || row.revokedAt) throw notFound();
  const status = invitationStatus(row, now);
  if (status === 'accepted') throw new AppError('conflict', 'error.invitation_used');
  if (status === 'expired') throw new AppError('conflict', 'error.invitation_expired');
  return row;
}

export async function previewInvitation({ db, token, clock }: { db: Db; token: string; clock: Clock }) {
  return assertUsable(await findByToken(db, token), clock.now());
}

/**
 * Turns an invitation into a member who can sign in: user, profile and password account in one
 * transaction, with the invitation row locked so a double submit cannot create two members.
 */
export async function acceptInvitation({
  db,
  token,
  input,
  clock,
}: {
  db: Db;
  token: string;
  input: InvitationAccept;
  clock: Clock;
}) {
  const passwordHash = await hashPassword(input.password);
  const now = clock.now();
  try {
    return await db.transaction(async (tx) => {
      const invitation = assertUsable(await findByToken(tx as unknown as Db, token, true), now);
      const id = randomUUID();
      await createMember({
        db: tx as unknown as Db,
        member: {
          id,
          email: invitation.email,
          role: invitation.role,
          locale: input.locale ?? invitation.locale,
          names: invitation.names,
        },
      });
      await tx.insert(accounts).values({
        id: randomUUID(),
        accountId: id,
        providerId: 'credential',
        userId: id,
        password: passwordHash,
        createdAt: now,
        updatedAt: now,
      });
      await tx
        .update(invitations)
        .set({ acceptedAt: now, acceptedUserId: id })
        .where(eq(invitations.id, invitation.id));
      return { userId: id, email: invitation.email };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_unique')) throw new AppError('conflict', 'error.email_taken');
    throw error;
  }
}
