import { and, eq, inArray, like } from 'drizzle-orm';
import type { Db } from '#server/db/client';
import { jobs, notifications, users } from '#server/db/schema/index';
import { notify } from '#server/lib/notify';
import { DEMO_LOGINS } from './logins';

const HOUR = 3_600_000;

/**
 * A few notifications for each demo login (decision 033), written through notify() like any
 * feature's: two comments on the same post (one group in the bell), a mention, a reaction, a group
 * invitation and, where a job is open to everyone, a new job for them. Marked `demo:` in the
 * thread key; a re-run adds nothing. Texts are data parameters, so each reader sees them in their
 * own language.
 */
export async function seedDemoNotifications(db: Db, now = new Date()): Promise<number> {
  const logins = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    // The five demo logins only: generated employees share the company's mail domain.
    .where(
      inArray(
        users.email,
        DEMO_LOGINS.map((l) => l.email),
      ),
    )
    .orderBy(users.email);
  if (logins.length < 3) return 0;
  const done = new Set(
    (
      await db
        .selectDistinct({ userId: notifications.userId })
        .from(notifications)
        .where(
          and(
            inArray(
              notifications.userId,
              logins.map((l) => l.id),
            ),
            like(notifications.threadKey, 'demo:%'),
          ),
        )
    ).map((r) => r.userId),
  );
  const [job] = await db
    .select({
      id: jobs.id,
      titleJa: jobs.titleJa,
      titleEn: jobs.titleEn,
      classification: jobs.classification,
      audience: jobs.audience,
    })
    .from(jobs)
    .where(and(eq(jobs.status, 'open'), eq(jobs.classification, 'network')))
    .orderBy(jobs.id)
    .limit(1);
  let written = 0;
  for (const [i, me] of logins.entries()) {
    if (done.has(me.id)) continue;
    const a = logins[(i + 1) % logins.length];
    const b = logins[(i + 2) % logins.length];
    if (!a || !b) continue;
    const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);
    const post = {
      threadKey: 'demo:post:reflection',
      link: '/',
      data: { title: '新規事業チームの1年を振り返って' },
    };
    const steps: Parameters<typeof notify>[2][] = [
      {
        userIds: [me.id],
        type: 'group_invite',
        threadKey: 'demo:group:kansai',
        actorId: a.id,
        link: '/',
        data: { groupName: '関西支部 / Kansai chapter' },
      },
      {
        userIds: [me.id],
        type: 'reaction',
        threadKey: 'demo:post:launch',
        actorId: b.id,
        link: '/',
        data: { title: 'Product launch: Kizuna Mobile', emoji: '🎉' },
      },
      {
        userIds: [me.id],
        type: 'mention',
        threadKey: 'demo:post:trends',
        actorId: b.id,
        link: '/',
        data: { title: 'Industry trends 2027' },
      },
      { userIds: [me.id], type: 'post_comment', actorId: a.id, ...post },
      { userIds: [me.id], type: 'post_comment', actorId: b.id, ...post },
    ];
    if (job) {
      steps.unshift({
        userIds: [me.id],
        type: 'job_alert',
        threadKey: `job:${job.id}`,
        link: `/jobs/${job.id}`,
        data: { titleJa: job.titleJa, titleEn: job.titleEn },
        item: { classification: job.classification, audience: job.audience },
      });
    }
    for (const [n, step] of steps.entries()) {
      written += (await notify(db, at(steps.length - n), step)).length;
    }
  }
  return written;
}
