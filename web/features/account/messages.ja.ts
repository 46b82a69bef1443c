import type { Translation } from '#web/i18n/translation';
import type { messages as en } from './messages.en';

/** 日本語の UI テキスト: `account`（web/i18n/ja.ts でまとめる）。キーは messages.en.ts と同じ。 */
export const messages: Translation<typeof en> = {
  account: {
    forgot: {
      link: 'パスワードをお忘れの方',
      title: 'パスワードの再設定',
      lead: 'ログインに使うメールアドレスを入力してください。新しいパスワードを設定するためのリンクをメールでお送りします。',
      email: 'メールアドレス',
      submit: 'リンクを送信',
      sentTitle: 'メールをご確認ください',
      sent: '{{email}} が Kizuna のアカウントであれば、パスワード再設定用のリンクをお送りしました。リンクは 1 時間以内に 1 回だけ使えます。',
      back: 'ログイン画面に戻る',
    },
    reset: {
      title: '新しいパスワードの設定',
      lead: '新しいパスワードを入力してください。設定すると、すべての端末でサインアウトされます。',
      newPassword: '新しいパスワード',
      confirm: '新しいパスワード（確認）',
      submit: 'パスワードを設定',
      done: 'パスワードを変更し、すべての端末でサインアウトしました。新しいパスワードでログインしてください。',
      signIn: 'ログイン',
      missingToken: 'このリンクは不完全です。メールのリンクを開き直すか、もう一度お申し込みください。',
      askAgain: 'リンクを再度申し込む',
    },
    security: {
      navLink: 'パスワードとログイン中の端末',
      title: 'パスワードとログイン中の端末',
      lead: 'パスワードの変更と、ログイン中の端末の確認ができます。',
    },
    password: {
      title: 'パスワードの変更',
      current: '現在のパスワード',
      new: '新しいパスワード',
      confirm: '新しいパスワード（確認）',
      submit: 'パスワードを変更',
      done: 'パスワードを変更しました。ほかの端末 {{count}} 台をサインアウトしました。',
    },
    sessions: {
      title: 'ログイン中の端末',
      lead: '心当たりのない端末はサインアウトしてください。場所は端末が接続したネットワークです。',
      device: '{{os}} の {{browser}}',
      unknownBrowser: 'ブラウザ',
      unknownOs: '不明なシステム',
      thisDevice: 'この端末',
      place: 'ネットワーク {{place}}',
      unknownPlace: 'ネットワーク不明',
      lastSeen: '最終利用 {{date}}',
      signedInAt: 'ログイン日時 {{date}}',
      revoke: 'サインアウト',
      revokeLabel: '{{device}} をサインアウト',
      revokeOthers: 'ほかの端末をすべてサインアウト',
      revokedOthers: 'ほかの端末 {{count}} 台をサインアウトしました。',
    },
  },
};
