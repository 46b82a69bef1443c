import type { Translation } from '#web/i18n/translation';
import type { messages as en } from './messages.en';

/** 日本語の UI テキスト: `returnInterest`（web/i18n/ja.ts でまとめる）。キーは messages.en.ts と同じ。 */
export const messages: Translation<typeof en> = {
  returnInterest: {
    title: '再入社の希望',
    lead: '会社に戻ることに関心があることを人事に伝えられます（全般、または求人ごと）。見られるのは人事だけで、再入社に関する連絡に同意している間に限られます。',
    loadError: '再入社の希望を読み込めませんでした。',
    notAlumni: {
      member:
        '再入社の希望を人事に伝える機能は、退職したアルムナイの方向けです。退職後はいつでもここから伝えられます。',
      jobsLink: '募集中の求人を見る',
      hr: '再入社を希望するアルムナイは、再入社に関する連絡に同意している場合に限り、再入社パイプラインに表示されます。',
      hrLink: '再入社パイプラインを開く',
    },
    how: {
      title: '人事に見える内容とタイミング',
      who: '見られるのは人事（アルムナイ担当）だけです。ほかのメンバー（アルムナイ・社員）には表示されません。',
      what: '人事には、ここに書いた内容と、お名前、在籍時の情報（部署・在籍年数・最終役職）、プロフィールが表示されます。',
      when: '人事に表示されるのは、希望が有効で、かつ再入社に関する連絡に同意している間だけです。いつでも取り下げられ、取り下げると人事の一覧からすぐに消えます。',
    },
    consent: {
      hiddenTitle: '再入社に関する連絡を許可するまで、人事にはこの内容が見えません',
      hiddenBody:
        '希望は保存されていますが、人事には表示されていません。下のスイッチをオンにすると、人事が内容を確認して連絡できるようになります。「プライバシーと同意」からいつでもオフに戻せます。',
      granted: '再入社に関する連絡を許可しています。有効な希望は人事に表示されます。',
      manage: '「プライバシーと同意」で変更する',
    },
    general: {
      title: '再入社に関心があります',
      intro: '希望する仕事や時期を伝えましょう。すべて任意で、いつでも変更できます。',
      roles: '希望する職種・役割',
      locations: '働ける場所',
      chipsHint: '1件ごとに Enter キー、読点（、）か「追加」を押してください。',
      timing: '時期',
      timingNone: '未定',
      message: '人事へのメッセージ',
      messageHint: '退職後の経験や、戻るきっかけになりそうなことなど。',
      submitNew: '再入社に関心があることを人事に伝える',
      submitUpdate: '変更を保存',
      submitReactivate: 'もう一度、再入社に関心があると伝える',
      saved: '保存しました。人事の再入社パイプラインに表示されます。',
      savedHidden: '保存しました。再入社に関する連絡を許可すると人事に表示されます。',
    },
    timings: {
      now: 'すぐにでも',
      within_6_months: '半年以内',
      within_1_year: '1年以内',
      later: 'もっと先',
    },
    status: {
      visible: '人事に表示中',
      hidden: '人事には非表示',
      withdrawn: '取り下げ済み',
    },
    mine: {
      title: '伝えた希望',
      empty: 'まだ人事に何も伝えていません。',
      general: '再入社に関心あり（全般）',
      jobClosed: '募集が終了した求人',
      raisedOn: '{{date}}に人事に伝えました',
      withdrawnOn: '{{date}}に取り下げました',
      withdraw: '取り下げる',
      withdrawLabel: '取り下げる: {{what}}',
      confirmWithdraw: '「{{what}}」を取り下げますか？人事には表示されなくなります。',
    },
    panel: {
      title: 'この求人で戻ってみませんか？',
      intro: 'アルムナイとして、この求人に関心があることを人事に直接伝えられます。見られるのは人事だけです。',
      button: '興味があります',
      again: 'もう一度、興味があると伝える',
      message: '人事へのメッセージ',
      messageHint: 'この求人のどこに関心があるか、退職後にどんな経験をしたかなど。',
      submit: '人事に送る',
      update: 'メッセージを更新',
      edit: 'メッセージを変更',
      told: '{{date}}に、この求人に興味があると人事に伝えました。',
      withdrawn: '{{date}}に取り下げました。',
      confirmWithdraw: 'この求人への関心を取り下げますか？人事には表示されなくなります。',
      allowThere: '「再入社の希望」ページで許可する',
      jobGone: 'この求人の募集は終了しました。',
    },
  },
};
