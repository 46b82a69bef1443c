import { defineMessages, translator } from '#server/lib/i18n';

/** The offboarding feature's server texts (mails, exports) in both UI languages; error answers are in server/lib/i18n.ts. */
export const messages = defineMessages({
  en: {
    'mail.alumniWelcome.subject': 'Welcome to the Kizuna alumni network',
    'mail.alumniWelcome.body':
      'Dear {name},\n\nThank you for everything you did with us. From today you are part of our alumni network, Kizuna.\n\nYour alumni account is ready. Sign in with the email address {email} and your current password:\n{loginUrl}',
    'mail.alumniWelcome.proposalIntro': 'Your career proposal, from your career conversation:',
    'mail.alumniWelcome.outside': 'Outside the company, you could thrive as: {text}',
    'mail.alumniWelcome.inside': 'Inside the company, you could reach: {text}',
    'mail.alumniWelcome.proposalLink': 'You can read it and add a comment at any time in Kizuna:\n{url}',
    'mail.alumniWelcome.returnYes':
      'You told us you are open to returning one day. Thank you — you can change this on your profile at any time:\n{url}',
    'mail.alumniWelcome.returnNo':
      'Our door stays open. If one day you would like to come back, turn on "open to return" on your profile:\n{url}',
    'mail.alumniWelcome.leave':
      'You decide what you receive: change your consents here:\n{privacyUrl}\nIf you would rather not be part of the network, you can delete your account at any time here:\n{myDataUrl}',
    'mail.alumniWelcome.closing': 'We look forward to staying in touch.\nThe Kizuna team',
  },
  ja: {
    'mail.alumniWelcome.subject': 'Kizuna アルムナイネットワークへようこそ',
    'mail.alumniWelcome.body':
      '{name} 様\n\nこれまで本当にありがとうございました。本日から、アルムナイネットワーク「Kizuna」の一員としてお迎えいたします。\n\nアルムナイ用のアカウントの準備が整いました。メールアドレス（{email}）と現在お使いのパスワードで、こちらからログインしてください。\n{loginUrl}',
    'mail.alumniWelcome.proposalIntro': 'キャリア面談でお渡ししたキャリア提案です。',
    'mail.alumniWelcome.outside': '社外でご活躍いただけそうな道: {text}',
    'mail.alumniWelcome.inside': '社内で目指していただける道: {text}',
    'mail.alumniWelcome.proposalLink': 'Kizuna でいつでもご覧いただけ、コメントも残せます。\n{url}',
    'mail.alumniWelcome.returnYes':
      '「いつか戻ることも考えたい」とお知らせいただき、ありがとうございます。この設定はプロフィールからいつでも変更できます。\n{url}',
    'mail.alumniWelcome.returnNo':
      '私たちの扉はいつでも開いています。いつか戻ってみたいと思われたときは、プロフィールで「出戻り歓迎」をオンにしてください。\n{url}',
    'mail.alumniWelcome.leave':
      '受け取る情報はご自身で選べます。同意の設定はこちらから変更できます。\n{privacyUrl}\nネットワークへの参加をやめたい場合は、こちらからいつでもアカウントを削除できます。\n{myDataUrl}',
    'mail.alumniWelcome.closing': '今後ともどうぞよろしくお願いいたします。\nKizuna 事務局',
  },
});

/** `t(locale, key, params)` over these texts and the core ones. */
export const t = translator(messages);
