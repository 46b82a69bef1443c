import type { z } from 'zod';
import type { Locale } from '../../common/invitations';

/**
 * Server-side messages (errors, validation, mail) in both UI languages. The web app has its own
 * catalogue for everything else (web/i18n). Keys starting with `kz.` come from common/ schemas.
 */
const messages = {
  en: {
    'error.bad_request': 'Some fields need your attention.',
    'error.unauthenticated': 'Please sign in.',
    'error.forbidden_origin': 'This request came from another site and was refused.',
    'error.not_found': 'Not found.',
    'error.conflict': 'This conflicts with existing data.',
    'error.payload_too_large': 'The request is too large.',
    'error.rate_limited': 'Too many requests. Please wait a moment.',
    'error.internal': 'Something went wrong on our side. Please try again.',
    'error.invitation_used': 'This invitation has already been used.',
    'error.invitation_expired': 'This invitation has expired. Ask HR for a new one.',
    'error.email_taken': 'A member with this email address already exists.',
    'error.invitation_pending': 'An invitation for this email address is already pending.',
    'error.employee_number_taken': 'Another member has this employee number.',
    'error.visibility_limit': 'HR does not allow this field to be shown this widely.',
    'error.not_editable': 'Only HR can change this field.',
    'v.required': 'Required.',
    'v.invalid': 'Invalid value.',
    'v.type': 'Expected {expected}.',
    'v.tooShort': 'Must be at least {n} characters.',
    'v.tooLong': 'Must be at most {n} characters.',
    'v.tooFewItems': 'Choose at least {n}.',
    'v.tooManyItems': 'At most {n} items.',
    'v.tooSmall': 'Must be at least {n}.',
    'v.tooBig': 'Must be at most {n}.',
    'v.oneOf': 'Must be one of: {values}.',
    'v.unknownKey': 'Unknown field: {keys}.',
    'kz.kana': 'Use hiragana or katakana only.',
    'kz.romaji': 'Use Latin letters only.',
    'kz.date': 'Use a date such as 2024-04-01.',
    'kz.url': 'Use a web address starting with https://',
    'kz.country': 'Use a two-letter country code such as JP.',
    'kz.language': 'Use a two-letter language code such as ja.',
    'kz.email': 'Enter a valid email address.',
    'kz.leftBeforeJoined': 'The last day cannot be before the first day.',
    'kz.rangeOrder': 'The maximum must not be below the minimum.',
    'kz.passwordLength': 'Use at least 12 characters.',
    'kz.passwordMatch': 'The passwords do not match.',
    'mail.invitation.subject': 'You are invited to the Kizuna alumni network',
    'mail.invitation.body':
      'Hello {name},\n\nYou are invited to join Kizuna, our network of alumni and colleagues.\nSet your password here (valid until {expires}):\n\n{url}\n\nWe look forward to staying in touch.',
  },
  ja: {
    'error.bad_request': '入力内容を確認してください。',
    'error.unauthenticated': 'ログインしてください。',
    'error.forbidden_origin': '他のサイトからのリクエストのため拒否しました。',
    'error.not_found': '見つかりません。',
    'error.conflict': '既存のデータと競合しています。',
    'error.payload_too_large': 'リクエストが大きすぎます。',
    'error.rate_limited': 'リクエストが多すぎます。しばらくしてからお試しください。',
    'error.internal': 'サーバーで問題が発生しました。もう一度お試しください。',
    'error.invitation_used': 'この招待はすでに使用されています。',
    'error.invitation_expired': 'この招待は期限切れです。人事部に再発行を依頼してください。',
    'error.email_taken': 'このメールアドレスのメンバーはすでに存在します。',
    'error.invitation_pending': 'このメールアドレスへの招待はすでに送信済みです。',
    'error.employee_number_taken': 'この社員番号は別のメンバーに登録されています。',
    'error.visibility_limit': 'この項目をこの範囲まで公開することは人事部の設定で許可されていません。',
    'error.not_editable': 'この項目は人事部のみ変更できます。',
    'v.required': '必須項目です。',
    'v.invalid': '値が正しくありません。',
    'v.type': '{expected}を入力してください。',
    'v.tooShort': '{n}文字以上で入力してください。',
    'v.tooLong': '{n}文字以内で入力してください。',
    'v.tooFewItems': '{n}件以上選択してください。',
    'v.tooManyItems': '{n}件までです。',
    'v.tooSmall': '{n}以上の値にしてください。',
    'v.tooBig': '{n}以下の値にしてください。',
    'v.oneOf': '次のいずれかを指定してください: {values}',
    'v.unknownKey': '不明な項目です: {keys}',
    'kz.kana': 'ひらがなまたはカタカナで入力してください。',
    'kz.romaji': 'ローマ字（半角英字）で入力してください。',
    'kz.date': '2024-04-01 のような日付で入力してください。',
    'kz.url': 'https:// で始まるURLを入力してください。',
    'kz.country': 'JP のような2文字の国コードで入力してください。',
    'kz.language': 'ja のような2文字の言語コードで入力してください。',
    'kz.email': '正しいメールアドレスを入力してください。',
    'kz.leftBeforeJoined': '退職日は入社日より後にしてください。',
    'kz.rangeOrder': '最大値は最小値以上にしてください。',
    'kz.passwordLength': '12文字以上で入力してください。',
    'kz.passwordMatch': 'パスワードが一致しません。',
    'mail.invitation.subject': 'Kizuna アルムナイネットワークへのご招待',
    'mail.invitation.body':
      '{name} 様\n\nアルムナイと社員のネットワーク「Kizuna」へご招待します。\n以下のリンクからパスワードを設定してください（{expires} まで有効）。\n\n{url}\n\nこれからも良い関係を続けられることを楽しみにしています。',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type MessageKey = keyof (typeof messages)['en'];

export function t(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const table = messages[locale] as Record<string, string>;
  const template = table[key] ?? (messages.en as Record<string, string>)[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Picks ja/en from an Accept-Language header; Japanese is the default. */
export function localeFromHeader(header: string | undefined | null): Locale {
  if (!header) return 'ja';
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('ja')) return 'ja';
    if (tag.startsWith('en')) return 'en';
  }
  return 'ja';
}

/** One zod issue → one message in the requester's language. */
export function translateIssue(issue: z.core.$ZodIssue, locale: Locale): string {
  if (issue.message.startsWith('kz.')) return t(locale, issue.message);
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined/.test(issue.message)
        ? t(locale, 'v.required')
        : t(locale, 'v.type', { expected: issue.expected });
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return t(locale, n <= 1 ? 'v.required' : 'v.tooShort', { n });
      if (issue.origin === 'array' || issue.origin === 'set') return t(locale, 'v.tooFewItems', { n });
      return t(locale, 'v.tooSmall', { n });
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return t(locale, 'v.tooLong', { n });
      if (issue.origin === 'array' || issue.origin === 'set') return t(locale, 'v.tooManyItems', { n });
      return t(locale, 'v.tooBig', { n });
    }
    case 'invalid_value':
      return t(locale, 'v.oneOf', { values: issue.values.map(String).join(', ') });
    case 'unrecognized_keys':
      return t(locale, 'v.unknownKey', { keys: issue.keys.join(', ') });
    default:
      return t(locale, 'v.invalid');
  }
}

/** Zod issues → `{ "a.b": [messages] }`; issues about the whole object go under `_`. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], locale: Locale): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of issues) {
    const key =
      issue.code === 'unrecognized_keys' ? issue.keys.join(',') || '_' : issue.path.join('.') || '_';
    const list = fields[key] ?? [];
    list.push(translateIssue(issue, locale));
    fields[key] = list;
  }
  return fields;
}
