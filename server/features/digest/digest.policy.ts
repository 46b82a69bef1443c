import type { Viewer } from '#server/lib/access/policy';

/**
 * Who may do what with the digest. Every signed-in member keeps their own settings (the queries
 * are scoped to the viewer: nobody reads or changes another member's). Unsubscribing needs no
 * session: the token in the mail is the authority.
 */
export const canKeepDigest = (_viewer: Viewer) => true;

/** Running the weekly digest by hand (the browser journey): admins only, never in production. */
export const canRunDigestNow = (viewer: Viewer, nodeEnv: string) =>
  viewer.role === 'admin' && nodeEnv !== 'production';
