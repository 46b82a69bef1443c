import type { Locale } from '#common/locale';
import { interpolate, type MessageParams, validationMessages } from '#common/validation-messages';

export { fieldErrors, translateIssue } from '#common/validation-messages';

/** One catalogue of texts in both UI languages: every key in English must be in Japanese too. */
export type Messages<K extends string = string> = {
  readonly en: Record<K, string>;
  readonly ja: Record<K, string>;
};

/**
 * Checks a catalogue (Japanese must have exactly the English keys) and keeps its key type.
 * Each feature keeps its own texts beside it (`server/features/<d>/<d>.messages.ts`).
 */
export function defineMessages<const K extends string>(messages: {
  readonly en: Record<K, string>;
  readonly ja: Record<NoInfer<K>, string>;
}): Messages<K> {
  return messages;
}

/**
 * The core server texts (error answers) in both UI languages, plus the field-validation messages
 * (common/validation-messages.ts). The web app has its own catalogue for everything else
 * (web/i18n); a feature's mail and export texts are in its `<d>.messages.ts`.
 */
const core = defineMessages({
  en: {
    ...validationMessages.en,
    'error.bad_request': 'Some fields need your attention.',
    'error.unauthenticated': 'Please sign in.',
    'error.forbidden_origin': 'This request came from another site and was refused.',
    'error.not_found': 'Not found.',
    'error.conflict': 'This conflicts with existing data.',
    'error.postingSuspended':
      'A moderator has paused your posting and commenting for a while. Please try again later.',
    'error.reportResolved': 'This report has already been resolved.',
    'error.notHidden': 'This is not hidden.',
    'error.suspensionEnded': 'This suspension has already ended or been lifted.',
    'error.payload_too_large': 'The request is too large.',
    'error.rate_limited': 'Too many requests. Please wait a moment.',
    'error.internal': 'Something went wrong on our side. Please try again.',
    'error.unstorable_text':
      'Some text contains a character that cannot be saved (such as a NUL character). Remove it and try again.',
    'error.invitation_used': 'This invitation has already been used.',
    'error.invitation_expired': 'This invitation has expired. Ask HR for a new one.',
    'error.email_taken': 'A member with this email address already exists.',
    'error.invitation_pending': 'An invitation for this email address is already pending.',
    'error.employee_number_taken': 'Another member has this employee number.',
    'error.visibility_limit': 'HR does not allow this field to be shown this widely.',
    'error.not_editable': 'Only HR can change this field.',
    'error.wrong_password': 'The password is not correct.',
    'error.last_admin': 'This is the last admin account. Make another member admin first.',
    // HR CSV import (server/features/hr-records)
    'error.import_too_large': 'The file is larger than the upload limit of {limit}.',
    'error.import_empty': 'The file has no header row. Upload a CSV whose first line names the columns.',
    'error.import_utf16':
      'This file is UTF-16 text. In Excel, save it as "CSV UTF-8" or "CSV (comma delimited)".',
    'error.import_unreadable': 'The file could not be read as CSV.',
    'error.import_started': 'This import has already started; its mapping can no longer be changed.',
    'error.import_not_ready': 'Confirm the column mapping before starting the import.',
    'error.import_finished': 'This import has already finished.',
    'error.invitation_closed': 'This invitation has already been accepted or revoked.',
    'error.join_rate_limited': 'Too many requests from your network. Please try again in 15 minutes.',
    'error.join_request_decided': 'This request has already been decided.',
    'error.already_connected': 'You are already connected with this member.',
    'error.request_pending': 'A connection request between you is already waiting for an answer.',
    'error.request_decided': 'This connection request has already been answered or withdrawn.',
    'error.not_followable':
      'Only company accounts and speakers can be followed. Send a connection request instead.',
    'error.record_not_found': 'This HR record no longer exists.',
    'error.freshness_link_invalid': 'This link is not valid. Sign in to confirm your profile.',
    'error.freshness_link_expired': 'This link has expired. Sign in to confirm your profile.',
    'error.exit_case_open': 'This member already has an open exit case.',
    'error.exit_case_closed': 'This exit case is already closed.',
    'error.exit_member_role': 'Exit cases can be opened for employees only.',
    'error.exit_unknown_member': 'No such member.',
    'error.exit_own_manager': 'A member cannot be their own manager.',
    // Role boundaries (decision 022)
    'error.role_not_assignable': 'Only an administrator can give this role.',
    'error.exit_staff_admin_only':
      'Only an administrator can handle the exit of an HR manager or administrator.',
    'error.exit_self': 'You cannot open or change your own exit case.',
    // Offboarding checklist and alumni welcome (server/features/offboarding)
    'error.offboarding_case_closed': 'This case is closed; its checklist can no longer be changed.',
    'error.offboarding_leaver_only': 'Only the person leaving can complete this task.',
    // Exit proposal and survey (helper H, decision 013).
    'error.proposal_empty': 'Save the proposal before sharing it.',
    'error.survey_submitted': 'This survey has already been submitted and can no longer be changed.',
    'error.job_closes_in_past': 'The closing date has passed. Choose today or a later date to publish.',
    'error.job_unknown_member': 'Some of the chosen members are not active members.',
    'error.job_already_open': 'This job is already published.',
    'error.job_already_closed': 'This job is already closed.',
    // — referrals —
    'error.referral_self': 'You cannot refer yourself.',
    'error.referral_duplicate':
      'This person has already been referred for this job (or, without a job, in general). We never contact anyone twice for the same referral.',
    'error.referral_candidate_cooldown':
      'This person was asked about a referral in the last 7 days. To avoid sending them too many emails, please try again later.',
    'error.referral_quota':
      'You have made 10 referrals in the last 24 hours, the most we allow. Please try again later.',
    'error.referral_not_awaiting': 'This referral is no longer waiting for the candidate’s consent.',
    'error.referral_resend_too_soon':
      'The email was sent less than an hour ago. Please give the candidate some time before sending it again.',
    'error.referral_resend_limit':
      'The email has already been sent again twice. To avoid pressing the candidate, it cannot be sent again.',
    'error.referral_resend_expired':
      'The candidate did not answer within 14 days, so the referral has lapsed and the email cannot be sent again.',
    'error.referral_link_invalid':
      'This link is not valid. It may have been replaced by a newer email; please use the most recent one.',
    'error.referral_link_expired':
      'This link has expired. Nothing about you was shared with HR, and nothing more will be sent.',
    'error.referral_already_decided':
      'You have already answered this request. To change your answer, please contact the company.',
    'error.referral_nothing_to_withdraw':
      'You have not agreed to share your details, so there is nothing to withdraw.',
    'error.referral_consent_rate_limited':
      'Too many requests from your network. Please try again in 15 minutes.',
    'error.referral_reward_not_eligible':
      'Only a reward that is eligible (and not yet paid) can be marked as paid.',
    'error.referral_reward_own': 'You referred this candidate: another HR member must mark your reward paid.',
    'error.pipeline_hire_started':
      'This person has already started (the start date has come), so the card can no longer be moved.',
    'error.pipeline_referral_hire_final':
      'A referral hire cannot be undone here: the referrer’s reward has already been recorded. Ask an admin.',
    'error.pipeline_ats_not_configured':
      'The ATS webhook is not configured (ATS_WEBHOOK_URL and ATS_WEBHOOK_SECRET). Export CSV instead.',
    'error.pipeline_ats_bad_signature': 'The signature does not match.',
    'error.job_alert_limit': 'You can have up to 20 job alerts. Delete one you no longer need first.',
    'error.password_reset_invalid':
      'This reset link has expired or has already been used. Please ask for a new one.',
    'error.current_password_wrong': 'The current password is not correct.',
    'error.invitation_resend_limited':
      'This invitation was sent several times in the last hour. Please wait before sending it again.',
    'error.group_not_active': 'This group is not open: it is waiting for approval, declined or archived.',
    'error.group_last_admin': 'This group needs at least one admin. Make another member admin first.',
    'error.advice_duplicate': 'You already have an open request of this kind to this member.',
    'error.advice_not_pending': 'This request was already accepted, declined or withdrawn.',
    'error.advice_rate_limited': 'You have sent many requests today. Please try again tomorrow.',
    'error.group_decided': 'This proposal has already been decided.',
    'error.message_awaiting_reply': 'You have sent your first message. You can write again once they reply.',
    // Events (issue 13, decision 043)
    'error.event_not_open': 'Registration is not open for this event (it is a draft, cancelled or over).',
    'error.event_registration_not_yet': 'Registration for this event has not opened yet.',
    'error.event_registration_closed': 'Registration for this event has closed.',
    'error.event_no_offer': 'No seat is being held for you at this event.',
    'error.event_offer_expired':
      'The time to claim this seat has passed. It is being offered to the next person.',
    'error.event_already_cancelled': 'This event has already been cancelled.',
    'error.event_already_published': 'This event is already published.',
    'error.event_not_pending': 'This registration is not waiting for approval.',
    'error.event_not_registered': 'You are not registered for this event.',
  },
  ja: {
    ...validationMessages.ja,
    'error.bad_request': '入力内容を確認してください。',
    'error.unauthenticated': 'ログインしてください。',
    'error.forbidden_origin': '他のサイトからのリクエストのため拒否しました。',
    'error.not_found': '見つかりません。',
    'error.conflict': '既存のデータと競合しています。',
    'error.postingSuspended':
      'モデレーターにより、しばらくの間 投稿とコメントが停止されています。時間をおいてお試しください。',
    'error.reportResolved': 'この通報はすでに対応済みです。',
    'error.notHidden': '非表示になっていません。',
    'error.suspensionEnded': 'この停止はすでに終了しているか、解除されています。',
    'error.payload_too_large': 'リクエストが大きすぎます。',
    'error.rate_limited': 'リクエストが多すぎます。しばらくしてからお試しください。',
    'error.internal': 'サーバーで問題が発生しました。もう一度お試しください。',
    'error.unstorable_text':
      '保存できない文字（NUL文字など）が含まれています。取り除いてからもう一度お試しください。',
    'error.invitation_used': 'この招待はすでに使用されています。',
    'error.invitation_expired': 'この招待は期限切れです。人事部に再発行を依頼してください。',
    'error.email_taken': 'このメールアドレスのメンバーはすでに存在します。',
    'error.invitation_pending': 'このメールアドレスへの招待はすでに送信済みです。',
    'error.employee_number_taken': 'この社員番号は別のメンバーに登録されています。',
    'error.visibility_limit': 'この項目をこの範囲まで公開することは人事部の設定で許可されていません。',
    'error.not_editable': 'この項目は人事部のみ変更できます。',
    'error.wrong_password': 'パスワードが正しくありません。',
    'error.last_admin': '最後の管理者アカウントは削除できません。先に別のメンバーを管理者にしてください。',
    // HR CSV import (server/features/hr-records)
    'error.import_too_large': 'ファイルがアップロードの上限（{limit}）を超えています。',
    'error.import_empty': 'ヘッダー行がありません。1行目に列名があるCSVをアップロードしてください。',
    'error.import_utf16':
      'このファイルは UTF-16 形式です。Excel で「CSV UTF-8」または「CSV（コンマ区切り）」として保存してください。',
    'error.import_unreadable': 'CSVとして読み込めませんでした。',
    'error.import_started': 'この取り込みはすでに開始しているため、列の対応は変更できません。',
    'error.import_not_ready': '取り込みを開始する前に列の対応を確定してください。',
    'error.import_finished': 'この取り込みはすでに終了しています。',
    'error.invitation_closed': 'この招待はすでに承諾または取り消しされています。',
    'error.join_rate_limited':
      'お使いのネットワークからの申請が多すぎます。15分ほど経ってから再度お試しください。',
    'error.join_request_decided': 'この申請はすでに処理済みです。',
    'error.already_connected': 'このメンバーとはすでにつながっています。',
    'error.request_pending': 'このメンバーとの間のつながりリクエストが回答待ちです。',
    'error.request_decided': 'このつながりリクエストはすでに回答済みか取り下げられています。',
    'error.not_followable':
      'フォローできるのは会社のアカウントと登壇者のみです。つながりリクエストを送ってください。',
    'error.record_not_found': 'この人事記録は存在しません。',
    'error.freshness_link_invalid': 'このリンクは無効です。ログインしてプロフィールを確認してください。',
    'error.freshness_link_expired':
      'このリンクは有効期限が切れています。ログインしてプロフィールを確認してください。',
    'error.exit_case_open': 'このメンバーにはすでに進行中の退職ケースがあります。',
    'error.exit_case_closed': 'この退職ケースはすでに終了しています。',
    'error.exit_member_role': '退職ケースは社員に対してのみ作成できます。',
    'error.exit_unknown_member': '該当するメンバーが見つかりません。',
    'error.exit_own_manager': '本人を自分の上長に設定することはできません。',
    // ロールの境界（決定 022）
    'error.role_not_assignable': 'このロールを付与できるのは管理者だけです。',
    'error.exit_staff_admin_only': '人事担当者・管理者の退職は管理者だけが扱えます。',
    'error.exit_self': '自分自身の退職ケースを作成・変更することはできません。',
    // 退職手続きのチェックリストとアルムナイ歓迎メール (server/features/offboarding)
    'error.offboarding_case_closed': 'このケースは終了しているため、チェックリストは変更できません。',
    'error.offboarding_leaver_only': 'このタスクは退職されるご本人のみ完了できます。',
    // Exit proposal and survey (helper H, decision 013).
    'error.proposal_empty': '共有する前に提案内容を保存してください。',
    'error.survey_submitted': 'このアンケートは提出済みのため、変更できません。',
    'error.job_closes_in_past': '締切日を過ぎています。公開するには今日以降の日付を選んでください。',
    'error.job_unknown_member': '選択したメンバーに、有効なメンバーでない人が含まれています。',
    'error.job_already_open': 'この求人はすでに公開されています。',
    'error.job_already_closed': 'この求人はすでに締め切られています。',
    // — referrals —
    'error.referral_self': '自分自身を紹介することはできません。',
    'error.referral_duplicate':
      'この方はすでにこの求人（求人を指定しない場合は一般の紹介）で紹介されています。同じ紹介で二度ご連絡することはありません。',
    'error.referral_candidate_cooldown':
      'この方には過去7日以内に紹介のご連絡をしています。メールが多くなりすぎないよう、しばらくしてからもう一度お試しください。',
    'error.referral_quota':
      '過去24時間の紹介が上限の10件に達しました。しばらくしてからもう一度お試しください。',
    'error.referral_not_awaiting': 'この紹介はすでに候補者の同意待ちではありません。',
    'error.referral_resend_too_soon':
      'メールは1時間以内に送信済みです。再送する前に、候補者の方が確認する時間を少しお待ちください。',
    'error.referral_resend_limit':
      'メールはすでに2回再送しています。候補者の方の負担にならないよう、これ以上は再送できません。',
    'error.referral_resend_expired':
      '14日以内に回答がなかったため、この紹介は失効しました。メールは再送できません。',
    'error.referral_link_invalid':
      'このリンクは無効です。新しいメールで置き換えられた可能性があります。最新のメールのリンクをご利用ください。',
    'error.referral_link_expired':
      'このリンクは有効期限が切れています。あなたの情報は人事部に共有されておらず、今後このご紹介についてご連絡することはありません。',
    'error.referral_already_decided':
      'このご依頼にはすでに回答済みです。回答を変更したい場合は会社にお問い合わせください。',
    'error.referral_nothing_to_withdraw': '情報の共有に同意していないため、取り消す同意はありません。',
    'error.referral_consent_rate_limited':
      'お使いのネットワークからのリクエストが多すぎます。15分後にもう一度お試しください。',
    'error.referral_reward_not_eligible': '支払対象（未払い）の報奨金のみ支払済みにできます。',
    'error.referral_reward_own':
      'この候補者を紹介したのはあなたです。ご自身の報奨金は、ほかの人事担当者が支払済みにしてください。',
    'error.pipeline_hire_started': 'すでに入社日を迎えているため、このカードは移動できません。',
    'error.pipeline_referral_hire_final':
      '紹介による採用はここでは取り消せません（紹介者の報酬がすでに記録されています）。管理者に相談してください。',
    'error.pipeline_ats_not_configured':
      'ATS Webhook が設定されていません（ATS_WEBHOOK_URL と ATS_WEBHOOK_SECRET）。CSV で書き出してください。',
    'error.pipeline_ats_bad_signature': '署名が一致しません。',
    'error.job_alert_limit':
      '求人アラートは20件まで登録できます。不要なアラートを削除してから追加してください。',
    'error.password_reset_invalid':
      'この再設定リンクは有効期限が切れているか、すでに使用されています。もう一度お申し込みください。',
    'error.current_password_wrong': '現在のパスワードが正しくありません。',
    'error.invitation_resend_limited':
      'この招待は直近 1 時間に何度も送信されています。しばらく待ってから再送してください。',
    'error.group_not_active': 'このグループは現在利用できません（承認待ち・却下済み・アーカイブ済み）。',
    'error.group_last_admin': 'グループには管理者が1人以上必要です。先に別のメンバーを管理者にしてください。',
    'error.advice_duplicate': 'このメンバーには同じ種類のリクエストをすでに送っています（回答待ち）。',
    'error.advice_not_pending': 'このリクエストはすでに承諾・辞退・取り下げされています。',
    'error.advice_rate_limited': '本日はリクエストを多く送信しています。明日もう一度お試しください。',
    'error.group_decided': 'この提案はすでに判断済みです。',
    'error.message_awaiting_reply': '最初のメッセージを送信済みです。相手から返信があると続けて送れます。',
    // イベント (issue 13, decision 043)
    'error.event_not_open': 'このイベントは申込を受け付けていません（下書き・中止・終了のいずれかです）。',
    'error.event_registration_not_yet': 'このイベントの申込受付はまだ始まっていません。',
    'error.event_registration_closed': 'このイベントの申込受付は締め切りました。',
    'error.event_no_offer': 'このイベントであなたのために確保されている席はありません。',
    'error.event_offer_expired': '席を確定できる期限が過ぎました。次の方にご案内しています。',
    'error.event_already_cancelled': 'このイベントはすでに中止されています。',
    'error.event_already_published': 'このイベントはすでに公開されています。',
    'error.event_not_pending': 'この申込は承認待ちではありません。',
    'error.event_not_registered': 'このイベントには申し込んでいません。',
  },
});

export type MessageKey = keyof (typeof core)['en'];

function lookup(messages: Messages, locale: Locale, key: string): string | undefined {
  return messages[locale][key] ?? messages.en[key];
}

/** A core text (or a `kz.*`/`v.*` message) in `locale`; an unknown key is returned as it is. */
export function t(locale: Locale, key: string, params: MessageParams = {}): string {
  return interpolate(lookup(core, locale, key) ?? key, params);
}

/** `t` for a feature: its own texts first, then the core ones. */
export function translator(messages: Messages) {
  return (locale: Locale, key: string, params: MessageParams = {}): string =>
    interpolate(lookup(messages, locale, key) ?? lookup(core, locale, key) ?? key, params);
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
