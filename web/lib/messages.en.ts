import { labelsIn, PROFILE_FIELD_LABELS } from '#common/field-labels';
/** English UI text: `roles`, `industries`, `availability`, `availabilityHelp`, `visibility`, `fields` (assembled into web/i18n/en.ts). */
export const messages = {
  roles: {
    alumni: 'Alumni',
    employee: 'Employee',
    leaver: 'Leaver',
    alumni_manager: 'HR',
    admin: 'Admin',
  },
  industries: {
    it: 'IT & software',
    consulting: 'Consulting',
    finance: 'Finance & insurance',
    manufacturing: 'Manufacturing',
    retail: 'Retail & consumer',
    healthcare: 'Healthcare',
    education: 'Education',
    public_sector: 'Public sector',
    media: 'Media & entertainment',
    energy: 'Energy',
    logistics: 'Logistics',
    real_estate: 'Real estate',
    startup: 'Startup',
    nonprofit: 'Non-profit',
    other: 'Other',
  },
  availability: {
    openToReturn: 'Open to return',
    sideWork: 'Side work & advisory',
    mentoring: 'Mentoring',
    speaking: 'Speaking',
  },
  availabilityHelp: {
    openToReturn: 'I would consider coming back to the company.',
    sideWork: 'Open to side projects, advisory or consulting work.',
    mentoring: 'Happy to mentor employees and other alumni.',
    speaking: 'Available to speak at events and lectures.',
  },
  visibility: {
    fieldLabel: 'Visibility: {{field}}',
    levels: {
      admins: 'HR & admins only',
      employees: 'Employees',
      members: 'All members',
    },
  },
  fields: labelsIn(PROFILE_FIELD_LABELS, 'en'),
};
