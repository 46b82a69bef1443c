import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, notLike } from 'drizzle-orm';
import type { Locale } from '#common/locale';
import { REFERRAL_CONSENT_DAYS } from '#common/referrals';
import type { Db } from '#server/db/client';
import { jobs, referrals, users } from '#server/db/schema/index';
import { listedJobWhere } from '#server/features/jobs/jobs.service';
import { openPipelineCard } from '#server/features/pipeline/pipeline.cards';
import { consentUrl, referralConsentMail } from '#server/features/referrals/referral-mail';
import { REFERRAL_REWARD, type ReferralRewardRule } from '#server/features/referrals/referrals.rewards';
import { queueMail } from '#server/lib/outbox';
import { writeSettingOnce } from '#server/lib/settings';

const DAY_MS = 86_400_000;

/**
 * The seed is given only the database; the link in the demo email must still open this server.
 * Same default as parseEnv (without its side effects); the seed never runs in production.
 */
const demoBaseUrl = () => process.env.BASE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;

/** A stable id per demo row, shaped like a UUID, so a re-seed names the same referrals. */
const demoId = (key: string) => {
  const h = createHash('sha256').update(`kizuna-demo-referral:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

export const DEMO_REWARD_RULE: ReferralRewardRule = {
  enabled: true,
  amount: 100_000,
  currency: 'JPY',
  noteJa: '紹介した方が入社し、試用期間（3か月）を終えた翌月の給与とあわせて支給します。',
  noteEn:
    'Paid with your salary (or to your bank account, for alumni) in the month after your candidate completes a 3-month probation.',
};

/**
 * Demo referrals (decision 019): the demo employee referred two people — one still waiting for
 * the candidate's answer (its consent email is in the outbox with a working link) and one who
 * agreed —; seeded alumni referred a former colleague who agreed (a member: the card is about
 * them) and someone who declined. Both consented ones are on the rehiring board. The reward rule
 * is on (100,000 JPY). Dates are relative to the seeding day; everything else is fixed.
 */
export async function seedDemoReferrals(db: Db, { now = new Date(), baseUrl = demoBaseUrl() } = {}) {
  const [employee] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.email, 'employee@kizuna.example'));
  // Seeded alumni, in a stable order (emails come from the seeded fake data, ids do not).
  const alumni = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(
      and(eq(users.role, 'alumni'), eq(users.status, 'active'), notLike(users.email, '%@kizuna.example')),
    )
    .orderBy(asc(users.email))
    .limit(3);
  const [referrerA, referrerB, formerColleague] = alumni;
  if (!employee || !referrerA || !referrerB || !formerColleague) return;
  // Seeded already: a second run would only add a stray email.
  const [seeded] = await db
    .select({ id: referrals.id })
    .from(referrals)
    .where(eq(referrals.id, demoId('waiting')));
  if (seeded) return;
  // Listed jobs every member may see (alumni refer too), in a stable order.
  const openJobs = await db
    .select({ id: jobs.id, titleJa: jobs.titleJa, titleEn: jobs.titleEn })
    .from(jobs)
    .where(and(listedJobWhere(now), inArray(jobs.classification, ['public', 'network'])))
    .orderBy(asc(jobs.closesOn), asc(jobs.id))
    .limit(3);
  const job = (i: number) => openJobs[i] ?? null;
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS);

  await db.transaction(async (tx0) => {
    const tx = tx0 as unknown as Db;
    await writeSettingOnce(tx, REFERRAL_REWARD, DEMO_REWARD_RULE);

    // 1. Waiting for the candidate: the email (and its link) is in the outbox.
    const waitingId = demoId('waiting');
    const token = randomBytes(32).toString('base64url');
    const waiting = {
      candidateName: '中村 美咲',
      candidateEmail: 'misaki.nakamura@example.com',
      candidateLocale: 'ja' as Locale,
      reason:
        '前職で3年間一緒に法人営業をしていました。大手顧客との関係づくりがとても上手で、チームの雰囲気も良くしてくれる人です。',
      createdAt: at(-2),
    };
    const [mailId] = await queueMail(
      tx,
      referralConsentMail({
        to: waiting.candidateEmail,
        locale: waiting.candidateLocale,
        candidateName: waiting.candidateName,
        referrerName: employee.name,
        job: job(0),
        reason: waiting.reason,
        url: consentUrl({ BASE_URL: baseUrl }, token),
        expiresAt: at(REFERRAL_CONSENT_DAYS - 2),
        referralId: waitingId,
      }),
      { now: waiting.createdAt },
    );
    await tx
      .insert(referrals)
      .values({
        id: waitingId,
        referrerId: employee.id,
        jobId: job(0)?.id ?? null,
        ...waiting,
        status: 'awaiting_consent',
        consentTokenHash: createHash('sha256').update(token).digest('hex'),
        consentExpiresAt: at(REFERRAL_CONSENT_DAYS - 2),
        consentMailId: mailId ?? null,
        updatedAt: waiting.createdAt,
      })
      .onConflictDoNothing();

    // 2 and 3. Consented: on the board.
    const consented = [
      {
        id: demoId('consented-external'),
        referrerId: employee.id,
        jobId: job(1)?.id ?? null,
        candidateName: 'Daniel Brooks',
        candidateEmail: 'daniel.brooks@example.net',
        candidateLocale: 'en' as Locale,
        reason:
          'Daniel led the data platform at my previous company. He speaks Japanese at business level and wants to move to Tokyo next year.',
        createdAt: at(-20),
        consentedAt: at(-18),
        userId: null as string | null,
      },
      {
        id: demoId('consented-member'),
        referrerId: referrerA.id,
        jobId: null,
        candidateName: formerColleague.name,
        candidateEmail: formerColleague.email,
        candidateLocale: 'ja' as Locale,
        reason:
          '以前同じ部署で働いていました。転職先で身につけたマーケティングの経験を、ぜひ当社で活かしてほしいと思います。',
        createdAt: at(-30),
        consentedAt: at(-27),
        userId: formerColleague.id,
      },
    ];
    for (const { userId, ...r } of consented) {
      const [row] = await tx
        .insert(referrals)
        .values({
          ...r,
          status: 'consented',
          consentExpiresAt: new Date(r.createdAt.getTime() + REFERRAL_CONSENT_DAYS * DAY_MS),
          updatedAt: r.consentedAt,
        })
        .onConflictDoNothing()
        .returning({ id: referrals.id });
      if (row) {
        await openPipelineCard(tx, {
          source: 'referral',
          referralId: r.id,
          userId,
          jobId: r.jobId,
          actorId: null,
          now: r.consentedAt,
        });
      }
    }

    // 4. Declined: HR never sees who it was.
    await tx
      .insert(referrals)
      .values({
        id: demoId('declined'),
        referrerId: referrerB.id,
        jobId: job(2)?.id ?? null,
        candidateName: '小林 翔',
        candidateEmail: 'sho.kobayashi@example.org',
        candidateLocale: 'ja',
        reason: '大学の同期で、物流業界で10年の経験があります。',
        status: 'declined',
        consentExpiresAt: at(-10 + REFERRAL_CONSENT_DAYS),
        declinedAt: at(-9),
        createdAt: at(-10),
        updatedAt: at(-9),
      })
      .onConflictDoNothing();
  });
}
