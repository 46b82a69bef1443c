import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { todayIn } from '#common/dates';
import type { JobAudienceValue } from '#common/jobs';
import { JOBS_TIME_ZONE } from '#common/rehiring-reference';
import type { Db } from '#server/db/client';
import { jobs, users } from '#server/db/schema/index';
import { governedFromAudience } from '#server/features/jobs/jobs.policy';
import { buildJobSearchText, type JobRow } from '#server/features/jobs/jobs.service';

/** The same id for the same demo job on every seed (other demo seeders may refer to them). */
export function demoJobId(key: string): string {
  const h = createHash('sha256').update(`kizuna-demo-job:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const DAY = 86_400_000;
const dayFrom = (today: string, days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

interface DemoJob {
  key: string;
  titleJa: string | null;
  titleEn: string | null;
  descriptionJa: string | null;
  descriptionEn: string | null;
  department: string;
  location: string;
  remote: JobRow['remote'];
  employmentType: JobRow['employmentType'];
  skills: string[];
  salary?: { min: number | null; max: number | null; currency: string; period: JobRow['salaryPeriod'] };
  /** Closing day relative to the seed day (negative: already expired). */
  closesInDays: number;
  status: JobRow['status'];
  /** Days before the seed it was published. */
  publishedDaysAgo?: number;
  audience: Partial<JobAudienceValue> & Pick<JobAudienceValue, 'preset'>;
}

/**
 * About eight realistic jobs in Japanese and English (decision 016): most for alumni and
 * employees, one for alumni only, one internal posting, a draft and one past its closing day.
 * Skills and departments overlap the demo alumna's profile (alumni@kizuna.example: Product
 * Management, データ分析, 事業開発, 組織開発, TypeScript; コンサルティング本部, 経営企画部), so
 * "jobs that fit me" has something to show her.
 */
const DEMO_JOBS: DemoJob[] = [
  {
    key: 'product-manager',
    titleJa: 'プロダクトマネージャー（アルムナイ採用）',
    titleEn: 'Product Manager (alumni rehiring)',
    descriptionJa:
      '法人向けSaaS「Kizuna Cloud」のプロダクトマネージャーを募集します。\n' +
      '当社をよく知るアルムナイの方の視点を、次の成長フェーズに生かしてください。\n\n' +
      '【主な仕事】\n・顧客課題の発見とロードマップ策定\n・エンジニア・デザイナーとの仕様策定\n・KPI設計とデータに基づく改善\n\n' +
      '【歓迎】事業開発やコンサルティングの経験',
    descriptionEn:
      'We are looking for a product manager for Kizuna Cloud, our B2B SaaS.\n' +
      'Bring what you learned outside back to us as we enter the next phase of growth.\n\n' +
      'What you will do:\n- Find customer problems and own the roadmap\n- Shape specifications with engineers and designers\n- Define KPIs and improve with data\n\n' +
      'Nice to have: business development or consulting experience',
    department: 'デジタル戦略本部',
    location: '東京',
    remote: 'hybrid',
    employmentType: 'full_time',
    skills: ['Product Management', 'データ分析', '事業開発', 'アジャイル'],
    salary: { min: 9_000_000, max: 13_000_000, currency: 'JPY', period: 'year' },
    closesInDays: 60,
    status: 'open',
    publishedDaysAgo: 3,
    audience: { preset: 'alumni' },
  },
  {
    key: 'backend-engineer',
    titleJa: 'バックエンドエンジニア',
    titleEn: 'Backend Engineer',
    descriptionJa:
      '会員基盤とAPIを支えるバックエンドエンジニアを募集します。\n\n' +
      '【技術】TypeScript / Node.js / PostgreSQL / AWS\n【働き方】週2日出社のハイブリッド勤務\n\n' +
      '退職後6か月未満の方は、クーリングオフ期間のため対象外です。',
    descriptionEn:
      'Join the team behind our membership platform and APIs.\n\n' +
      'Stack: TypeScript, Node.js, PostgreSQL, AWS\nHybrid: two days a week in the office\n\n' +
      'Former employees who left less than six months ago are not eligible (cooling-off period).',
    department: '技術開発本部',
    location: '東京',
    remote: 'hybrid',
    employmentType: 'full_time',
    skills: ['TypeScript', 'Node.js', 'PostgreSQL', 'AWS'],
    salary: { min: 7_000_000, max: 11_000_000, currency: 'JPY', period: 'year' },
    closesInDays: 45,
    status: 'open',
    publishedDaysAgo: 5,
    audience: { preset: 'alumni_and_employees', excludeLeftWithinMonths: 6 },
  },
  {
    key: 'hrbp',
    titleJa: '人事ビジネスパートナー（HRBP）',
    titleEn: 'HR Business Partner (HRBP)',
    descriptionJa:
      '事業部の経営陣と並走し、組織開発・人材配置・評価制度の運用をリードしていただきます。\n' +
      '社内外のネットワークを生かした採用にも関わります。',
    descriptionEn:
      'Partner with business leaders on organisation development, staffing and performance management.\n' +
      'You will also help hire through our network of alumni and partners.',
    department: '人事部',
    location: '東京',
    remote: 'onsite',
    employmentType: 'full_time',
    skills: ['組織開発', '採用', 'タレントマネジメント'],
    closesInDays: 30,
    status: 'open',
    publishedDaysAgo: 8,
    audience: { preset: 'alumni_and_employees' },
  },
  {
    key: 'data-scientist',
    titleJa: null,
    titleEn: 'Data Scientist',
    descriptionJa: null,
    descriptionEn:
      'Build the models behind demand forecasting and churn prediction for our enterprise customers.\n\n' +
      'You have: Python, SQL, statistics and machine learning in production.\n' +
      'Fully remote within Japan; English is our working language in this team.',
    department: 'データサイエンス室',
    location: '日本国内（フルリモート）',
    remote: 'remote',
    employmentType: 'full_time',
    skills: ['Python', '機械学習', 'データ分析', 'SQL'],
    closesInDays: 50,
    status: 'open',
    publishedDaysAgo: 2,
    audience: { preset: 'alumni_and_employees' },
  },
  {
    key: 'side-job-advisor',
    titleJa: '副業：新規事業アドバイザー',
    titleEn: 'Side job: new business advisor',
    descriptionJa:
      '新規事業の立ち上げに、月10時間程度の副業として助言をいただける方を募集します。\n' +
      '打ち合わせはオンライン中心です。',
    descriptionEn:
      'Advise our new business teams for about ten hours a month, alongside your current job.\n' +
      'Meetings are mostly online.',
    department: '経営企画部',
    location: 'リモート',
    remote: 'remote',
    employmentType: 'side_job',
    skills: ['事業開発', '戦略立案', '新規事業'],
    salary: { min: 5_000, max: 8_000, currency: 'JPY', period: 'hour' },
    closesInDays: 40,
    status: 'open',
    publishedDaysAgo: 1,
    audience: { preset: 'alumni_and_employees' },
  },
  {
    key: 'security-internal',
    titleJa: '【社内公募】情報セキュリティ担当',
    titleEn: '[Internal] Information security specialist',
    descriptionJa: '社内公募です。情報システム部でISMSの運用とクラウドのセキュリティ対策を担当します。',
    descriptionEn: 'Internal posting. Run our ISMS and cloud security in the IT department. Employees only.',
    department: '情報システム部',
    location: '東京',
    remote: 'onsite',
    employmentType: 'full_time',
    skills: ['セキュリティ', 'ISMS', 'AWS'],
    closesInDays: 20,
    status: 'open',
    publishedDaysAgo: 6,
    audience: { preset: 'employees' },
  },
  {
    key: 'sales-manager-draft',
    titleJa: '法人営業マネージャー（大阪）',
    titleEn: 'Corporate sales manager (Osaka)',
    descriptionJa: '大阪支社の法人営業チームをまとめるマネージャーを募集します（公開前の下書き）。',
    descriptionEn: 'Lead the corporate sales team of our Osaka office (draft, not yet published).',
    department: '法人営業部',
    location: '大阪',
    remote: 'onsite',
    employmentType: 'full_time',
    skills: ['法人営業', 'アカウントマネジメント', 'マネジメント'],
    closesInDays: 90,
    status: 'draft',
    audience: { preset: 'alumni_and_employees' },
  },
  {
    key: 'customer-success-expired',
    titleJa: 'カスタマーサクセス リード（契約社員）',
    titleEn: 'Customer success lead (contract)',
    descriptionJa: '導入企業のオンボーディングと活用支援をリードしていただきます。',
    descriptionEn: 'Lead onboarding and adoption for our enterprise customers.',
    department: 'カスタマーサクセス部',
    location: '横浜',
    remote: 'hybrid',
    employmentType: 'contract',
    skills: ['カスタマーサクセス', 'Product Management', 'データ分析'],
    salary: { min: 450_000, max: 600_000, currency: 'JPY', period: 'month' },
    closesInDays: -10,
    status: 'open',
    publishedDaysAgo: 40,
    audience: { preset: 'alumni_and_employees' },
  },
];

/**
 * Demo data for this feature, written by the seed after the members exist. Closing days are
 * relative to `now` (the seed day), so the demo has open jobs whenever it is started; the same
 * jobs get the same ids, and a re-run adds nothing.
 */
export async function seedDemoJobs(db: Db, options: { now?: Date } = {}): Promise<void> {
  const [hr] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'hr@kizuna.example'));
  const now = options.now ?? new Date();
  const today = todayIn(JOBS_TIME_ZONE, now);
  const rows = DEMO_JOBS.map((job) => {
    const content = {
      titleJa: job.titleJa,
      titleEn: job.titleEn,
      descriptionJa: job.descriptionJa,
      descriptionEn: job.descriptionEn,
      department: job.department,
      location: job.location,
      skills: job.skills,
    };
    const publishedAt =
      job.publishedDaysAgo === undefined ? null : new Date(now.getTime() - job.publishedDaysAgo * DAY);
    return {
      id: demoJobId(job.key),
      ...content,
      remote: job.remote,
      employmentType: job.employmentType,
      salaryMin: job.salary?.min ?? null,
      salaryMax: job.salary?.max ?? null,
      salaryCurrency: job.salary?.currency ?? null,
      salaryPeriod: job.salary?.period ?? null,
      closesOn: dayFrom(today, job.closesInDays),
      status: job.status,
      ...governedFromAudience({
        memberIds: [],
        excludeLeftWithinMonths: null,
        excludeEmployers: [],
        ...job.audience,
      }),
      searchText: buildJobSearchText(content),
      postedBy: hr?.id ?? null,
      publishedAt,
      createdAt: publishedAt ?? new Date(now.getTime() - DAY),
      updatedAt: publishedAt ?? new Date(now.getTime() - DAY),
    };
  });
  await db.insert(jobs).values(rows).onConflictDoNothing();
}
