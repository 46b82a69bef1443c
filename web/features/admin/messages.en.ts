/** English UI text: `admin` (assembled into web/i18n/en.ts). */
export const messages = {
  admin: {
    title: 'Member admin',
    lead: 'Invite people, follow invitations, browse members and set how widely profile fields may be shown.',
    sectionsLabel: 'Sections',
    sections: {
      invite: 'Invite a member',
      invitations: 'Recent invitations',
      members: 'Members',
      limits: 'Profile visibility limits',
    },
    members: {
      title: 'Members',
    },
    limits: {
      help: 'The most open visibility members may choose for each field. Lowering a limit hides the field from anyone outside it at once.',
      fieldLabel: 'Limit: {{field}}',
      saved: 'Visibility limits saved.',
    },
  },
};
