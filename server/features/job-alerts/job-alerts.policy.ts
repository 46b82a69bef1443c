import type { Viewer } from '#server/lib/access/policy';

/**
 * Who may do what with job alerts (decision 018). Every signed-in member (alumni, employees,
 * leavers, HR, admins) keeps their own alerts; nobody — not HR, not an admin — reads or changes
 * another member's: the queries are scoped to the viewer, so another member's alert is a 404.
 * What an alert delivers is governed by the visibility policy (`canView` per owner), never by
 * this file.
 */
export const canKeepJobAlerts = (_viewer: Viewer) => true;

/** Running the digest by hand (the browser journey): admins only, and never in production. */
export const canRunDigestNow = (viewer: Viewer, nodeEnv: string) =>
  viewer.role === 'admin' && nodeEnv !== 'production';
