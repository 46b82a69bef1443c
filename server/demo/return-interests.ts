import { and, asc, eq, notLike } from 'drizzle-orm';
import type { ReturnTiming } from '#common/rehiring-reference';
import type { Db } from '#server/db/client';
import { jobs, profiles, users } from '#server/db/schema/index';
import { getVisibleJob, listedJobWhere } from '#server/features/jobs/jobs.service';
import { findViewer } from '#server/features/members/members.service';
import { upsertInterest } from '#server/features/return-interests/return-interests.service';
import { consentedSql } from '#server/lib/access/consented';

const DAY_MS = 86_400_000;

/** What the demo alumni say, general interests first. Fixed, so every demo looks the same. */
const GENERAL: readonly {
  preferredRoles: string[];
  preferredLocations: string[];
  timing: ReturnTiming;
  message: string | null;
}[] = [
  {
    preferredRoles: ['営業マネージャー', 'カスタマーサクセス'],
    preferredLocations: ['東京', 'リモート'],
    timing: 'within_6_months',
    message: '転職先で SaaS の法人営業を3年経験しました。この経験を活かして、いつか戻りたいと考えています。',
  },
  {
    preferredRoles: ['データアナリスト'],
    preferredLocations: ['大阪'],
    timing: 'within_1_year',
    message: '家族の事情が落ち着いたら、また一緒に働きたいです。',
  },
  {
    preferredRoles: ['Product manager'],
    preferredLocations: ['Tokyo', 'Remote'],
    timing: 'now',
    message: 'I would love to talk about coming back — I am available now.',
  },
  {
    preferredRoles: ['人事', '採用'],
    preferredLocations: ['福岡', 'リモート'],
    timing: 'later',
    message: null,
  },
];

const JOB_MESSAGES: readonly string[] = [
  'この求人に強く関心があります。退職後に同じ領域のチームを率いた経験が活かせると思います。',
  'まずはカジュアル面談からお話しできると嬉しいです。',
  'Very interested — this is close to what I have been doing since I left.',
];

/** How many seeded alumni raise a hand in the demo. */
const DEMO_INTERESTS = 6;

/**
 * Demo return interests (runs after the members, exits and jobs exist): six seeded alumni who
 * consent to rehiring contact are open to coming back — in general, or for a demo job they can
 * see — each with its card on HR's rehiring board. The demo logins (…@kizuna.example, including
 * alumni@) have none, so the alumni journey starts clean. Chosen and written in a fixed order.
 */
export async function seedDemoReturnInterests(db: Db): Promise<void> {
  const base = new Date();
  const alumni = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(
      and(
        eq(users.role, 'alumni'),
        eq(users.status, 'active'),
        notLike(users.email, '%@kizuna.example'),
        consentedSql('rehiring'),
      ),
    )
    .orderBy(asc(users.email))
    .limit(DEMO_INTERESTS);
  const listedJobs = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(listedJobWhere(base))
    .orderBy(asc(jobs.closesOn), asc(jobs.titleJa), asc(jobs.titleEn));

  for (const [index, alumnus] of alumni.entries()) {
    const viewer = await findViewer({ db, userId: alumnus.id });
    if (!viewer) continue;
    // Every other alumnus is interested in a job they may see (the n-th such job), if any.
    const visible: string[] = [];
    for (const job of listedJobs) {
      if (await getVisibleJob(db, { viewer, jobId: job.id, now: base })) visible.push(job.id);
    }
    const jobId =
      index % 2 === 1 ? (visible[Math.floor(index / 2) % Math.max(visible.length, 1)] ?? null) : null;
    const now = new Date(base.getTime() - (index + 1) * 3 * DAY_MS);
    const general = GENERAL[Math.floor(index / 2) % GENERAL.length] ?? GENERAL[0];
    // The seed runs alone before the server listens: no member lock is needed here.
    await db.transaction(async (trx) => {
      const tx = trx as unknown as Db;
      const by = { userId: alumnus.id, actorId: alumnus.id, now, via: 'seed' as const };
      if (jobId) {
        const message = JOB_MESSAGES[Math.floor(index / 2) % JOB_MESSAGES.length] ?? null;
        await upsertInterest(tx, { ...by, jobId, fields: { message } });
      }
      // The first job-interested alumnus is also open to coming back in general.
      if (!jobId || index === 1) await upsertInterest(tx, { ...by, jobId: null, fields: { ...general } });
    });
  }
}
