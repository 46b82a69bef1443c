import { defineMessages, translator } from '#server/lib/i18n';

/** The freshness feature's server texts (mails, exports) in both UI languages; error answers are in server/lib/i18n.ts. */
export const messages = defineMessages({
  en: {
    'mail.freshness.subject.full': 'Still at {employer} as {title}?',
    'mail.freshness.subject.employer': 'Still at {employer}?',
    'mail.freshness.subject.none': 'Is your Kizuna profile still up to date?',
    'mail.freshness.body.full':
      'Hello {name},\n\nYour Kizuna profile says you work at {employer} as {title}. Is that still right?\n\nYes, still the same (one click):\n{confirmUrl}\n\nSomething changed? Update your profile:\n{editUrl}\n\nUp-to-date profiles help colleagues and alumni find each other.',
    'mail.freshness.body.employer':
      'Hello {name},\n\nYour Kizuna profile says you work at {employer}. Is that still right?\n\nYes, still the same (one click):\n{confirmUrl}\n\nSomething changed? Update your profile:\n{editUrl}\n\nUp-to-date profiles help colleagues and alumni find each other.',
    'mail.freshness.body.none':
      'Hello {name},\n\nIs your Kizuna profile still up to date?\n\nYes, nothing to change (one click):\n{confirmUrl}\n\nAdd where you work now and your title:\n{editUrl}\n\nUp-to-date profiles help colleagues and alumni find each other.',
  },
  ja: {
    'mail.freshness.subject.full': '現在も{employer}で{title}としてご活躍ですか？',
    'mail.freshness.subject.employer': '現在も{employer}にお勤めですか？',
    'mail.freshness.subject.none': 'Kizuna のプロフィールは最新ですか？',
    'mail.freshness.body.full':
      '{name} 様\n\nKizuna のプロフィールでは、現在{employer}で{title}としてお勤めと登録されています。お変わりありませんか？\n\n変わりがなければ（ワンクリックで完了します）:\n{confirmUrl}\n\n変更がある場合はプロフィールを更新してください:\n{editUrl}\n\n最新のプロフィールは、社員やアルムナイ同士がつながるきっかけになります。',
    'mail.freshness.body.employer':
      '{name} 様\n\nKizuna のプロフィールでは、現在{employer}にお勤めと登録されています。お変わりありませんか？\n\n変わりがなければ（ワンクリックで完了します）:\n{confirmUrl}\n\n変更がある場合はプロフィールを更新してください:\n{editUrl}\n\n最新のプロフィールは、社員やアルムナイ同士がつながるきっかけになります。',
    'mail.freshness.body.none':
      '{name} 様\n\nKizuna のプロフィールは最新の状態ですか？\n\n変更がなければ（ワンクリックで完了します）:\n{confirmUrl}\n\n現在のお勤め先や役職を追加する:\n{editUrl}\n\n最新のプロフィールは、社員やアルムナイ同士がつながるきっかけになります。',
  },
});

/** `t(locale, key, params)` over these texts and the core ones. */
export const t = translator(messages);
