/** English UI text: `profile`, `edit`, `profileFreshness` (assembled into web/i18n/en.ts). */
export const messages = {
  profile: {
    title: 'Profile',
    edit: 'Edit profile',
    saved: 'Your changes were saved.',
    unchanged: 'Nothing was changed.',
    tenure: 'Years at the company',
    years_one: '{{count}} year',
    years_other: '{{count}} years',
    underOneYear: 'Less than a year',
    sections: {
      atCompany: 'Time at the company',
      after: 'Career now',
      availability: 'Availability',
      links: 'Links',
    },
  },
  edit: {
    title: 'Edit profile',
    welcome: 'Welcome to Kizuna! Complete your profile so colleagues and alumni can find you.',
    visibilityHelp:
      'Next to each field, choose who can see it. Names and role are always visible to members.',
    nameHelp: 'Romaji is filled in from the kana reading when left empty.',
    hrOnly: 'Employee number and dates come from the HR record and can only be changed by HR.',
    employeeNumberHint: 'Visible only to you and HR.',
    commaHint: 'Separate entries with commas.',
    availabilityHelp: 'Let others know how you would like to work together.',
    notSet: '— Not set —',
    addLanguage: 'Add a language…',
    removeLanguage: 'Remove {{language}}',
    noLinks: 'No links yet.',
    addLink: 'Add link',
    linkLabel: 'Link {{n}} title',
    linkUrl: 'Link {{n}} URL',
    removeLink: 'Remove link {{n}}',
    itemError: '“{{item}}”: {{message}}',
    sections: {
      name: 'Name',
    },
  },
  profileFreshness: {
    confirmedOn: 'Confirmed on {{date}}',
    stale: 'Stale',
    staleHint_one: 'Not confirmed within the last {{count}} month',
    staleHint_other: 'Not confirmed within the last {{count}} months',
  },
};
