import { createHash } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '#server/db/client';
import { eventHosts, eventRegistrations, eventSeries, events, users } from '#server/db/schema/index';
import { newCheckInCode } from '#server/features/events/events.registration';
import { renderMarkdown } from '#server/lib/markdown';
import { demoGroupId } from './groups';

/** The same id for the same demo row on every seed (a re-run adds nothing). */
function demoId(key: string): string {
  const h = createHash('sha256').update(`kizuna-demo-event:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const DAY = 86_400_000;
const at = (now: Date, days: number, hourJst: number) => {
  const d = new Date(now.getTime() + days * DAY);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hourJst - 9, 0));
};

/**
 * Events (issue 13): the 未来塾 lecture series with a past lecture (with materials) and two to
 * come — the second nearly full —, and a ナナメのつながり交流会 meetup for the Tokyo chapter.
 * The demo logins are registered; the seats of the nearly full lecture are taken by demo members
 * in one statement (no loop over members, so it works at 300,000 members).
 */
export async function seedDemoEvents(db: Db, options: { now?: Date } = {}): Promise<void> {
  const now = options.now ?? new Date();
  const logins = new Map(
    (
      await db
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(
          inArray(users.email, ['hr@kizuna.example', 'alumni@kizuna.example', 'employee@kizuna.example']),
        )
    ).map((u) => [u.email, u.id]),
  );
  const hr = logins.get('hr@kizuna.example');
  if (!hr) return;
  const seriesId = demoId('series:mirai');
  await db
    .insert(eventSeries)
    .values({
      id: seriesId,
      titleJa: '未来塾',
      titleEn: 'Mirai Juku',
      descriptionJa: '各界で活躍するゲストを招き、卒業生と社員がともに学ぶ講演シリーズです。',
      descriptionEn: 'A lecture series where alumni and employees learn together from invited guests.',
      createdBy: hr,
    })
    .onConflictDoNothing();

  const lecture = (
    key: string,
    n: number,
    days: number,
    capacity: number,
    topicJa: string,
    topicEn: string,
  ) => {
    const startsAt = at(now, days, 19);
    const descriptionJa = `第${n}回のテーマは「${topicJa}」。講演のあと、登壇者を囲んで質疑応答と懇親会を行います。`;
    const descriptionEn = `Lecture #${n}: “${topicEn}”. Questions and drinks with the speaker afterwards.`;
    return {
      id: demoId(key),
      kind: 'lecture' as const,
      format: 'hybrid' as const,
      language: 'both' as const,
      status: 'published' as const,
      seriesId,
      seriesNumber: n,
      titleJa: `未来塾 第${n}回「${topicJa}」`,
      titleEn: `Mirai Juku #${n}: ${topicEn}`,
      descriptionJaMarkdown: descriptionJa,
      descriptionJaHtml: renderMarkdown(descriptionJa),
      descriptionEnMarkdown: descriptionEn,
      descriptionEnHtml: renderMarkdown(descriptionEn),
      topic: topicJa,
      speakers: [{ userId: null, name: '高橋 由紀', affiliation: '株式会社ミライラボ 代表', topic: topicJa }],
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      timeZone: 'Asia/Tokyo',
      venueName: '東京本社 20階 ホール',
      venueAddress: '東京都千代田区丸の内1-1-1',
      onlineUrl: 'https://meet.example.com/mirai-juku',
      capacity,
      guestLimit: 1,
      classification: 'network' as const,
      audience: {},
      searchText: `未来塾 mirai juku ${topicJa} ${topicEn}`.toLowerCase(),
      createdBy: hr,
      publishedAt: new Date(now.getTime() - 40 * DAY),
    };
  };
  const past = {
    ...lecture('mirai-11', 11, -30, 80, 'ゼロから事業をつくる', 'Building a business from zero'),
    materials: [
      { id: 'slides', label: '講演スライド (PDF)', url: 'https://example.com/mirai-juku/11/slides.pdf' },
      { id: 'video', label: '録画 / Recording', url: 'https://example.com/mirai-juku/11/video' },
    ],
  };
  const next = lecture('mirai-12', 12, 14, 80, '越境するキャリア', 'Careers across borders');
  const nearlyFull = lecture(
    'mirai-13',
    13,
    45,
    40,
    '生成AIと専門職の未来',
    'Generative AI and the professions',
  );
  const meetupStart = at(now, 21, 18);
  const meetupText = '世代・業界・専門を越えて、ナナメのつながりをつくる交流会です。お気軽にご参加ください。';
  const meetup = {
    id: demoId('naname-tokyo'),
    kind: 'meetup' as const,
    format: 'in_person' as const,
    language: 'ja' as const,
    status: 'published' as const,
    groupId: demoGroupId('tokyo'),
    titleJa: 'ナナメのつながり交流会 東京',
    titleEn: 'Diagonal connections meetup, Tokyo',
    descriptionJaMarkdown: meetupText,
    descriptionJaHtml: renderMarkdown(meetupText),
    topic: '交流会',
    startsAt: meetupStart,
    endsAt: new Date(meetupStart.getTime() + 2.5 * 3_600_000),
    timeZone: 'Asia/Tokyo',
    venueName: '丸の内カフェラウンジ',
    capacity: 30,
    guestLimit: 0,
    classification: 'network' as const,
    audience: { groupIds: [demoGroupId('tokyo')] },
    searchText: 'ナナメのつながり交流会 東京 meetup tokyo',
    createdBy: hr,
    publishedAt: new Date(now.getTime() - 7 * DAY),
  };
  await db.insert(events).values([past, next, nearlyFull, meetup]).onConflictDoNothing();
  await db
    .insert(eventHosts)
    .values(
      [past, next, nearlyFull, meetup].map((e) => ({ eventId: e.id, userId: hr, role: 'host' as const })),
    )
    .onConflictDoNothing();

  // The demo logins' own registrations.
  const alumni = logins.get('alumni@kizuna.example');
  const employee = logins.get('employee@kizuna.example');
  const mine = [
    alumni && { eventId: next.id, userId: alumni, status: 'confirmed' as const },
    alumni && { eventId: meetup.id, userId: alumni, status: 'confirmed' as const },
    alumni && { eventId: past.id, userId: alumni, status: 'confirmed' as const },
    employee && { eventId: next.id, userId: employee, status: 'confirmed' as const },
  ].filter((r): r is { eventId: string; userId: string; status: 'confirmed' } => Boolean(r));
  if (mine.length > 0) {
    await db
      .insert(eventRegistrations)
      .values(
        mine.map((r) => ({
          ...r,
          id: demoId(`registration:${r.eventId}:${r.userId}`),
          requestedAt: new Date(now.getTime() - 10 * DAY),
          confirmedAt: new Date(now.getTime() - 10 * DAY),
          checkInCode: newCheckInCode(),
        })),
      )
      .onConflictDoNothing();
  }

  // The nearly full lecture: 38 of 40 seats taken by demo members, in one statement.
  await db.execute(sql`
    insert into event_registrations (id, event_id, user_id, status, requested_at, confirmed_at, check_in_code)
    select gen_random_uuid()::text, ${nearlyFull.id}, u.id, 'confirmed',
           ${new Date(now.getTime() - 5 * DAY).toISOString()}::timestamptz,
           ${new Date(now.getTime() - 5 * DAY).toISOString()}::timestamptz,
           translate(upper(substr(md5(${nearlyFull.id} || u.id), 1, 8)), '01', 'GH')
    from users u
    where u.status = 'active' and u.email not like '%@kizuna.example'
      and not exists (select 1 from event_registrations r where r.event_id = ${nearlyFull.id})
    order by u.id
    limit 38
    on conflict do nothing`);
}
