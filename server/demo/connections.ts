import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '#server/db/client';
import { connectionRequests, connections, follows, profiles, users } from '#server/db/schema/index';
import { notify } from '#server/lib/notify';

const DAY = 86_400_000;

/**
 * People for the demo (issue 12 §1): alumni@kizuna.example has a few connections (employee@ and
 * three listed alumni, one of whom employee@ knows too — a mutual connection), one incoming request
 * with a note, and follows HR. A re-run adds nothing.
 */
export async function seedDemoConnections(db: Db, now = new Date()): Promise<number> {
  const logins = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, ['alumni@kizuna.example', 'employee@kizuna.example', 'hr@kizuna.example']));
  const byEmail = new Map(logins.map((l) => [l.email, l.id]));
  const alumni = byEmail.get('alumni@kizuna.example');
  const employee = byEmail.get('employee@kizuna.example');
  const hr = byEmail.get('hr@kizuna.example');
  if (!alumni || !employee || !hr) return 0;
  const others = await db
    .select({ id: profiles.userId })
    .from(profiles)
    .where(
      and(
        eq(profiles.role, 'alumni'),
        eq(profiles.isActive, true),
        sql`${profiles.consents} @> array['directory']::text[]`,
        sql`${profiles.userId} not in (${sql.join(
          [...byEmail.values()].map((id) => sql`${id}`),
          sql`, `,
        )})`,
        ne(profiles.userId, alumni),
      ),
    )
    .orderBy(asc(profiles.sortName), asc(profiles.userId))
    .limit(5);
  if (others.length < 5) return 0;
  const [a, b, c, d, requester] = others.map((o) => o.id) as [string, string, string, string, string];
  const pairs: [string, string, number][] = [
    [alumni, employee, 40],
    [alumni, a, 30],
    [alumni, b, 12],
    [alumni, c, 3],
    [employee, a, 20],
    [d, a, 8],
  ];
  const rows = pairs.flatMap(([x, y, daysAgo]) => {
    const createdAt = new Date(now.getTime() - daysAgo * DAY);
    return [
      { userId: x, otherId: y, createdAt },
      { userId: y, otherId: x, createdAt },
    ];
  });
  const added = await db
    .insert(connections)
    .values(rows)
    .onConflictDoNothing()
    .returning({ u: connections.userId });
  const [pending] = await db
    .select({ id: connectionRequests.id })
    .from(connectionRequests)
    .where(and(eq(connectionRequests.toId, alumni), eq(connectionRequests.status, 'pending')))
    .limit(1);
  if (!pending) {
    const id = randomUUID();
    await db
      .insert(connectionRequests)
      .values({
        id,
        fromId: requester,
        toId: alumni,
        note: 'シンガポール支部の集まりでお話しした者です。データ分析の仕事について、ぜひ今後も情報交換させてください。',
        createdAt: new Date(now.getTime() - 2 * DAY),
      })
      .onConflictDoNothing();
    await notify(db, now, {
      userIds: [alumni],
      type: 'connection_request',
      threadKey: 'connections:requests',
      actorId: requester,
      link: '/people/connections?tab=in',
    });
  }
  await db
    .insert(follows)
    .values({ followerId: alumni, followeeId: hr, createdAt: now })
    .onConflictDoNothing();
  return added.length;
}
