import { randomUUID } from 'node:crypto';
import type { Role } from '#common/roles';
import type { Db } from '#server/db/client';
import { leaverCases } from '#server/db/schema/index';
import { createChecklistForCase } from '#server/features/offboarding/offboarding.service';
import type { TestApp } from '#tests/setup';
import { createTestMember, signIn } from './index';

/**
 * Test data for the offboarding tests: a leaver, their manager, an HR owner (all signed in) and
 * an open case with its checklist, created the way the exits feature does it (one transaction).
 * Inserted directly so these tests do not depend on the case-opening API.
 */
export async function openTestCase(
  t: Pick<TestApp, 'db' | 'request' | 'clock'>,
  options: {
    lastDay?: string;
    timeZone?: string;
    withManager?: boolean;
    leaverLocale?: 'ja' | 'en';
    leaverRole?: Role;
  } = {},
) {
  const leaver = await createTestMember(t, { role: 'leaver', locale: options.leaverLocale ?? 'ja' });
  const manager = options.withManager === false ? null : await createTestMember(t, { role: 'employee' });
  const hr = await createTestMember(t, { role: 'alumni_manager' });
  const row = await t.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(leaverCases)
      .values({
        id: randomUUID(),
        userId: leaver.id,
        managerId: manager?.id ?? null,
        hrOwnerId: hr.id,
        lastDay: options.lastDay ?? '2026-12-25',
        timeZone: options.timeZone ?? 'Asia/Tokyo',
        reasonCategory: 'career_change',
        previousRole: options.leaverRole ?? 'employee',
      })
      .returning();
    if (!created) throw new Error('no case');
    await createChecklistForCase(tx as unknown as Db, t, created);
    return created;
  });
  return {
    row,
    leaver: { ...leaver, cookie: await signIn(t, leaver.email) },
    manager: manager ? { ...manager, cookie: await signIn(t, manager.email) } : null,
    hr: { ...hr, cookie: await signIn(t, hr.email) },
  };
}
