import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '#server/db/client';
import { jobAlerts, jobs, users } from '#server/db/schema/index';
import { matchJobToAlerts } from '#server/features/job-alerts/job-alerts.matching';
import { listedJobWhere } from '#server/features/jobs/jobs.service';

/** The same id for the same demo alert on every seed: a re-run adds nothing. */
function demoAlertId(key: string): string {
  const h = createHash('sha256').update(`kizuna-demo-job-alert:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type Criteria = Pick<typeof jobAlerts.$inferInsert, 'keywords' | 'departments' | 'locations'>;

/**
 * The demo alumna's instant alert: her own skills (alumni@kizuna.example: Product Management,
 * データ分析, 事業開発), so a job HR publishes for them mails her at once (she consents to
 * newsletters in the seed) and shows up in "new jobs for you".
 */
const ALUMNA_ALERT: Criteria = {
  keywords: ['Product Management', 'プロダクトマネージャー', 'データ分析', '事業開発'],
  departments: [],
  locations: [],
};

/** Daily alerts of a few seeded members: the digest has someone to write to. */
const MEMBER_ALERTS: Criteria[] = [
  { keywords: ['TypeScript'], departments: [], locations: ['東京'] },
  { keywords: ['データ分析', 'Python'], departments: [], locations: [] },
  { keywords: [], departments: ['人事部'], locations: [] },
  { keywords: ['新規事業'], departments: [], locations: [] },
  { keywords: ['セキュリティ'], departments: [], locations: [] },
  { keywords: [], departments: [], locations: ['横浜', '大阪'] },
];

/**
 * Demo data for this feature, written by the seed after the members and the demo jobs exist:
 * the alumna's instant alert, daily alerts for six seeded members (the first by email, so the
 * same people every time), and matching run once over the jobs already open — without mail, so
 * "new jobs for you" has something to show and no one is mailed about the past.
 */
export async function seedDemoJobAlerts(db: Db): Promise<void> {
  const now = new Date();
  const [alumna] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'alumni@kizuna.example'));
  const members = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        inArray(users.role, ['alumni', 'employee']),
        eq(users.status, 'active'),
        ne(users.email, 'alumni@kizuna.example'),
        ne(users.email, 'employee@kizuna.example'),
      ),
    )
    .orderBy(asc(users.email))
    .limit(MEMBER_ALERTS.length);
  const rows = [
    ...(alumna ? [{ key: 'alumna', userId: alumna.id, frequency: 'instant' as const, ...ALUMNA_ALERT }] : []),
    ...members.map((m, i) => ({
      key: `member-${i}`,
      userId: m.id,
      frequency: 'daily' as const,
      ...(MEMBER_ALERTS[i] as Criteria),
    })),
  ];
  if (rows.length === 0) return;
  await db
    .insert(jobAlerts)
    .values(rows.map(({ key, ...row }) => ({ id: demoAlertId(key), ...row, createdAt: now, updatedAt: now })))
    .onConflictDoNothing();

  const open = await db.select({ id: jobs.id }).from(jobs).where(listedJobWhere(now));
  const deps = { db, clock: { now: () => new Date() }, env: { BASE_URL: '' } };
  for (const job of open) await matchJobToAlerts(deps, { jobId: job.id, mail: false });
}
