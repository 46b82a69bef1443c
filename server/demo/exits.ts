import { randomUUID } from 'node:crypto';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '#server/db/client';
import { leaverCases, reportingLines, users } from '#server/db/schema/index';
import { createChecklistForCase } from '#server/features/offboarding/offboarding.service';

/**
 * Demo reporting lines and one open exit case (decision 012): the demo employee manages the demo
 * leaver and a few seeded employees, and reports to a seeded employee; the demo leaver has an
 * open case (last day 2026-12-31 in Tokyo) owned by the demo HR login.
 */
export async function seedDemoExits(db: Db): Promise<void> {
  const logins = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, ['employee@kizuna.example', 'leaver@kizuna.example', 'hr@kizuna.example']));
  const byEmail = new Map(logins.map((u) => [u.email, u.id]));
  const employee = byEmail.get('employee@kizuna.example');
  const leaver = byEmail.get('leaver@kizuna.example');
  const hr = byEmail.get('hr@kizuna.example');
  if (!employee || !leaver || !hr) return;
  const others = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'employee'), ne(users.id, employee), eq(users.status, 'active')))
    .orderBy(users.id)
    .limit(4);
  const [boss, ...reports] = others;
  await db.transaction(async (tx) => {
    const lines = [
      { managerId: employee, reportId: leaver },
      ...reports.map((r) => ({ managerId: employee, reportId: r.id })),
    ];
    if (boss) lines.push({ managerId: boss.id, reportId: employee });
    await tx.insert(reportingLines).values(lines).onConflictDoNothing();
    const [row] = await tx
      .insert(leaverCases)
      .values({
        id: randomUUID(),
        userId: leaver,
        managerId: employee,
        hrOwnerId: hr,
        lastDay: '2026-12-31',
        timeZone: 'Asia/Tokyo',
        reasonCategory: 'career_change',
        reasonNote: '大阪の取引先企業から営業責任者として誘われたとのこと。',
        previousRole: 'employee',
        createdBy: hr,
      })
      .onConflictDoNothing()
      .returning();
    if (row) await createChecklistForCase(tx as unknown as Db, { clock: { now: () => new Date() } }, row);
  });
}
