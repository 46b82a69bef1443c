import type { Translation } from '#web/i18n/translation';
import type { messages as en } from './messages.en';

/** 日本語の UI テキスト: `admin`（web/i18n/ja.ts でまとめる）。キーは messages.en.ts と同じ。 */
export const messages: Translation<typeof en> = {
  admin: {
    title: 'メンバー管理',
    lead: 'メンバーの招待、招待状況の確認、メンバー一覧、プロフィール項目の公開範囲の上限を設定します。',
    sectionsLabel: 'セクション',
    sections: {
      invite: 'メンバーを招待',
      invitations: '最近の招待',
      members: 'メンバー一覧',
      limits: 'プロフィール公開範囲の上限',
    },
    members: {
      title: 'メンバー一覧',
    },
    limits: {
      help: '各項目についてメンバーが選べる最も広い公開範囲です。上限を下げると、その範囲外の人からはすぐに見えなくなります。',
      fieldLabel: '上限: {{field}}',
      saved: '公開範囲の上限を保存しました。',
    },
  },
};
