/** English UI text: `login` (assembled into web/i18n/en.ts). */
export const messages = {
  login: {
    title: 'Sign in to Kizuna',
    lead: 'The network of our alumni and colleagues.',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    inviteOnly: 'Kizuna is by invitation only. If you have not received an invitation, please contact HR.',
    errors: {
      invalid: 'The email address or password is incorrect.',
      invalidEmail: 'Enter a valid email address.',
    },
  },
};
