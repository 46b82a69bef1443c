import { defineMessages, translator } from '#server/lib/i18n';

/** The referrals feature's server texts (mails, exports) in both UI languages; error answers are in server/lib/i18n.ts. */
export const messages = defineMessages({
  en: {
    'mail.referralConsent.subject':
      '{referrer} has referred you — may we share your details with our HR team?',
    'mail.referralConsent.resentSubject':
      'Reminder: {referrer} has referred you — may we share your details with our HR team?',
    'mail.referralConsent.forJob': 'for the position “{title}”',
    'mail.referralConsent.forPosition': 'for a position at our company',
    'mail.referralConsent.forCompany': 'to our company',
    'mail.referralConsent.aboutJob': 'this position',
    'mail.referralConsent.aboutCompany': 'opportunities with us',
    'mail.referralConsent.body':
      'Dear {name},\n\n{referrer}, a member of our company’s network Kizuna, has recommended you {target}.\n\nWhy {referrer} recommends you:\n{reason}\n\nOur HR team sees nothing about you unless you agree. If you agree, HR will see your name ({name}), your email address ({email}), the reason above and that {referrer} referred you. If you used to work for us or are a member of Kizuna, HR will also see your history with the company (departments, years, last job title), whether you are eligible for rehire, and your career since leaving as your Kizuna profile shows it. HR may contact you about {about} and may enter these details in the company’s applicant tracking system (its recruiting software). {referrer} only learns whether you agreed and, later, a coarse outcome (in process, hired or closed) — never HR’s notes or your email address.\n\nIf you say no, or do nothing, none of this is shared with HR. If you agree, you can withdraw at any time through the same link: HR stops seeing you in Kizuna at once (to have a copy already entered in the applicant tracking system deleted, please contact the company).\n\nPlease tell us your answer here:\n{url}\n\nPlease answer by {expires}. Without an answer by then the referral lapses and you will not hear from us about it again.\nIf you were not expecting this email, you can simply ignore it.\n\nThe Kizuna team',
  },
  ja: {
    'mail.referralConsent.subject': '{referrer}さんからのご紹介について（人事部への情報共有のご確認）',
    'mail.referralConsent.resentSubject':
      '【再送】{referrer}さんからのご紹介について（人事部への情報共有のご確認）',
    'mail.referralConsent.forJob': '「{title}」のポジションに',
    'mail.referralConsent.forPosition': '当社のポジションに',
    'mail.referralConsent.forCompany': '当社に',
    'mail.referralConsent.aboutJob': 'このポジション',
    'mail.referralConsent.aboutCompany': '採用の機会',
    'mail.referralConsent.body':
      '{name} 様\n\n当社のネットワーク「Kizuna」のメンバーである{referrer}さんが、{target}あなたを推薦しました。\n\n{referrer}さんの推薦理由:\n{reason}\n\nあなたが同意しない限り、人事部があなたの情報を見ることはありません。同意いただいた場合、人事部はお名前（{name}）、メールアドレス（{email}）、上記の推薦理由と{referrer}さんからの紹介であることを確認します。当社の元社員または Kizuna のメンバーである場合は、当社での経歴（所属部署・在籍年・最後の役職）、再雇用の可否、Kizuna のプロフィールに記載された退職後の経歴もあわせて確認します。人事部は{about}についてご連絡することがあり、選考のためにこれらの情報を当社の採用管理システム（ATS）に登録することがあります。{referrer}さんに伝わるのは、同意したかどうかと、その後のおおまかな結果（選考中・入社決定・終了）だけです。人事部のメモやあなたのメールアドレスは伝わりません。\n\n同意しない場合や何もしない場合、これらの情報は人事部に共有されません。同意した後も、同じリンクからいつでも同意を取り消せます。取り消すと、人事部は Kizuna 上であなたの情報をすぐに見られなくなります（すでに採用管理システムに登録された情報の削除は、当社にご依頼ください）。\n\n以下のリンクからご回答ください:\n{url}\n\nご回答の期限は{expires}です。期限までにご回答がない場合、このご紹介は失効し、この件で再びご連絡することはありません。\nお心当たりのない場合は、このメールを破棄してください。\n\nKizuna チーム',
  },
});

/** `t(locale, key, params)` over these texts and the core ones. */
export const t = translator(messages);
