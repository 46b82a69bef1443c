import type { Translation } from '#web/i18n/translation';
import type { messages as en } from './messages.en';

/** 日本語の UI テキスト: `jobAlerts`（web/i18n/ja.ts でまとめる）。キーは messages.en.ts と同じ。 */
export const messages: Translation<typeof en> = {
  jobAlerts: {
    title: '求人アラート',
    lead: '探している仕事の条件を登録してください。条件に合う新しい求人はこのページに表示され、メールでもすぐに、または1日1回のまとめでお知らせします。',
    consent: {
      on: 'アラートメールは有効です（「ニュースとダイジェストを受け取る」に同意済み）。',
      off: 'メールでお知らせするには「{{purpose}}」をオンにしてください。',
      link: '{{page}}で変更する',
      inApp: 'どの設定でも、あなたへの新着求人はこのページに必ず表示されます。',
    },
    matches: {
      title: 'あなたへの新着求人',
      empty: 'まだありません。アラートの条件に合う求人が掲載されると、ここに表示されます。',
      new: '新着',
      newCount_one: '新着 {{count}} 件',
      newCount_other: '新着 {{count}} 件',
      closes: '応募締切 {{date}}',
    },
    list: {
      title: '登録中のアラート',
      count: '{{count}} / {{max}} 件',
      empty: 'アラートはまだありません。下のフォームから作成できます。',
      on: 'オン',
      off: 'オフ',
      activeLabel: 'アラートを有効にする：{{summary}}',
      paused: '停止中',
      edit: '編集',
      delete: '削除',
      confirmDelete:
        'アラート「{{summary}}」を削除しますか？このアラートで見つかった求人は「あなたへの新着求人」から消えます。',
      deleted: 'アラートを削除しました。',
    },
    frequency: {
      instant: 'すぐに通知',
      instantHint: '条件に合う求人が掲載されたらすぐにメールでお知らせします',
      daily: '1日1回まとめて通知',
      dailyHint: '毎朝8時（日本時間）に、新着求人をまとめて1通のメールでお知らせします',
    },
    remote: {
      onsite: '出社',
      hybrid: 'ハイブリッド',
      remote: 'リモート',
    },
    form: {
      createTitle: '新しいアラート',
      editTitle: 'アラートを編集',
      criteria: '探す条件',
      criteriaHint:
        'キーワード・部署・勤務地のいずれかを1つ以上入力してください。入力した条件はすべて満たす求人が対象です。',
      keywords: 'キーワード',
      keywordsHint:
        '求人のタイトル・説明・スキルに、キーワードの語がすべて含まれると一致します。{{max}}個まで、各{{length}}文字以内。',
      departments: '部署',
      departmentsHint: '求人の部署名（例：経営企画部）。{{max}}個まで。',
      locations: '勤務地',
      locationsHint:
        '求人の勤務地の一部（例：東京）。フルリモートの求人はどの勤務地にも一致します。{{max}}個まで。',
      frequency: '通知のしかた',
      create: 'アラートを作成',
      save: 'アラートを保存',
      created: 'アラートを作成しました。',
      saved: 'アラートを保存しました。',
      limit: 'アラートは{{max}}件まで登録できます。追加するには、不要なアラートを削除してください。',
    },
  },
};
