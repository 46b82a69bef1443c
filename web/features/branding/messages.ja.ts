import type { Translation } from '#web/i18n/translation';
import type { messages as en } from './messages.en';

/** 日本語の UI テキスト: `branding`（web/i18n/ja.ts でまとめる）。キーは messages.en.ts と同じ。 */
export const messages: Translation<typeof en> = {
  branding: {
    title: '組織名とロゴ',
    lead: 'すべてのページ（紹介された候補者などログインしていない方が見るページを含む）とすべてのメールに、読む人の言語で表示します。',
    namesTitle: '表示名',
    nameJa: '日本語の名称',
    nameEn: '英語の名称',
    namesHint:
      '呼ばれたい正式な名称を入力してください（例：株式会社絆デモ / Kizuna Demo Inc.）。メールでは件名と署名に入ります。',
    nameTooLong: '{{n}}文字以内で入力してください。',
    logoFormat: 'PNG・JPEG・WebP の画像を選んでください（SVG は使用できません）。',
    logoTooLarge: '画像は 1 MB 以下にしてください。',
    saved: '保存しました。',
    logoTitle: 'ロゴ',
    logoHint:
      'PNG・JPEG・WebP、1 MB まで。512 × 512 ピクセル以内の PNG に変換し、ファイルのメタデータは削除して保存します。SVG は使用できません。',
    currentLogo: '現在のロゴ',
    noLogo: 'ロゴは未設定です。各ページには「絆」のマークを表示します。',
    chooseLogo: '画像を選択',
    upload: 'アップロード',
    removeLogo: 'ロゴを削除',
    logoSaved: 'ロゴを更新しました。',
    logoRemoved: 'ロゴを削除しました。',
    preview: 'ヘッダーでの表示',
    adminsOnlyTitle: '管理者専用のページです',
    adminsOnlyBody:
      'このページは管理者の権限を持つメンバーだけが利用できます。変更が必要な場合は、管理者にご依頼ください。',
    adminsOnlyBack: '管理ページに戻る',
  },
};
