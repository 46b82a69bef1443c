import type { Translation } from '#web/i18n/translation';
import type { messages as en } from './messages.en';

/** 日本語の UI テキスト: `consents`（web/i18n/ja.ts でまとめる）。キーは messages.en.ts と同じ。 */
export const messages: Translation<typeof en> = {
  consents: {
    nav: 'プライバシーと同意',
    on: 'オン',
    off: 'オフ',
    anyTime:
      'それぞれの回答は、メニューの「プライバシーと同意」からいつでも変更できます。同意しなくても不利益はなく、アカウントやその他の機能はそのままご利用いただけます。',
    purposes: {
      directory: {
        title: 'メンバー検索に掲載する',
        body: 'Kizuna のメンバー（アルムナイと社員）が検索であなたを見つけ、プロフィールを閲覧できるようになります。表示されるのは、あなたが公開を選んだ項目だけです。オフの場合、人事以外はあなたを検索することも、プロフィールを開くこともできません。',
      },
      rehiring: {
        title: '再入社に関する連絡を受け取る',
        body: '人事から募集中のポジションや再入社についてご連絡することがあり、人事の再入社候補リストに表示されます。この回答を見られるのは人事だけです。',
      },
      business: {
        title: 'ビジネスに関する連絡を受け取る',
        body: '商談、顧客のご紹介、協業などについて会社からご連絡することがあります。この回答を見られるのは人事と、その案件の担当者だけです。',
      },
      newsletter: {
        title: 'ニュースとダイジェストを受け取る',
        body: '会社のニュースや、ネットワークの最新情報をまとめたダイジェストを、ご希望の言語でメールにてお送りします。',
      },
      events: {
        title: 'イベントの案内を受け取る',
        body: 'アルムナイと社員が参加する講演会や交流会のご案内をメールでお送りします。',
      },
    },
    welcome: {
      title: 'ようこそ',
      kicker: 'Kizuna へようこそ',
      heading: '{{name}}さん、ようこそ',
      lead: 'はじめに、あなたの情報の取り扱いについてお選びください。項目ごとに個別に選べます。オンにしない限り、すべてオフのままです。',
      submit: '保存して続ける',
    },
    settings: {
      title: 'プライバシーと同意',
      lead: 'あなたが同意した内容と、その日時を確認できます。変更はすぐに反映されます。たとえばメンバー検索への掲載をオフにすると、その時点ですべての検索結果から表示されなくなります。',
      choices: 'あなたの選択',
      submit: '変更を保存',
      saved: '選択内容を保存しました。',
      notListed:
        '現在、メンバー検索に掲載されていません。他のメンバーはあなたを検索することも、プロフィールを開くこともできません（人事は引き続き閲覧できます）。',
      agreed: '同意している内容',
      currentVersion: '同意文面のバージョン: {{version}}',
      history: '回答の履歴',
      noHistory: 'まだ回答していません。',
    },
    answer: {
      yes: '同意する',
      no: '同意しない',
      none: '未回答',
    },
    columns: {
      purpose: '目的',
      answer: '回答',
      when: '日時',
      version: '文面のバージョン',
      source: '回答した場所',
      locale: '言語',
    },
    sources: {
      first_sign_in: '初回ログイン時',
      settings: 'このページ',
      seed: 'デモデータ',
      test: 'テストデータ',
      offboarding: '退職手続きのチェックリスト',
    },
  },
};
