import type { Role } from '#common/roles';
import type { NewMember } from '#server/features/members/members.service';

export type DemoLogin = {
  email: string;
  role: Role;
  names: NewMember['names'];
  profile: NewMember['profile'];
};

/** One password login per role; everyone else in the demo can only be looked at. */
export const DEMO_LOGINS: readonly DemoLogin[] = [
  {
    email: 'hr@kizuna.example',
    role: 'alumni_manager',
    names: { familyName: '山本', givenName: '美咲', familyNameKana: 'やまもと', givenNameKana: 'みさき' },
    profile: {
      joinedOn: '2012-04-01',
      departments: ['人事部'],
      lastTitle: 'アルムナイリレーション マネージャー',
      office: '東京本社',
      companyCountry: 'JP',
      location: '東京',
      country: 'JP',
      languages: ['ja', 'en'],
      skills: ['採用', '組織開発', 'タレントマネジメント', 'HR Tech', 'ファシリテーション'],
      bio: '人事部でアルムナイネットワークの運営を担当しています。再入社やイベントのご相談はお気軽にどうぞ。',
      speaking: true,
    },
  },
  {
    email: 'admin@kizuna.example',
    role: 'admin',
    names: { familyName: '佐藤', givenName: '健一', familyNameKana: 'さとう', givenNameKana: 'けんいち' },
    profile: {
      joinedOn: '2008-04-01',
      departments: ['情報システム部'],
      lastTitle: 'シニアエンジニア',
      office: '東京本社',
      companyCountry: 'JP',
      location: 'さいたま',
      country: 'JP',
      languages: ['ja'],
      skills: ['セキュリティ', 'AWS', 'TypeScript', 'ISMS'],
      bio: '情報システム部で社内システムとセキュリティを担当しています。',
    },
  },
  {
    email: 'employee@kizuna.example',
    role: 'employee',
    names: { familyName: '鈴木', givenName: '翔太', familyNameKana: 'すずき', givenNameKana: 'しょうた' },
    profile: {
      joinedOn: '2019-04-01',
      departments: ['技術開発本部'],
      lastTitle: 'エンジニア',
      office: '東京本社',
      companyCountry: 'JP',
      location: '川崎',
      country: 'JP',
      languages: ['ja', 'en'],
      skills: ['TypeScript', 'React', 'Node.js', 'AWS', 'スクラム'],
      bio: '技術開発本部のエンジニアです。社外で活躍する先輩方と話せるのを楽しみにしています。',
      sideWork: true,
    },
  },
  {
    email: 'alumni@kizuna.example',
    role: 'alumni',
    names: { familyName: '田中', givenName: '陽子', familyNameKana: 'たなか', givenNameKana: 'ようこ' },
    profile: {
      joinedOn: '2010-04-01',
      leftOn: '2021-03-31',
      departments: ['コンサルティング本部', '経営企画部'],
      lastTitle: 'シニアコンサルタント',
      office: '東京本社',
      companyCountry: 'JP',
      currentEmployer: '株式会社ミライテック',
      currentTitle: 'プロダクトマネージャー',
      industry: 'it',
      location: '横浜',
      country: 'JP',
      languages: ['ja', 'en'],
      skills: ['Product Management', 'データ分析', '事業開発', '組織開発', 'TypeScript'],
      bio:
        'コンサルティング本部と経営企画部で11年。現在は株式会社ミライテックでプロダクトマネージャーをしています。' +
        '事業開発やキャリアの相談、いつでも歓迎です。',
      links: [{ label: 'Portfolio', url: 'https://yoko-tanaka.example.com' }],
      openToReturn: true,
      sideWork: true,
      mentoring: true,
      speaking: true,
      // Where she lives is for people employed today only: alumni viewers neither see nor find it.
      visibility: { location: 'employees' },
    },
  },
  {
    email: 'leaver@kizuna.example',
    role: 'leaver',
    names: { familyName: '高橋', givenName: '直樹', familyNameKana: 'たかはし', givenNameKana: 'なおき' },
    profile: {
      joinedOn: '2015-04-01',
      leftOn: '2026-12-31',
      departments: ['営業部'],
      lastTitle: '課長',
      office: '大阪支社',
      companyCountry: 'JP',
      location: '大阪',
      country: 'JP',
      languages: ['ja'],
      skills: ['法人営業', 'アカウントマネジメント', '交渉'],
      bio: '12月末で退職します。大阪で法人営業を10年担当しました。今後ともよろしくお願いします。',
    },
  },
];
