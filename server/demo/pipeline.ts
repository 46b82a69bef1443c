import { randomUUID } from 'node:crypto';
import { eq, ne, sql } from 'drizzle-orm';
import { todayIn } from '#common/dates';
import type { PipelineStage } from '#common/rehiring-reference';
import type { Db } from '#server/db/client';
import { hires, pipelineCards, pipelineNotes, referrals, users } from '#server/db/schema/index';
import { startHire } from '#server/features/pipeline/pipeline.hires';
import { markReferralRewardEligible } from '#server/features/referrals/referrals.rewards';
import { audit } from '#server/lib/audit';

const DEMO_LOGINS = [
  'hr@kizuna.example',
  'admin@kizuna.example',
  'employee@kizuna.example',
  'alumni@kizuna.example',
  'leaver@kizuna.example',
];
const DAY_MS = 86_400_000;

/** Demo notes, in the order the demo moves cards (Japanese: the demo HR login writes in Japanese). */
const NOTES: Record<Exclude<PipelineStage, 'interested'>, string> = {
  conversation: 'カジュアル面談を設定しました。現職での経験と、戻るとしたらやりたいことを聞く予定です。',
  interview: '元上長と現部長による面接を調整中。在籍時の評価は良好。',
  offer: 'オファー条件を提示済み。回答期限は来週末。',
  rehired: '入社手続きを開始。初日のオンボーディングを準備します。',
  not_now: '本人の希望で今回は見送り。半年後に改めて連絡します。',
};

/**
 * Demo board (runs after interests and referrals put cards on it): some cards move to
 * conversation, interview, offer and not now with a note by the demo HR login; one alumnus was
 * rehired and has started (an employee again) and one starts next month, so the figures on the
 * board are not empty. Cards are chosen by the person's e-mail (seeded deterministically); demo
 * logins never become hires. Nothing happens when there are no cards.
 */
export async function seedDemoPipeline(db: Db): Promise<void> {
  const [hr] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'hr@kizuna.example'));
  if (!hr) return;
  const cards = await db
    .select({
      id: pipelineCards.id,
      source: pipelineCards.source,
      stage: pipelineCards.stage,
      userId: pipelineCards.userId,
      referralId: pipelineCards.referralId,
      jobId: pipelineCards.jobId,
      email: sql<string>`coalesce(${users.email}, ${referrals.candidateEmail}, '')`,
      role: users.role,
    })
    .from(pipelineCards)
    .leftJoin(users, eq(users.id, pipelineCards.userId))
    .leftJoin(referrals, eq(referrals.id, pipelineCards.referralId))
    .where(eq(pipelineCards.stage, 'interested'))
    .orderBy(pipelineCards.source, sql`coalesce(${users.email}, ${referrals.candidateEmail}, '')`);
  if (cards.length === 0) return;
  // Already seeded (a second run): leave the board alone.
  const [moved] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(pipelineCards)
    .where(ne(pipelineCards.stage, 'interested'));
  if (Number(moved?.n ?? 0) > 0) return;

  const now = new Date();
  const today = todayIn('Asia/Tokyo', now);
  const daysAgo = (n: number) => new Date(now.getTime() - n * DAY_MS);
  // One card per person for the hires (someone with a second card would look hired and pending).
  const cardsPerUser = new Map<string, number>();
  for (const c of cards) if (c.userId) cardsPerUser.set(c.userId, (cardsPerUser.get(c.userId) ?? 0) + 1);
  const hireable = (c: (typeof cards)[number]) =>
    c.source === 'interest' &&
    c.role === 'alumni' &&
    c.userId !== null &&
    cardsPerUser.get(c.userId) === 1 &&
    !DEMO_LOGINS.includes(c.email);
  const pastHire = cards.find(hireable);
  const futureHire = cards.find((c) => c !== pastHire && hireable(c));
  const rest = cards.filter((c) => c !== pastHire && c !== futureHire);
  // About half of the rest moves on; the others stay "interested".
  const stages: PipelineStage[] = [
    'conversation',
    'interview',
    'offer',
    'not_now',
    'conversation',
    'interview',
  ];
  const plan = rest.slice(0, Math.min(stages.length, Math.ceil(rest.length / 2))).map((card, i) => ({
    card,
    stage: stages[i] as PipelineStage,
    ago: 3 + i * 4,
  }));

  const pastId = await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const move = async (card: (typeof cards)[number], stage: PipelineStage, at: Date) => {
      await tx
        .update(pipelineCards)
        .set({ stage, stageChangedAt: at, stageChangedBy: hr.id })
        .where(eq(pipelineCards.id, card.id));
      await audit(tx, {
        actorId: hr.id,
        action: 'pipeline_card.moved',
        subjectType: 'pipeline_card',
        subjectId: card.id,
        data: { from: 'interested', to: stage },
        at,
      });
      if (stage !== 'interested') {
        await tx.insert(pipelineNotes).values({
          id: randomUUID(),
          cardId: card.id,
          authorId: hr.id,
          body: NOTES[stage],
          createdAt: at,
        });
      }
    };
    for (const { card, stage, ago } of plan) await move(card, stage, daysAgo(ago));

    const hire = async (
      card: (typeof cards)[number],
      startOn: string,
      roleTitle: string,
      department: string,
      at: Date,
    ) => {
      await move(card, 'rehired', at);
      const id = randomUUID();
      await tx.insert(hires).values({
        id,
        cardId: card.id,
        source: card.source,
        userId: card.userId,
        jobId: card.jobId,
        roleTitle,
        department,
        startOn,
        timeZone: 'Asia/Tokyo',
        recordedBy: hr.id,
        createdAt: at,
      });
      if (card.source === 'referral' && card.referralId)
        await markReferralRewardEligible(tx, { referralId: card.referralId, now: at });
      return id;
    };
    // Started this month (the 1st, or today on the 1st), so "rehired this year" counts it.
    const startedOn = `${today.slice(0, 8)}01`;
    const started = pastHire
      ? await hire(pastHire, startedOn, 'シニアエンジニア', '開発部', daysAgo(40))
      : null;
    const nextMonth = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 1));
    if (futureHire) {
      await hire(
        futureHire,
        nextMonth.toISOString().slice(0, 10),
        'プロダクトマネージャー',
        '企画部',
        daysAgo(2),
      );
    }
    return started;
  });
  // The start job's own transaction: role employee, profile current again, audit row.
  if (pastId) await startHire(db, { hireId: pastId, now });
}
