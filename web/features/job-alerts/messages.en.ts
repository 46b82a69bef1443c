/** English UI text: `jobAlerts` (assembled into web/i18n/en.ts). */
export const messages = {
  jobAlerts: {
    title: 'Job alerts',
    lead: 'Tell us what you are looking for. New jobs that match appear on this page, and by email — at once or in a daily digest.',
    consent: {
      on: 'Alert emails are on: you consented to “Send me news and digests”.',
      off: 'Emails need “{{purpose}}” to be switched on.',
      link: 'Change it in {{page}}',
      inApp: 'New jobs for you always appear on this page, whatever you choose.',
    },
    matches: {
      title: 'New jobs for you',
      empty: 'Nothing yet. When a job that matches one of your alerts is posted, it appears here.',
      new: 'New',
      newCount_one: '{{count}} new',
      newCount_other: '{{count}} new',
      closes: 'Apply by {{date}}',
    },
    list: {
      title: 'Your alerts',
      count: '{{count}} of {{max}}',
      empty: 'You have no alerts yet. Create one below.',
      on: 'On',
      off: 'Off',
      activeLabel: 'Alert on: {{summary}}',
      paused: 'Paused',
      edit: 'Edit',
      delete: 'Delete',
      confirmDelete: 'Delete the alert “{{summary}}”? The jobs it found leave “New jobs for you”.',
      deleted: 'Alert deleted.',
    },
    frequency: {
      instant: 'Instantly',
      instantHint: 'An email as soon as a matching job is posted',
      daily: 'Daily digest',
      dailyHint: 'One email a day at 8:00 (Japan time) with all new matches',
    },
    remote: {
      onsite: 'On-site',
      hybrid: 'Hybrid',
      remote: 'Remote',
    },
    form: {
      createTitle: 'New alert',
      editTitle: 'Edit alert',
      criteria: 'What to look for',
      criteriaHint:
        'Fill in at least one of keywords, departments or locations. A job must match each one you fill in.',
      keywords: 'Keywords',
      keywordsHint:
        'A job matches when its title, description or skills contain every word of one keyword. Up to {{max}}, {{length}} characters each.',
      departments: 'Departments',
      departmentsHint: 'The job’s department, e.g. 経営企画部. Up to {{max}}.',
      locations: 'Locations',
      locationsHint:
        'Part of the job’s location, e.g. 東京. Fully remote jobs match every location. Up to {{max}}.',
      frequency: 'How to tell me',
      create: 'Create alert',
      save: 'Save alert',
      created: 'Alert created.',
      saved: 'Alert saved.',
      limit: 'You have {{max}} alerts, the most you can have. Delete one to add another.',
    },
  },
};
