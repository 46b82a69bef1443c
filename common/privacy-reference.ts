/**
 * "My data" constants, free of zod so the web bundle can import them (see common/reference.ts).
 * Decision 011.
 */

/** Categories the "what we hold" summary and the export are grouped by. */
export const DATA_CATEGORIES = [
  'account',
  'profile',
  'consents',
  'hr',
  'invitations',
  'verification',
  'careers',
  'community',
  'mail',
  'activity',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** The word a member types to confirm deleting their account; either language is accepted. */
export const DELETE_CONFIRMATION_WORDS = { ja: '退会する', en: 'DELETE' } as const;

export const RETENTION_YEARS = { min: 1, max: 20 } as const;
export const RETENTION_WARNING_DAYS = { min: 7, max: 180 } as const;

/** What later content tables show in place of an erased author's name (when content is kept). */
export const FORMER_MEMBER_NAME = { ja: '退会したメンバー', en: 'Former member' } as const;
