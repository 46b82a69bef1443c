import { and, eq, inArray, ne, notInArray } from 'drizzle-orm';
import type { Db } from '#server/db/client';
import { connections, conversationParticipants, users } from '#server/db/schema/index';
import { appendMessage, openConversation } from '#server/lib/conversations';

const ALUMNUS = 'alumni@kizuna.example';
const EMPLOYEE = 'employee@kizuna.example';
const HR = 'hr@kizuna.example';

/**
 * Messaging demo (issue 12 §3): alumni@ has two conversations with demo alumni — one with an
 * unread reply — and a note from HR; employee@ has one with an alumnus. The pairs are connected
 * (the connections demo may connect them too: conflicts are ignored).
 */
export async function seedDemoMessaging(db: Db, now = new Date()): Promise<void> {
  const logins = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, [ALUMNUS, EMPLOYEE, HR]));
  const id = (email: string) => logins.find((l) => l.email === email)?.id;
  const alumnus = id(ALUMNUS);
  const employee = id(EMPLOYEE);
  const hr = id(HR);
  if (!alumnus || !employee || !hr) return;
  const others = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(
      and(
        eq(users.role, 'alumni'),
        eq(users.status, 'active'),
        notInArray(users.email, [ALUMNUS, EMPLOYEE, HR]),
        ne(users.email, 'leaver@kizuna.example'),
      ),
    )
    .orderBy(users.createdAt, users.id)
    .limit(3);
  const [a, b, c] = others;
  if (!a || !b || !c) return;
  const minutes = (n: number) => new Date(now.getTime() - n * 60_000);

  await db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    await tx
      .insert(connections)
      .values(
        [
          [alumnus, a.id],
          [alumnus, b.id],
          [employee, c.id],
        ].flatMap(([x, y]) => [
          { userId: x as string, otherId: y as string, createdAt: minutes(60 * 24 * 30) },
          { userId: y as string, otherId: x as string, createdAt: minutes(60 * 24 * 30) },
        ]),
      )
      .onConflictDoNothing();

    const thread = async (
      people: [string, string],
      lines: [string, string][],
      startMinutesAgo: number,
      readBy: string[],
      origin: 'member' | 'hr' = 'member',
    ) => {
      const opened = await openConversation(tx, minutes(startMinutesAgo), {
        createdBy: people[0],
        participantIds: people,
        origin,
      });
      let at = startMinutesAgo;
      for (const [author, body] of lines) {
        await appendMessage(tx, minutes(at), { conversationId: opened.id, authorId: author, body });
        at -= 7;
      }
      // Who has read up to the end; the others have the last messages unread.
      for (const reader of readBy) {
        await tx
          .update(conversationParticipants)
          .set({ lastReadAt: minutes(at) })
          .where(
            and(
              eq(conversationParticipants.conversationId, opened.id),
              eq(conversationParticipants.userId, reader),
            ),
          );
      }
      // The demo is not e-mailed about on first start.
      await tx
        .update(conversationParticipants)
        .set({ emailedAt: now })
        .where(eq(conversationParticipants.conversationId, opened.id));
    };

    await thread(
      [a.id, alumnus],
      [
        [a.id, 'ご無沙汰しています！来月の大阪支部の集まり、参加されますか？'],
        [alumnus, 'お久しぶりです。はい、参加予定です。久しぶりにお話ししたいです。'],
        [a.id, 'よかった！転職後のお話、ぜひ聞かせてください。Looking forward to it.'],
      ],
      120,
      [a.id],
    );
    await thread(
      [alumnus, b.id],
      [
        [alumnus, 'Thanks for the intro to the data science group last week.'],
        [b.id, 'My pleasure. Let me know how the meetup goes!'],
      ],
      60 * 26,
      [alumnus, b.id],
    );
    await thread(
      [c.id, employee],
      [
        [employee, '先日はキャリアのお話をありがとうございました。'],
        [c.id, 'こちらこそ。また何かあれば気軽に連絡してください。'],
      ],
      60 * 3,
      [c.id],
    );
  });
}
