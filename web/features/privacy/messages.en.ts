/** English UI text: `privacy` (assembled into web/i18n/en.ts). */
export const messages = {
  privacy: {
    navLink: 'My data',
    title: 'My data',
    lead: 'What Kizuna holds about you. You can download all of it at any time, or delete your account.',
    categories: {
      account: { label: 'Account and sign-in', help: 'Name, email, language, sign-ins and devices' },
      profile: { label: 'Profile', help: 'Career, skills, bio and who may see each field' },
      consents: { label: 'Consent record', help: 'Every answer you gave about how your data is used' },
      hr: { label: 'HR record', help: 'What HR imported about your time at the company' },
      invitations: { label: 'Invitations', help: 'Invitations sent to your email address' },
      verification: { label: 'Join requests', help: 'Requests to join and how they were checked' },
      careers: {
        label: 'Jobs and rehiring',
        help: 'Return interest, referrals you made or received, job alerts and rehiring notes',
      },
      community: {
        label: 'Community',
        help: 'Your posts, comments, reactions, groups, notifications and their settings',
      },
      mail: { label: 'Emails', help: 'Emails Kizuna sent to you' },
      activity: { label: 'Activity log', help: 'Changes made by you or to your account' },
    },
    held: {
      title: 'What we hold',
      help: 'Number of records about you, by category.',
    },
    download: {
      title: 'Download my data',
      help: 'A zip file with everything above: one JSON file, one spreadsheet (CSV) per table, and a README that explains each file. Passwords and sign-in tokens are never included.',
      button: 'Download my data',
      done: 'Your data was downloaded ({{file}}).',
    },
    delete: {
      title: 'Delete my account',
      help: 'Deleting your account cannot be undone.',
      points: {
        erased:
          'Your profile, sign-in, consents, emails and every other piece of personal data about you are erased. If you were rehired and have started, the hire record (role, department, start day) stays for the company’s figures, with no link to you.',
        hr: 'The HR record of your time at the company is erased too, and you will not be invited or imported again.',
        signedOut: 'You are signed out at once and cannot sign in again.',
        final: 'To come back later, you would need a new invitation from HR.',
      },
      downloadFirst: 'If you want a copy, download your data first.',
      password: 'Your password',
      confirmation: 'Type “{{word}}” to confirm',
      confirmationHint: 'This makes sure the account is not deleted by mistake.',
      button: 'Delete my account permanently',
    },
    deleted: {
      title: 'Your account has been deleted',
      body: 'Your personal data has been erased from Kizuna and you have been signed out.',
      thanks: 'Thank you for having been part of the network. We wish you all the best.',
      toLogin: 'Go to the sign-in page',
    },
    retention: {
      link: 'Data retention rules (admins)',
      title: 'Data retention',
      lead: 'Rules for how long Kizuna keeps the accounts of members who no longer use it.',
      rulesTitle: 'Retention rules',
      help: 'Once a day, members of the chosen roles who have not signed in for the set number of years get an email asking them to sign in. If they still have not signed in after the warning period, their account and personal data are deleted.',
      enabled: 'Apply the retention rules',
      inactiveYears: 'Years without signing in',
      warningDays: 'Days between the warning and deletion',
      range: 'From {{min}} to {{max}}.',
      roles: 'Applies to',
      listSeparator: ', ',
      summaryOn:
        'Members ({{roles}}) who have not signed in for {{years}} years are warned by email, and deleted {{days}} days later unless they sign in.',
      summaryOff: 'The rules are off: no one is warned or deleted.',
      saved: 'Retention rules saved.',
    },
    erasure: {
      title: 'Content of deleted members',
      help: 'When a member is deleted, their personal data is always erased. This setting decides what happens to content they wrote for others (posts, comments and the like).',
      keepContent: 'Keep their content, shown as “Former member”',
      keepContentHint: 'When off, their content is deleted with them.',
      saved: 'Saved.',
    },
  },
};
