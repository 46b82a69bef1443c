import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { CONSENT_PURPOSES, type ConsentAnswers } from '#common/consents';
import type { Industry } from '#common/reference';
import type { Db } from '#server/db/client';
import { posts, users } from '#server/db/schema/index';
import { recordConsents } from '#server/features/consents/consents.service';
import { createMember, type NewMember } from '#server/features/members/members.service';
import { domainHooks } from '#server/hooks';
import { parseMemberText, renderMemberText } from '#server/lib/member-text';

/** The same id for the same demo row on every seed: a re-run adds nothing. */
function demoId(key: string): string {
  const h = createHash('sha256').update(`kizuna-demo-careers:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type Alumnus = {
  key: string;
  names: NewMember['names'];
  employer: string;
  title: string;
  industry: Industry;
  lastTitle: string;
  listed: boolean;
  locale: 'ja' | 'en';
};

/**
 * Alumni of 技術開発本部 (the demo employee's department) with a common road or two, so
 * /careers/paths shows real employer buckets even in a small demo (the e2e seed has 400 members):
 * four went to ミライテック as product managers, three to CloudHarbor as SREs. A few are listed in
 * the directory ("people you can reach"); the rest only count.
 */
const ALUMNI: Alumnus[] = [
  ...['伊藤 大輔', '渡辺 彩', '中村 拓也', '小林 真由'].map((name, i) => {
    const [familyName = '', givenName = ''] = name.split(' ');
    return {
      key: `mirai-${i}`,
      names: { familyName, givenName },
      employer: '株式会社ミライテック',
      title: 'プロダクトマネージャー',
      industry: 'it' as const,
      lastTitle: i < 2 ? 'シニアエンジニア' : 'エンジニア',
      listed: i < 2,
      locale: 'ja' as const,
    };
  }),
  ...['加藤 翼', '吉田 恵', 'Emily Clarke'].map((name, i) => {
    const [first = '', second = ''] = name.split(' ');
    const isLatin = /^[A-Za-z]/.test(first);
    return {
      key: `cloudharbor-${i}`,
      names: isLatin
        ? { familyName: second, givenName: first, familyNameRomaji: second, givenNameRomaji: first }
        : { familyName: first, givenName: second },
      employer: 'CloudHarbor',
      title: 'SRE',
      industry: 'it' as const,
      lastTitle: 'インフラエンジニア',
      listed: i !== 1,
      locale: isLatin ? ('en' as const) : ('ja' as const),
    };
  }),
];

/** Members this module adds to the demo organisation. */
export const DEMO_CAREER_ALUMNI = ALUMNI.length;

const STORIES: { author: string; title: string; body: string }[] = [
  {
    author: 'mirai-0',
    title: 'エンジニアからプロダクトマネージャーへ',
    body:
      '技術開発本部で8年、決済基盤を作っていました。いまはミライテックでPMをしています。\n\n' +
      '- 仕様の「なぜ」を説明する力は、設計レビューで鍛えられました\n' +
      '- 障害対応の経験は、優先順位づけにそのまま効いています\n\n' +
      '転身を考えている方、気軽に声をかけてください。 #キャリア #PM',
  },
  {
    author: 'cloudharbor-2',
    title: 'From platform team to SRE at a global cloud company',
    body:
      'I spent five years on the platform team in Engineering. What carried over most: on-call discipline ' +
      'and writing things down. At CloudHarbor I run incident reviews across three time zones.\n\n' +
      'Happy to talk to anyone curious about SRE work abroad. #career #sre',
  },
];

/**
 * Demo data for /careers/paths: the alumni above (with their consent answers in the ledger) and
 * two career stories they put on the page. Written by the seed after the members exist; a re-run
 * adds nothing.
 */
export async function seedDemoCareers(db: Db) {
  const now = new Date();
  const ids = new Map<string, string>();
  for (const a of ALUMNI) {
    const id = demoId(a.key);
    ids.set(a.key, id);
    const [exists] = await db.select({ id: users.id }).from(users).where(eq(users.id, id));
    if (exists) continue;
    await db.transaction(async (tx) => {
      await createMember({
        db: tx as unknown as Db,
        member: {
          id,
          email: `careers.${a.key}@alumni.example`,
          role: 'alumni',
          locale: a.locale,
          names: a.names,
          profile: {
            joinedOn: '2014-04-01',
            leftOn: '2023-03-31',
            departments: ['技術開発本部'],
            lastTitle: a.lastTitle,
            office: '東京本社',
            companyCountry: 'JP',
            currentEmployer: a.employer,
            currentTitle: a.title,
            industry: a.industry,
            country: 'JP',
            languages: a.locale === 'en' ? ['en', 'ja'] : ['ja'],
            skills: a.title === 'SRE' ? ['Kubernetes', 'AWS', 'SRE'] : ['Product Management', 'TypeScript'],
          },
        },
      });
      const answers = Object.fromEntries(
        CONSENT_PURPOSES.map((p) => [p, p === 'directory' ? a.listed : p === 'events']),
      ) as ConsentAnswers;
      await recordConsents(
        { db: tx as unknown as Db, hooks: domainHooks() },
        { userId: id, answers, source: 'seed', locale: a.locale, now },
      );
      await tx.update(users).set({ consentsReviewedAt: now }).where(eq(users.id, id));
    });
  }
  for (const [index, story] of STORIES.entries()) {
    const authorId = ids.get(story.author);
    if (!authorId) continue;
    await db
      .insert(posts)
      .values({
        id: demoId(`story-${index}`),
        authorId,
        kind: 'career_story',
        classification: 'network',
        audience: {},
        title: story.title,
        bodyMarkdown: story.body,
        bodyHtml: renderMemberText(story.body, new Map()),
        topics: parseMemberText(story.body).topics,
        onCareerPaths: true,
        createdAt: new Date(now.getTime() - (index + 1) * 86_400_000),
      })
      .onConflictDoNothing();
  }
}
