import type { Translation } from '#web/i18n/translation';
import type { messages as en } from './messages.en';

/** 日本語の UI テキスト: `login`（web/i18n/ja.ts でまとめる）。キーは messages.en.ts と同じ。 */
export const messages: Translation<typeof en> = {
  login: {
    title: 'Kizuna にログイン',
    lead: 'アルムナイと社員をつなぐネットワーク',
    email: 'メールアドレス',
    password: 'パスワード',
    submit: 'ログイン',
    inviteOnly: 'Kizuna は招待制です。招待メールが届いていない場合は人事部にお問い合わせください。',
    errors: {
      invalid: 'メールアドレスまたはパスワードが正しくありません。',
      invalidEmail: '正しいメールアドレスを入力してください。',
    },
  },
};
