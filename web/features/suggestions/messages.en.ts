/** English UI text: `people` (assembled into web/i18n/en.ts). */
export const messages = {
  people: {
    nav: 'People',
    title: 'People to meet',
    lead: 'People you may know, and diagonal ties (ナナメ): another generation, department or industry, yet something in common.',
    tabs: { know: 'People you may know', diagonal: 'Diagonal (ナナメ)' },
    empty: {
      know: 'No suggestions yet. Add your former departments and years to your profile.',
      diagonal: 'No diagonal suggestions yet. Add your skills, languages and city to your profile.',
    },
    connect: 'Connect',
    requested: 'Request sent',
    hide: 'Not now',
    hideLabel: 'Not now: {{name}}',
    connectLabel: 'Connect with {{name}}',
    homeLink: 'Find people to meet',
    reasons: {
      sameDepartment: 'both in {{department}} {{from}}–{{to}}',
      sameIntake: 'joined the same year ({{year}})',
      mutualConnections_one: '{{count}} mutual connection',
      mutualConnections_other: '{{count}} mutual connections',
      generationGap_before: 'joined {{years}} years before you',
      generationGap_after: 'joined {{years}} years after you',
      otherDepartment: 'was in {{department}}',
      industry: 'now in {{industry}}',
      sharedSkills: 'also into {{skills}}',
      sharedLanguages: 'also speaks {{languages}}',
      sameCity: 'also in {{place}}',
      sameCountry: 'also in {{place}}',
    },
  },
};
