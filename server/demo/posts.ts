import { createHash } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { PostAudienceInput, PostKind } from '#common/posts';
import { isCompanyKind } from '#common/posts';
import { normalizeForSearch } from '#common/search-text';
import type { Db } from '#server/db/client';
import { companyPosters, groupMembers, groups, posts, users } from '#server/db/schema/index';
import { governedFromPostAudience } from '#server/features/posts/posts.policy';
import { parseMemberText, renderMemberText } from '#server/lib/member-text';

/** The same id for the same demo post on every seed. */
export function demoPostId(key: string): string {
  const h = createHash('sha256').update(`kizuna-demo-post:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The pinned launch with its share kit (the comments demo and the share-kit journey use it). */
export const DEMO_LAUNCH_POST_ID = demoPostId('launch');

const HOUR = 3_600_000;

interface DemoPost {
  key: string;
  /** A demo login's e-mail, or `alumnus:<n>` for the n-th seeded alumnus. */
  author: string;
  kind: PostKind;
  title?: string;
  body: string;
  audience?: PostAudienceInput;
  /** Posted in the n-th active group, when groups exist (skipped otherwise). */
  inGroup?: number;
  hoursAgo: number;
  share?: { ja: string; en: string; url: string };
  onCareerPaths?: boolean;
  pinned?: boolean;
}

const DEMO_POSTS: DemoPost[] = [
  {
    key: 'launch',
    author: 'hr@kizuna.example',
    kind: 'product_launch',
    title: '新サービス「Kizuna Cloud 2.0」をリリースしました / Kizuna Cloud 2.0 is out',
    body:
      '本日、法人向けSaaS **Kizuna Cloud 2.0** をリリースしました。アルムナイの皆さんの声から生まれた機能も入っています。\n\n' +
      '- ワークフローの自動化\n- 多言語対応（日本語・英語）\n\nぜひ周りの方にも紹介してください。 #launch #kizunacloud',
    hoursAgo: 30,
    share: {
      ja: 'Kizuna Cloud 2.0 がリリースされました。元同僚たちが作った自信作です。',
      en: 'Kizuna Cloud 2.0 just launched — built by my former colleagues, and it shows.',
      url: 'https://example.com/kizuna-cloud-2',
    },
    pinned: true,
  },
  {
    key: 'business-phase',
    author: 'hr@kizuna.example',
    kind: 'business_phase',
    title: '今の事業フェーズ：海外展開の第2段階へ',
    body:
      '2027年度は東南アジアでの展開を本格化します。現地パートナーとの協業、プロダクトの現地化が中心です。\n' +
      'アルムナイの皆さんの知見をお借りしたい場面が増えます。 #strategy #asia',
    hoursAgo: 72,
  },
  {
    key: 'people-needed',
    author: 'employee@kizuna.example',
    kind: 'people_needed',
    title: 'We need: data engineers who know logistics',
    body: 'Our logistics team is looking for data engineers. If you or someone you know fits, tell us — referrals from alumni are our best hires. #hiring #data',
    hoursAgo: 50,
  },
  {
    key: 'news-office',
    author: 'hr@kizuna.example',
    kind: 'news',
    title: '大阪オフィス移転のお知らせ / Our Osaka office moves',
    body: '大阪オフィスは来年4月に梅田へ移転します。\n\nThe Osaka office moves to Umeda next April. #osaka',
    audience: { preset: 'everyone' },
    hoursAgo: 120,
  },
  {
    key: 'internal-reorg',
    author: 'hr@kizuna.example',
    kind: 'news',
    title: '【社内限定】組織変更の事前案内',
    body: '来期の組織変更について、社員の皆さんに先にお知らせします。詳細は部門長から説明があります。 #internal',
    audience: { preset: 'employees' },
    hoursAgo: 10,
  },
  {
    key: 'alumni-only',
    author: 'hr@kizuna.example',
    kind: 'news',
    title: 'Alumni homecoming in Tokyo',
    body: 'An evening for alumni only, at our Tokyo head office, on the first Friday of next month. #event #tokyo',
    audience: { preset: 'alumni' },
    hoursAgo: 6,
  },
  {
    key: 'insight-pm',
    author: 'alumni@kizuna.example',
    kind: 'insight',
    title: '外資のPMになって学んだ3つのこと',
    body:
      '退職して2年、外資系SaaSでプロダクトマネージャーをしています。\n\n1. 数字で語る文化\n2. 書く文化（1-pager）\n3. 顧客との距離の近さ\n\n' +
      '古巣の皆さんにも役立つと嬉しいです。人事の @[山本 美咲](member:{hr}) さん、勉強会もできますよ。 #productmanagement #career',
    hoursAgo: 20,
  },
  {
    key: 'trend-ai',
    author: 'alumnus:0',
    kind: 'trend',
    title: 'Generative AI in B2B sales: what I see at clients',
    body: 'Three patterns I see at my clients this year: AI-drafted proposals, call summaries, and pricing copilots. #ai #sales',
    hoursAgo: 40,
  },
  {
    key: 'question',
    author: 'alumnus:1',
    kind: 'question',
    title: '副業の始め方について質問です',
    body: '会社員をしながら副業でコンサルを始めた方、最初の案件はどう見つけましたか？ #副業 #freelance',
    hoursAgo: 15,
  },
  {
    key: 'career-story',
    author: 'alumni@kizuna.example',
    kind: 'career_story',
    title: '営業からデータアナリストへ',
    body: '営業部で5年働いたあと、社外でデータ分析を学び、今はヘルスケア企業のアナリストです。営業時代の顧客理解がいちばんの武器になりました。 #career',
    hoursAgo: 200,
    onCareerPaths: true,
  },
  {
    key: 'career-story-en',
    author: 'alumnus:2',
    kind: 'career_story',
    title: 'From support engineer to founder',
    body: 'I left after six years in customer support engineering and started a small company building tools for clinics. #startup #career',
    hoursAgo: 300,
    onCareerPaths: true,
  },
  {
    key: 'group-insight',
    author: 'group-member:0',
    kind: 'insight',
    title: '支部の近況 / News from our chapter',
    body: '先月の集まりには20人が参加しました。次回もお待ちしています。 #chapter',
    inGroup: 0,
    hoursAgo: 8,
  },
];

/**
 * A dozen company and member posts in Japanese and English (issue 11): news, the business phase,
 * people we need, a launch with its share kit (pinned), insights, a question, career stories on
 * career paths, one internal post, one for alumni only, and a group post when groups exist. The
 * demo employee is appointed to write company posts.
 */
export async function seedDemoPosts(db: Db): Promise<void> {
  const logins = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(inArray(users.email, ['hr@kizuna.example', 'employee@kizuna.example', 'alumni@kizuna.example']));
  const byEmail = new Map(logins.map((u) => [u.email, u.id]));
  const hr = byEmail.get('hr@kizuna.example');
  if (!hr) return;
  const alumni = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'alumni'), eq(users.status, 'active')))
    .orderBy(asc(users.email))
    .limit(5);
  const activeGroups = await db
    .select({ id: groups.id })
    .from(groups)
    .where(eq(groups.status, 'active'))
    .orderBy(asc(groups.createdAt))
    .limit(3);
  const employee = byEmail.get('employee@kizuna.example');
  if (employee)
    await db.insert(companyPosters).values({ userId: employee, appointedBy: hr }).onConflictDoNothing();

  const names = new Map(logins.map((u) => [u.id, u.name]));
  const now = Date.now();
  for (const demo of DEMO_POSTS) {
    let authorId: string | undefined;
    let audience: PostAudienceInput = demo.audience ?? { preset: 'everyone' };
    if (demo.inGroup !== undefined) {
      const group = activeGroups[demo.inGroup];
      if (!group) continue;
      const [member] = await db
        .select({ userId: groupMembers.userId })
        .from(groupMembers)
        .where(and(eq(groupMembers.groupId, group.id), eq(groupMembers.state, 'active')))
        .limit(1);
      if (!member) continue;
      authorId = member.userId;
      audience = { preset: 'group', groupId: group.id };
    } else if (demo.author.startsWith('alumnus:')) {
      authorId = alumni[Number(demo.author.slice('alumnus:'.length))]?.id;
    } else {
      authorId = byEmail.get(demo.author);
    }
    if (!authorId) continue;
    const body = demo.body.replace('{hr}', hr);
    const governed = governedFromPostAudience(audience);
    const { topics, mentionIds } = parseMemberText(body);
    const mentions = new Map(
      mentionIds.filter((id) => names.has(id)).map((id) => [id, names.get(id) as string]),
    );
    const createdAt = new Date(now - demo.hoursAgo * HOUR);
    await db
      .insert(posts)
      .values({
        id: demoPostId(demo.key),
        authorId,
        kind: demo.kind,
        isCompany: isCompanyKind(demo.kind),
        groupId: governed.groupId,
        classification: governed.classification,
        audience: governed.audience,
        title: demo.title ?? null,
        bodyMarkdown: body,
        bodyHtml: renderMemberText(body, mentions),
        topics,
        mentionIds: [...mentions.keys()],
        shareTextJa: demo.share?.ja ?? null,
        shareTextEn: demo.share?.en ?? null,
        shareUrl: demo.share?.url ?? null,
        onCareerPaths: demo.onCareerPaths ?? false,
        pinnedAt: demo.pinned ? createdAt : null,
        pinnedBy: demo.pinned ? hr : null,
        searchText: normalizeForSearch([demo.title ?? '', body, ...topics.map((t) => `#${t}`)].join(' ')),
        createdAt,
        updatedAt: createdAt,
      })
      .onConflictDoNothing();
  }
}
