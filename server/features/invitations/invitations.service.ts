import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, gt, ilike, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { InvitationAccept, InvitationCreate, InvitationListQuery } from '#common/invitations';
import type { Locale } from '#common/locale';
import { INVITATION_MAIL_KIND } from '#common/mail';
import type { Role } from '#common/roles';
import type { Db } from '#server/db/client';
import { accounts, hrRecords, invitations, users } from '#server/db/schema/index';
import { createMember } from '#server/features/members/members.service';
import { assertCanAssignRole, type Viewer } from '#server/lib/access/policy';
import { hashPassword } from '#server/lib/auth';
import type { Clock } from '#server/lib/clock';
import { isUniqueViolation } from '#server/lib/db-errors';
import type { AppDeps } from '#server/lib/deps';
import type { Env } from '#server/lib/env';
import { AppError, notFound } from '#server/lib/errors';
import {
  cancelQueuedMail,
  type DbOrTx,
  type DeliveryListener,
  dispatchMail,
  queueMail,
} from '#server/lib/outbox';
import { type InvitationNames, invitationMail } from './invitation-mail';

export type InvitationRow = typeof invitations.$inferSelect;
type InvitationDeps = Pick<AppDeps, 'db' | 'clock' | 'env' | 'queue'>;

export const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
export const acceptUrl = (env: Env, token: string) => `${env.BASE_URL}/invite/${token}`;
export const newToken = () => randomBytes(32).toString('base64url');
export const expiryFrom = (env: Env, now: Date) =>
  new Date(now.getTime() + env.INVITATION_TTL_DAYS * 86_400_000);

export function invitationStatus(row: InvitationRow, now: Date) {
  if (row.acceptedAt) return 'accepted' as const;
  if (row.revokedAt) return 'revoked' as const;
  if (row.expiresAt <= now) return 'expired' as const;
  return 'pending' as const;
}

/** What an invitation is made of; the names become the first profile. */
export interface NewInvitation {
  email: string;
  role: Role;
  locale: Locale;
  names: InvitationRow['names'];
  hrRecordId?: string | null;
}

/**
 * Inside the caller's transaction: inserts the invitation and puts its email in the outbox.
 * The caller checks for conflicts first, and calls `dispatchMail(deps, [mailId])` after commit.
 * `inviter` null = sent on behalf of HR (e.g. an automatically approved join request).
 */
export async function issueInvitation(
  tx: DbOrTx,
  {
    env,
    now,
    inviter,
    invitation,
  }: { env: Env; now: Date; inviter: Pick<Viewer, 'id' | 'displayName'> | null; invitation: NewInvitation },
) {
  const token = newToken();
  const id = randomUUID();
  const expiresAt = expiryFrom(env, now);
  const [row] = await tx
    .insert(invitations)
    .values({
      id,
      email: invitation.email.toLowerCase(),
      role: invitation.role,
      locale: invitation.locale,
      names: invitation.names,
      tokenHash: sha256(token),
      invitedBy: inviter?.id ?? null,
      hrRecordId: invitation.hrRecordId ?? null,
      expiresAt,
      createdAt: now,
      deliveryStatus: 'queued',
      sendCount: 1,
      lastSentAt: now,
    })
    .returning();
  const url = acceptUrl(env, token);
  const [mailId] = await queueMail(
    tx,
    invitationMail({
      to: invitation.email.toLowerCase(),
      locale: invitation.locale,
      names: invitation.names,
      inviterName: inviter?.displayName ?? null,
      url,
      expiresAt,
      invitationId: id,
    }),
    { now },
  );
  return { row: row as InvitationRow, acceptUrl: url, mailId: mailId as string };
}

/** Throws 409 when the address already has an account or an open, unexpired invitation. */
async function assertInvitable(tx: DbOrTx, email: string, now: Date) {
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) throw new AppError('conflict', 'error.email_taken', { email: ['error.email_taken'] });
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
  if (pending) {
    throw new AppError('conflict', 'error.invitation_pending', { email: ['error.invitation_pending'] });
  }
}

/**
 * HR (or, with `viewer` null, the system on HR's behalf) invites one person: the link carries a
 * random token (only its hash is stored); the email goes through the outbox in the same
 * transaction, in the invitee's language. The link is also returned once so HR can hand it over.
 */
export async function createInvitation({
  db,
  clock,
  env,
  queue,
  viewer,
  input,
  hrRecordId,
}: InvitationDeps & { viewer: Viewer | null; input: InvitationCreate; hrRecordId?: string | null }) {
  const email = input.email.toLowerCase();
  const now = clock.now();
  const { email: _e, role, locale, ...names } = input;
  assertCanAssignRole(viewer, role);
  try {
    const issued = await db.transaction(async (tx) => {
      // Serialise invitations to one address so two HR clicks cannot create two live links.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${email}))`);
      await assertInvitable(tx, email, now);
      return issueInvitation(tx, {
        env,
        now,
        inviter: viewer,
        invitation: { email, role, locale, names, hrRecordId: hrRecordId ?? null },
      });
    });
    // Called inside an outer transaction (a savepoint), this runs before that commits: on PostgreSQL
    // the job may then find nothing yet, and the sweeper sends the mail a few minutes later. Such
    // callers should dispatch `mailId` again after their commit (a duplicate job is harmless).
    await dispatchMail({ queue }, [issued.mailId]);
    return { row: issued.row, acceptUrl: issued.acceptUrl, mailId: issued.mailId };
  } catch (error) {
    // The HR record already has an open invitation (invitations_open_record_uq).
    if (isUniqueViolation(error, 'invitations_open_record_uq')) {
      throw new AppError('conflict', 'error.invitation_pending', { email: ['error.invitation_pending'] });
    }
    throw error;
  }
}

async function lockInvitation(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(invitations).where(eq(invitations.id, id)).for('update');
  if (!row) throw notFound();
  return row;
}

/**
 * A new link for an invitation that was not accepted or revoked (typically expired, or the mail
 * bounced and HR fixed nothing but wants to try again): new token — the old link stops working —,
 * new expiry, new email; a copy of the old email still waiting in the outbox is withdrawn.
 */
export async function resendInvitation({
  db,
  clock,
  env,
  queue,
  viewer,
  id,
}: InvitationDeps & { viewer: Viewer; id: string }) {
  const now = clock.now();
  const { row, url, mailId } = await db.transaction(async (tx) => {
    const current = await lockInvitation(tx, id);
    if (current.acceptedAt || current.revokedAt) throw new AppError('conflict', 'error.invitation_closed');
    // A new link is a new grant: HR cannot re-send an administrator's invitation to a staff role.
    assertCanAssignRole(viewer, current.role);
    const [member] = await tx.select({ id: users.id }).from(users).where(eq(users.email, current.email));
    if (member) throw new AppError('conflict', 'error.email_taken');
    return renewInvitation(tx, { env, now, inviter: viewer, current });
  });
  await dispatchMail({ queue }, [mailId]);
  return { row, acceptUrl: url };
}

/** New token and expiry for an open invitation, and its email re-queued (inside a transaction). */
export async function renewInvitation(
  tx: DbOrTx,
  {
    env,
    now,
    inviter,
    current,
  }: { env: Env; now: Date; inviter: Pick<Viewer, 'id' | 'displayName'> | null; current: InvitationRow },
) {
  const token = newToken();
  const expiresAt = expiryFrom(env, now);
  await cancelQueuedMail(tx, { subjectId: current.id, kind: INVITATION_MAIL_KIND, reason: 'superseded' });
  const [row] = await tx
    .update(invitations)
    .set({
      tokenHash: sha256(token),
      expiresAt,
      deliveryStatus: 'queued',
      deliveryError: null,
      sendCount: sql`${invitations.sendCount} + 1`,
      lastSentAt: now,
    })
    .where(eq(invitations.id, current.id))
    .returning();
  const url = acceptUrl(env, token);
  const [mailId] = await queueMail(
    tx,
    invitationMail({
      to: current.email,
      locale: current.locale,
      names: current.names as InvitationNames,
      inviterName: inviter?.displayName ?? null,
      url,
      expiresAt,
      invitationId: current.id,
      isResend: true,
    }),
    { now },
  );
  return { row: row as InvitationRow, url, mailId: mailId as string };
}

/** Withdraws an invitation: its link stops working and an email not yet sent is not sent. */
export async function revokeInvitation({ db, clock, id }: { db: Db; clock: Clock; id: string }) {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const current = await lockInvitation(tx, id);
    if (current.acceptedAt) throw new AppError('conflict', 'error.invitation_closed');
    if (current.revokedAt) return current;
    await cancelQueuedMail(tx, { subjectId: current.id, kind: INVITATION_MAIL_KIND, reason: 'revoked' });
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(eq(invitations.id, id))
      .returning();
    return row as InvitationRow;
  });
}

const PAGE_SIZE = 50;
const encodeCursor = (row: { createdAt: Date; id: string }) =>
  Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');

function decodeCursor(cursor: string) {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso ?? '');
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw new AppError('bad_request', 'error.bad_request', { cursor: ['v.invalid'] });
  }
  return { createdAt, id };
}

/** Invitations newest first, filterable by status and by how the email went; keyset pages. */
export async function listInvitations({
  db,
  now,
  query = {},
}: {
  db: Db;
  now: Date;
  query?: InvitationListQuery;
}) {
  const conditions: (SQL | undefined)[] = [];
  switch (query.status) {
    case 'accepted':
      conditions.push(isNotNull(invitations.acceptedAt));
      break;
    case 'revoked':
      conditions.push(isNull(invitations.acceptedAt), isNotNull(invitations.revokedAt));
      break;
    case 'expired':
      conditions.push(
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        lte(invitations.expiresAt, now),
      );
      break;
    case 'pending':
      conditions.push(
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      );
      break;
    default:
      break;
  }
  if (query.delivery) conditions.push(eq(invitations.deliveryStatus, query.delivery));
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        ilike(invitations.email, pattern),
        sql`(${invitations.names}->>'familyName') || ' ' || (${invitations.names}->>'givenName') ilike ${pattern}`,
      ),
    );
  }
  if (query.cursor) {
    const { createdAt, id } = decodeCursor(query.cursor);
    conditions.push(
      sql`(${invitations.createdAt}, ${invitations.id}) < (${createdAt.toISOString()}::timestamptz, ${id})`,
    );
  }
  const rows = await db
    .select()
    .from(invitations)
    .where(and(...conditions))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(PAGE_SIZE + 1);
  const items = rows.slice(0, PAGE_SIZE);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor(last) : null };
}

/**
 * Copies the outcome of an invitation email to the invitation, so HR sees queued / sent / failed /
 * bounced with the error. An outcome of an older email (superseded by a resend) is ignored.
 */
export const invitationDeliveryListener: DeliveryListener = async (tx, outcome) => {
  if (outcome.kind !== INVITATION_MAIL_KIND || !outcome.subjectId) return;
  await tx
    .update(invitations)
    .set({ deliveryStatus: outcome.status, deliveryError: outcome.error })
    .where(
      and(
        eq(invitations.id, outcome.subjectId),
        or(isNull(invitations.lastSentAt), lte(invitations.lastSentAt, outcome.queuedAt)),
      ),
    );
};

async function findByToken(db: DbOrTx, token: string, forUpdate = false) {
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
 * transaction, with the invitation row locked so a double submit cannot create two members. The
 * HR record it came from is linked to the new member.
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
      const invitation = assertUsable(await findByToken(tx, token, true), now);
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
      if (invitation.hrRecordId) {
        await tx
          .update(hrRecords)
          .set({ userId: id })
          .where(and(eq(hrRecords.id, invitation.hrRecordId), isNull(hrRecords.userId)));
      }
      return { userId: id, email: invitation.email };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_unique')) throw new AppError('conflict', 'error.email_taken');
    throw error;
  }
}
