import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '#server/db/client';
import { blocks, connections } from '#server/db/schema';

/**
 * Relations between two members (issue 12, decision 036), used by every feature that shows one
 * member to another or lets one reach another: the directory, people to meet, messaging,
 * mentions, connection requests, profiles.
 *
 * A block works both ways: neither side finds, messages, mentions or sees the other's activity.
 */

/** SQL: true when `viewerId` and the member in `other` have blocked each other either way. */
export function blockedBetween(viewerId: string, other: AnyPgColumn | SQL): SQL {
  return sql`exists (select 1 from ${blocks} b
    where (b.blocker_id = ${viewerId} and b.blocked_id = ${other})
       or (b.blocker_id = ${other} and b.blocked_id = ${viewerId}))`;
}

/** SQL: the member in `other` is not blocked either way — put it into the WHERE of any list. */
export function notBlockedWith(viewerId: string, other: AnyPgColumn | SQL): SQL {
  return sql`not ${blockedBetween(viewerId, other)}`;
}

/** SQL: `viewerId` is connected with the member in `other`. */
export function connectedWith(viewerId: string, other: AnyPgColumn | SQL): SQL {
  return sql`exists (select 1 from ${connections} c where c.user_id = ${viewerId} and c.other_id = ${other})`;
}

export async function isBlockedEitherWay(db: Db, a: string, b: string): Promise<boolean> {
  const rows = await db
    .select({ blockerId: blocks.blockerId })
    .from(blocks)
    .where(
      or(
        and(eq(blocks.blockerId, a), eq(blocks.blockedId, b)),
        and(eq(blocks.blockerId, b), eq(blocks.blockedId, a)),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function areConnected(db: Db, a: string, b: string): Promise<boolean> {
  const rows = await db
    .select({ userId: connections.userId })
    .from(connections)
    .where(and(eq(connections.userId, a), eq(connections.otherId, b)))
    .limit(1);
  return rows.length > 0;
}

/** The members among `ids` who are blocked with `viewerId` either way. */
export async function blockedAmong(db: Db, viewerId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const list = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = await db
    .select({ blockerId: blocks.blockerId, blockedId: blocks.blockedId })
    .from(blocks)
    .where(
      or(
        and(eq(blocks.blockerId, viewerId), sql`${blocks.blockedId} in (${list})`),
        and(eq(blocks.blockedId, viewerId), sql`${blocks.blockerId} in (${list})`),
      ),
    );
  return new Set(rows.map((r) => (r.blockerId === viewerId ? r.blockedId : r.blockerId)));
}

/**
 * SQL: the member in `other` (nullable: an erased author) is not blocked with `viewerId` either
 * way — written as `not in` over the viewer's few block rows, which PostgreSQL evaluates once as a
 * hashed subplan, so a list walking an index (the feed) keeps walking it and only filters.
 */
export function outsideBlocksOf(viewerId: string, other: AnyPgColumn | SQL): SQL {
  return sql`(${other} is null or ${other} not in (
    select b.blocked_id from ${blocks} b where b.blocker_id = ${viewerId}
    union all select b.blocker_id from ${blocks} b where b.blocked_id = ${viewerId}))`;
}
