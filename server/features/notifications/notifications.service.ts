import { and, count, eq, gt, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import {
  DEFAULT_CHANNEL,
  type MarkReadInput,
  type MuteCreateInput,
  NOTIFICATION_TYPES,
  type NotificationChannel,
  type NotificationPreferencesUpdate,
  type NotificationType,
  REQUIRED_TYPES,
} from '#common/notifications';
import { type Db, queryRows } from '#server/db/client';
import { notificationMutes, notificationPreferences, notifications, users } from '#server/db/schema';
import type { Viewer } from '#server/lib/access/policy';
import { AppError, notFound } from '#server/lib/errors';

/** Groups per page of the bell's list. */
export const PAGE_SIZE = 20;
/** How many actors of a group are named ("Sato, Tanaka and 3 others"). */
const NAMED_ACTORS = 3;

type Deps = { db: Db; clock: { now(): Date } };

export interface GroupRow {
  type: NotificationType;
  threadKey: string;
  link: string;
  data: Record<string, string | number | null>;
  latestId: string;
  latestAt: Date;
  count: number;
  unreadCount: number;
  actors: { id: string; name: string }[];
  actorCount: number;
}

const encodeCursor = (row: { latestAt: Date; type: string; threadKey: string }) =>
  Buffer.from(JSON.stringify([row.latestAt.toISOString(), row.type, row.threadKey])).toString('base64url');

function decodeCursor(cursor: string): { latestAt: Date; type: string; threadKey: string } {
  try {
    const [iso, type, threadKey] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const latestAt = new Date(String(iso));
    if (
      typeof type === 'string' &&
      typeof threadKey === 'string' &&
      type.length <= 60 &&
      threadKey.length <= 200 &&
      !(type + threadKey).includes(String.fromCharCode(0)) &&
      !Number.isNaN(latestAt.getTime())
    ) {
      return { latestAt, type, threadKey };
    }
  } catch {
    // falls through to the 400
  }
  throw new AppError('bad_request', 'error.bad_request', { cursor: ['v.invalid'] });
}

/**
 * The viewer's notifications grouped per thread and type ("3 new comments on …"), groups newest
 * first by their latest notification, keyset-paginated on (latest, type, thread). Only the
 * viewer's own rows are read (`user_id` first in every index used).
 */
export async function listGroups(
  { db }: Deps,
  { viewer, cursor }: { viewer: Viewer; cursor?: string },
): Promise<{ rows: GroupRow[]; nextCursor: string | null }> {
  const after = cursor ? decodeCursor(cursor) : null;
  const having = after
    ? sql`having (max(n.created_at), n.type, n.thread_key) < (${after.latestAt.toISOString()}::timestamptz, ${after.type}, ${after.threadKey})`
    : sql``;
  const raw = await queryRows<{
    type: NotificationType;
    threadKey: string;
    link: string;
    data: Record<string, string | number | null>;
    latestId: string;
    latestAt: string | Date;
    count: number | string;
    unreadCount: number | string;
    actorIds: string[] | null;
  }>(
    db,
    sql`select n.type, n.thread_key as "threadKey",
          (array_agg(n.link order by n.created_at desc, n.id desc))[1] as link,
          (array_agg(n.data order by n.created_at desc, n.id desc))[1] as data,
          (array_agg(n.id order by n.created_at desc, n.id desc))[1] as "latestId",
          max(n.created_at) as "latestAt",
          count(*)::int as count,
          (count(*) filter (where n.read_at is null))::int as "unreadCount",
          array_agg(n.actor_id order by n.created_at desc) filter (where n.actor_id is not null) as "actorIds"
        from ${notifications} n
        where n.user_id = ${viewer.id}
        group by n.type, n.thread_key
        ${having}
        order by max(n.created_at) desc, n.type desc, n.thread_key desc
        limit ${PAGE_SIZE + 1}`,
  );
  const page = raw.slice(0, PAGE_SIZE);
  const distinctActors = page.map((r) => [...new Set(r.actorIds ?? [])]);
  const named = [...new Set(distinctActors.flatMap((ids) => ids.slice(0, NAMED_ACTORS)))];
  const names = new Map(
    named.length === 0
      ? []
      : (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, named))).map(
          (u) => [u.id, u.name] as const,
        ),
  );
  const rows = page.map((r, i) => {
    const ids = distinctActors[i] ?? [];
    return {
      type: r.type,
      threadKey: r.threadKey,
      link: r.link,
      data: r.data ?? {},
      latestId: r.latestId,
      latestAt: new Date(r.latestAt),
      count: Number(r.count),
      unreadCount: Number(r.unreadCount),
      actors: ids
        .slice(0, NAMED_ACTORS)
        .flatMap((id) => (names.has(id) ? [{ id, name: names.get(id) ?? '' }] : [])),
      actorCount: ids.length,
    };
  });
  const last = rows.at(-1);
  return { rows, nextCursor: raw.length > PAGE_SIZE && last ? encodeCursor(last) : null };
}

/** The bell's number: one count over the partial index `notifications_unread_idx`. */
export async function unreadCount({ db }: Pick<Deps, 'db'>, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/**
 * Marks some of the viewer's notifications read. Ids or a thread that are not the viewer's (or
 * do not exist) are a 404 as a whole: nothing is marked. Already-read rows keep their time.
 */
export async function markRead(
  { db, clock }: Deps,
  { viewer, input }: { viewer: Viewer; input: MarkReadInput },
): Promise<{ marked: number; unread: number }> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const mine = eq(notifications.userId, viewer.id);
    let target: SQL | undefined;
    if (input.ids) {
      const ids = [...new Set(input.ids)];
      const [found] = await tx
        .select({ n: count() })
        .from(notifications)
        .where(and(mine, inArray(notifications.id, ids)));
      if ((found?.n ?? 0) !== ids.length) throw notFound();
      target = inArray(notifications.id, ids);
    } else if (input.threadKey) {
      target = and(
        eq(notifications.threadKey, input.threadKey),
        input.type ? eq(notifications.type, input.type) : undefined,
      );
      const [found] = await tx.select({ n: count() }).from(notifications).where(and(mine, target));
      if ((found?.n ?? 0) === 0) throw notFound();
    }
    const marked = await tx
      .update(notifications)
      .set({ readAt: now })
      .where(and(mine, isNull(notifications.readAt), target))
      .returning({ id: notifications.id });
    const unread = await unreadCount({ db: tx as unknown as Db }, viewer.id);
    return { marked: marked.length, unread };
  });
}

/** Every type with the viewer's channel (or the default), and whether it may be turned off. */
export async function listPreferences({ db }: Pick<Deps, 'db'>, viewer: Viewer) {
  const chosen = new Map(
    (
      await db
        .select({ type: notificationPreferences.type, channel: notificationPreferences.channel })
        .from(notificationPreferences)
        .where(eq(notificationPreferences.userId, viewer.id))
    ).map((r) => [r.type, r.channel] as const),
  );
  return NOTIFICATION_TYPES.map((type) => {
    const required = REQUIRED_TYPES.includes(type);
    let channel: NotificationChannel = chosen.get(type) ?? DEFAULT_CHANNEL[type];
    if (required && channel === 'off') channel = DEFAULT_CHANNEL[type];
    return { type, channel, defaultChannel: DEFAULT_CHANNEL[type], required };
  });
}

/** Saves the given types' channels (upsert); the contract already refused `off` for required types. */
export async function savePreferences(
  { db, clock }: Deps,
  { viewer, input }: { viewer: Viewer; input: NotificationPreferencesUpdate },
) {
  const now = clock.now();
  const rows = Object.entries(input.channels).map(([type, channel]) => ({
    userId: viewer.id,
    type,
    channel: channel as NotificationChannel,
    updatedAt: now,
  }));
  await db.transaction(async (tx) => {
    await tx
      .insert(notificationPreferences)
      .values(rows)
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.type],
        set: { channel: sql`excluded.channel`, updatedAt: now },
      });
  });
  return listPreferences({ db }, viewer);
}

const DURATION_MS = { day: 86_400_000, week: 7 * 86_400_000 } as const;

const activeMute = (now: Date) => or(isNull(notificationMutes.until), gt(notificationMutes.until, now));

/** The viewer's mutes still in force, with a label: the person's name or the thread's latest title. */
export async function listMutes({ db, clock }: Deps, viewer: Viewer) {
  const now = clock.now();
  const rows = await db
    .select({
      kind: notificationMutes.kind,
      key: notificationMutes.key,
      until: notificationMutes.until,
      createdAt: notificationMutes.createdAt,
      person: users.name,
      title: sql<string | null>`(select n.data->>'title' from ${notifications} n
        where n.user_id = ${notificationMutes.userId} and n.thread_key = ${notificationMutes.key}
        order by n.created_at desc limit 1)`,
    })
    .from(notificationMutes)
    .leftJoin(users, and(eq(notificationMutes.kind, 'person'), eq(users.id, notificationMutes.key)))
    .where(and(eq(notificationMutes.userId, viewer.id), activeMute(now)))
    .orderBy(sql`${notificationMutes.createdAt} desc`, notificationMutes.key);
  return rows.map((r) => ({
    kind: r.kind,
    key: r.key,
    label: (r.kind === 'person' ? r.person : r.title) ?? '',
    until: r.until,
    createdAt: r.createdAt,
  }));
}

/**
 * Mutes a thread the viewer was notified of, or a person who acted in one of their notifications
 * (anything else is a 404: one cannot probe for thread keys or member ids). Muting again replaces
 * the end.
 */
export async function createMute(
  { db, clock }: Deps,
  { viewer, input }: { viewer: Viewer; input: MuteCreateInput },
) {
  const now = clock.now();
  const known = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, viewer.id),
        input.kind === 'thread'
          ? eq(notifications.threadKey, input.key)
          : eq(notifications.actorId, input.key),
      ),
    )
    .limit(1);
  if (known.length === 0 || (input.kind === 'person' && input.key === viewer.id)) throw notFound();
  const until = input.duration === 'forever' ? null : new Date(now.getTime() + DURATION_MS[input.duration]);
  await db.transaction(async (tx) => {
    await tx
      .insert(notificationMutes)
      .values({ userId: viewer.id, kind: input.kind, key: input.key, until, createdAt: now })
      .onConflictDoUpdate({
        target: [notificationMutes.userId, notificationMutes.kind, notificationMutes.key],
        set: { until, createdAt: now },
      });
  });
  const mute = (await listMutes({ db, clock }, viewer)).find(
    (m) => m.kind === input.kind && m.key === input.key,
  );
  if (!mute) throw notFound();
  return mute;
}

/** Ends a mute of the viewer's; one that does not exist (or has ended) is a 404. */
export async function deleteMute(
  { db, clock }: Deps,
  { viewer, kind, key }: { viewer: Viewer; kind: 'thread' | 'person'; key: string },
) {
  const now = clock.now();
  const removed = await db.transaction((tx) =>
    tx
      .delete(notificationMutes)
      .where(
        and(
          eq(notificationMutes.userId, viewer.id),
          eq(notificationMutes.kind, kind),
          eq(notificationMutes.key, key),
          activeMute(now),
        ),
      )
      .returning({ key: notificationMutes.key }),
  );
  if (removed.length === 0) throw notFound();
}
