/** English UI text: `consents` (assembled into web/i18n/en.ts). */
export const messages = {
  consents: {
    nav: 'Privacy & consent',
    on: 'On',
    off: 'Off',
    anyTime:
      'You can change each answer at any time under “Privacy & consent” in the menu. Saying no costs you nothing: your account and everything else stay as they are.',
    purposes: {
      directory: {
        title: 'List me in the member directory',
        body: 'Members of Kizuna (alumni and employees) can find you in the search and open your profile. They see only the profile fields you have chosen to show. If this is off, nobody but HR can find or open your profile.',
      },
      rehiring: {
        title: 'Contact me about coming back',
        body: 'HR may contact you about open positions and rejoining the company, and you appear in HR’s rehiring lists. Only HR sees this answer.',
      },
      business: {
        title: 'Contact me about business',
        body: 'The company may contact you about business opportunities, customer introductions and collaboration. Only HR and the staff handling the opportunity see this answer.',
      },
      newsletter: {
        title: 'Send me news and digests',
        body: 'We email you company news and a digest of what is happening in the network, in your language.',
      },
      events: {
        title: 'Invite me to events',
        body: 'We email you invitations to lectures and meetups for alumni and employees.',
      },
    },
    welcome: {
      title: 'Welcome',
      kicker: 'Welcome to Kizuna',
      heading: 'Welcome, {{name}}',
      lead: 'Before you start, please choose what we may do with your information. Each choice is separate, and everything stays off unless you turn it on.',
      submit: 'Save and continue',
    },
    settings: {
      title: 'Privacy & consent',
      lead: 'What you have agreed to, and since when. Changes take effect at once: for example, turning off the directory listing removes you from every search straight away.',
      choices: 'Your choices',
      submit: 'Save changes',
      saved: 'Your choices have been saved.',
      notListed:
        'You are not listed in the member directory: other members cannot find you or open your profile. HR can still see your profile.',
      agreed: 'What you agreed to',
      currentVersion: 'Version of these texts: {{version}}',
      history: 'History of your answers',
      noHistory: 'You have not answered yet.',
    },
    answer: {
      yes: 'Yes',
      no: 'No',
      none: 'Not answered',
    },
    columns: {
      purpose: 'Purpose',
      answer: 'Answer',
      when: 'When',
      version: 'Text version',
      source: 'Where',
      locale: 'Language',
    },
    sources: {
      first_sign_in: 'First sign-in',
      settings: 'This page',
      seed: 'Demo data',
      test: 'Test data',
      offboarding: 'Offboarding checklist',
    },
  },
};
