import { randomUUID } from 'node:crypto';
import { and, eq, like, not, sql } from 'drizzle-orm';
import type { AdviceKind, AdviceStatus, AdviceTimeFrame } from '#common/advice';
import type { Db } from '#server/db/client';
import { adviceRequests, profiles, users } from '#server/db/schema/index';
import { consentedSql } from '#server/lib/access/consented';
import { appendMessage, openConversation } from '#server/lib/conversations';
import { notify } from '#server/lib/notify';

const DAY = 86_400_000;

interface DemoRequest {
  fromId: string;
  toId: string;
  kind: AdviceKind;
  topic: string;
  hopes: string;
  timeFrame: AdviceTimeFrame;
  status: AdviceStatus;
  daysAgo: number;
  answer?: string;
}

/**
 * Advice requests for the demo (issue 12 §4, decision 040): employee@ has asked alumni@ (who offers
 * mentoring) and a mentoring alumnus of the generated members, both waiting for an answer; a year
 * of older requests between generated members, accepted (each with its conversation), declined and
 * withdrawn, so HR's counts have months to show. A re-run adds nothing.
 */
export async function seedDemoAdvice(db: Db, now = new Date()): Promise<number> {
  const [already] = await db.select({ n: sql<number>`count(*)::int` }).from(adviceRequests);
  if (Number(already?.n ?? 0) > 0) return 0;
  const byEmail = async (email: string) =>
    (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]?.id;
  const employee = await byEmail('employee@kizuna.example');
  const alumnus = await byEmail('alumni@kizuna.example');
  if (!employee || !alumnus) return 0;
  const generated = (flag: typeof profiles.mentoring, limit: number) =>
    db
      .select({ id: profiles.userId })
      .from(profiles)
      .innerJoin(users, eq(users.id, profiles.userId))
      .where(
        and(
          eq(users.role, 'alumni'),
          eq(users.status, 'active'),
          eq(flag, true),
          consentedSql('directory'),
          not(like(users.email, '%@kizuna.example')),
        ),
      )
      .orderBy(profiles.userId)
      .limit(limit);
  const mentors = (await generated(profiles.mentoring, 12)).map((r) => r.id);
  const askers = (
    await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.status, 'active'), not(like(users.email, '%@kizuna.example'))))
      .orderBy(sql`md5(${users.id})`)
      .limit(12)
  ).map((r) => r.id);

  const requests: DemoRequest[] = [
    {
      fromId: employee,
      toId: alumnus,
      kind: 'mentoring',
      topic: '海外赴任前に準備しておくべきこと',
      hopes: 'シンガポールでのご経験をもとに、30分ほどお話を伺えれば嬉しいです。',
      timeFrame: 'this_month',
      status: 'pending',
      daysAgo: 1,
    },
  ];
  const [firstMentor] = mentors;
  if (firstMentor && firstMentor !== alumnus) {
    requests.push({
      fromId: employee,
      toId: firstMentor,
      kind: 'career_path',
      topic: 'What did your path after the company look like?',
      hopes:
        'I am thinking about product roles outside the company and would love to hear how you chose yours.',
      timeFrame: 'flexible',
      status: 'pending',
      daysAgo: 3,
    });
  }
  const statuses: AdviceStatus[] = ['accepted', 'accepted', 'declined', 'accepted', 'withdrawn', 'accepted'];
  const frames: AdviceTimeFrame[] = ['this_week', 'this_month', 'this_quarter', 'flexible'];
  for (const [i, toId] of mentors.slice(1).entries()) {
    const fromId = askers[i];
    if (!fromId || fromId === toId) continue;
    const status = statuses[i % statuses.length] as AdviceStatus;
    requests.push({
      fromId,
      toId,
      kind: i % 4 === 3 ? 'career_path' : 'mentoring',
      topic: i % 2 ? 'マネージャーになるときに意識したこと' : 'Switching from consulting to a start-up',
      hopes:
        i % 2 ? '1on1 の進め方について助言をいただきたいです。' : 'A short call about how you made the move.',
      timeFrame: frames[i % frames.length] as AdviceTimeFrame,
      status,
      daysAgo: 20 + i * 30,
      answer:
        status === 'accepted'
          ? i % 2
            ? 'ぜひお話ししましょう。'
            : 'Happy to help — let us find a time.'
          : undefined,
    });
  }

  await db.transaction(async (tx) => {
    for (const r of requests) {
      const at = new Date(now.getTime() - r.daysAgo * DAY);
      const id = randomUUID();
      let conversationId: string | null = null;
      if (r.status === 'accepted') {
        const conversation = await openConversation(tx as unknown as Db, at, {
          createdBy: r.fromId,
          participantIds: [r.fromId, r.toId],
          origin: 'mentoring',
        });
        conversationId = conversation.id;
        await appendMessage(tx as unknown as Db, at, {
          conversationId,
          authorId: r.fromId,
          body: `${r.topic}\n${r.hopes}`,
        });
        if (r.answer) {
          await appendMessage(tx as unknown as Db, new Date(at.getTime() + 3_600_000), {
            conversationId,
            authorId: r.toId,
            body: r.answer,
          });
        }
      }
      await tx.insert(adviceRequests).values({
        id,
        fromId: r.fromId,
        toId: r.toId,
        kind: r.kind,
        topic: r.topic,
        hopes: r.hopes,
        timeFrame: r.timeFrame,
        status: r.status,
        responseMessage: r.answer ?? null,
        conversationId,
        createdAt: at,
        decidedAt: r.status === 'pending' ? null : new Date(at.getTime() + DAY),
      });
      if (r.status === 'pending') {
        await notify(tx as unknown as Db, at, {
          userIds: [r.toId],
          type: 'advice_request',
          threadKey: `advice:${id}`,
          actorId: r.fromId,
          link: '/advice',
          data: { kind: r.kind },
        });
      }
    }
  });
  return requests.length;
}
