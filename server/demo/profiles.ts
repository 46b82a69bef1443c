import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '#server/db/client';
import { profilePositions, profiles, users } from '#server/db/schema/index';

/**
 * Timelines after leaving (issue 12 §5, decision 041): the demo alumna's two positions since she
 * left (the open one is her current employer), and a position for a few generated alumni who
 * name a current employer, so profiles show a timeline.
 */
export async function seedDemoProfiles(db: Db) {
  const [alumna] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'alumni@kizuna.example'));
  const rows: (typeof profilePositions.$inferInsert)[] = [];
  if (alumna) {
    rows.push(
      {
        id: randomUUID(),
        userId: alumna.id,
        employer: 'ネクストデータ株式会社',
        title: '事業開発マネージャー',
        startedOn: '2021-05-01',
        endedOn: '2023-09-30',
      },
      {
        id: randomUUID(),
        userId: alumna.id,
        employer: '株式会社ミライテック',
        title: 'プロダクトマネージャー',
        startedOn: '2023-10-01',
        endedOn: null,
      },
    );
  }
  const others = await db
    .select({
      id: profiles.userId,
      employer: profiles.currentEmployer,
      title: profiles.currentTitle,
      leftOn: profiles.leftOn,
    })
    .from(profiles)
    .where(
      and(
        eq(profiles.role, 'alumni'),
        isNotNull(profiles.currentEmployer),
        isNotNull(profiles.leftOn),
        sql`${profiles.userId} <> ${alumna?.id ?? ''}`,
      ),
    )
    .orderBy(profiles.sortName)
    .limit(30);
  for (const o of others) {
    if (!o.employer || !o.leftOn) continue;
    // Started a month after the last day; still there (the profile's current employer).
    const start = new Date(`${o.leftOn}T00:00:00Z`);
    start.setUTCMonth(start.getUTCMonth() + 1, 1);
    rows.push({
      id: randomUUID(),
      userId: o.id,
      employer: o.employer,
      title: o.title,
      startedOn: start.toISOString().slice(0, 10),
      endedOn: null,
    });
  }
  if (rows.length > 0) await db.insert(profilePositions).values(rows);
}
