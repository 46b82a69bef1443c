/**
 * The purposes a member consents to, one switch each (decision 010). Zod-free so the web bundle
 * can import the values; the contracts are in common/consents.ts.
 */
export const CONSENT_PURPOSES = ['directory', 'rehiring', 'business', 'newsletter', 'events'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/**
 * Version of the consent texts (web/i18n `consents.purposes.*`, ja and en). Change it whenever any
 * of those texts changes in substance: every ledger row records the version the member saw, and
 * PUT /api/me/consents refuses answers given to another version (a tab open since before a deploy).
 */
export const CONSENT_TEXT_VERSION = '2026-11-24';

/** Where an answer was given. */
export const CONSENT_SOURCES = ['first_sign_in', 'settings', 'seed', 'test', 'offboarding'] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];
