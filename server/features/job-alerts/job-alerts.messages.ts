import { defineMessages, translator } from '#server/lib/i18n';

/** The job-alerts feature's server texts (mails, exports) in both UI languages; error answers are in server/lib/i18n.ts. */
export const messages = defineMessages({
  en: {
    'jobAlerts.remote.onsite': 'On-site',
    'jobAlerts.remote.hybrid': 'Hybrid',
    'jobAlerts.remote.remote': 'Remote',
    'mail.jobAlert.subject': 'New job for you: {title}',
    'mail.jobAlert.intro': 'Hello {name},\n\nA new job on Kizuna matches your job alert:',
    'mail.jobAlert.department': 'Department: {value}',
    'mail.jobAlert.location': 'Location: {value}',
    'mail.jobAlert.closesOn': 'Applications close: {date}',
    'mail.jobAlert.link': 'Details and how to apply:\n{url}',
    'mail.jobAlertDigest.subject.one': 'Your job alerts: 1 new job',
    'mail.jobAlertDigest.subject.other': 'Your job alerts: {count} new jobs',
    'mail.jobAlertDigest.intro': 'Hello {name},\n\nThese new jobs on Kizuna match your daily job alerts:',
    'mail.jobAlert.manage':
      'Change or stop your job alerts here:\n{alertsUrl}\n\nYou receive these emails because you agreed to receive news and digests. You can change that at any time here:\n{privacyUrl}',
    'mail.jobAlert.closing': 'The Kizuna team',
  },
  ja: {
    'jobAlerts.remote.onsite': '出社',
    'jobAlerts.remote.hybrid': 'ハイブリッド',
    'jobAlerts.remote.remote': 'リモート',
    'mail.jobAlert.subject': '新着求人のお知らせ：{title}',
    'mail.jobAlert.intro': '{name} 様\n\nKizuna の求人アラートの条件に合う求人が新しく掲載されました。',
    'mail.jobAlert.department': '部署：{value}',
    'mail.jobAlert.location': '勤務地：{value}',
    'mail.jobAlert.closesOn': '応募締切：{date}',
    'mail.jobAlert.link': '詳細・応募はこちら：\n{url}',
    'mail.jobAlertDigest.subject.one': '求人アラート：新着求人 1 件',
    'mail.jobAlertDigest.subject.other': '求人アラート：新着求人 {count} 件',
    'mail.jobAlertDigest.intro':
      '{name} 様\n\nKizuna の求人アラート（毎日のまとめ）の条件に合う新着求人です。',
    'mail.jobAlert.manage':
      '求人アラートの変更・停止はこちら：\n{alertsUrl}\n\nこのメールは「ニュースとダイジェストを受け取る」に同意いただいた方にお送りしています。設定はいつでもこちらで変更できます：\n{privacyUrl}',
    'mail.jobAlert.closing': 'Kizuna 事務局',
  },
});

/** `t(locale, key, params)` over these texts and the core ones. */
export const t = translator(messages);
