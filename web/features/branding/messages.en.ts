/** English UI text: `branding` (assembled into web/i18n/en.ts). */
export const messages = {
  branding: {
    title: 'Organisation name and logo',
    lead: 'Shown on every page (also to people who are not signed in, such as referred candidates) and in every email, in the reader’s language.',
    namesTitle: 'Display name',
    nameJa: 'Name in Japanese',
    nameEn: 'Name in English',
    namesHint:
      'As the company wants to be called, e.g. 株式会社絆デモ / Kizuna Demo Inc. Emails put it in the subject and the signature.',
    nameTooLong: 'At most {{n}} characters.',
    logoFormat: 'Choose a PNG, JPEG or WebP image (SVG is not accepted).',
    logoTooLarge: 'The image must be at most 1 MB.',
    saved: 'Saved.',
    logoTitle: 'Logo',
    logoHint:
      'PNG, JPEG or WebP, at most 1 MB. It is stored as a PNG of at most 512 × 512 pixels, without the file’s metadata. SVG is not accepted.',
    currentLogo: 'Current logo',
    noLogo: 'No logo yet: pages show the 絆 mark.',
    chooseLogo: 'Choose an image',
    upload: 'Upload',
    removeLogo: 'Remove logo',
    logoSaved: 'The logo has been updated.',
    logoRemoved: 'The logo has been removed.',
    preview: 'How it looks in the header',
    adminsOnlyTitle: 'For admins only',
    adminsOnlyBody:
      'This page can only be opened by an administrator. If you need a change here, please ask one of your admins.',
    adminsOnlyBack: 'Back to the admin pages',
  },
};
