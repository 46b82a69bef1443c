import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { SuspensionCreate } from '#common/moderation';
import { memberModerationNotes, postingSuspensions, users } from '#server/db/schema/index';
import type { Viewer } from '#server/lib/access/policy';
import { audit } from '#server/lib/audit';
import type { AppDeps } from '#server/lib/deps';
import { AppError, notFound } from '#server/lib/errors';
import { notify } from '#server/lib/notify';
import { activeSuspension } from '#server/lib/posting-suspension';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

const DAY_MS = 24 * 60 * 60 * 1000;
const suspender = alias(users, 'suspender');
const noteAuthor = alias(users, 'note_author');

/** A suspension with its member (join `users` on the member) — the suspender is read apart. */
export const SUSPENSION_COLUMNS = {
  id: postingSuspensions.id,
  userId: postingSuspensions.userId,
  memberName: users.name,
  until: postingSuspensions.until,
  reason: postingSuspensions.reason,
  createdBy: postingSuspensions.createdBy,
  createdAt: postingSuspensions.createdAt,
  liftedAt: postingSuspensions.liftedAt,
};
async function suspensionById(deps: Deps, id: string) {
  const [row] = await deps.db
    .select({ ...SUSPENSION_COLUMNS, suspenderName: suspender.name })
    .from(postingSuspensions)
    .innerJoin(users, eq(users.id, postingSuspensions.userId))
    .leftJoin(suspender, eq(suspender.id, postingSuspensions.createdBy))
    .where(eq(postingSuspensions.id, id));
  if (!row) throw notFound();
  return row;
}

/**
 * Pauses a member's posting and commenting for `days` days (until lifted); the member is told
 * with the end date, and the act is audited. Nobody suspends themselves or an admin (400 on
 * `userId`); an unknown member is a 404. A member already suspended gets a new period alongside.
 */
export async function suspendMember(
  deps: Deps,
  { viewer, input }: { viewer: Viewer; input: SuspensionCreate },
) {
  const now = deps.clock.now();
  const [member] = await deps.db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(eq(users.id, input.userId));
  if (!member) throw notFound();
  if (member.id === viewer.id || member.role === 'admin') {
    throw new AppError('bad_request', 'error.bad_request', { userId: ['kz.suspendNotAllowed'] });
  }
  const id = randomUUID();
  const until = new Date(now.getTime() + input.days * DAY_MS);
  await deps.db.transaction(async (tx) => {
    await tx.insert(postingSuspensions).values({
      id,
      userId: member.id,
      until,
      reason: input.reason,
      createdBy: viewer.id,
      createdAt: now,
    });
    await notify(tx, now, {
      userIds: [member.id],
      type: 'posting_suspended',
      threadKey: `suspension:${id}`,
      actorId: viewer.id,
      link: '/',
      data: { until: until.toISOString(), reason: input.reason, days: input.days },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: 'posting_suspension.created',
      subjectType: 'user',
      subjectId: member.id,
      data: { suspensionId: id, days: input.days, until: until.toISOString() },
      at: now,
    });
  });
  return suspensionById(deps, id);
}

/** Suspensions in force now (not lifted, not ended), ending soonest first. */
export async function listActiveSuspensions(deps: Deps) {
  const now = deps.clock.now();
  return deps.db
    .select({ ...SUSPENSION_COLUMNS, suspenderName: suspender.name })
    .from(postingSuspensions)
    .innerJoin(users, eq(users.id, postingSuspensions.userId))
    .leftJoin(suspender, eq(suspender.id, postingSuspensions.createdBy))
    .where(and(isNull(postingSuspensions.liftedAt), gt(postingSuspensions.until, now)))
    .orderBy(postingSuspensions.until, postingSuspensions.id)
    .limit(500);
}

/** Ends a suspension early; audited. 409 when it already ended or was lifted. */
export async function liftSuspension(deps: Deps, { viewer, id }: { viewer: Viewer; id: string }) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        userId: postingSuspensions.userId,
        until: postingSuspensions.until,
        liftedAt: postingSuspensions.liftedAt,
      })
      .from(postingSuspensions)
      .where(eq(postingSuspensions.id, id))
      .for('update');
    if (!row) throw notFound();
    if (row.liftedAt || row.until <= now) throw new AppError('conflict', 'error.suspensionEnded');
    await tx.update(postingSuspensions).set({ liftedAt: now }).where(eq(postingSuspensions.id, id));
    await audit(tx, {
      actorId: viewer.id,
      action: 'posting_suspension.lifted',
      subjectType: 'user',
      subjectId: row.userId,
      data: { suspensionId: id },
      at: now,
    });
  });
  return suspensionById(deps, id);
}

/** The viewer's own posting status ("paused until …"). */
export async function postingStatus(deps: Deps, { viewer }: { viewer: Viewer }) {
  const now = deps.clock.now();
  const active = await activeSuspension(deps.db, viewer.id, now);
  if (!active) return { isSuspended: false, until: null, reason: null };
  // The latest end among overlapping suspensions is when posting opens again.
  const [latest] = await deps.db
    .select({ until: postingSuspensions.until, reason: postingSuspensions.reason })
    .from(postingSuspensions)
    .where(
      and(
        eq(postingSuspensions.userId, viewer.id),
        isNull(postingSuspensions.liftedAt),
        gt(postingSuspensions.until, now),
      ),
    )
    .orderBy(desc(postingSuspensions.until))
    .limit(1);
  return {
    isSuspended: true,
    until: (latest?.until ?? active.until).toISOString(),
    reason: latest?.reason ?? null,
  };
}

// ---- moderator notes on a member ---------------------------------------------------------------

async function memberRef(deps: Deps, userId: string) {
  const [member] = await deps.db
    .select({ id: users.id, displayName: users.name })
    .from(users)
    .where(eq(users.id, userId));
  if (!member) throw notFound();
  return member;
}

const notesOf = (deps: Deps, userId: string) =>
  deps.db
    .select({
      id: memberModerationNotes.id,
      body: memberModerationNotes.body,
      authorId: memberModerationNotes.authorId,
      authorName: noteAuthor.name,
      createdAt: memberModerationNotes.createdAt,
    })
    .from(memberModerationNotes)
    .leftJoin(noteAuthor, eq(noteAuthor.id, memberModerationNotes.authorId))
    .where(eq(memberModerationNotes.userId, userId))
    .orderBy(desc(memberModerationNotes.createdAt), desc(memberModerationNotes.id))
    .limit(200);
export type MemberNoteRow = Awaited<ReturnType<typeof notesOf>>[number];

/** HR's notes on a member, newest first. Reading them is audited (they are about a person). */
export async function listMemberNotes(deps: Deps, { viewer, userId }: { viewer: Viewer; userId: string }) {
  const member = await memberRef(deps, userId);
  const items = await notesOf(deps, userId);
  await audit(deps.db, {
    actorId: viewer.id,
    action: 'member_notes.viewed',
    subjectType: 'user',
    subjectId: userId,
    at: deps.clock.now(),
  });
  return { member, items };
}

export async function addMemberNote(
  deps: Deps,
  { viewer, userId, body }: { viewer: Viewer; userId: string; body: string },
) {
  const now = deps.clock.now();
  const member = await memberRef(deps, userId);
  const id = randomUUID();
  await deps.db.transaction(async (tx) => {
    await tx.insert(memberModerationNotes).values({ id, userId, authorId: viewer.id, body, createdAt: now });
    await audit(tx, {
      actorId: viewer.id,
      action: 'member_note.created',
      subjectType: 'user',
      subjectId: userId,
      data: { noteId: id },
      at: now,
    });
  });
  const [note] = (await notesOf(deps, userId)).filter((n) => n.id === id);
  return { member, note: note as MemberNoteRow };
}
