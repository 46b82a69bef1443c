import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { and, eq, lte, ne, sql } from 'drizzle-orm';
import { lastDayEnded } from '#common/exits-reference';
import type { Db } from '#server/db/client';
import { leaverCases, profiles, users } from '#server/db/schema/index';
import { buildSearchColumns } from '#server/features/members/member-search';
import { getVisibilityLimits } from '#server/features/members/members.service';
import { queueAlumniWelcome } from '#server/features/offboarding/welcome';
import { raiseInterestFromExit } from '#server/features/return-interests/return-interests.service';
import { audit } from '#server/lib/audit';
import type { AppDeps } from '#server/lib/deps';
import { dispatchMail } from '#server/lib/outbox';
import type { JobDefinition } from '#server/lib/queue';

export const EXITS_TRANSITION = 'exits.transition';

/**
 * The last-day transition (decision 012): every open case whose last day has ended in its own
 * time zone becomes alumni — role, left_on, login email — in one transaction per case, and the
 * welcome mail goes out after commit. Safe to run any number of times: only open cases move.
 * Sessions are not touched: the viewer is re-read on every request, so an existing session sees
 * the alumni view from that moment.
 */
export async function runExitTransition(deps: AppDeps): Promise<{ converted: number }> {
  const { db, clock } = deps;
  const now = clock.now();
  // Any zone is at most 14 hours ahead of UTC: a day ends no earlier than the UTC date after it
  // minus that, so cases whose last day is today (UTC) or earlier are the only candidates.
  const tomorrowUtc = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  const candidates = await db
    .select({ id: leaverCases.id, lastDay: leaverCases.lastDay, timeZone: leaverCases.timeZone })
    .from(leaverCases)
    .where(and(eq(leaverCases.status, 'open'), lte(leaverCases.lastDay, tomorrowUtc)));
  let converted = 0;
  for (const c of candidates) {
    if (!lastDayEnded(c.lastDay, c.timeZone, now)) continue;
    // Embedded PGlite answers without real I/O: without this, a day of many exits would keep
    // every request waiting until the last case (decision 023).
    await yieldToEventLoop();
    if (await convertCase(deps, c.id)) converted += 1;
  }
  return { converted };
}

/** Converts one case if it is still open; returns whether it did. */
async function convertCase(deps: AppDeps, caseId: string): Promise<boolean> {
  const { db, clock } = deps;
  const now = clock.now();
  const mailIds = await db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const [row] = await tx
      .select()
      .from(leaverCases)
      .where(and(eq(leaverCases.id, caseId), eq(leaverCases.status, 'open')))
      .for('update');
    if (!row) return null;
    const declined = row.networkDecision === 'declined';
    const [user] = await tx.select().from(users).where(eq(users.id, row.userId));
    if (!user) return null;

    let email = user.email;
    const personal = row.personalEmail?.trim().toLowerCase();
    if (!declined && personal && personal !== user.email) {
      const [taken] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(sql`lower(${users.email}) = ${personal}`, ne(users.id, user.id)));
      if (taken) {
        // Keep the work address (still unique) and flag the case for HR.
        await audit(tx, {
          actorId: null,
          action: 'exit_case.email_conflict',
          subjectType: 'leaver_case',
          subjectId: row.id,
          data: { userId: row.userId },
          at: now,
        });
      } else {
        email = personal;
      }
    }
    await tx
      .update(users)
      .set({ role: 'alumni', email, ...(declined ? { status: 'deactivated' as const } : {}), updatedAt: now })
      .where(eq(users.id, user.id));

    const [profile] = await tx.select().from(profiles).where(eq(profiles.userId, user.id));
    if (profile) {
      const limits = await getVisibilityLimits({ db: txDb });
      await tx
        .update(profiles)
        .set({
          leftOn: row.lastDay,
          ...(row.openToReturn ? { openToReturn: true } : {}),
          ...buildSearchColumns({ ...profile, email }, limits),
          updatedAt: now,
        })
        .where(eq(profiles.userId, user.id));
    }
    const [done] = await tx
      .update(leaverCases)
      .set({ status: 'completed', convertedAt: now, updatedAt: now })
      .where(eq(leaverCases.id, row.id))
      .returning();
    if (!done) return null;
    // Open to returning and joined the network: a general return interest (decision 015).
    if (row.openToReturn && row.networkDecision === 'joined') {
      await raiseInterestFromExit(txDb, { userId: row.userId, now });
    }
    const ids = declined ? [] : await queueAlumniWelcome(txDb, deps, done);
    if (ids[0]) {
      await tx.update(leaverCases).set({ welcomeMailId: ids[0] }).where(eq(leaverCases.id, row.id));
    }
    await audit(tx, {
      actorId: null,
      action: declined ? 'exit_case.closed_declined' : 'exit_case.converted',
      subjectType: 'leaver_case',
      subjectId: row.id,
      data: { userId: row.userId },
      at: now,
    });
    return ids;
  });
  if (mailIds === null) return false;
  await dispatchMail(deps, mailIds);
  return true;
}

export function exitJobs(deps: AppDeps): JobDefinition<never>[] {
  const transition: JobDefinition<Record<string, never>> = {
    name: EXITS_TRANSITION,
    // Every 5 minutes: a last day ends at midnight in its own zone, whichever zone that is.
    cron: '*/5 * * * *',
    retryLimit: 3,
    async handler() {
      await runExitTransition(deps);
    },
  };
  return [transition] as JobDefinition<never>[];
}
