/** English UI text: `home` (assembled into web/i18n/en.ts). */
export const messages = {
  home: {
    title: 'Home',
    welcome: 'Welcome, {{name}}',
    lead: 'Find colleagues and alumni by name, company or skill, and keep in touch.',
    myProfile: 'My profile',
    editProfile: 'Edit my profile',
    admin: 'Member admin',
    about: {
      title: 'About Kizuna',
      body: 'Kizuna (絆, "bond") keeps a lasting relationship between our company and the people who have worked here. Alumni are not "gone": they are part of a network that employees and alumni both benefit from.',
    },
    pillars: {
      directory: {
        title: 'Find people',
        body: 'Search names in kanji, kana or romaji, companies, skills and bios, and filter by department, years, industry and country.',
      },
      diagonal: {
        title: 'Diagonal connections',
        body: 'Meet people of another generation, department or industry — beyond the usual senior/junior and same-year ties.',
      },
      availability: {
        title: 'Ways to work together',
        body: 'Members show whether they are open to returning, side work and advisory, mentoring or speaking.',
      },
      privacy: {
        title: 'You decide who sees what',
        body: 'Each profile field has its own visibility: HR only, employees, or all members.',
      },
    },
  },
};
