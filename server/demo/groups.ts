import { createHash } from 'node:crypto';
import { inArray, type SQL, sql } from 'drizzle-orm';
import { canonicalTerms } from '#common/vocabulary';
import type { Db } from '#server/db/client';
import { groupMembers, groups, users } from '#server/db/schema/index';
import { buildGroupSearchText, type GroupRow } from '#server/features/groups/groups.service';

/** The same id for the same demo group on every seed (posts and events may refer to them). */
export function demoGroupId(key: string): string {
  const h = createHash('sha256').update(`kizuna-demo-group:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

interface DemoGroup {
  key: string;
  kind: GroupRow['kind'];
  nameJa: string | null;
  nameEn: string | null;
  descriptionJa: string | null;
  descriptionEn: string | null;
  joinPolicy?: GroupRow['joinPolicy'];
  status?: GroupRow['status'];
  official?: boolean;
  internal?: boolean;
  country?: string;
  region?: string;
  department?: string;
  intakeYear?: number;
  /** Which demo members join (a condition over `profiles p` and `users u`), and at most how many. */
  members?: { where: SQL; max: number };
  /** Demo logins: e-mail → role in the group. */
  logins?: Record<string, 'admin' | 'member'>;
  /** Who proposed it (a demo login's e-mail); official groups are HR's. */
  proposer?: string;
}

const chapter = (
  key: string,
  nameJa: string,
  nameEn: string,
  country: string,
  region: string,
  where: SQL,
  extra: Partial<DemoGroup> = {},
): DemoGroup => ({
  key,
  kind: 'chapter',
  nameJa,
  nameEn,
  descriptionJa: `${nameJa}にゆかりのあるアルムナイと社員の集まりです。年に数回の交流会と、地域の仕事や暮らしの情報交換をしています。`,
  descriptionEn: `Alumni and employees in and around ${region}. A few meet-ups a year and a place to swap local news, jobs and tips.`,
  official: true,
  country,
  region,
  members: { where, max: 60 },
  ...extra,
});

const department = (key: string, dept: string, en: string, extra: Partial<DemoGroup> = {}): DemoGroup => ({
  key,
  kind: 'department',
  nameJa: `${dept} OB・OG会`,
  nameEn: `${en} alumni`,
  descriptionJa: `${dept}で働いたことのある人の集まりです。近況報告や、部署の今を知る場として。`,
  descriptionEn: `Everyone who once worked in ${en}: news from former colleagues and what the department is doing today.`,
  official: true,
  joinPolicy: 'request',
  department: dept,
  members: { where: sql`${dept} = any(p.departments)`, max: 40 },
  ...extra,
});

const intake = (year: number, extra: Partial<DemoGroup> = {}): DemoGroup => ({
  key: `intake-${year}`,
  kind: 'intake',
  nameJa: `${year}年入社 同期会`,
  nameEn: `Class of ${year}`,
  descriptionJa: `${year}年4月入社の同期の集まりです。入社研修以来の仲間と、今どこで何をしているか。`,
  descriptionEn: `Everyone who joined in ${year}: where the people from induction training are today.`,
  official: true,
  intakeYear: year,
  members: { where: sql`extract(year from p.joined_on) = ${year}`, max: 40 },
  ...extra,
});

const skillsOverlap = (skills: string[]) =>
  sql`p.skills && array[${sql.join(
    // Profiles store skills as vocabulary keys (decision 041).
    canonicalTerms('skill', skills).map((s) => sql`${s}`),
    sql`, `,
  )}]::text[]`;

/**
 * Official chapters in Japan and abroad, former-department groups, intake years and a few
 * interest groups (one proposal waiting for HR, one internal team only employees see), with
 * memberships drawn from the demo members. The demo alumna (alumni@kizuna.example) is in the
 * Tokyo chapter and runs the Corporate Planning group, has proposed a running club, and has
 * groups left "for her": Consulting, the class of 2010 and the data analysis circle.
 */
const DEMO_GROUPS: DemoGroup[] = [
  chapter('tokyo', '東京支部', 'Tokyo chapter', 'JP', '東京', sql`p.country = 'JP' and p.location = '東京'`, {
    logins: { 'alumni@kizuna.example': 'member', 'hr@kizuna.example': 'admin' },
  }),
  chapter('osaka', '大阪支部', 'Osaka chapter', 'JP', '大阪', sql`p.country = 'JP' and p.location = '大阪'`, {
    logins: { 'leaver@kizuna.example': 'admin' },
  }),
  chapter('sao-paulo', 'サンパウロ支部', 'São Paulo chapter', 'BR', 'São Paulo', sql`p.country = 'BR'`),
  chapter('singapore', 'シンガポール支部', 'Singapore chapter', 'SG', 'Singapore', sql`p.country = 'SG'`),
  chapter('london', 'ロンドン支部', 'London chapter', 'GB', 'London', sql`p.country = 'GB'`),
  department('consulting', 'コンサルティング本部', 'Consulting'),
  department('planning', '経営企画部', 'Corporate Planning', {
    logins: { 'alumni@kizuna.example': 'admin' },
  }),
  department('engineering', '技術開発本部', 'Engineering', {
    joinPolicy: 'open',
    logins: { 'employee@kizuna.example': 'admin', 'admin@kizuna.example': 'member' },
  }),
  department('sales', '営業部', 'Sales', { logins: { 'leaver@kizuna.example': 'member' } }),
  intake(2010),
  intake(2012, { logins: { 'hr@kizuna.example': 'member' } }),
  intake(2019, { logins: { 'employee@kizuna.example': 'member' } }),
  {
    key: 'data-analysis',
    kind: 'interest',
    nameJa: 'データ分析・AI勉強会',
    nameEn: 'Data analysis & AI circle',
    descriptionJa: 'データ分析や生成AIの実務を持ち寄る月1回の勉強会。業界を越えた事例共有が好評です。',
    descriptionEn:
      'A monthly study session on data analysis and generative AI in practice, across industries.',
    official: false,
    members: { where: skillsOverlap(['データ分析', 'Python', 'SQL', '機械学習']), max: 30 },
  },
  {
    key: 'product',
    kind: 'interest',
    nameJa: 'プロダクトマネジメント研究会',
    nameEn: 'Product management circle',
    descriptionJa:
      'プロダクトマネージャーとして働くアルムナイと社員が、ロードマップや組織づくりの悩みを話す会です。',
    descriptionEn:
      'Alumni and employees working as product managers: roadmaps, discovery and building teams.',
    official: false,
    joinPolicy: 'request',
    members: { where: skillsOverlap(['Product Management', 'プロダクトマネジメント']), max: 25 },
  },
  {
    key: 'alumni-relations-team',
    kind: 'interest',
    nameJa: '【社内】アルムナイ連携推進チーム',
    nameEn: '[Internal] Alumni relations working team',
    descriptionJa:
      '社員だけのグループです。アルムナイとの協業案件や再入社の受け入れ体制について話し合います。',
    descriptionEn: 'Employees only: joint projects with alumni and how we welcome returners.',
    official: true,
    internal: true,
    joinPolicy: 'invite',
    members: { where: sql`u.role in ('employee', 'alumni_manager', 'admin')`, max: 12 },
    logins: { 'employee@kizuna.example': 'admin', 'hr@kizuna.example': 'member' },
  },
  {
    key: 'running',
    kind: 'interest',
    nameJa: 'ランニング部',
    nameEn: 'Running club',
    descriptionJa: '皇居ランや大阪城ラン、各地のマラソン大会に一緒に出ましょう。初心者歓迎です。',
    descriptionEn:
      'Runs around the Imperial Palace or Osaka Castle, and marathons together. Beginners welcome.',
    official: false,
    status: 'pending',
    proposer: 'alumni@kizuna.example',
    logins: { 'alumni@kizuna.example': 'admin' },
  },
];

/** Demo data of this feature, written by the seed after the members exist; a re-run adds nothing. */
export async function seedDemoGroups(db: Db, options: { now?: Date } = {}): Promise<void> {
  const now = options.now ?? new Date();
  const emails = [...new Set(DEMO_GROUPS.flatMap((g) => [...Object.keys(g.logins ?? {}), g.proposer ?? '']))];
  const logins = new Map(
    (
      await db
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(inArray(users.email, [...emails, 'hr@kizuna.example']))
    ).map((u) => [u.email, u.id]),
  );
  const hr = logins.get('hr@kizuna.example') ?? null;
  await db
    .insert(groups)
    .values(
      DEMO_GROUPS.map((g) => {
        const content = {
          nameJa: g.nameJa,
          nameEn: g.nameEn,
          descriptionJa: g.descriptionJa,
          descriptionEn: g.descriptionEn,
          country: g.country ?? null,
          region: g.region ?? null,
          department: g.department ?? null,
          intakeYear: g.intakeYear ?? null,
        };
        return {
          id: demoGroupId(g.key),
          kind: g.kind,
          ...content,
          searchText: buildGroupSearchText(content),
          joinPolicy: g.joinPolicy ?? 'open',
          status: g.status ?? 'active',
          official: g.official ?? false,
          classification: g.internal ? ('internal' as const) : ('network' as const),
          audience: {},
          createdBy: (g.proposer ? logins.get(g.proposer) : hr) ?? null,
          decidedBy: g.status === 'pending' || g.official ? null : hr,
          decidedAt: g.status === 'pending' || g.official ? null : now,
          createdAt: now,
          updatedAt: now,
        };
      }),
    )
    .onConflictDoNothing();

  for (const g of DEMO_GROUPS) {
    const id = demoGroupId(g.key);
    const named = Object.entries(g.logins ?? {}).flatMap(([email, role]) => {
      const userId = logins.get(email);
      return userId
        ? [{ groupId: id, userId, role, state: 'active' as const, createdAt: now, joinedAt: now }]
        : [];
    });
    if (named.length > 0) await db.insert(groupMembers).values(named).onConflictDoNothing();
    if (g.members) {
      // Demo members who fit, in a stable order; the first one is an admin of the group.
      await db.execute(sql`
        insert into group_members (group_id, user_id, role, state, created_at, joined_at)
        select ${id}, p.user_id,
               case when row_number() over (order by p.user_id) = 1 then 'admin' else 'member' end,
               'active', ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
        from profiles p join users u on u.id = p.user_id
        where u.status = 'active' and u.email not like '%@kizuna.example' and ${g.members.where}
        order by p.user_id
        limit ${g.members.max}
        on conflict do nothing`);
    }
  }
  // A few waiting requests, so admins have something to decide.
  const sales = demoGroupId('sales');
  await db.execute(sql`
    insert into group_members (group_id, user_id, role, state, created_at)
    select ${sales}, p.user_id, 'member', 'requested', ${now.toISOString()}::timestamptz
    from profiles p join users u on u.id = p.user_id
    where u.status = 'active' and u.role = 'alumni' and '営業部' = any(p.departments)
    order by p.user_id desc
    limit 3
    on conflict do nothing`);
  await db.execute(sql`
    update groups g set member_count =
      (select count(*)::int from group_members gm where gm.group_id = g.id and gm.state = 'active')
    where g.id in (${sql.join(
      DEMO_GROUPS.map((g) => sql`${demoGroupId(g.key)}`),
      sql`, `,
    )})`);
}
