import type { z } from 'zod';
import type { Locale } from './locale';

/**
 * Field-validation messages in both UI languages, shared by the server (error answers) and the
 * browser (checking a form before sending it), so both say the same words. `v.*` follow zod's
 * issue codes; `kz.*` are the custom messages the schemas in common/ give, `import.mapping.*` the
 * ones common/hr-import.ts gives. Anything a server answer carries per field must be here.
 */
export const validationMessages = {
  en: {
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
    'v.malformedText': 'Contains a character that cannot be used (a broken character).',
    'kz.boolean': 'Use true or false.',
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
    // My data: export, deletion, retention (server/features/privacy)
    'kz.confirmWord': 'Type the confirmation word exactly as shown.',
    'kz.consentTextChanged': 'The consent texts have changed. Please reload the page and read them again.',
    'kz.recordsOneOf': 'Give either a list of records or a filter, not both.',
    // Join requests and profile freshness (helper C).
    'kz.month': 'Use a month such as 2019-04.',
    'kz.employeeNumberOrWorkEmail':
      'Enter your employee number or the email address you used at the company.',
    // Exit management: cases (server/features/exits)
    'kz.timeZone': 'Enter a time zone such as Asia/Tokyo.',
    'kz.nothingToChange': 'Change at least one item.',
    'kz.rehireReasonRequired': 'Give a reason when the person is not eligible for rehire.',
    'kz.acknowledge': 'Please confirm that you have read the text.',
    'kz.personalEmailCompany': 'Enter a private address, not one on a company domain.',
    'kz.personalEmailTaken': 'This address is already used by another member.',
    'kz.offboardingFieldNotForTask': 'This task does not take this field.',
    'v.logoFormat': 'Choose a PNG, JPEG or WebP image (SVG is not accepted).',
    'v.logoUnreadable': 'This image could not be read. Please choose another file.',
    'v.logoTooLarge': 'The image must be at most 1 MB.',
    'kz.optionValue': 'Use lower-case letters, digits and _ only.',
    'kz.choiceOptions': 'A choice question needs at least two options.',
    'kz.optionDuplicate': 'Two options have the same value.',
    'kz.scaleMax': 'Give the highest value of the scale.',
    'kz.notForKind': 'This does not apply to this kind of question.',
    'kz.surveyUnknownQuestion': 'There is no such question.',
    'kz.surveyScale': 'Choose a value on the scale.',
    'kz.surveyOption': 'Choose one of the options.',
    'kz.surveyText': 'Enter text.',
    'kz.surveyTooLong': 'The answer is too long (at most 4,000 characters).',
    'kz.surveyRequired': 'Please answer this question.',
    // — posts (issue 11) —
    'kz.httpsUrl': 'Enter an address that starts with https://.',
    'kz.postGroupRequired': 'Choose the group.',
    'kz.postGroupNotMember': 'You can only post in a group you belong to.',
    'kz.postMemberAudience': 'Member posts go to the network or to one of your groups.',
    'kz.postShareCompanyOnly': 'Only company posts carry a share kit.',
    'kz.postCareerStoryOnly': 'Only career stories can appear on career paths.',
    'kz.postCompanyNotAllowed': 'Only HR and appointed employees can write company posts.',
    'kz.postMentionOutside': '{name} cannot see this post, so they cannot be mentioned.',
    'kz.postMediaUnknown': 'One of the files was not found. Upload it again.',
    'kz.postFileRequired': 'Choose a file.',
    'kz.postFileType': 'Choose a PNG, JPEG or WebP image, or a PDF.',
    'kz.postFileTooLarge': 'Files can be at most 10 MB.',
    'kz.postImageUnreadable': 'This image could not be read. Choose another file.',
    // Profiles worth visiting (decision 041).
    'kz.photoRequired': 'Choose a photo.',
    'kz.photoType': 'Choose a JPEG, PNG or WebP image.',
    'kz.photoTooLarge': 'Photos can be at most 5 MB.',
    'kz.photoUnreadable': 'This photo could not be read. Choose another file.',
    'kz.photoCrop': 'The crop must be a square inside the photo.',
    'kz.photoCropSmall': 'The crop is too small.',
    'kz.endedBeforeStarted': 'The end cannot be before the start.',
    'kz.posterNotEmployee': 'Only active employees can be appointed.',
    'kz.reportOwn': 'You cannot report your own post or comment. Edit or delete it instead.',
    'kz.posterAlready': 'This employee is already appointed.',
    // — jobs —
    'kz.jobTitleRequired': 'Enter a title in Japanese or English.',
    'kz.jobDescriptionRequired': 'Add a description in the same language as the title.',
    'kz.jobTitleForDescription': 'Add a title in the same language as the description.',
    'kz.jobCurrencyRequired': 'Choose the currency of the salary.',
    'kz.jobPeriodRequired': 'Choose whether the salary is per year, month or hour.',
    'kz.jobGroupEmpty': 'Choose at least one member for this group.',
    'kz.currency': 'Use a three-letter currency code such as JPY.',
    // — return interests —
    'kz.returnInterestConsentTrue':
      'Send true to allow contact about rehiring. To withdraw consent, use the privacy settings.',
    'kz.referralCurrency': 'Use a three-letter currency code such as JPY.',
    // — pipeline —
    'kz.pipelineHireRequired': 'Moving to "rehired" needs the hire: start date, role title and time zone.',
    'kz.pipelineHireOnlyRehired': 'A hire can only be recorded with a move to "rehired".',
    // — job alerts —
    'kz.jobAlertCriterion': 'Add at least one keyword, department or location.',
    'kz.notificationRequired': 'Moderation notices cannot be turned off.',
    'kz.notificationReadTarget': 'Give exactly one of: ids, threadKey or all.',
    // — moderation —
    'kz.reportNoteRequired': 'Tell us briefly what is wrong when you choose "Other".',
    'kz.suspendNotAllowed': 'You cannot suspend yourself or an administrator.',
    // — messaging (decision 039) —
    'kz.messageSelf': 'You cannot start a conversation with yourself.',
    'kz.messageNotConnected': 'You can write to your connections. Connect with this member first.',
    'kz.messageUnknownMember': 'One of these members cannot be found.',
    'kz.messageReportOwn': 'You cannot report your own message.',
    'kz.invalidCursor': 'This page link is not valid. Reload the conversation.',
    // Accounts and sessions (decision 025).
    'kz.passwordUnchanged': 'Choose a password different from the current one.',
    // — comments and reactions —
    'kz.cursor': 'This page link is not valid. Start again from the first page.',
    'kz.commentParent': 'You can only reply to a comment of this post (not to a reply).',
    'kz.mentionOutsideAudience': 'These members cannot see this post, so they cannot be mentioned: {names}.',
    'kz.tooManyMentions': 'Mention at most {n} members.',
    // Column mapping of the HR CSV import (common/hr-import.ts `resolveMapping`).
    'import.mapping.required': 'Map a column to this field.',
    'import.mapping.unknownHeader': 'The file has no such column.',
    'import.mapping.duplicateField': 'Another column is already mapped to this field.',
    // Groups and chapters (server/features/groups)
    'kz.groupNameRequired': 'Enter a name in Japanese or English.',
    'kz.groupKindHr': 'Members may propose interest groups only; HR creates the other kinds.',
    'kz.groupClassificationHr': 'Only HR can choose who may see a group.',
    'kz.groupInviteeUnknown': 'This member cannot be invited to this group.',
    'kz.groupIntakeYear': 'Give the intake year of an intake group.',
    // Advice requests (issue 12 §4)
    'kz.adviceSelf': 'You cannot send a request to yourself.',
    'kz.adviceNotOffered': 'This member does not offer this kind of advice.',
    'kz.adviceCareerPath': 'Employees may ask alumni about their path after the company.',
    // Connections, blocks, reports (server/features/connections)
    'kz.connectSelf': 'You cannot send a connection request to yourself.',
    'kz.blockSelf': 'You cannot block yourself.',
    'kz.reportSelf': 'You cannot report yourself.',
    // Events (issue 13, decision 043)
    'kz.eventInstant': 'Use a date and time with its offset, such as 2026-12-20T19:00:00+09:00.',
    'kz.eventUrl': 'Enter an address that starts with https:// or http://.',
    'kz.eventSpeaker': 'Choose a member or enter the guest speaker’s name.',
    'kz.eventLabelRequired': 'Enter the question in Japanese or English.',
    'kz.eventTitleRequired': 'Enter a title in Japanese or English.',
    'kz.eventEndBeforeStart': 'The end must be after the start.',
    'kz.eventStartInPast': 'The start has already passed. Choose a later date and time.',
    'kz.eventWindowOrder': 'Registration must close after it opens.',
    'kz.eventRepeatNeedsSeries': 'Repeating dates belong to a series: choose the series first.',
    'kz.eventWindowAfterEnd': 'Registration must close before the event ends.',
    'kz.eventOnlineUrlRequired': 'An online event needs the link attendees join with.',
    'kz.eventCapacityBelowTaken':
      '{taken} seats are already taken (guests included). Choose at least {taken}, or ask attendees to release their seats first.',
    'kz.eventGuestsAboveLimit': 'You can bring at most {limit} guests to this event.',
    'kz.eventAnswerRequired': 'Please answer this question.',
    'kz.eventAnswerOption': 'Choose one of the options.',
    'kz.eventUnknownGroup': 'This group does not exist or is not open.',
    'kz.eventUnknownSeries': 'This series does not exist.',
    'kz.eventUnknownMember': 'Some of the chosen members are not active members.',
  },
  ja: {
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
    'v.malformedText': '使用できない文字が含まれています。',
    'kz.boolean': 'true か false を指定してください。',
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
    // My data: export, deletion, retention (server/features/privacy)
    'kz.confirmWord': '表示されている確認の言葉をそのまま入力してください。',
    'kz.consentTextChanged':
      '同意事項の文面が更新されました。ページを再読み込みして、もう一度ご確認ください。',
    'kz.recordsOneOf': '対象のレコード一覧か絞り込み条件のどちらか一方だけを指定してください。',
    // Join requests and profile freshness (helper C).
    'kz.month': '2019-04 のような年月で入力してください。',
    'kz.employeeNumberOrWorkEmail': '社員番号、または在籍時のメールアドレスを入力してください。',
    // 退職管理: ケース (server/features/exits)
    'kz.timeZone': 'Asia/Tokyo のようなタイムゾーン名を入力してください。',
    'kz.nothingToChange': '変更する項目を1つ以上入力してください。',
    'kz.rehireReasonRequired': '再雇用の対象外とする場合は理由を入力してください。',
    'kz.acknowledge': '内容をお読みいただいたことを確認してください。',
    'kz.personalEmailCompany': '会社のドメインではない、個人のメールアドレスを入力してください。',
    'kz.personalEmailTaken': 'このメールアドレスは別のメンバーが使用しています。',
    'kz.offboardingFieldNotForTask': 'このタスクではこの項目は入力できません。',
    'v.logoFormat': 'PNG・JPEG・WebP の画像を選んでください（SVG は使用できません）。',
    'v.logoUnreadable': 'この画像を読み込めませんでした。別のファイルを選んでください。',
    'v.logoTooLarge': '画像は 1 MB 以下にしてください。',
    'kz.optionValue': '半角英小文字・数字・_ のみ使用できます。',
    'kz.choiceOptions': '選択式の質問には2つ以上の選択肢が必要です。',
    'kz.optionDuplicate': '同じ値の選択肢があります。',
    'kz.scaleMax': '尺度の最大値を指定してください。',
    'kz.notForKind': 'この形式の質問には指定できません。',
    'kz.surveyUnknownQuestion': 'この質問は存在しません。',
    'kz.surveyScale': '尺度の中から選んでください。',
    'kz.surveyOption': '選択肢の中から選んでください。',
    'kz.surveyText': '文章で入力してください。',
    'kz.surveyTooLong': '回答が長すぎます（4,000文字以内）。',
    'kz.surveyRequired': 'この質問にご回答ください。',
    // — 投稿 (issue 11) —
    'kz.httpsUrl': 'https:// で始まるURLを入力してください。',
    'kz.postGroupRequired': 'グループを選んでください。',
    'kz.postGroupNotMember': '参加しているグループにのみ投稿できます。',
    'kz.postMemberAudience': 'メンバーの投稿は、ネットワーク全体か参加中のグループに公開できます。',
    'kz.postShareCompanyOnly': 'シェア用テキストは会社からの投稿にのみ設定できます。',
    'kz.postCareerStoryOnly': 'キャリアパスに掲載できるのはキャリアストーリーのみです。',
    'kz.postCompanyNotAllowed': '会社からの投稿は、人事と任命された社員のみが作成できます。',
    'kz.postMentionOutside': '{name}さんはこの投稿を閲覧できないため、メンションできません。',
    'kz.postMediaUnknown': 'ファイルが見つかりません。もう一度アップロードしてください。',
    'kz.postFileRequired': 'ファイルを選んでください。',
    'kz.postFileType': 'PNG・JPEG・WebP の画像、または PDF を選んでください。',
    'kz.postFileTooLarge': 'ファイルは 10 MB 以下にしてください。',
    'kz.postImageUnreadable': 'この画像を読み込めませんでした。別のファイルを選んでください。',
    'kz.photoRequired': '写真を選んでください。',
    'kz.photoType': 'JPEG・PNG・WebP の画像を選んでください。',
    'kz.photoTooLarge': '写真は 5 MB 以下にしてください。',
    'kz.photoUnreadable': 'この写真を読み込めませんでした。別のファイルを選んでください。',
    'kz.photoCrop': '切り抜きは写真の内側の正方形にしてください。',
    'kz.photoCropSmall': '切り抜きが小さすぎます。',
    'kz.endedBeforeStarted': '終了日は開始日より後にしてください。',
    'kz.posterNotEmployee': '任命できるのは在籍中の社員のみです。',
    'kz.reportOwn': 'ご自身の投稿やコメントは報告できません。編集するか削除してください。',
    'kz.posterAlready': 'この社員はすでに任命されています。',
    // — jobs —
    'kz.jobTitleRequired': '日本語または英語で職種名を入力してください。',
    'kz.jobDescriptionRequired': '職種名と同じ言語で仕事内容を入力してください。',
    'kz.jobTitleForDescription': '仕事内容と同じ言語で職種名を入力してください。',
    'kz.jobCurrencyRequired': '給与の通貨を選んでください。',
    'kz.jobPeriodRequired': '給与が年額・月額・時給のどれかを選んでください。',
    'kz.jobGroupEmpty': 'このグループのメンバーを1人以上選んでください。',
    'kz.currency': 'JPY のような3文字の通貨コードを入力してください。',
    // — return interests —
    'kz.returnInterestConsentTrue':
      '再雇用の連絡を許可する場合は true を送ってください。同意の取り消しはプライバシー設定で行えます。',
    'kz.referralCurrency': '通貨は JPY のような3文字のコードで入力してください。',
    // — pipeline —
    'kz.pipelineHireRequired': '「再入社」に移すには、入社日・職種・タイムゾーンを入力してください。',
    'kz.pipelineHireOnlyRehired': '入社情報は「再入社」に移すときだけ登録できます。',
    // — job alerts —
    'kz.jobAlertCriterion': 'キーワード・部署・勤務地のいずれかを1つ以上入力してください。',
    'kz.notificationRequired': 'モデレーションに関するお知らせはオフにできません。',
    'kz.notificationReadTarget': 'ids・threadKey・all のいずれか1つを指定してください。',
    // — moderation —
    'kz.reportNoteRequired': '「その他」を選んだ場合は、内容を簡単にご記入ください。',
    'kz.suspendNotAllowed': 'ご自身や管理者の投稿を停止することはできません。',
    // — messaging (decision 039) —
    'kz.messageSelf': '自分自身とのメッセージは始められません。',
    'kz.messageNotConnected':
      'メッセージはつながっているメンバーに送れます。先につながりを申請してください。',
    'kz.messageUnknownMember': '見つからないメンバーが含まれています。',
    'kz.messageReportOwn': '自分のメッセージは報告できません。',
    'kz.invalidCursor': 'ページの指定が正しくありません。会話を読み込み直してください。',
    // Accounts and sessions (decision 025).
    'kz.passwordUnchanged': '現在のパスワードとは別のパスワードを設定してください。',
    // — コメントとリアクション —
    'kz.cursor': 'このページのリンクは無効です。最初のページからやり直してください。',
    'kz.commentParent': '返信できるのはこの投稿のコメントだけです（返信への返信はできません）。',
    'kz.mentionOutsideAudience': '次のメンバーはこの投稿を見られないため、メンションできません: {names}',
    'kz.tooManyMentions': 'メンションは{n}人までです。',
    // Column mapping of the HR CSV import (common/hr-import.ts `resolveMapping`).
    'import.mapping.required': 'この項目に対応する列を選んでください。',
    'import.mapping.unknownHeader': 'ファイルにこの列はありません。',
    'import.mapping.duplicateField': 'この項目には別の列がすでに対応付けられています。',
    // グループ・支部 (server/features/groups)
    'kz.groupNameRequired': '日本語または英語でグループ名を入力してください。',
    'kz.groupKindHr':
      'メンバーが提案できるのは趣味・関心のグループのみです。その他の種類は人事部が作成します。',
    'kz.groupClassificationHr': 'グループの公開範囲を選べるのは人事部のみです。',
    'kz.groupInviteeUnknown': 'このメンバーはこのグループに招待できません。',
    'kz.groupIntakeYear': '同期のグループには入社年を入力してください。',
    'kz.adviceSelf': '自分自身にはリクエストを送れません。',
    'kz.adviceNotOffered': 'このメンバーはこの種類の相談を受け付けていません。',
    'kz.adviceCareerPath': '退職後のキャリアについては、社員が卒業生に相談できます。',
    // つながり・ブロック・通報 (server/features/connections)
    'kz.connectSelf': '自分自身にはつながりリクエストを送れません。',
    'kz.blockSelf': '自分自身はブロックできません。',
    'kz.reportSelf': '自分自身は通報できません。',
    // イベント (issue 13, decision 043)
    'kz.eventInstant': '2026-12-20T19:00:00+09:00 のように、時差を含む日時で指定してください。',
    'kz.eventUrl': 'https:// または http:// で始まるアドレスを入力してください。',
    'kz.eventSpeaker': 'メンバーを選ぶか、ゲスト登壇者のお名前を入力してください。',
    'kz.eventLabelRequired': '日本語または英語で質問を入力してください。',
    'kz.eventTitleRequired': '日本語または英語でタイトルを入力してください。',
    'kz.eventEndBeforeStart': '終了日時は開始日時より後にしてください。',
    'kz.eventStartInPast': '開始日時がすでに過ぎています。これから先の日時を選んでください。',
    'kz.eventWindowOrder': '申込の締切は受付開始より後にしてください。',
    'kz.eventRepeatNeedsSeries': '繰り返しの開催はシリーズに属します。先にシリーズを選んでください。',
    'kz.eventWindowAfterEnd': '申込の締切はイベント終了より前にしてください。',
    'kz.eventOnlineUrlRequired': 'オンライン開催の場合は、参加用のリンクを入力してください。',
    'kz.eventCapacityBelowTaken':
      'すでに{taken}席が埋まっています（同伴者を含む）。定員は{taken}以上にするか、先に参加者に席を譲ってもらってください。',
    'kz.eventGuestsAboveLimit': 'このイベントに同伴できるのは{limit}名までです。',
    'kz.eventAnswerRequired': 'この質問にお答えください。',
    'kz.eventAnswerOption': '選択肢から選んでください。',
    'kz.eventUnknownGroup': 'このグループは存在しないか、現在活動していません。',
    'kz.eventUnknownSeries': 'このシリーズは存在しません。',
    'kz.eventUnknownMember': '選んだメンバーの中に、現在有効でないメンバーが含まれています。',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type MessageParams = Record<string, string | number>;

/** Fills `{name}` placeholders; an unknown placeholder stays as it is. */
export function interpolate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

function message(locale: Locale, key: string, params: MessageParams = {}): string {
  const table: Record<string, string> = validationMessages[locale];
  const fallback: Record<string, string> = validationMessages.en;
  return interpolate(table[key] ?? fallback[key] ?? key, params);
}

/** zod's type names as a user reads them (English keeps zod's words). */
const JA_TYPE_NAMES: Record<string, string> = {
  number: '数値',
  int: '整数',
  bigint: '整数',
  string: '文字列',
  boolean: 'true または false',
  array: 'リスト',
  object: 'オブジェクト',
  date: '日付',
};
const typeName = (locale: Locale, expected: string) =>
  locale === 'ja' ? (JA_TYPE_NAMES[expected] ?? expected) : expected;

/** One zod issue → one message in the requester's language. */
export function translateIssue(issue: z.core.$ZodIssue, locale: Locale): string {
  if (issue.message.startsWith('kz.')) return message(locale, issue.message);
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined/.test(issue.message)
        ? message(locale, 'v.required')
        : message(locale, 'v.type', { expected: typeName(locale, issue.expected) });
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return message(locale, n <= 1 ? 'v.required' : 'v.tooShort', { n });
      if (issue.origin === 'array' || issue.origin === 'set') return message(locale, 'v.tooFewItems', { n });
      return message(locale, 'v.tooSmall', { n });
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return message(locale, 'v.tooLong', { n });
      if (issue.origin === 'array' || issue.origin === 'set') return message(locale, 'v.tooManyItems', { n });
      return message(locale, 'v.tooBig', { n });
    }
    case 'invalid_value':
      return message(locale, 'v.oneOf', { values: issue.values.map(String).join(', ') });
    case 'unrecognized_keys':
      return message(locale, 'v.unknownKey', { keys: issue.keys.join(', ') });
    default:
      return message(locale, 'v.invalid');
  }
}

/** Zod issues → `{ "a.b": [messages] }`; issues about the whole object go under `_`. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], locale: Locale): Record<string, string[]> {
  // No prototype: an unknown key named `constructor` or `__proto__` is an ordinary field (decision 024).
  const fields: Record<string, string[]> = Object.create(null);
  for (const issue of issues) {
    const key =
      issue.code === 'unrecognized_keys'
        ? [...issue.path, issue.keys.join(',')].join('.') || '_'
        : issue.path.join('.') || '_';
    const list = fields[key] ?? [];
    list.push(translateIssue(issue, locale));
    fields[key] = list;
  }
  return fields;
}
