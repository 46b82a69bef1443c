import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type ConversationCreate, MESSAGE_PAGE_SIZE } from '#common/messaging';
import { type Db, queryRows } from '#server/db/client';
import { conversationParticipants, conversations, messages, users } from '#server/db/schema';
import { isHr, type Viewer } from '#server/lib/access/policy';
import { appendMessage, openConversation } from '#server/lib/conversations';
import type { AppDeps } from '#server/lib/deps';
import { AppError, notFound } from '#server/lib/errors';
import { photoVersionsOf } from '#server/lib/member-photos';
import { assertMayPost } from '#server/lib/posting-suspension';
import { rateLimiter } from '#server/lib/rate-limit';
import { areConnected, blockedAmong } from '#server/lib/relations';
import { firstMessageAllows, mayStartWithAnyone, visibleConversationWhere } from './messaging.policy';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'env'>;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** A member sends at most this many messages a minute, and starts this many conversations a day. */
export const MESSAGE_RATE_LIMIT = { max: 30, windowMs: 60_000 };
export const CONVERSATION_START_LIMIT = { max: 20, windowMs: 24 * 60 * 60 * 1000 };
/** The same text sent again this soon into the same conversation is a double-click: stored once. */
export const DOUBLE_SEND_MS = 10_000;

export interface MessageRow {
  id: string;
  conversationId: string;
  authorId: string | null;
  authorName: string | null;
  body: string;
  createdAt: Date;
}

export interface ConversationRow {
  id: string;
  kind: 'direct' | 'group';
  title: string | null;
  origin: 'member' | 'hr' | 'mentoring';
  lastMessageAt: Date | null;
  lastMessage: string | null;
  lastAuthorId: string | null;
  unreadCount: number;
  muted: boolean;
  participants: { id: string; name: string }[];
}

const badRequest = (field: string, key: string) =>
  new AppError('bad_request', 'error.bad_request', { [field]: [key] });

/** The viewer's conversations, newest activity first, with unread counts (and the total for the nav). */
export async function listConversations(deps: Pick<Deps, 'db'>, { viewer }: { viewer: Viewer }) {
  const rows = await conversationRows(deps.db, viewer.id, null);
  const totalUnread = rows.reduce((sum, r) => sum + (r.muted ? 0 : r.unreadCount), 0);
  return { items: rows, totalUnread, photos: await participantPhotos(deps.db, viewer, rows) };
}

/** The photos of everyone in these conversations (one query for the page; decision 041 amended). */
const participantPhotos = (db: Db, viewer: Viewer, rows: ConversationRow[]) =>
  photoVersionsOf(
    db,
    viewer,
    rows.flatMap((r) => r.participants.map((p) => p.id)),
  );

/** The nav badge: unread messages in the viewer's conversations that are not muted. */
export async function unreadTotal(deps: Pick<Deps, 'db'>, { viewer }: { viewer: Viewer }) {
  const [row] = await queryRows<{ total: number }>(
    deps.db,
    sql`select count(*)::int as total from ${conversationParticipants} cp
        join ${conversations} c on c.id = cp.conversation_id
        join ${messages} m on m.conversation_id = cp.conversation_id
        where cp.user_id = ${viewer.id} and cp.left_at is null and cp.muted_at is null
          and ${visibleConversationWhere(viewer.id, sql`c.id`, sql`c.kind`)}
          and m.deleted_at is null and m.author_id is distinct from ${viewer.id}
          and m.created_at >= cp.joined_at
          and (cp.last_read_at is null or m.created_at > cp.last_read_at)`,
  );
  return { totalUnread: row?.total ?? 0 };
}

async function conversationRows(db: Db, viewerId: string, id: string | null): Promise<ConversationRow[]> {
  const rows = await queryRows<Omit<ConversationRow, 'participants' | 'muted'> & { mutedAt: string | null }>(
    db,
    sql`select c.id, c.kind, c.title, c.origin, c.last_message_at as "lastMessageAt",
          cp.muted_at as "mutedAt", lm.body as "lastMessage", lm.author_id as "lastAuthorId",
          (select count(*)::int from ${messages} m
            where m.conversation_id = c.id and m.deleted_at is null and m.author_id is distinct from ${viewerId}
              and m.created_at >= cp.joined_at
              and (cp.last_read_at is null or m.created_at > cp.last_read_at)) as "unreadCount"
        from ${conversationParticipants} cp
        join ${conversations} c on c.id = cp.conversation_id
        left join lateral (select m.body, m.author_id from ${messages} m
          where m.conversation_id = c.id and m.deleted_at is null
          order by m.created_at desc, m.id desc limit 1) lm on true
        where cp.user_id = ${viewerId} and cp.left_at is null
          and ${visibleConversationWhere(viewerId, sql`c.id`, sql`c.kind`)}
          ${id ? sql`and c.id = ${id}` : sql``}
        order by c.last_message_at desc nulls last, c.id
        limit 200`,
  );
  if (rows.length === 0) return [];
  const people = await db
    .select({ conversationId: conversationParticipants.conversationId, id: users.id, name: users.name })
    .from(conversationParticipants)
    .innerJoin(users, eq(users.id, conversationParticipants.userId))
    .where(
      and(
        inArray(
          conversationParticipants.conversationId,
          rows.map((r) => r.id),
        ),
        isNull(conversationParticipants.leftAt),
        sql`${conversationParticipants.userId} <> ${viewerId}`,
      ),
    )
    .orderBy(users.name);
  return rows.map(({ mutedAt, ...r }) => ({
    ...r,
    lastMessageAt: r.lastMessageAt ? new Date(r.lastMessageAt) : null,
    muted: mutedAt !== null,
    participants: people.filter((p) => p.conversationId === r.id).map((p) => ({ id: p.id, name: p.name })),
  }));
}

/** One conversation of the viewer's, with whether they may write now; 404 otherwise (HR too). */
export async function findConversation(
  deps: Pick<Deps, 'db'>,
  { viewer, id }: { viewer: Viewer; id: string },
) {
  const [row] = await conversationRows(deps.db, viewer.id, id);
  if (!row) throw notFound();
  const allowed = await mayWrite(deps.db, viewer, row);
  return {
    ...row,
    canWrite: allowed,
    writeBlockedReason: allowed ? null : ('awaiting_reply' as const),
    photos: await participantPhotos(deps.db, viewer, [row]),
  };
}

async function mayWrite(
  db: Db,
  viewer: Viewer,
  c: Pick<ConversationRow, 'id' | 'kind' | 'origin' | 'participants'>,
): Promise<boolean> {
  const other = c.participants[0];
  if (isHr(viewer) || c.kind !== 'direct' || c.origin !== 'member' || !other) return true;
  const connected = await areConnected(db, viewer.id, other.id);
  if (connected) return true;
  const written = await queryRows<{ mine: boolean; theirs: boolean }>(
    db,
    sql`select bool_or(author_id = ${viewer.id}) as mine, bool_or(author_id = ${other.id}) as theirs
        from ${messages} where conversation_id = ${c.id} and deleted_at is null`,
  );
  return firstMessageAllows({
    authorIsHr: false,
    kind: c.kind,
    origin: c.origin,
    connected,
    authorHasWritten: !!written[0]?.mine,
    othersHaveWritten: !!written[0]?.theirs,
  });
}

/** One page of a conversation's messages, newest last; `before` walks back (keyset). */
export async function listMessages(
  deps: Pick<Deps, 'db'>,
  { viewer, id, before }: { viewer: Viewer; id: string; before?: string },
) {
  const [visible] = await deps.db
    .select({ joinedAt: conversationParticipants.joinedAt })
    .from(conversations)
    .innerJoin(
      conversationParticipants,
      and(
        eq(conversationParticipants.conversationId, conversations.id),
        eq(conversationParticipants.userId, viewer.id),
      ),
    )
    .where(
      and(
        eq(conversations.id, id),
        visibleConversationWhere(viewer.id, conversations.id, conversations.kind),
      ),
    );
  if (!visible) throw notFound();
  const cursor = parseCursor(before);
  const rows = await messageRows(
    deps.db,
    sql`m.conversation_id = ${id} and m.deleted_at is null
      ${cursor ? sql`and (m.created_at, m.id) < (${cursor.at}::timestamptz, ${cursor.id})` : sql``}`,
    MESSAGE_PAGE_SIZE + 1,
  );
  const hasMore = rows.length > MESSAGE_PAGE_SIZE;
  const page = rows.slice(0, MESSAGE_PAGE_SIZE);
  const oldest = page.at(-1);
  return {
    items: page.reverse(),
    olderCursor: hasMore && oldest ? `${oldest.createdAt.toISOString()}|${oldest.id}` : null,
  };
}

function parseCursor(value: string | undefined): { at: string; id: string } | null {
  if (!value) return null;
  const [at, id] = value.split('|');
  if (!at || !id || Number.isNaN(Date.parse(at))) throw badRequest('before', 'kz.invalidCursor');
  return { at: new Date(at).toISOString(), id };
}

/** Messages matching `where` (over `m`), newest first. */
export async function messageRows(
  db: Db,
  where: ReturnType<typeof sql>,
  limit: number,
): Promise<MessageRow[]> {
  const rows = await queryRows<Omit<MessageRow, 'createdAt'> & { createdAt: string }>(
    db,
    sql`select m.id, m.conversation_id as "conversationId", m.author_id as "authorId", u.name as "authorName",
          m.body, m.created_at as "createdAt"
        from ${messages} m left join ${users} u on u.id = m.author_id
        where ${where}
        order by m.created_at desc, m.id desc limit ${limit}`,
  );
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
}

/**
 * Starts a conversation (or continues the direct one with that member) with a first message.
 * Members write to their connections; HR to anyone; nobody to a blocked member (404).
 */
export async function startConversation(
  deps: Deps,
  { viewer, input }: { viewer: Viewer; input: ConversationCreate },
) {
  const now = deps.clock.now();
  const others = [...new Set(input.participantIds)];
  if (others.includes(viewer.id)) throw badRequest('participantIds', 'kz.messageSelf');
  const found = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, others), eq(users.status, 'active')));
  // Unknown and blocked members are alike: not found (a block is never revealed).
  if (found.length !== others.length) throw notFound();
  if ((await blockedAmong(deps.db, viewer.id, others)).size > 0) throw notFound();
  if (!mayStartWithAnyone(viewer)) {
    for (const other of others) {
      if (!(await areConnected(deps.db, viewer.id, other)))
        throw badRequest('participantIds', 'kz.messageNotConnected');
    }
  }
  await assertMayPost(deps.db, viewer.id, now);
  const { conversationId } = await deps.db.transaction(async (tx) => {
    const opened = await openConversation(tx as unknown as Db, now, {
      createdBy: viewer.id,
      participantIds: others,
      origin: isHr(viewer) ? 'hr' : 'member',
      title: input.title ?? null,
    });
    if (opened.created && !isHr(viewer)) {
      await rateLimiter(
        { db: tx as unknown as Db, env: deps.env },
        'messages.start',
        CONVERSATION_START_LIMIT,
      ).take(viewer.id, now);
    }
    return { conversationId: opened.id };
  });
  const message = await sendMessage(deps, { viewer, id: conversationId, body: input.body });
  return { conversationId, message };
}

/** Sends a message to a conversation of the viewer's (the first-message limit, rate limit, double-click). */
export async function sendMessage(
  deps: Deps,
  { viewer, id, body }: { viewer: Viewer; id: string; body: string },
) {
  const now = deps.clock.now();
  const [conversation] = await conversationRows(deps.db, viewer.id, id);
  if (!conversation) throw notFound();
  await assertMayPost(deps.db, viewer.id, now);
  if (!(await mayWrite(deps.db, viewer, conversation)))
    throw new AppError('conflict', 'error.message_awaiting_reply');
  return deps.db.transaction(async (tx) => {
    // Serialises this member's sends to this conversation, so a double-click is seen by the second.
    await tx.execute(sql`select 1 from ${conversationParticipants}
      where conversation_id = ${id} and user_id = ${viewer.id} for update`);
    const [same] = await messageRows(
      tx as unknown as Db,
      sql`m.conversation_id = ${id} and m.author_id = ${viewer.id} and m.body = ${body}
        and m.deleted_at is null and m.created_at > ${new Date(now.getTime() - DOUBLE_SEND_MS).toISOString()}::timestamptz`,
      1,
    );
    if (same) return same;
    await rateLimiter({ db: tx as unknown as Db, env: deps.env }, 'messages.send', MESSAGE_RATE_LIMIT).take(
      viewer.id,
      now,
    );
    const written = await appendMessage(tx as unknown as Db, now, {
      conversationId: id,
      authorId: viewer.id,
      body,
    });
    return {
      id: written.id,
      conversationId: id,
      authorId: viewer.id,
      authorName: viewer.displayName,
      body,
      createdAt: written.createdAt,
    } satisfies MessageRow;
  });
}

async function ownParticipation(tx: Db | Tx, viewer: Viewer, id: string) {
  const [row] = await tx
    .select({ conversationId: conversations.id })
    .from(conversations)
    .where(
      and(
        eq(conversations.id, id),
        visibleConversationWhere(viewer.id, conversations.id, conversations.kind),
      ),
    );
  if (!row) throw notFound();
}

/** Marks everything in the conversation read for the viewer. */
export async function markRead(
  deps: Pick<Deps, 'db' | 'clock'>,
  { viewer, id }: { viewer: Viewer; id: string },
) {
  await ownParticipation(deps.db, viewer, id);
  await deps.db
    .update(conversationParticipants)
    .set({ lastReadAt: deps.clock.now() })
    .where(
      and(eq(conversationParticipants.conversationId, id), eq(conversationParticipants.userId, viewer.id)),
    );
  return findConversation(deps, { viewer, id });
}

/** Leaves: no more reading new messages nor writing (starting the direct conversation again rejoins). */
export async function leaveConversation(
  deps: Pick<Deps, 'db' | 'clock'>,
  { viewer, id }: { viewer: Viewer; id: string },
) {
  await ownParticipation(deps.db, viewer, id);
  await deps.db
    .update(conversationParticipants)
    .set({ leftAt: deps.clock.now() })
    .where(
      and(eq(conversationParticipants.conversationId, id), eq(conversationParticipants.userId, viewer.id)),
    );
}

/** Mutes (no e-mail, not counted in the nav badge) or unmutes. */
export async function muteConversation(
  deps: Pick<Deps, 'db' | 'clock'>,
  { viewer, id, muted }: { viewer: Viewer; id: string; muted: boolean },
) {
  await ownParticipation(deps.db, viewer, id);
  await deps.db
    .update(conversationParticipants)
    .set({ mutedAt: muted ? deps.clock.now() : null })
    .where(
      and(eq(conversationParticipants.conversationId, id), eq(conversationParticipants.userId, viewer.id)),
    );
  return findConversation(deps, { viewer, id });
}

/** Messages of the viewer's conversations after an SSE `Last-Event-ID` (a reconnect), oldest first. */
export async function messagesSince(db: Db, viewerId: string, lastEventId: string, limit = 100) {
  const [at, id] = lastEventId.split('|');
  if (!at || !id || Number.isNaN(Date.parse(at))) return [];
  const rows = await messageRows(
    db,
    sql`m.deleted_at is null and (m.created_at, m.id) > (${new Date(at).toISOString()}::timestamptz, ${id})
      and exists (select 1 from ${conversations} c where c.id = m.conversation_id
        and ${visibleConversationWhere(viewerId, sql`c.id`, sql`c.kind`)})`,
    limit,
  );
  return rows.reverse();
}

/** One message for live delivery to a recipient (their participation is checked again here). */
export async function liveMessage(db: Db, viewerId: string, messageId: string) {
  const [row] = await messageRows(
    db,
    sql`m.id = ${messageId} and m.deleted_at is null and exists (select 1 from ${conversations} c
      where c.id = m.conversation_id and ${visibleConversationWhere(viewerId, sql`c.id`, sql`c.kind`)})`,
    1,
  );
  return row ?? null;
}
