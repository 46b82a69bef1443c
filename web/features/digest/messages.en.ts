/** English UI text: `digest` (assembled into web/i18n/en.ts). */
export const messages = {
  digest: {
    frequency: {
      weekly: 'Every week',
      biweekly: 'Every two weeks',
      monthly: 'Every four weeks',
      off: 'Never',
    },
    settings: {
      title: 'Community digest',
      lead: 'A short email with the top posts of your network, jobs that fit you and what is waiting for you. It is only sent when you have not visited Kizuna for a while and there is something new.',
      frequency: 'How often',
      submit: 'Save',
      saved: 'Saved.',
      lastSent: 'Last digest: {{date}}',
      neverSent: 'No digest has been sent to you yet.',
      consentOff: 'Digests are emailed only if you agree to “Send me news and digests”.',
      privacyLink: 'Change it in the privacy settings',
      fromPrivacy: 'How often the community digest comes:',
    },
    unsubscribe: {
      title: 'Unsubscribe from the digest',
      lead: 'Stop receiving the community digest by email? Other emails (such as job alerts) are not affected.',
      submit: 'Unsubscribe',
      done: 'You are unsubscribed. No more digests will be sent.',
      later: 'You can turn it back on at any time in the settings.',
      invalid: 'This link is not valid any more. Sign in to change your digest settings.',
      toSettings: 'Digest settings',
    },
  },
} as const;
