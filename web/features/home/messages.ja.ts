import type { Translation } from '#web/i18n/translation';
import type { messages as en } from './messages.en';

/** 日本語の UI テキスト: `home`（web/i18n/ja.ts でまとめる）。キーは messages.en.ts と同じ。 */
export const messages: Translation<typeof en> = {
  home: {
    title: 'ホーム',
    welcome: 'ようこそ、{{name}}さん',
    lead: '名前・会社・スキルから社員やアルムナイを探して、つながりを続けましょう。',
    myProfile: 'マイプロフィール',
    editProfile: 'プロフィールを編集',
    admin: 'メンバー管理',
    about: {
      title: 'Kizuna について',
      body: 'Kizuna（絆）は、当社とここで働いたことのある人たちとの関係を長く続けるためのネットワークです。「去る者は追わず」ではなく、アルムナイを社外の大切な仲間として、社員とアルムナイの双方に役立つつながりをつくります。',
    },
    pillars: {
      directory: {
        title: '人を探す',
        body: '漢字・かな・ローマ字の名前、会社、スキル、自己紹介から検索し、部署・在籍年数・業界・国で絞り込めます。',
      },
      diagonal: {
        title: 'ナナメのつながり',
        body: '先輩・後輩や同期といった縦・横の関係を越えて、世代・部署・業界の違う人と出会えます。',
      },
      availability: {
        title: '一緒に働く方法',
        body: '出戻り、副業・顧問、メンタリング、登壇など、協力できることをプロフィールで示せます。',
      },
      privacy: {
        title: '公開範囲は自分で決める',
        body: 'プロフィールの項目ごとに「人事のみ」「社員まで」「全メンバー」から公開範囲を選べます。',
      },
    },
  },
};
