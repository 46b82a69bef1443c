import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { ADVICE_KINDS } from '#common/advice';
import type {
  ConnectionListQuery,
  ConnectionRequestCreate,
  ConnectionRequestListQuery,
  ConnectionsVisibility,
  PeopleReportCreate,
} from '#common/connections';
import { MUTUAL_SAMPLE_SIZE } from '#common/connections';
import { tokenizeDirectoryQuery } from '#common/search-text';
import type { Db } from '#server/db/client';
import {
  blocks,
  companyPosters,
  connectionRequests,
  connections,
  follows,
  peopleReports,
  profiles,
  users,
} from '#server/db/schema';
import { canAskFor } from '#server/features/advice/advice.policy';
import { fieldVisibleSql, likePattern } from '#server/features/directory/directory.service';
import { getVisibilityLimits } from '#server/features/members/members.service';
import type { Viewer } from '#server/lib/access/policy';
import { audit } from '#server/lib/audit';
import type { AppDeps } from '#server/lib/deps';
import { AppError, notFound } from '#server/lib/errors';
import { photoVersionsOf } from '#server/lib/member-photos';
import { notify } from '#server/lib/notify';
import { type RateRule, rateLimiter } from '#server/lib/rate-limit';
import { blockedBetween, notBlockedWith } from '#server/lib/relations';
import { canBeFollowed, canMessage, canSeeConnections, reachableMemberWhere } from './connections.policy';

type Deps = Pick<AppDeps, 'db' | 'clock'>;
type WriteDeps = Pick<AppDeps, 'db' | 'clock' | 'env'>;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Executor = Db | Tx;

/** Connection requests a member may send: enough for a busy week of meeting people, not for spam. */
export const CONNECTION_REQUEST_LIMIT: RateRule = { max: 30, windowMs: 24 * 60 * 60 * 1000 };

const badRequest = (field: string, key: string) =>
  new AppError('bad_request', 'error.bad_request', { [field]: [key] });

/** The member this viewer may reach (see the policy), or 404. */
/**
 * The member as this viewer may reach them (404 otherwise). The offer flags (speaking, mentoring,
 * side work) count only where the viewer may see them in that member's settings — else "can follow"
 * or "can ask for advice" would tell what the member hid (decision 037, amended).
 */
async function reachableMember(db: Executor, viewer: Viewer, id: string) {
  const ctx = { viewer, limits: await getVisibilityLimits({ db: db as Db }) };
  const offer = (column: AnyPgColumn, field: 'mentoring' | 'sideWork' | 'speaking') =>
    sql<boolean>`(${column} and (${profiles.userId} = ${viewer.id} or ${fieldVisibleSql(ctx, field)}))`;
  const [row] = await db
    .select({
      id: profiles.userId,
      displayName: users.name,
      role: users.role,
      speaking: offer(profiles.speaking, 'speaking'),
      mentoring: offer(profiles.mentoring, 'mentoring'),
      sideWork: offer(profiles.sideWork, 'sideWork'),
      connectionsVisibility: profiles.connectionsVisibility,
      isCompanyPoster: sql<boolean>`exists (select 1 from ${companyPosters} cp where cp.user_id = ${profiles.userId})`,
    })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .where(reachableMemberWhere(viewer, id));
  if (!row) throw notFound();
  return { ...row, speaking: !!row.speaking, mentoring: !!row.mentoring, sideWork: !!row.sideWork };
}

async function isConnected(db: Executor, a: string, b: string) {
  const [row] = await db
    .select({ one: sql`1` })
    .from(connections)
    .where(and(eq(connections.userId, a), eq(connections.otherId, b)));
  return Boolean(row);
}

async function pendingBetween(db: Executor, a: string, b: string) {
  const [row] = await db
    .select()
    .from(connectionRequests)
    .where(
      and(
        eq(connectionRequests.status, 'pending'),
        or(
          and(eq(connectionRequests.fromId, a), eq(connectionRequests.toId, b)),
          and(eq(connectionRequests.fromId, b), eq(connectionRequests.toId, a)),
        ),
      ),
    );
  return row ?? null;
}

// ---- requests ----------------------------------------------------------------------------------

/**
 * Sends a request. Oneself: 400; a member the viewer may not reach (blocked, unlisted,
 * deactivated, unknown): 404; already connected or already asked: 409. When the other member had
 * already asked the viewer, their request is accepted instead (decision 037): nothing is stored
 * twice and both end up connected, which is what each of them asked for.
 */
export async function sendRequest(
  deps: WriteDeps,
  { viewer, input }: { viewer: Viewer; input: ConnectionRequestCreate },
) {
  const now = deps.clock.now();
  if (input.toId === viewer.id) throw badRequest('toId', 'kz.connectSelf');
  await reachableMember(deps.db, viewer, input.toId);
  await rateLimiter(deps, 'connection-requests', CONNECTION_REQUEST_LIMIT).take(viewer.id, now);
  return deps.db.transaction(async (tx) => {
    if (await isConnected(tx, viewer.id, input.toId))
      throw new AppError('conflict', 'error.already_connected');
    const open = await pendingBetween(tx, viewer.id, input.toId);
    if (open && open.fromId === viewer.id) throw new AppError('conflict', 'error.request_pending');
    if (open) {
      await acceptLocked(tx, now, viewer, open);
      return { id: open.id, status: 'accepted' as const };
    }
    const id = randomUUID();
    const inserted = await tx
      .insert(connectionRequests)
      .values({ id, fromId: viewer.id, toId: input.toId, note: input.note ?? null, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: connectionRequests.id });
    // A concurrent request between the same two won the unique index: one request, as asked.
    if (inserted.length === 0) throw new AppError('conflict', 'error.request_pending');
    await notify(tx, now, {
      userIds: [input.toId],
      type: 'connection_request',
      threadKey: 'connections:requests',
      actorId: viewer.id,
      link: '/people/connections?tab=in',
      data: { note: input.note ?? null },
    });
    return { id, status: 'pending' as const };
  });
}

async function acceptLocked(
  tx: Tx,
  now: Date,
  viewer: Viewer,
  request: { id: string; fromId: string; toId: string },
) {
  await tx
    .update(connectionRequests)
    .set({ status: 'accepted', decidedAt: now })
    .where(eq(connectionRequests.id, request.id));
  await tx
    .insert(connections)
    .values([
      { userId: request.fromId, otherId: request.toId, createdAt: now },
      { userId: request.toId, otherId: request.fromId, createdAt: now },
    ])
    .onConflictDoNothing();
  await notify(tx, now, {
    userIds: [request.fromId],
    type: 'connection_accepted',
    threadKey: 'connections:accepted',
    actorId: viewer.id,
    link: `/members/${viewer.id}`,
  });
}

/** A pending request the viewer is a side of, locked; 404 when not theirs, 409 when decided. */
async function lockRequest(tx: Tx, viewer: Viewer, id: string, side: 'to' | 'from') {
  const mine =
    side === 'to' ? eq(connectionRequests.toId, viewer.id) : eq(connectionRequests.fromId, viewer.id);
  const [row] = await tx
    .select()
    .from(connectionRequests)
    .where(and(eq(connectionRequests.id, id), mine))
    .for('update');
  if (!row) throw notFound();
  if (row.status !== 'pending') throw new AppError('conflict', 'error.request_decided');
  return row;
}

export async function decideRequest(
  deps: Deps,
  { viewer, id, decision }: { viewer: Viewer; id: string; decision: 'accept' | 'decline' | 'withdraw' },
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await lockRequest(tx, viewer, id, decision === 'withdraw' ? 'from' : 'to');
    if (decision === 'accept') {
      // A block placed since cancels requests; this guards a race with it.
      const [blocked] = await tx
        .select({ one: sql`1` })
        .from(users)
        .where(and(eq(users.id, row.fromId), blockedBetween(viewer.id, users.id)));
      if (blocked) throw notFound();
      await acceptLocked(tx, now, viewer, row);
      return { id, status: 'accepted' as const };
    }
    const status = decision === 'decline' ? ('declined' as const) : ('withdrawn' as const);
    await tx.update(connectionRequests).set({ status, decidedAt: now }).where(eq(connectionRequests.id, id));
    return { id, status };
  });
}

export async function listRequests(
  deps: Deps,
  { viewer, query }: { viewer: Viewer; query: ConnectionRequestListQuery },
) {
  const incoming = query.direction === 'in';
  const other = incoming ? connectionRequests.fromId : connectionRequests.toId;
  const where = and(
    eq(incoming ? connectionRequests.toId : connectionRequests.fromId, viewer.id),
    eq(connectionRequests.status, 'pending'),
    eq(users.status, 'active'),
  ) as SQL;
  const rows = await deps.db
    .select({
      id: connectionRequests.id,
      memberId: users.id,
      displayName: users.name,
      note: connectionRequests.note,
      createdAt: connectionRequests.createdAt,
    })
    .from(connectionRequests)
    .innerJoin(users, eq(users.id, other))
    .where(where)
    .orderBy(desc(connectionRequests.createdAt), asc(connectionRequests.id))
    .limit(query.pageSize + 1)
    .offset((query.page - 1) * query.pageSize);
  const [counted] = await deps.db
    .select({ n: count() })
    .from(connectionRequests)
    .innerJoin(users, eq(users.id, other))
    .where(where);
  return {
    rows: rows.slice(0, query.pageSize),
    hasMore: rows.length > query.pageSize,
    total: Number(counted?.n ?? 0),
  };
}

export async function connectionsSummary(deps: Deps, { viewer }: { viewer: Viewer }) {
  const [row] = await deps.db
    .select({ n: count() })
    .from(connectionRequests)
    .where(and(eq(connectionRequests.toId, viewer.id), eq(connectionRequests.status, 'pending')));
  return { incomingRequests: Number(row?.n ?? 0) };
}

// ---- connections -------------------------------------------------------------------------------

export async function removeConnection(
  deps: Deps,
  { viewer, memberId }: { viewer: Viewer; memberId: string },
) {
  return deps.db.transaction(async (tx) => {
    const removed = await tx
      .delete(connections)
      .where(
        or(
          and(eq(connections.userId, viewer.id), eq(connections.otherId, memberId)),
          and(eq(connections.userId, memberId), eq(connections.otherId, viewer.id)),
        ),
      )
      .returning({ userId: connections.userId });
    if (removed.length === 0) throw notFound();
  });
}

/**
 * SQL: the member in `memberId` has a name matching every word of `q` — the directory's name keys
 * (kanji with variants folded, kana, romaji; decision 028), so "tanaka", "たなか" and "髙橋" find
 * the same people they find in the directory. A name is shown wherever the member is, so any
 * viewer may match on it.
 */
function nameMatches(memberId: AnyPgColumn, q: string | undefined): SQL | undefined {
  const tokens = tokenizeDirectoryQuery(q);
  if (tokens.length === 0) return undefined;
  return and(
    ...tokens.map(
      (token) =>
        sql`exists (select 1 from ${profiles} p where p.user_id = ${memberId}
          and p.search_name like ${likePattern(token)})`,
    ),
  );
}

/**
 * A member's connections, paged by name, as this viewer may see them: 404 when the member is not
 * reachable or their setting hides the list from the viewer; members blocked with the viewer and
 * deactivated ones are left out. `q` narrows the list by name (the group-conversation picker).
 */
export async function listConnections(
  deps: Deps,
  { viewer, memberId, query }: { viewer: Viewer; memberId: string; query: ConnectionListQuery },
) {
  if (memberId !== viewer.id) {
    const member = await reachableMember(deps.db, viewer, memberId);
    const connected = await isConnected(deps.db, viewer.id, memberId);
    const allowed = canSeeConnections(viewer, {
      id: memberId,
      visibility: member.connectionsVisibility,
      connectedWithViewer: connected,
    });
    if (!allowed) throw notFound();
  }
  const where = and(
    eq(connections.userId, memberId),
    eq(users.status, 'active'),
    notBlockedWith(viewer.id, connections.otherId),
    nameMatches(connections.otherId, query.q),
  ) as SQL;
  const rows = await deps.db
    .select({ memberId: users.id, displayName: users.name, connectedAt: connections.createdAt })
    .from(connections)
    .innerJoin(users, eq(users.id, connections.otherId))
    .where(where)
    .orderBy(asc(users.name), asc(users.id))
    .limit(query.pageSize + 1)
    .offset((query.page - 1) * query.pageSize);
  const [counted] = await deps.db
    .select({ n: count() })
    .from(connections)
    .innerJoin(users, eq(users.id, connections.otherId))
    .where(where);
  const page = rows.slice(0, query.pageSize);
  return {
    rows: page,
    hasMore: rows.length > query.pageSize,
    total: Number(counted?.n ?? 0),
    photos: await photoVersionsOf(
      deps.db,
      viewer,
      page.map((r) => r.memberId),
    ),
  };
}

export async function getConnectionsSettings(deps: Deps, { viewer }: { viewer: Viewer }) {
  const [row] = await deps.db
    .select({ visibility: profiles.connectionsVisibility })
    .from(profiles)
    .where(eq(profiles.userId, viewer.id));
  if (!row) throw notFound();
  return row;
}

export async function setConnectionsSettings(
  deps: Deps,
  { viewer, visibility }: { viewer: Viewer; visibility: ConnectionsVisibility },
) {
  const [row] = await deps.db
    .update(profiles)
    .set({ connectionsVisibility: visibility })
    .where(eq(profiles.userId, viewer.id))
    .returning({ visibility: profiles.connectionsVisibility });
  if (!row) throw notFound();
  return row;
}

/** Mutual connections of the viewer and a member (not blocked with the viewer, active). */
async function mutualConnections(db: Db, viewerId: string, memberId: string) {
  const mine = sql`select c.other_id from ${connections} c where c.user_id = ${viewerId}`;
  const where = and(
    eq(connections.userId, memberId),
    sql`${connections.otherId} in (${mine})`,
    eq(users.status, 'active'),
    notBlockedWith(viewerId, connections.otherId),
  ) as SQL;
  const sample = await db
    .select({ id: users.id, displayName: users.name })
    .from(connections)
    .innerJoin(users, eq(users.id, connections.otherId))
    .where(where)
    .orderBy(asc(users.name), asc(users.id))
    .limit(MUTUAL_SAMPLE_SIZE);
  const [counted] = await db
    .select({ n: count() })
    .from(connections)
    .innerJoin(users, eq(users.id, connections.otherId))
    .where(where);
  return { count: Number(counted?.n ?? 0), sample };
}

async function followerCount(db: Executor, memberId: string) {
  const [row] = await db.select({ n: count() }).from(follows).where(eq(follows.followeeId, memberId));
  return Number(row?.n ?? 0);
}

// ---- the relation summary of a profile ---------------------------------------------------------

/**
 * Everything the profile's actions need in one answer. 404 when the member is not reachable — but a
 * member the viewer blocked is shown (with `blockedByMe`) so the blocker can unblock from here.
 */
export async function getRelation(deps: Deps, { viewer, memberId }: { viewer: Viewer; memberId: string }) {
  const db = deps.db;
  const [mineBlock] = await db
    .select({ one: sql`1` })
    .from(blocks)
    .where(and(eq(blocks.blockerId, viewer.id), eq(blocks.blockedId, memberId)));
  const blockedByMe = Boolean(mineBlock);
  if (blockedByMe) {
    const [exists] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, memberId), eq(users.status, 'active')));
    if (!exists) throw notFound();
    return {
      memberId,
      isSelf: false,
      connection: { state: 'none' as const, requestId: null },
      following: false,
      canFollow: false,
      followerCount: 0,
      blockedByMe: true,
      mutual: { count: 0, sample: [] },
      canSeeConnections: false,
      canMessage: false,
      canRequestAdvice: false,
    };
  }
  const member = await reachableMember(db, viewer, memberId);
  const isSelf = memberId === viewer.id;
  const connected = !isSelf && (await isConnected(db, viewer.id, memberId));
  const open = isSelf ? null : await pendingBetween(db, viewer.id, memberId);
  const state = connected
    ? ('connected' as const)
    : open
      ? open.fromId === viewer.id
        ? ('pending_out' as const)
        : ('pending_in' as const)
      : ('none' as const);
  const [following] = await db
    .select({ one: sql`1` })
    .from(follows)
    .where(and(eq(follows.followerId, viewer.id), eq(follows.followeeId, memberId)));
  const followable = canBeFollowed(member);
  return {
    memberId,
    isSelf,
    connection: { state, requestId: open?.id ?? null },
    following: Boolean(following),
    canFollow: followable && !isSelf,
    followerCount: followable ? await followerCount(db, memberId) : 0,
    blockedByMe: false,
    mutual: isSelf ? { count: 0, sample: [] } : await mutualConnections(db, viewer.id, memberId),
    canSeeConnections: canSeeConnections(viewer, {
      id: memberId,
      visibility: member.connectionsVisibility,
      connectedWithViewer: connected,
    }),
    canMessage: !isSelf && canMessage(viewer, connected),
    // The same rule the advice request applies (kinds offered to this viewer, career path included).
    canRequestAdvice:
      !isSelf &&
      ADVICE_KINDS.some((kind) =>
        canAskFor(kind, viewer.role, member.role, {
          mentoring: member.mentoring,
          sideWork: member.sideWork,
          speaking: member.speaking,
        }),
      ),
  };
}

// ---- follows -----------------------------------------------------------------------------------

/** Follow a company account or a speaker; anyone else is a clear 400 (the member is visible). */
export async function setFollow(
  deps: Deps,
  { viewer, memberId, follow }: { viewer: Viewer; memberId: string; follow: boolean },
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const member = await reachableMember(tx, viewer, memberId);
    if (follow) {
      if (memberId === viewer.id) throw new AppError('bad_request', 'error.not_followable');
      if (!canBeFollowed(member)) throw new AppError('bad_request', 'error.not_followable');
      await tx
        .insert(follows)
        .values({ followerId: viewer.id, followeeId: memberId, createdAt: now })
        .onConflictDoNothing();
    } else {
      await tx
        .delete(follows)
        .where(and(eq(follows.followerId, viewer.id), eq(follows.followeeId, memberId)));
    }
    return { following: follow, followerCount: await followerCount(tx, memberId) };
  });
}

// ---- blocks ------------------------------------------------------------------------------------

/** An active member other than the viewer (blocking and reporting need no directory consent). */
async function existingMember(db: Executor, viewer: Viewer, memberId: string, field: string) {
  if (memberId === viewer.id) throw badRequest(field, 'kz.blockSelf');
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, memberId), eq(users.status, 'active')));
  if (!row) throw notFound();
}

/**
 * Blocks a member: one row, read both ways everywhere (server/lib/relations.ts). In the same
 * transaction the connection, open requests and follows between the two go.
 */
export async function blockMember(deps: Deps, { viewer, memberId }: { viewer: Viewer; memberId: string }) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await existingMember(tx, viewer, memberId, 'id');
    await tx
      .insert(blocks)
      .values({ blockerId: viewer.id, blockedId: memberId, createdAt: now })
      .onConflictDoNothing();
    const pair = (a: AnyPgColumn, b: AnyPgColumn) =>
      or(and(eq(a, viewer.id), eq(b, memberId)), and(eq(a, memberId), eq(b, viewer.id)));
    await tx.delete(connections).where(pair(connections.userId, connections.otherId));
    await tx.delete(follows).where(pair(follows.followerId, follows.followeeId));
    await tx
      .update(connectionRequests)
      .set({
        status: sql`case when ${connectionRequests.fromId} = ${viewer.id} then 'withdrawn' else 'declined' end`,
        decidedAt: now,
      })
      .where(
        and(
          eq(connectionRequests.status, 'pending'),
          pair(connectionRequests.fromId, connectionRequests.toId),
        ),
      );
    await audit(tx, {
      actorId: viewer.id,
      action: 'member.blocked',
      subjectType: 'user',
      subjectId: memberId,
      at: now,
    });
    return { blocked: true };
  });
}

export async function unblockMember(deps: Deps, { viewer, memberId }: { viewer: Viewer; memberId: string }) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const removed = await tx
      .delete(blocks)
      .where(and(eq(blocks.blockerId, viewer.id), eq(blocks.blockedId, memberId)))
      .returning({ id: blocks.blockedId });
    if (removed.length === 0) throw notFound();
    await audit(tx, {
      actorId: viewer.id,
      action: 'member.unblocked',
      subjectType: 'user',
      subjectId: memberId,
      at: now,
    });
    return { blocked: false };
  });
}

export async function listBlocked(deps: Deps, { viewer }: { viewer: Viewer }) {
  return deps.db
    .select({ memberId: users.id, displayName: users.name, blockedAt: blocks.createdAt })
    .from(blocks)
    .innerJoin(users, eq(users.id, blocks.blockedId))
    .where(eq(blocks.blockerId, viewer.id))
    .orderBy(desc(blocks.createdAt), asc(users.id))
    .limit(500);
}

// ---- reports -----------------------------------------------------------------------------------

/** A report about a member for HR; a second open report by the same member is the same report. */
export async function reportMember(
  deps: Deps,
  { viewer, memberId, input }: { viewer: Viewer; memberId: string; input: PeopleReportCreate },
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    if (memberId === viewer.id) throw badRequest('id', 'kz.reportSelf');
    await existingMember(tx, viewer, memberId, 'id');
    const id = randomUUID();
    const inserted = await tx
      .insert(peopleReports)
      .values({
        id,
        reporterId: viewer.id,
        memberId,
        category: input.category,
        note: input.note ?? null,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: peopleReports.id });
    if (inserted.length > 0) {
      await audit(tx, {
        actorId: viewer.id,
        action: 'member.reported',
        subjectType: 'user',
        subjectId: memberId,
        data: { reportId: id, category: input.category },
        at: now,
      });
      return { id, status: 'open' as const };
    }
    const [existing] = await tx
      .select({ id: peopleReports.id })
      .from(peopleReports)
      .where(
        and(
          eq(peopleReports.reporterId, viewer.id),
          eq(peopleReports.memberId, memberId),
          sql`${peopleReports.messageId} is null`,
          eq(peopleReports.status, 'open'),
        ),
      );
    if (!existing) throw new AppError('conflict');
    return { id: existing.id, status: 'open' as const };
  });
}
