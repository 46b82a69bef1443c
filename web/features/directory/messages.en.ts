/** English UI text: `directory`, `card` (assembled into web/i18n/en.ts). */
export const messages = {
  directory: {
    title: 'Directory',
    lead: 'Alumni and employees of our company.',
    filters: 'Filters',
    clearFilters: 'Clear filters',
    skipToResults: 'Skip to results',
    noOptions: 'None',
    showMore_one: 'Show {{count}} more',
    showMore_other: 'Show {{count}} more',
    showLess: 'Show less',
    tenureMin: 'From (years)',
    tenureMax: 'To (years)',
    count_one: '{{formatted}} member',
    count_other: '{{formatted}} members',
    facets: {
      role: 'Role',
      department: 'Department',
      industry: 'Industry',
      country: 'Country',
      skill: 'Skill',
      availability: 'Availability',
      tenure: 'Years at the company',
    },
    sort: {
      label: 'Sort by',
      relevance: 'Best match',
      name: 'Name',
    },
    empty: {
      title: 'No members found',
      body: 'Try other words or fewer filters.',
    },
  },
  card: {
    now: 'Now',
    atCompany: 'With us',
    where: 'Based in',
  },
};
